// Node steps: the cluster's shape as a table (before the cluster is built), nodes joining later, a
// node that stops renewing its lease or whose kubelet stops, and checks on node taints. Node
// conditions use the generic condition check: `node "node02" has condition Ready=Unknown`.
import type { DataTable } from '@cucumber/cucumber';
import { defineStateCheck, defineStep } from './support/catalog';
import type { KukumberWorld } from './support/world';
import type { ObjectRef } from '../src/check/refs';
import { parseNodeTable } from '../src/cluster/node_table';
import { nodeTaint } from '../src/check/checks/nodes';

defineStep('Given', 'a cluster with nodes:', {
  domain: 'nodes', example: 'a cluster with nodes:', block: 'data table',
  doc: 'The cluster\'s nodes instead of the default node01..node03: columns name (required), cpu, memory, pods, labels (`disk=ssd, zone=a`), taints (`dedicated=infra:NoSchedule`, as `kubectl taint` writes them) and unschedulable; empty cells keep the defaults (cpu 4, memory 16Gi, pods 110). Must come before any step that uses the cluster.',
}, function (this: KukumberWorld, table: DataTable) {
  const shapes = parseNodeTable(table.raw());
  if (this.hasCluster) throw new Error('a cluster with nodes: the cluster is already built; describe its nodes before any step that uses it');
  this.clusterOptions.nodes = shapes;
});

defineStep('When', 'these nodes join the cluster:', {
  domain: 'nodes', example: 'these nodes join the cluster:', block: 'data table',
  doc: 'Adds nodes (same columns as `a cluster with nodes:`): each kubelet starts now, registers its Node and heartbeats.',
}, function (this: KukumberWorld, table: DataTable) {
  const shapes = parseNodeTable(table.raw());
  this.perform(c => { for (const s of shapes) c.addNode(s); });
});

defineStep('When', 'node {string} stops renewing its lease', {
  domain: 'nodes', example: 'node "node02" stops renewing its lease',
  doc: 'The node\'s kubelet stops heartbeating — no Lease renewals, no node status — but otherwise keeps running its pods and talking to the API server.',
}, function (this: KukumberWorld, name: string) {
  this.perform(c => {
    c.stopHeartbeats(name);
    c.annotations.faultStarted('heartbeats stopped', { target: `node/${name}` });
  });
});

defineStep('When', 'the kubelet on node {string} stops', {
  domain: 'nodes', example: 'the kubelet on node "node02" stops',
  doc: 'The kubelet process stops: no heartbeats, no pod status, no confirmation of deletions; the containers keep running.',
}, function (this: KukumberWorld, name: string) {
  this.perform(c => {
    c.stopKubelet(name);
    c.annotations.faultStarted('kubelet stopped', { target: `node/${name}` });
  });
});

defineStep('When', 'the kubelet on node {string} starts again', {
  domain: 'nodes', example: 'the kubelet on node "node02" starts again',
  doc: 'The stopped kubelet starts with empty memory: it registers and heartbeats again and takes up the pods bound to its node.',
}, function (this: KukumberWorld, name: string) {
  this.perform(c => {
    c.startKubelet(name);
    for (const f of c.annotations.faults) if (f.name === 'kubelet stopped' && f.target === `node/${name}`) c.annotations.faultHealed(f);
  });
});

defineStateCheck({
  domain: 'nodes', phrase: '{ref} has taint {string}', example: 'node "node02" has taint "node.kubernetes.io/unreachable:NoExecute"',
  doc: 'The node carries the taint, written `key=value:Effect` or `key:Effect` (as `kubectl taint`).',
  build: (ref: ObjectRef, spec: string) => nodeTaint(ref, spec, true),
});

defineStateCheck({
  domain: 'nodes', phrase: '{ref} has no taint {string}', example: 'node "node02" has no taint "node.kubernetes.io/unreachable:NoExecute"',
  doc: 'The node exists and does not carry the taint.',
  build: (ref: ObjectRef, spec: string) => nodeTaint(ref, spec, false),
});
