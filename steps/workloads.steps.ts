// Workload checks: replica counts from the status fields controllers write, the pods a workload
// owns, and counts over history (pods created; most pods at once).
import { defineStateCheck, defineStep } from './support/catalog';
import type { KukumberWorld } from './support/world';
import type { ObjectRef } from '../src/check/refs';
import type { Amount } from '../src/check/amount';
import { podCount, replicaCount, type ReplicaState } from '../src/check/checks/workloads';
import { checkCreated, checkMostAtOnce } from '../src/check/history_counts';

defineStateCheck({
  domain: 'workloads', phrase: '{ref} has {amount} {replicaState} replica(s)', example: 'replicaset "web" has 3 ready replicas',
  doc: 'desired = spec.replicas; current, ready, available, updated = the status counts `kubectl get` shows (absent = 0). On failure, says why pods are not there yet.',
  build: (ref: ObjectRef, amount: Amount, state: ReplicaState) => replicaCount(ref, amount, state),
});

defineStateCheck({
  domain: 'workloads', phrase: '{ref} has {amount} pod(s)', example: 'replicaset "web" has 3 pods',
  doc: 'Pods the workload owns (through its ReplicaSets for a Deployment, its Jobs for a CronJob), Terminating ones included.',
  build: (ref: ObjectRef, amount: Amount) => podCount(ref, amount),
});

defineStep('Then', '{ref} created {amount} pod(s)', {
  domain: 'workloads', example: 'replicaset "web" created 5 pods',
  doc: 'Pods created (over the whole history) whose controller is the workload, directly or through its ReplicaSets or Jobs.',
}, function (this: KukumberWorld, ref: ObjectRef, amount: Amount) {
  this.check(c => checkCreated(c, ref, amount, this.since(c)));
});

defineStep('Then', 'since {string}, {ref} created {amount} pod(s)', {
  domain: 'workloads', example: 'since "rollout-start", replicaset "web" created at most 3 pods',
  doc: 'As above, counting only pods created after the mark.',
}, function (this: KukumberWorld, mark: string, ref: ObjectRef, amount: Amount) {
  this.check(c => checkCreated(c, ref, amount, this.since(c, mark)));
});

defineStep('Then', '{ref} had {amount} pod(s) at once', {
  domain: 'workloads', example: 'replicaset "web" had at most 4 pods at once',
  doc: 'The most pods the workload owned at any one write since the scenario started (Terminating ones included).',
}, function (this: KukumberWorld, ref: ObjectRef, amount: Amount) {
  this.check(c => checkMostAtOnce(c, ref, amount, this.since(c)));
});

defineStep('Then', 'since {string}, {ref} had {amount} pod(s) at once', {
  domain: 'workloads', example: 'since "rollout-start", deployment "api" had at most 4 pods at once',
  doc: 'As above, since the mark.',
}, function (this: KukumberWorld, mark: string, ref: ObjectRef, amount: Amount) {
  this.check(c => checkMostAtOnce(c, ref, amount, this.since(c, mark)));
});
