// Custom parameter types: durations as Go writes them (30s, 5m, 1h30m, 500ms), object references
// as kubectl names objects (replicaset "web", rs/web), amounts (3, no, at least 3), JSONPath
// fields, replica states, condition statuses, kubectl columns and pod phases. Each is documented in docs/steps.md.
import { defineParameterType } from '@cucumber/cucumber';
import { parseDuration } from '../../src/sim/time';
import { OBJECT_REF_PATTERN, objectRef } from '../../src/check/refs';
import { AMOUNT_PATTERN, parseAmount } from '../../src/check/amount';
import { REPLICA_STATES } from '../../src/check/checks/workloads';
import { COLUMN_PATTERN } from '../../src/check/checks/columns';
import { POD_PHASES } from '../../src/check/checks/pods';
import { POD_STATES } from '../../src/check/checks/workload_pods';
import { describeParameter } from './catalog';

defineParameterType({
  name: 'duration',
  regexp: /\d+(?:\.\d+)?(?:ms|s|m|h)(?:\d+(?:\.\d+)?(?:ms|s|m|h))*/,
  transformer: (text: string): number => parseDuration(text)!,
});
describeParameter('duration', ['30s', '5m', '1h30m', '500ms'], 'A Go duration; virtual time.');

defineParameterType({
  name: 'ref',
  regexp: new RegExp(OBJECT_REF_PATTERN),
  transformer: objectRef,
  useForSnippets: false,
});
describeParameter('ref', ['replicaset "web"', 'rs/web', 'deployment "api"', 'pod "x" in namespace "kube-system"'],
  'An object: a kind as kubectl names it (plural, singular, short name or Kind) then the name in quotes, or kind/name; namespace "default" unless given.');

defineParameterType({
  name: 'amount',
  regexp: new RegExp(AMOUNT_PATTERN),
  transformer: parseAmount,
  useForSnippets: false,
});
describeParameter('amount', ['3', 'no', 'at least 2', 'at most 4', 'more than 1', 'fewer than 5'], 'A count, exact or bounded.');

defineParameterType({
  name: 'jsonpath',
  regexp: /\{\.[^\s}]*\}|\.[^\s]+|\$[^\s]+/,
  transformer: (text: string): string => text,
  useForSnippets: false,
});
describeParameter('jsonpath', ['.data.mode', '{.status.readyReplicas}', '.status.conditions[?(@.type=="Ready")].status'],
  'A field as `kubectl get -o jsonpath` writes it (no spaces); the value compares as kubectl prints it.');

defineParameterType({
  name: 'replicaState',
  regexp: new RegExp(REPLICA_STATES.join('|')),
  transformer: (text: string): string => text,
  useForSnippets: false,
});
describeParameter('replicaState', REPLICA_STATES, 'Which replica count of a workload: spec.replicas (desired) or a status count.');

defineParameterType({
  name: 'podState',
  regexp: new RegExp(POD_STATES.join('|')),
  transformer: (text: string): string => text,
  useForSnippets: false,
});
describeParameter('podState', POD_STATES,
  'Which of a workload\'s pods: serving (Ready, not being deleted), available (serving for longer than minReadySeconds), active (not finished, not being deleted: the pods its controller counts).');

defineParameterType({
  name: 'conditionStatus',
  regexp: /True|False|Unknown/,
  transformer: (text: string): string => text,
  useForSnippets: false,
});
describeParameter('conditionStatus', ['True', 'False', 'Unknown'], 'A condition status.');

defineParameterType({
  name: 'column',
  regexp: new RegExp(COLUMN_PATTERN),
  transformer: (text: string): string => text,
  useForSnippets: false,
});
describeParameter('column', ['STATUS', 'READY', 'RESTARTS', 'UP-TO-DATE', 'NOMINATED NODE'],
  'A column of `kubectl get` for the object\'s kind, as its header prints it (wide columns included).');

defineParameterType({
  name: 'podPhase',
  regexp: new RegExp(POD_PHASES.join('|')),
  transformer: (text: string): string => text,
  useForSnippets: false,
});
describeParameter('podPhase', POD_PHASES, 'A pod phase (status.phase).');
