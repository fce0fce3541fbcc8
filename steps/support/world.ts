// The World: one simulated cluster per scenario, built on first use with the scenario's seed and
// options. The seed comes from KUKUMBER_SEED, else a `@seed=N` tag, else a world parameter, else a
// stable hash of the scenario name, so every scenario replays byte for byte on its own. Options
// come from tags (`@watch-latency=200ms`, `@runaway=100/1m`). Every step's effect on the cluster goes through
// perform(), which also records it, so a scenario can be replayed on a fresh cluster.
import { setWorldConstructor, World, type IWorldOptions } from '@cucumber/cucumber';
import { Cluster, type ClusterOptions } from '../../src/cluster/cluster';
import { fnv1a32 } from '../../src/sim/random';
import { parseDuration } from '../../src/sim/time';
import { CheckFailed, reproduceCommand, type CheckFailure, type CheckOutcome, type Reproduction } from '../../src/check/failure';
import type { Since } from '../../src/check/temporal';

export interface KukumberParameters { seed?: number }

/** Tags that set options: `@name=value`. */
const OPTION_TAGS: Record<string, (w: KukumberWorld, value: string) => void> = {
  seed: (w, v) => {
    if (!/^\d+$/.test(v)) throw new Error(`@seed=${v}: the seed must be a non-negative integer`);
    w.seed = Number(v);
  },
  'watch-latency': (w, v) => {
    const ms = parseDuration(v);
    if (ms === undefined) throw new Error(`@watch-latency=${v}: not a duration (write 200ms, 1s, …)`);
    w.clusterOptions.watchLatencyMs = ms;
  },
  // @runaway=100/1m: an owner creating more than 100 objects within 1m of virtual time is stopped.
  runaway: (w, v) => {
    const m = /^(\d+)\/(.+)$/.exec(v);
    const windowMs = m ? parseDuration(m[2]!) : undefined;
    if (!m || windowMs === undefined) throw new Error(`@runaway=${v}: write creations/window, e.g. @runaway=100/1m`);
    w.clusterOptions.runaway = { maxCreations: Number(m[1]), windowMs };
  },
};

type Action = (c: Cluster) => unknown;

export class KukumberWorld extends World<KukumberParameters> {
  private current: Cluster | undefined;
  /** Options the Given steps collect before the cluster is built. */
  readonly clusterOptions: ClusterOptions = {};
  seed = 1;
  scenarioName = '';
  /** `features/x.feature` and the scenario's line, for the reproduce command. */
  featureUri = '';
  scenarioLine = 0;
  /** The last rejection an action expected to fail produced, for Then steps to check. */
  lastError: string | undefined;
  /** Set by "the next check is expected to fail"; the failure text lands in capturedFailure. */
  expectingFailure = false;
  capturedFailure: string | undefined;
  /** The failure of the check that failed the scenario, for the report. */
  lastCheckFailure: CheckFailure | undefined;
  /** What each step did to the cluster, in order, and the error (if any) it ended with. */
  readonly actions: { action: Action; error?: string }[] = [];

  constructor(options: IWorldOptions<KukumberParameters>) {
    super(options);
  }

  /** Called by the Before hook with the scenario's name, tags and location. */
  configure(scenarioName: string, tags: string[], featureUri = '', scenarioLine = 0): void {
    this.scenarioName = scenarioName;
    this.featureUri = featureUri;
    this.scenarioLine = scenarioLine;
    this.seed = this.parameters.seed !== undefined ? Number(this.parameters.seed) : fnv1a32(scenarioName);
    for (const tag of tags) {
      const m = /^@([a-z-]+)=(.*)$/.exec(tag);
      if (!m) continue;
      const apply = OPTION_TAGS[m[1]!];
      if (!apply) throw new Error(`unknown option tag ${tag} (options: ${Object.keys(OPTION_TAGS).map(k => `@${k}=…`).join(', ')})`);
      apply(this, m[2]!);
    }
    // KUKUMBER_SEED wins over everything: `kukumber explore` and every printed reproduce command set it.
    const envSeed = process.env.KUKUMBER_SEED;
    if (envSeed !== undefined && envSeed !== '') {
      if (!/^\d+$/.test(envSeed)) throw new Error(`KUKUMBER_SEED=${envSeed}: the seed must be a non-negative integer`);
      this.seed = Number(envSeed);
    }
  }

  get cluster(): Cluster {
    this.current ??= new Cluster({ ...this.clusterOptions, seed: this.seed });
    return this.current;
  }

  get hasCluster(): boolean { return this.current !== undefined; }

  /** Runs a step's effect on the cluster and records it for replay. */
  perform<T>(action: (c: Cluster) => T): T {
    const entry: { action: Action; error?: string } = { action };
    this.actions.push(entry);
    try {
      return action(this.cluster);
    } catch (e) {
      entry.error = (e as Error).message;
      throw e;
    }
  }

  /** Builds a fresh cluster with this scenario's options and the given seed, and repeats every step's effect on it. */
  replay(seed: number): Cluster {
    const c = new Cluster({ ...this.clusterOptions, seed });
    this.actions.forEach(({ action, error }, i) => {
      try {
        action(c);
      } catch (e) {
        if (error === undefined) throw new Error(`replay: the effect of step ${i + 1} failed on replay only: ${(e as Error).message}`);
      }
    });
    return c;
  }

  reproduction(): Reproduction {
    return { seed: this.seed, command: reproduceCommand(this.seed, this.featureUri, this.scenarioLine) };
  }

  /** Where always/never look from: the scenario start, or a mark. */
  since(c: Cluster, mark?: string): Since {
    const m = mark === undefined ? c.annotations.start : c.annotations.markNamed(mark);
    return { mark, index: m.index, atMs: m.atMs };
  }

  /** Runs a temporal check; a failure fails the step, unless the scenario said it expects one. */
  check(run: (c: Cluster) => CheckOutcome): void {
    const outcome = this.perform(run);
    const expecting = this.expectingFailure;
    this.expectingFailure = false;
    if (outcome.ok) {
      if (expecting) throw new Error(`the check was expected to fail, but it held: ${outcome.description}`);
      return;
    }
    const failed = new CheckFailed(outcome, this.reproduction());
    if (expecting) {
      this.capturedFailure = failed.message;
      return;
    }
    this.lastCheckFailure = outcome;
    throw failed;
  }
}

setWorldConstructor(KukumberWorld);
