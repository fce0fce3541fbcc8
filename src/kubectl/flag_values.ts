// Typed reads of parsed flags, and the flag sets several write commands share (-f, -l, --all,
// --dry-run, -o) with kubectl's names, shorthands and defaults.
import type { FlagSpec, FlagValue } from './flags';
import { FlagError } from './flags';
import { KubectlError } from './types';
import { dryRunStrategy, type DryRun } from './name_printer';

export const str = (flags: Record<string, FlagValue>, name: string): string => String(flags[name] ?? '');
export const bool = (flags: Record<string, FlagValue>, name: string): boolean => flags[name] === true;
export const int = (flags: Record<string, FlagValue>, name: string): number => Number(flags[name] ?? 0);
export const list = (flags: Record<string, FlagValue>, name: string): string[] => (Array.isArray(flags[name]) ? flags[name] as string[] : []);

export const FILENAME: FlagSpec = { name: 'filename', short: 'f', type: 'stringArray', default: [] };
export const RECURSIVE: FlagSpec = { name: 'recursive', short: 'R', type: 'bool', default: false };
export const SELECTOR: FlagSpec = { name: 'selector', short: 'l', type: 'string', default: '' };
export const FIELD_SELECTOR: FlagSpec = { name: 'field-selector', type: 'string', default: '' };
export const ALL: FlagSpec = { name: 'all', type: 'bool', default: false };
export const ALL_NAMESPACES: FlagSpec = { name: 'all-namespaces', short: 'A', type: 'bool', default: false };
export const OUTPUT: FlagSpec = { name: 'output', short: 'o', type: 'string', default: '' };
export const DRY_RUN: FlagSpec = { name: 'dry-run', type: 'string', default: 'none', noValueDefault: 'unchanged' };
export const FIELD_MANAGER: FlagSpec = { name: 'field-manager', type: 'string', default: '' };
export const RECORD: FlagSpec = { name: 'record', type: 'bool', default: false };
export const VALIDATE: FlagSpec = { name: 'validate', type: 'string', default: 'strict', noValueDefault: 'strict' };
export const SHOW_MANAGED_FIELDS: FlagSpec = { name: 'show-managed-fields', type: 'bool', default: false };

/** -l / --field-selector / --all as the builder takes them (unset = undefined). */
export function selection(flags: Record<string, FlagValue>, changed: Set<string>): { selector?: string; fieldSelector?: string; all: boolean } {
  return {
    selector: changed.has('selector') ? str(flags, 'selector') : undefined,
    fieldSelector: changed.has('field-selector') ? str(flags, 'field-selector') : undefined,
    all: bool(flags, 'all'),
  };
}

/** cmdutil.GetDryRunStrategy; a bare --dry-run still means client (deprecated upstream). */
export function dryRunOf(flags: Record<string, FlagValue>): DryRun {
  const value = str(flags, 'dry-run');
  try {
    return dryRunStrategy(value === 'unchanged' ? 'client' : value);
  } catch (e) {
    throw new KubectlError((e as Error).message);
  }
}

/** A Go duration flag value (pflag DurationVar): "30s", "2m", "0"; units required except for 0. */
export function duration(flags: Record<string, FlagValue>, name: string): number {
  const text = str(flags, name);
  const negative = text.startsWith('-');
  const raw = negative ? text.slice(1) : text;
  if (raw === '0') return 0;
  const m = /^(?:(\d+(?:\.\d+)?)(ms|s|m|h))+$/.test(raw);
  if (!m) {
    const why = /^\d+(\.\d+)?$/.test(raw) ? `time: missing unit in duration ${JSON.stringify(raw)}` : `time: invalid duration ${JSON.stringify(raw)}`;
    throw new FlagError(`invalid argument ${JSON.stringify(text)} for "--${name}" flag: ${why.replace(JSON.stringify(raw), JSON.stringify(text))}`);
  }
  let total = 0;
  const unit: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
  for (const [, n, u] of raw.matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h)/g)) total += Number(n) * unit[u!]!;
  return negative ? -Math.round(total) : Math.round(total);
}
