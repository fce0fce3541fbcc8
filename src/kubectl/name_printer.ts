// cli-runtime's NamePrinter: "<kind>[.<group>]/<name> <operation>", the line every write command
// prints; `-o name` drops the operation. Dry runs append " (dry run)" / " (server dry run)".
import type { ResourceInfo } from '../api/resources';

/** "replicaset.apps" / "pod": lower-case kind, dotted with the group when there is one. */
export function kindString(info: ResourceInfo): string {
  return info.group ? `${info.kind.toLowerCase()}.${info.group}` : info.kind.toLowerCase();
}

/** "replicaset.apps/web". */
export function resourceName(info: ResourceInfo, name: string): string {
  return `${kindString(info)}/${name}`;
}

export type DryRun = 'none' | 'client' | 'server';

/** PrintFlagsWithDryRunStrategy: the operation word as the name printer shows it. */
export function withDryRun(operation: string, dryRun: DryRun): string {
  if (dryRun === 'client') return `${operation} (dry run)`;
  if (dryRun === 'server') return `${operation} (server dry run)`;
  return operation;
}

/** One name-printer line, newline included. */
export function nameLine(info: ResourceInfo, name: string, operation: string, shortOutput = false): string {
  return shortOutput || operation === '' ? `${resourceName(info, name)}\n` : `${resourceName(info, name)} ${operation}\n`;
}

/** --dry-run's value, as cmdutil.GetDryRunStrategy reads it. */
export function dryRunStrategy(value: string): DryRun {
  switch (value) {
    case 'none': case '': case 'false': return 'none';
    case 'client': case 'true': return 'client';
    case 'server': return 'server';
    default: throw new Error(`Invalid dry-run value (${value}). Must be "none", "server", or "client".`);
  }
}
