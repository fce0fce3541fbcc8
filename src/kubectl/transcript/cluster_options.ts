// The cluster a transcript runs against (`kukumber shell`, `kukumber doctest`): the default
// cluster — three nodes node01..node03 — unless --nodes/--seed/--images say otherwise. This is the
// one place transcript options become ClusterOptions, so node counts and image profiles can be
// wired here once the cluster takes them.
import { Cluster, DEFAULT_NODES as DEFAULT_CLUSTER_NODES, type ClusterOptions } from '../../cluster/cluster';
import { WITHOUT_NODES } from '../../cluster/testing';

export interface TranscriptClusterOptions {
  nodes?: number;
  seed?: number;
  /** kube-controller-manager's controllers (default: all); unit tests that drive status by hand pass fewer. */
  controllers?: ClusterOptions['controllers'];
  /**
   * Unit tests that play scheduler and kubelet by hand: nodes are bare Node objects (Ready, no
   * kubelet behind them) and no scheduler runs.
   */
  bareNodes?: boolean;
  /** An image-profile fixture file. */
  images?: string;
}

export const DEFAULT_NODES = 3;
export const DEFAULT_SEED = 1;

export class TranscriptOptionError extends Error {
  override name = 'TranscriptOptionError';
}

/** ClusterOptions for a transcript's options: node01..N of the default shape, and an extra image catalogue. */
export function transcriptClusterOptions(options: TranscriptClusterOptions): ClusterOptions {
  const count = options.nodes ?? DEFAULT_NODES;
  if (!Number.isInteger(count) || count < 0) throw new TranscriptOptionError(`--nodes must be a whole number, got ${count}`);
  const shape = DEFAULT_CLUSTER_NODES[0]!;
  const base: ClusterOptions = { seed: options.seed ?? DEFAULT_SEED, controllers: options.controllers };
  if (options.bareNodes) return { ...WITHOUT_NODES, seed: base.seed, controllers: options.controllers ?? WITHOUT_NODES.controllers };
  return {
    ...base,
    nodes: Array.from({ length: count }, (_, i) => ({ ...shape, name: nodeName(i + 1) })),
    images: options.images !== undefined ? [options.images] : undefined,
  };
}

export const nodeName = (i: number): string => `node${String(i).padStart(2, '0')}`;

/** Builds the transcript's cluster (with bare nodes registered here when asked for). */
export function createTranscriptCluster(options: TranscriptClusterOptions = {}): Cluster {
  const cluster = new Cluster(transcriptClusterOptions(options));
  const wanted = options.nodes ?? DEFAULT_NODES;
  if (options.bareNodes) {
    for (let i = 1; i <= wanted; i++) {
      const name = nodeName(i);
      cluster.api.create({
        apiVersion: 'v1', kind: 'Node',
        metadata: { name, labels: { 'kubernetes.io/arch': 'amd64', 'kubernetes.io/hostname': name, 'kubernetes.io/os': 'linux' } },
        spec: {},
        status: { conditions: [{ type: 'Ready', status: 'True', reason: 'KubeletReady', message: 'kubelet is posting ready status' }] },
      }, { actor: 'kubelet' });
    }
  }
  return cluster;
}
