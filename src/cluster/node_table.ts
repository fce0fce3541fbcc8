// Node shapes from a table, as a scenario describes its cluster: one row per node with name, cpu,
// memory, pods, labels (`disk=ssd, zone=a`), taints as `kubectl taint` writes them
// (`dedicated=infra:NoSchedule`) and unschedulable. Bad cells give one line naming row and column.
import type { Taint } from '../api/objects';
import type { NodeShape } from './cluster';
import { parseQuantity } from '../api/quantity';

const EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'];
const COLUMNS = ['name', 'cpu', 'memory', 'pods', 'labels', 'taints', 'unschedulable'];
const NAME = /^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/;
const KEY = /^([a-z0-9]([-a-z0-9.]*[a-z0-9])?\/)?[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/;
const VALUE = /^([A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?)?$/;

export class NodeTableError extends Error {
  override name = 'NodeTableError';
}

/** `key=value:Effect` or `key:Effect` (kubectl taint's spec), else an error in kubectl's words. */
export function parseTaint(spec: string): Taint {
  const m = /^([^=:]+)(?:=([^:]*))?:(.*)$/.exec(spec.trim());
  if (!m) throw new NodeTableError(`invalid taint spec: ${spec}`);
  const [, key, value, effect] = m;
  if (!KEY.test(key!)) throw new NodeTableError(`invalid taint spec: ${spec}, invalid key ${JSON.stringify(key)}`);
  if (value !== undefined && !VALUE.test(value)) throw new NodeTableError(`invalid taint spec: ${spec}, invalid value ${JSON.stringify(value)}`);
  if (!EFFECTS.includes(effect!)) {
    throw new NodeTableError(`invalid taint effect: ${effect}, unsupported taint effect`);
  }
  return value ? { key: key!, value, effect: effect as Taint['effect'] } : { key: key!, effect: effect as Taint['effect'] };
}

/** A taint as `kubectl describe node` and `kubectl taint` write it. */
export function formatTaint(t: Taint): string {
  return `${t.key}${t.value ? `=${t.value}` : ''}:${t.effect}`;
}

function parseLabels(text: string): Record<string, string> {
  const labels: Record<string, string> = {};
  for (const part of text.split(',').map(s => s.trim()).filter(Boolean)) {
    const eq = part.indexOf('=');
    const key = eq < 0 ? part : part.slice(0, eq);
    const value = eq < 0 ? '' : part.slice(eq + 1);
    if (!KEY.test(key)) throw new NodeTableError(`invalid label key ${JSON.stringify(key)}`);
    if (!VALUE.test(value)) throw new NodeTableError(`invalid label value ${JSON.stringify(value)} for ${key}`);
    labels[key] = value;
  }
  return labels;
}

function parseCell(shape: NodeShape, column: string, text: string): void {
  switch (column) {
    case 'name':
      if (!NAME.test(text)) throw new NodeTableError(`invalid node name ${JSON.stringify(text)}`);
      shape.name = text;
      return;
    case 'cpu':
    case 'memory':
      if (parseQuantity(text) === undefined) throw new NodeTableError(`quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'`);
      shape[column] = text;
      return;
    case 'pods':
      if (!/^\d+$/.test(text)) throw new NodeTableError(`pods must be a whole number, not ${JSON.stringify(text)}`);
      shape.pods = Number(text);
      return;
    case 'labels': shape.labels = parseLabels(text); return;
    case 'taints': shape.taints = text.split(',').map(s => s.trim()).filter(Boolean).map(parseTaint); return;
    case 'unschedulable':
      if (text !== 'true' && text !== 'false') throw new NodeTableError(`unschedulable must be true or false, not ${JSON.stringify(text)}`);
      shape.unschedulable = text === 'true';
      return;
  }
}

/** Rows (the first one the headers) → node shapes; empty cells keep the defaults (cpu 4, memory 16Gi, pods 110). */
export function parseNodeTable(rows: string[][]): NodeShape[] {
  const [headers, ...body] = rows;
  if (!headers || body.length === 0) throw new NodeTableError('node table: a header row and at least one node are needed');
  for (const h of headers) {
    if (!COLUMNS.includes(h)) throw new NodeTableError(`node table: unknown column ${JSON.stringify(h)} (columns: ${COLUMNS.join(', ')})`);
  }
  if (!headers.includes('name')) throw new NodeTableError('node table: the name column is required');
  const seen = new Set<string>();
  return body.map((row, r) => {
    const shape: NodeShape = { name: '' };
    headers.forEach((column, i) => {
      const text = (row[i] ?? '').trim();
      if (text === '' && column !== 'name') return;
      try {
        parseCell(shape, column, text);
      } catch (e) {
        throw new NodeTableError(`node table row ${r + 1}, column ${column}: ${(e as Error).message}`);
      }
    });
    if (seen.has(shape.name)) throw new NodeTableError(`node table row ${r + 1}, column name: node ${shape.name} appears twice`);
    seen.add(shape.name);
    return shape;
  });
}
