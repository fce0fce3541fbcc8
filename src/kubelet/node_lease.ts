// The kubelet's node lease controller (component-helpers/apimachinery/lease/controller.go, with
// pkg/kubelet/util/nodelease.go's SetNodeOwnerFunc): every renewInterval (10 s, JitterUntil factor
// 0.04, the period counted from the end of a sync) it updates kube-node-lease/<node> from the last
// Lease it wrote — no GET while that works — with a new renewTime and the Node as owner once the Node
// can be read. An update is tried up to 5 times (a Conflict fetches the Lease first); when they all
// fail, or there is no last Lease (a kubelet that just started), the Lease is fetched or created,
// retrying a failed fetch after 200 ms, doubling to 7 s, and the loop waits for that.
// Not modelled: onRepeatedHeartbeatFailure (closing the client's connections).
import type { Simulation } from '../sim/simulation';
import type { ScheduledEvent } from '../sim/event_queue';
import type { Client } from '../api/client';
import type { KubeObject, OwnerReference, Stored } from '../api/objects';
import { isApiError } from '../api/errors';
import * as time from '../sim/time';
import * as backoff from './backoff';

// Read once at load: the loader compiles every use of an imported binding into calls of its export getters.
const { jitter } = backoff;
const { toRfc3339Micro } = time;

export const LEASE_DURATION_SECONDS = 40;
export const LEASE_RENEW_INTERVAL_MS = 10_000;
const LEASE_NAMESPACE = 'kube-node-lease';
const MAX_UPDATE_RETRIES = 5;
const ENSURE_FIRST_SLEEP_MS = 100;
const ENSURE_MAX_BACKOFF_MS = 7_000;

/** The heartbeat loops' JitterUntil factor (the lease loop's and the node status loop's). */
const HEARTBEAT_JITTER = 0.04;

/** A loop period with its jitter (wait.Jitter(ms, 0.04)), drawn from the kubelet's stream. */
export function heartbeatPeriodMs(random: { float(): number }, ms: number): number {
  return jitter(ms, HEARTBEAT_JITTER, random);
}

/** The keys of a Lease this controller created or renewed, in their order. */
const LEASE_KEYS = ['apiVersion', 'kind', 'metadata', 'spec'];
const LEASE_METADATA_KEYS = ['name', 'namespace', 'ownerReferences', 'creationTimestamp', 'uid', 'resourceVersion'];
const LEASE_SPEC_KEYS = ['holderIdentity', 'leaseDurationSeconds', 'renewTime'];

/** Has o exactly these keys, in this order? */
function keysAre(o: object, keys: readonly string[]): boolean {
  let i = 0;
  for (const k in o) { if (keys[i] !== k) return false; i++; }
  return i === keys.length;
}

/** A coordination.k8s.io/v1 Lease as this file reads it. */
type Lease = KubeObject & { spec?: Record<string, unknown> };

export class NodeLeaseController {
  /** c.latestLease: the Lease as the last successful write (or fetch) returned it. */
  private latestLease: Stored<Lease> | undefined;
  private ev: ScheduledEvent | undefined;
  private stopped = true;
  /** Syncs write nothing (a partitioned kubelet's requests fail); the loop keeps its period. */
  paused = false;
  private readonly label: string;
  private readonly tick = (): void => this.sync();

  constructor(private readonly sim: Simulation, private readonly client: Client, private readonly name: string,
    /** The kubelet's stream, which the period's jitter is drawn from (shared with the node status loop). */
    private readonly random: { float(): number }) {
    this.label = `kubelet ${name}: lease renew`;
  }

  /** Starts the loop with a sync now; a restarted kubelet knows no Lease yet. */
  start(): void {
    this.stopped = false;
    this.latestLease = undefined;
    this.sync();
  }

  stop(): void {
    this.stopped = true;
    this.sim.cancel(this.ev);
    this.ev = undefined;
  }

  private sync(): void {
    this.ev = undefined;
    if (this.stopped) return;
    if (this.paused || (this.latestLease !== undefined && this.retryUpdateLease(this.latestLease))) return this.next();
    this.backoffEnsureLease(ENSURE_FIRST_SLEEP_MS, (lease, created) => {
      this.latestLease = lease;
      // A Lease just created needs no update.
      if (!created && lease !== undefined) this.retryUpdateLease(lease);
      this.next();
    });
  }

  private next(): void {
    this.ev = this.sim.schedule(heartbeatPeriodMs(this.random, LEASE_RENEW_INTERVAL_MS), this.label, this.tick);
  }

