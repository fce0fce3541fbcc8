// Pod checks, each with every temporal qualifier: any `kubectl get` column of an object (a pod's
// READY, STATUS, RESTARTS; a node's STATUS), the same column over the pods of a workload, pod phase,
// restart count, and where the scheduler put pods.
import { defineStateCheck } from './support/catalog';
import type { ObjectRef } from '../src/check/refs';
import type { Amount } from '../src/check/amount';
import { columnEquals, workloadPodsColumn } from '../src/check/checks/columns';
import { podOnNode, podPhase, podRestarts, workloadPodsOnNode } from '../src/check/checks/pods';

defineStateCheck({
  domain: 'pods', phrase: '{ref} has {column} {string}', example: 'pod "web" has STATUS "CrashLoopBackOff"',
  doc: 'The cell `kubectl get` prints for the object in that column, exactly (RESTARTS reads "2 (15s ago)" as the clock gives it). Works for any kind: `node "node02" has STATUS "NotReady"`.',
  build: (ref: ObjectRef, column: string, text: string) => columnEquals(ref, column, text),
});

defineStateCheck({
  domain: 'pods', phrase: '{amount} pod(s) of {ref} has/have {column} {string}', example: '2 pods of replicaset "web" have READY "1/1"',
  doc: 'Among the pods the workload owns (Terminating ones included), this many show the text in that `kubectl get pods` column.',
  build: (amount: Amount, ref: ObjectRef, column: string, text: string) => workloadPodsColumn(ref, { every: false, amount }, column, text),
});

defineStateCheck({
  domain: 'pods', phrase: 'every pod of {ref} has {column} {string}', example: 'every pod of deployment "api" has STATUS "Running"',
  doc: 'The workload has pods and each shows the text in that `kubectl get pods` column.',
  build: (ref: ObjectRef, column: string, text: string) => workloadPodsColumn(ref, { every: true }, column, text),
});

defineStateCheck({
  domain: 'pods', phrase: '{ref} is in phase {podPhase}', example: 'pod "web" is in phase Running',
  doc: 'status.phase (a pod no kubelet has reported on yet is Pending).',
  build: (ref: ObjectRef, phase: string) => podPhase(ref, phase),
});

defineStateCheck({
  domain: 'pods', phrase: '{ref} has restarted {amount} time(s)', example: 'pod "web" has restarted 3 times',
  doc: 'The restartCount of its containers added up, as the RESTARTS column counts.',
  build: (ref: ObjectRef, amount: Amount) => podRestarts(ref, amount),
});

defineStateCheck({
  domain: 'pods', phrase: '{ref} is scheduled to node {string}', example: 'pod "web" is scheduled to node "node02"',
  doc: 'The pod is bound to that node (spec.nodeName). On failure, says why it is not scheduled yet.',
  build: (ref: ObjectRef, node: string) => podOnNode(ref, node),
});

defineStateCheck({
  domain: 'pods', phrase: '{amount} pod(s) of {ref} is/are scheduled to node {string}', example: '2 pods of replicaset "web" are scheduled to node "node01"',
  doc: 'Among the pods the workload owns, this many are bound to that node.',
  build: (amount: Amount, ref: ObjectRef, node: string) => workloadPodsOnNode(ref, amount, node),
});
