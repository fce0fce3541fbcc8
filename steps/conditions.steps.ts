// Condition checks: status.conditions of any object, with every qualifier.
import { defineStateCheck } from './support/catalog';
import type { ObjectRef } from '../src/check/refs';
import { hasCondition, type ConditionStatus } from '../src/check/checks/conditions';

defineStateCheck({
  domain: 'conditions', phrase: '{ref} has condition {word}={conditionStatus}', example: 'pod "web" has condition Ready=True',
  doc: 'The object\'s status.conditions has this type with this status (as `kubectl wait --for=condition=Ready=true`).',
  build: (ref: ObjectRef, type: string, status: ConditionStatus) => hasCondition(ref, type, status),
});

defineStateCheck({
  domain: 'conditions', phrase: '{ref} has condition {word}={conditionStatus} with reason {string}',
  example: 'deployment "api" has condition Progressing=True with reason "NewReplicaSetAvailable"',
  doc: 'As above, and the condition\'s reason is exactly this.',
  build: (ref: ObjectRef, type: string, status: ConditionStatus, reason: string) => hasCondition(ref, type, status, reason),
});