  /** The Lease, created when missing; a failed fetch or create is retried after a sleep that doubles to 7 s. */
  private backoffEnsureLease(sleepMs: number, then: (lease: Stored<Lease> | undefined, created: boolean) => void): void {
    const ensured = this.ensureLease();
    if (ensured !== undefined) return then(ensured.lease, ensured.created);
    const sleep = Math.min(2 * sleepMs, ENSURE_MAX_BACKOFF_MS);
    this.ev = this.sim.schedule(sleep, this.label, () => {
      this.ev = undefined;
      if (!this.stopped) this.backoffEnsureLease(sleep, then);
    });
  }

  /** ensureLease: undefined on an error; no Lease (and no error) when the new one could not get its owner. */
  private ensureLease(): { lease: Stored<Lease> | undefined; created: boolean } | undefined {
    try {
      const found = this.client.find<Lease>('Lease', LEASE_NAMESPACE, this.name);
      if (found !== undefined) return { lease: found, created: false };
      const owner = this.nodeOwner();
      if (owner === undefined) return { lease: undefined, created: false };
      const lease = this.client.create<Lease>({ apiVersion: 'coordination.k8s.io/v1', kind: 'Lease',
        metadata: { name: this.name, namespace: LEASE_NAMESPACE, ownerReferences: owner },
        spec: { holderIdentity: this.name, leaseDurationSeconds: LEASE_DURATION_SECONDS, renewTime: toRfc3339Micro(this.sim.nowMs) } });
      return { lease, created: true };
    } catch (e) {
      if (!isApiError(e)) throw e;
      return undefined;
    }
  }

  /** retryUpdateLease: true once an update went through. */
  private retryUpdateLease(base: Stored<Lease>): boolean {
    for (let i = 0; i < MAX_UPDATE_RETRIES; i++) {
      try {
        this.latestLease = this.client.updateOwned<Lease>(this.renewed(base));
        return true;
      } catch (e) {
        if (!isApiError(e)) throw e;
        if (isApiError(e, 'Conflict')) {
          // The loop sleeps here until the fetch works; the sim models that wait only at the sync's start.
          const ensured = this.ensureLease();
          if (ensured?.lease !== undefined) base = ensured.lease;
        }
      }
    }
    return false;
  }

  /** newLease(base): a copy (with its resourceVersion, the update's precondition), a new renewTime, the owner when missing; built for the request, so handed over (updateOwned). */
  private renewed(base: Stored<Lease>): Lease {
    const m = base.metadata;
    const spec = base.spec;
    // The Lease as this controller writes it (with an owner): the copy as literals, with the same keys in
    // the same order (spreading a stored, frozen, object takes a slow path).
    if (m.ownerReferences && keysAre(base, LEASE_KEYS) && keysAre(m, LEASE_METADATA_KEYS) && spec !== undefined && keysAre(spec, LEASE_SPEC_KEYS)) {
      return { apiVersion: base.apiVersion, kind: base.kind,
        metadata: { name: m.name, namespace: m.namespace, ownerReferences: m.ownerReferences, creationTimestamp: m.creationTimestamp,
          uid: m.uid, resourceVersion: m.resourceVersion },
        spec: { holderIdentity: this.name, leaseDurationSeconds: LEASE_DURATION_SECONDS, renewTime: toRfc3339Micro(this.sim.nowMs) } };
    }
    return this.renewedCopy(base);
  }

  /** renewed for a Lease of any other shape: spread copies. */
  private renewedCopy(base: Stored<Lease>): Lease {
    const metadata = { ...base.metadata };
    if (!metadata.ownerReferences) {
      const owner = this.nodeOwner();
      if (owner !== undefined) metadata.ownerReferences = owner;
    }
    const spec = { ...base.spec };
    spec.holderIdentity = this.name;
    spec.leaseDurationSeconds = LEASE_DURATION_SECONDS;
    spec.renewTime = toRfc3339Micro(this.sim.nowMs);
    return { ...base, metadata, spec };
  }

  /** SetNodeOwnerFunc: the Node as the owner (a GET); undefined when the Node cannot be read. */
  private nodeOwner(): OwnerReference[] | undefined {
    try {
      const node = this.client.find('Node', '', this.name);
      return node ? [{ apiVersion: 'v1', kind: 'Node', name: this.name, uid: node.metadata.uid }] : undefined;
    } catch (e) {
      if (!isApiError(e)) throw e;
      return undefined;
    }
  }
}
