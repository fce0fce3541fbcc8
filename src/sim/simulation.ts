// The simulation loop: owns the virtual clock, the event queue and the scenario's random source.
// Everything that happens in a scenario is an event run from here, one at a time, in (time, seq)
// order; nothing runs "inline" or on the host's clock, so a run is a pure function of its inputs.
import { EventQueue, type ScheduledEvent } from './event_queue';
import { RandomSource } from './random';
import { formatDuration } from './time';

export interface SimulationLimits {
  /** Most events one advance/runUntil may run before it stops with a diagnosis. */
  maxEventsPerAdvance: number;
  /** Most live API objects; enforced by the store. */
  maxObjects: number;
}

export const DEFAULT_LIMITS: SimulationLimits = { maxEventsPerAdvance: 2_000_000, maxObjects: 200_000 };

/** A run stopped by a limit; the message names what kept firing. */
export class SimulationLimitError extends Error {
  override name = 'SimulationLimitError';
}

const RECENT_LABELS = 4096;

export type EventObserver = (ev: ScheduledEvent) => void;

export class Simulation {
  nowMs = 0;
  /** Events run since the simulation started. */
  eventsRun = 0;
  readonly random: RandomSource;
  readonly limits: SimulationLimits;
  private readonly queue = new EventQueue();
  private readonly observers: EventObserver[] = [];
  private readonly recentLabels: string[] = new Array(RECENT_LABELS);

  constructor(seed: number, limits: Partial<SimulationLimits> = {}) {
    this.random = new RandomSource(seed);
    this.limits = { ...DEFAULT_LIMITS, ...limits };
  }

  get seed(): number { return this.random.seed; }
  get pendingEvents(): number { return this.queue.size; }

  /** Schedules fn to run delayMs from now (0 = after everything already due now). */
  schedule(delayMs: number, label: string, fn: () => void): ScheduledEvent {
    if (!(delayMs >= 0)) throw new RangeError(`schedule(${label}): delay must be >= 0, got ${delayMs}`);
    return this.queue.push(this.nowMs + Math.round(delayMs), label, fn);
  }

  scheduleAt(atMs: number, label: string, fn: () => void): ScheduledEvent {
    return this.queue.push(Math.max(Math.round(atMs), this.nowMs), label, fn);
  }

  cancel(ev: ScheduledEvent | undefined): void {
    if (ev) this.queue.cancel(ev);
  }

  /** Called after every event; temporal checks and runUntil watch state through this. */
  observe(observer: EventObserver): () => void {
    this.observers.push(observer);
    return () => {
      const i = this.observers.indexOf(observer);
      if (i >= 0) this.observers.splice(i, 1);
    };
  }

  /** Runs every event due at or before now + durationMs (inclusive), then sets now to that instant. */
  advance(durationMs: number): void {
    if (!(durationMs >= 0)) throw new RangeError(`advance: duration must be >= 0, got ${durationMs}`);
    const end = this.nowMs + Math.round(durationMs);
    this.runLoop(end, undefined);
    this.nowMs = end;
  }

  /**
   * Runs events until predicate() holds — checked first, then right after each event — or until
   * the deadline (absolute ms, inclusive of events due then). Returns whether the predicate held;
   * on success now stays at the instant of the event that made it true, else it is the deadline.
   */
  runUntil(predicate: () => boolean, deadlineMs: number): boolean {
    if (predicate()) return true;
    const met = this.runLoop(deadlineMs, predicate);
    if (!met) this.nowMs = Math.max(this.nowMs, deadlineMs);
    return met;
  }

  private runLoop(endMs: number, stop: (() => boolean) | undefined): boolean {
    const startMs = this.nowMs;
    const queue = this.queue;
    const observers = this.observers;
    const max = this.limits.maxEventsPerAdvance;
    let ran = 0;
    for (;;) {
      const ev = queue.popDue(endMs);
      if (ev === undefined) return false;
      this.nowMs = ev.atMs;
      this.recentLabels[this.eventsRun & (RECENT_LABELS - 1)] = ev.label;
      this.eventsRun++;
      ev.run();
      for (let i = 0; i < observers.length; i++) observers[i]!(ev);
      if (stop !== undefined && stop()) return true;
      if (++ran >= max) throw this.limitError(ran, startMs, endMs);
    }
  }

  private limitError(ran: number, startMs: number, endMs: number): SimulationLimitError {
    const counts = new Map<string, number>();
    const n = Math.min(this.eventsRun, RECENT_LABELS);
    for (let i = 0; i < n; i++) {
      const label = this.recentLabels[i]!;
      counts.set(label, (counts.get(label) ?? 0) + 1);
    }
    const top = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, 3);
    const what = top.map(([label, c]) => `"${label}" (${c} of the last ${n})`).join(', ');
    const span = this.nowMs === startMs ? `without virtual time moving past ${formatDuration(startMs)}`
      : `between t=${formatDuration(startMs)} and t=${formatDuration(this.nowMs)}`;
    return new SimulationLimitError(
      `simulation stopped: ${ran} events ran ${span} while advancing to t=${formatDuration(endMs)} ` +
      `(limit maxEventsPerAdvance=${this.limits.maxEventsPerAdvance}); what kept firing: ${what}`);
  }
}
