// Workload checks: replica counts from the status fields controllers write, the pods a workload
// owns (by state and image), and counts over history (pods created; most pods at once). Actions on
// a workload's pods, and running the cluster into kukumber's runaway stop.
import { expect } from 'chai';
import { defineStateCheck, defineStep } from './support/catalog';
import type { KukumberWorld } from './support/world';
import type { ObjectRef } from '../src/check/refs';
import type { Amount } from '../src/check/amount';
import { podCount, replicaCount, type ReplicaState } from '../src/check/checks/workloads';
import { checkCreated, checkMostAtOnce } from '../src/check/history_counts';
import { allPodsRunImage, podStateCount, podsWithImage, type PodState } from '../src/check/checks/workload_pods';
import { deletePodsOf } from '../src/cluster/workload_pods';
import { runUntilStopped } from '../src/cluster/runaway';
import { durationText } from '../src/check/durations';

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

defineStateCheck({
  domain: 'workloads', phrase: '{ref} has {amount} {podState} pod(s)', example: 'deployment "web" has at least 8 available pods',
  doc: 'Counted over the pods themselves, not the status the controller writes: serving = Ready and not being deleted; available = serving for longer than the workload\'s minReadySeconds (v1.32 IsPodAvailable); active = neither finished nor being deleted.',
  build: (ref: ObjectRef, amount: Amount, state: PodState) => podStateCount(ref, amount, state),
});

defineStateCheck({
  domain: 'workloads', phrase: '{ref} has {amount} pod(s) with image {string}', example: 'deployment "web" has 3 pods with image "nginx:1.28"',
  doc: 'Pods the workload owns (Terminating ones included) with a container on exactly this image.',
  build: (ref: ObjectRef, amount: Amount, image: string) => podsWithImage(ref, amount, image),
});

defineStateCheck({
  domain: 'workloads', phrase: 'the pods of {ref} all run image {string}', example: 'the pods of rs/web all run image "nginx:1.27"',
  doc: 'The workload owns at least one pod, and every one (Terminating ones included) has a container on this image.',
  build: (ref: ObjectRef, image: string) => allPodsRunImage(ref, image),
});

defineStep('When', 'I delete {int} pod(s) of {ref}', {
  domain: 'workloads', example: 'I delete 1 pod of replicaset "web"',
  doc: 'Deletes that many of the workload\'s pods not already being deleted (first by name), as `kubectl delete pod <name>` does.',
}, function (this: KukumberWorld, count: number, ref: ObjectRef) {
  this.perform(c => deletePodsOf(c, ref, count));
});

defineStep('When', 'I delete {int} pod(s) of {ref} with image {string}', {
  domain: 'workloads', example: 'I delete 1 pod of replicaset "web" with image "nginx:1.27"',
  doc: 'As above, among the pods with a container on that image.',
}, function (this: KukumberWorld, count: number, ref: ObjectRef, image: string) {
  this.perform(c => deletePodsOf(c, ref, count, image));
});

defineStep('Then', 'running the cluster for {duration} stops it with:', {
  domain: 'workloads', example: 'running the cluster for 2m stops it with:', block: 'doc string',
  doc: 'Runs the cluster; kukumber must stop it before the end (a runaway owner creating objects without end, or a simulation limit) with exactly this diagnosis. The clock stays where it stopped.',
}, function (this: KukumberWorld, ms: number, expected: string) {
  const stopped = this.perform(c => runUntilStopped(c, ms));
  expect(stopped, `the cluster ran ${durationText(ms)} without being stopped`).to.not.equal(undefined);
  expect(stopped).to.equal(expected.trim());
});
