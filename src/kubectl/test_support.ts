// Helpers for kubectl's unit tests: a transcript runs against a cluster and every command's output
// must match, or the assertion shows the unified diffs; temporary manifest folders for -f tests.
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Cluster } from '../cluster/cluster';
import type { KubeObject } from '../api/objects';
import { parseRfc3339 } from '../sim/time';
import { doctestText, formatMismatch } from './transcript/doctest';
import { createTranscriptCluster } from './transcript/cluster_options';
import { garbageCollectorController } from '../controllers/garbage_collector';

/** Runs the transcript on the cluster; fails with the diffs of every mismatching command. */
export function expectTranscript(cluster: Cluster, transcript: string, cwd = process.cwd()): void {
  const { mismatches } = doctestText(cluster, transcript.replace(/^\n/, ''), 'transcript', cwd);
  assert.equal(mismatches.map(formatMismatch).join('\n'), '', 'transcript output differs');
}

/** A transcript cluster with three bare nodes: no scheduler or kubelets, tests bind and finish pods by hand. */
export const newCluster = (seed = 1): Cluster => createTranscriptCluster({ seed, bareNodes: true });

/** The same with only the garbage collector: for tests that play the workload controllers' part by hand. */
export const newClusterWithoutWorkloadControllers = (seed = 1): Cluster =>
  createTranscriptCluster({ seed, bareNodes: true, controllers: [garbageCollectorController] });

/** Writes files (path → content) into a new temporary folder and returns it. */
export function manifestDir(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'kukumber-'));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  return dir;
}

/**
 * A stand-in for kubelets in kubectl tests: a pod marked for graceful deletion is removed when its
 * grace period ends (the kubelet's final DELETE with grace 0 and a UID precondition).
 */
export function finishGracefulDeletions(cluster: Cluster): void {
  const pending = new Set<string>();
  cluster.api.watch('Pod', { watcher: 'test-kubelet' }, e => {
    const pod = e.object;
    if (e.type === 'DELETED' || !pod.metadata.deletionTimestamp || pending.has(pod.metadata.uid)) return;
    pending.add(pod.metadata.uid);
    cluster.sim.scheduleAt(parseRfc3339(pod.metadata.deletionTimestamp)!, 'test-kubelet/kill', () => {
      if (cluster.store.byUid(pod.metadata.uid)) {
        cluster.client('kubelet').delete('Pod', pod.metadata.namespace!, pod.metadata.name, { gracePeriodSeconds: 0, preconditions: { uid: pod.metadata.uid } });
      }
    });
  });
}

/** A pod bound to a node (so deleting it is graceful), optionally owned by a controller. */
export function boundPod(name: string, node: string, labels: Record<string, string> = { app: 'web' },
  owner?: { kind: string; name: string; uid: string; apiVersion?: string }): KubeObject {
  return {
    apiVersion: 'v1', kind: 'Pod',
    metadata: { name, labels, ...(owner ? { ownerReferences: [{ apiVersion: owner.apiVersion ?? 'apps/v1', kind: owner.kind, name: owner.name, uid: owner.uid, controller: true, blockOwnerDeletion: true }] } : {}) },
    spec: { nodeName: node, containers: [{ name: 'app', image: 'nginx:1.27' }] },
  };
}

/** A ReplicaSet manifest "web" (app=web, one container "app"). */
export const RS = (image: string, replicas = 2, extra = ''): string => `apiVersion: apps/v1
kind: ReplicaSet
metadata:
  name: web
spec:
  replicas: ${replicas}
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: app
        image: ${image}${extra}
`;
