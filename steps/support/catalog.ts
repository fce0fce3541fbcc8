// The step catalog: every kukumber step is defined through here with its domain, an example and
// one line of documentation, so docs/steps.md is generated from the definitions themselves and a
// check can prove each example matches its step and no other. State checks are defined once and
// registered with every temporal qualifier (see QUALIFIERS).
import { Given, When, Then } from '@cucumber/cucumber';
import type { KukumberWorld } from './world';
import type { Cluster } from '../../src/cluster/cluster';
import type { StateCheck } from '../../src/check/state';
import { checkAlways, checkAt, checkFor, checkNever, checkNow, checkWithin } from '../../src/check/temporal';

export type Keyword = 'Given' | 'When' | 'Then';

export interface StepEntry {
  domain: string;
  keyword: Keyword;
  expression: string;
  example: string;
  doc: string;
  /** For qualified state checks: the plain phrase they qualify. */
  phrase?: string;
  /** The step takes a doc string or data table after its text. */
  block?: 'doc string' | 'data table';
  /** Where the step is defined: the step file and line. */
  file: string;
  line: number;
}

export interface ParameterEntry { name: string; examples: string[]; doc: string }

export const STEPS: StepEntry[] = [];
export const PARAMETERS: ParameterEntry[] = [];

const DEFINE = { Given, When, Then };

export function describeParameter(name: string, examples: string[], doc: string): void {
  PARAMETERS.push({ name, examples, doc });
}

type StepBody = (this: KukumberWorld, ...args: any[]) => void;

/** The first place outside this file in the current call stack: the step file defining a step. */
function callerLocation(): { file: string; line: number; column: number } {
  for (const frame of (new Error().stack ?? '').split('\n').slice(1)) {
    const m = /\(?([^()\s]+):(\d+):(\d+)\)?$/.exec(frame.trim());
    if (m && m[1] !== __filename && !m[1]!.startsWith('node:')) return { file: m[1]!, line: Number(m[2]), column: Number(m[3]) };
  }
  return { file: __filename, line: 0, column: 0 };
}

/**
 * Cucumber takes a step definition's location from the first stack frame outside its own code,
 * which would be this file for every step. While it registers the step, the stack it reads is
 * made to start at the step file's line instead, so reports, the progress output and ambiguity
 * messages point at the real definition.
 */
function registerAt(where: { file: string; line: number; column: number }, register: () => void): void {
  const original = Error.prepareStackTrace;
  Error.prepareStackTrace = (error: Error) => `${error.name}: ${error.message}\n    at step (${where.file}:${where.line}:${where.column})`;
  try {
    register();
  } finally {
    Error.prepareStackTrace = original;
  }
}

/** Defines a step and records it in the catalog. */
export function defineStep(keyword: Keyword, expression: string, meta: Omit<StepEntry, 'keyword' | 'expression' | 'file' | 'line'>,
  body: StepBody): void {
  const arity = (expression.match(/\{[^}]*\}/g) ?? []).length + (meta.block ? 1 : 0);
  // Cucumber checks a step function's declared arity against the expression; generated bodies take rest arguments.
  const code = function (this: KukumberWorld, ...args: unknown[]): void { body.apply(this, args); };
  Object.defineProperty(code, 'length', { value: arity });
  const where = callerLocation();
  registerAt(where, () => DEFINE[keyword](expression, code));
  STEPS.push({ keyword, expression, ...meta, file: where.file, line: where.line });
}

export interface StateCheckDefinition {
  domain: string;
  /** The claim, without qualifier: `{ref} has {amount} {replicaState} replica(s)`. */
  phrase: string;
  example: string;
  doc: string;
  build: (...args: any[]) => StateCheck;
}

interface Qualifier {
  prefix: string;
  extra: number;
  example: string;
  doc: string;
  run: (w: KukumberWorld, c: Cluster, check: StateCheck, extra: any[]) => ReturnType<typeof checkNow>;
}

/** The temporal qualifiers every state check comes with, as sentence openers ending in a comma. */
export const QUALIFIERS: Qualifier[] = [
  { prefix: '', extra: 0, example: '', doc: 'now', run: (_w, c, check) => checkNow(c, check) },
  { prefix: 'within {duration}, ', extra: 1, example: 'within 30s, ', doc: 'runs the cluster until it holds (stops at once), at most D; inclusive of events due at now + D',
    run: (_w, c, check, [ms]) => checkWithin(c, check, ms) },
  { prefix: 'for {duration}, ', extra: 1, example: 'for 1m, ', doc: 'runs the cluster for D; holds now and after every write until now + D inclusive',
    run: (_w, c, check, [ms]) => checkFor(c, check, ms) },
  { prefix: 'always, ', extra: 0, example: 'always, ', doc: 'held after every write since the scenario started (history)',
    run: (w, c, check) => checkAlways(c, check, w.since(c)) },
  { prefix: 'always since {string}, ', extra: 1, example: 'always since "rollout-start", ', doc: 'held after every write since the mark',
    run: (w, c, check, [mark]) => checkAlways(c, check, w.since(c, mark)) },
  { prefix: 'never, ', extra: 0, example: 'never, ', doc: 'held after no write since the scenario started (history)',
    run: (w, c, check) => checkNever(c, check, w.since(c)) },
  { prefix: 'never since {string}, ', extra: 1, example: 'never since "rollout-start", ', doc: 'held after no write since the mark',
    run: (w, c, check, [mark]) => checkNever(c, check, w.since(c, mark)) },
  { prefix: 'at {duration}, ', extra: 1, example: 'at 45s, ', doc: 'held at virtual instant T (from history when T has passed, else by running the cluster to T)',
    run: (_w, c, check, [ms]) => checkAt(c, check, ms) },
];

/** Registers a state check with every qualifier: `<phrase>`, `within {duration}, <phrase>`, … */
export function defineStateCheck(def: StateCheckDefinition): void {
  for (const q of QUALIFIERS) {
    defineStep('Then', `${q.prefix}${def.phrase}`, {
      domain: def.domain, example: `${q.example}${def.example}`, doc: q.prefix ? q.doc : def.doc, phrase: q.prefix ? def.phrase : undefined,
    }, function (this: KukumberWorld, ...args: unknown[]) {
      const extra = args.slice(0, q.extra);
      const checkArgs = args.slice(q.extra);
      const check = def.build(...checkArgs);
      this.check(c => q.run(this, c, check, extra));
    });
  }
}
