// When a fault happens, as fault steps write it: `at 30s`, `from 30s for 2m`, or with bounds the seed
// chooses within — `at some instant between 10s and 1m` — so `kukumber explore` can try many
// instants. Instants count from the scenario start; a drawn instant comes from the scenario's seed.
import { defineParameterType } from '@cucumber/cucumber';
import { parseDuration } from '../../src/sim/time';
import type { Cluster } from '../../src/cluster/cluster';
import type { FaultWindow } from '../../src/faults/faults';
import { durationText } from '../../src/check/durations';
import { describeParameter } from './catalog';

/** A fault's time as written: the start is exact (fromMs = toMs) or drawn from [fromMs, toMs]. */
export interface FaultTime { text: string; fromMs: number; toMs: number; durationMs?: number }

const D = String.raw`\d+(?:\.\d+)?(?:ms|s|m|h)(?:\d+(?:\.\d+)?(?:ms|s|m|h))*`;
const START = String.raw`(?:some instant between ${D} and ${D}|${D})`;
const INSTANT = `at ${START}`;
const FAULT_TIME = `${INSTANT}|from ${START} for ${D}`;

function parseFaultTime(text: string): FaultTime {
  const m = new RegExp(`^(?:at|from) (?:some instant between (${D}) and (${D})|(${D}))(?: for (${D}))?$`).exec(text)!;
  const fromMs = parseDuration(m[1] ?? m[3]!)!;
  const toMs = parseDuration(m[2] ?? m[3]!)!;
  if (toMs < fromMs) throw new Error(`${text}: the bounds are reversed (write the earlier instant first)`);
  return { text, fromMs, toMs, durationMs: m[4] === undefined ? undefined : parseDuration(m[4])! };
}

defineParameterType({ name: 'faultTime', regexp: new RegExp(FAULT_TIME), transformer: parseFaultTime, useForSnippets: false });
describeParameter('faultTime', ['at 30s', 'from 30s for 2m', 'at some instant between 10s and 1m', 'from some instant between 10s and 1m for 30s'],
  'When a fault starts (counted from the scenario start) and, with `for D`, how long until it heals; `some instant between A and B` lets the scenario\'s seed choose the start.');

defineParameterType({ name: 'instant', regexp: new RegExp(INSTANT), transformer: parseFaultTime, useForSnippets: false });
describeParameter('instant', ['at 30s', 'at some instant between 10s and 1m'], 'An instant for something that happens at once (a restart), exact or chosen by the seed.');

/** Draws the start (from the seeded stream "scenario/fault-instants") and refuses one already past. */
export function faultWindow(c: Cluster, t: FaultTime): FaultWindow {
  const drawn = t.fromMs !== t.toMs;
  const atMs = drawn ? c.sim.random.stream('scenario/fault-instants').int(t.fromMs, t.toMs) : t.fromMs;
  if (atMs < c.sim.nowMs) throw new Error(`${t.text}: ${durationText(atMs)} is in the past (the clock reads ${durationText(c.sim.nowMs)})`);
  return { atMs, durationMs: t.durationMs, note: drawn ? `start drawn between ${durationText(t.fromMs)} and ${durationText(t.toMs)}` : undefined };
}
