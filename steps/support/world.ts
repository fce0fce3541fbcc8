// The World: one simulated cluster per scenario, built on first use with the scenario's seed and
// options. The seed comes from a world parameter, else KUKUMBER_SEED, else a stable hash of the
// scenario name, so every scenario replays byte for byte on its own.
import { setWorldConstructor, World, type IWorldOptions } from '@cucumber/cucumber';
import { Cluster, type ClusterOptions } from '../../src/cluster/cluster';
import { fnv1a32 } from '../../src/sim/random';

export interface KukumberParameters { seed?: number }

export class KukumberWorld extends World<KukumberParameters> {
  private current: Cluster | undefined;
  /** Options the Given steps collect before the cluster is built. */
  readonly clusterOptions: ClusterOptions = {};
  seed = 1;
  scenarioName = '';
  /** The last rejection an action expected to fail produced, for Then steps to check. */
  lastError: string | undefined;

  constructor(options: IWorldOptions<KukumberParameters>) {
    super(options);
  }

  /** Called by the Before hook with the scenario's name and tags. */
  configure(scenarioName: string, tags: string[]): void {
    this.scenarioName = scenarioName;
    const tagSeed = tags.map(t => /^@seed=(\d+)$/.exec(t)?.[1]).find(Boolean);
    const envSeed = process.env.KUKUMBER_SEED;
    this.seed = tagSeed !== undefined ? Number(tagSeed)
      : this.parameters.seed !== undefined ? Number(this.parameters.seed)
      : envSeed !== undefined && envSeed !== '' ? Number(envSeed)
      : fnv1a32(scenarioName);
  }

  get cluster(): Cluster {
    this.current ??= new Cluster({ ...this.clusterOptions, seed: this.seed });
    return this.current;
  }

  get hasCluster(): boolean { return this.current !== undefined; }
}

setWorldConstructor(KukumberWorld);
