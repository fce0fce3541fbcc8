// What a describer reads: the cluster, the instant it describes at, and kubectl's settings.
import type { Cluster } from '../../cluster/cluster';

export interface DescribeContext {
  cluster: Cluster;
  nowMs: number;
  /** --show-events (default true): without it the Events section is left out entirely. */
  showEvents: boolean;
}
