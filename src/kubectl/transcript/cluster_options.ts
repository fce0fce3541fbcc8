// The cluster a transcript runs against (`kukumber shell`, `kukumber doctest`): the default
// cluster — three nodes node01..node03 — unless --nodes/--seed/--images say otherwise. This is the
// one place transcript options become ClusterOptions, so node counts and image profiles can be
// wired here once the cluster takes them.
import { Cluster, type ClusterOptions } from '../../cluster/cluster';

export interface TranscriptClusterOptions {
  nodes?: number;
  seed?: number;
  /** kube-controller-manager's controllers (default: all); unit tests that drive status by hand pass fewer. */
  controllers?: ClusterOptions['controllers'];
  /** An image-profile fixture file. */
  images?: string;
}

export const DEFAULT_NODES = 3;
export const DEFAULT_SEED = 1;

export class TranscriptOptionError extends Error {
  override name = 'TranscriptOptionError';
}

/** ClusterOptions for a transcript's options (node counts and images are not cluster options yet). */
export function transcriptClusterOptions(options: TranscriptClusterOptions): ClusterOptions {
  if (options.images !== undefined) throw new TranscriptOptionError('--images is not supported yet: the cluster has no image profiles to load');
  return { seed: options.seed ?? DEFAULT_SEED, controllers: options.controllers };
}

export const nodeName = (i: number): string => `node${String(i).padStart(2, '0')}`;

/**
 * Builds the transcript's cluster. Until the cluster registers its own nodes, the nodes are
 * registered here as bare Node objects (Ready, no kubelet behind them) so cordon and drain have
 * something to act on.
 */
export function createTranscriptCluster(options: TranscriptClusterOptions = {}): Cluster {
  const cluster = new Cluster(transcriptClusterOptions(options));
  const wanted = options.nodes ?? DEFAULT_NODES;
  if (cluster.store.list('Node').length === 0) {
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
