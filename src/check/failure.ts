// Check failures as values, and their rendering. A failure says, in this order: how to reproduce
// it (seed and command), what was awaited over which window, what was last observed and when,
// why the awaited state is still pending (when the check can tell), the state of the objects the
// check looked at, and the writes that led there.
import type { CheckTarget, ClusterView } from './view';
import type { TrackedCheck } from './state';
import { renderSnapshot } from './snapshot';
import { timelineTail } from './timeline_tail';
import { durationText } from './durations';

export interface CheckPass { ok: true; description: string; atMs: number }

/** What a failing qualifier found out. */
export interface FailureFacts {
  /** The claim with its qualifier, as the step says it: `within 10s, replicaset "web" has 3 ready replicas`. */
  awaited: string;
  /** `from 5s to 15s`, for claims over a window. */
  window?: string;
  observed: string;
  observedAtMs: number;
  /** The write that made an always/for claim false: `after pod/web-x MODIFIED by kubelet/node01`. */
  cause?: string;
  pending?: string;
}

export interface CheckFailure extends FailureFacts {
  ok: false;
  snapshot: string;
  timeline: string[];
}

export type CheckOutcome = CheckPass | CheckFailure;

export interface Reproduction { seed: number; command: string }

/**
 * Builds a failure with the snapshot of `view` (the objects the check read, or its related kinds)
 * and the writes up to historyIndex.
 */
export function makeFailure({ historyIndex, ...facts }: FailureFacts & { historyIndex: number }, view: ClusterView, tracked: TrackedCheck,
  target: CheckTarget): CheckFailure {
  const kinds = tracked.check.related ?? tracked.kindsRead;
  return {
    ok: false, ...facts,
    snapshot: `State at ${durationText(view.atMs)}:\n${renderSnapshot(view, kinds, tracked.check.namespace)}`,
    timeline: timelineTail(target.store.history, historyIndex, target.annotations?.start.index ?? 0),
  };
}

export function windowText(fromMs: number, toMs: number): string {
  return `from ${durationText(fromMs)} to ${durationText(toMs)}`;
}

/** The command that replays one scenario with its seed. */
export function reproduceCommand(seed: number, featureUri: string, line: number): string {
  return `KUKUMBER_SEED=${seed} npx kukumber test ${featureUri}:${line}`;
}

export function formatFailure(f: CheckFailure, repro?: Reproduction): string {
  const lines: string[] = [];
  if (repro) lines.push(`Reproduce: ${repro.command}`);
  lines.push(`Awaited:   ${f.awaited}${f.window ? ` (${f.window})` : ''}`);
  lines.push(`Observed:  ${f.observed}, at ${durationText(f.observedAtMs)}${f.cause ? `, ${f.cause}` : ''}`);
  if (f.pending) lines.push(`Pending:   ${f.pending}`);
  lines.push('', f.snapshot, '', ...f.timeline);
  return lines.join('\n');
}

/** What a failing check step throws: the rendered failure, with the value kept for reports. */
export class CheckFailed extends Error {
  override name = 'CheckFailed';
  constructor(readonly failure: CheckFailure, readonly repro?: Reproduction) {
    super(formatFailure(failure, repro));
  }
}
