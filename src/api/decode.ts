// Strict decoding of a manifest object into a known kind, as the v1.32 API server decodes a
// request body with fieldValidation=Strict (kubectl's default): type mismatches become Go's
// "json: cannot unmarshal …" errors and unknown fields become "strict decoding error: unknown
// field …", against the OpenAPI v1.32 field tables in schema/openapi-v1.32.json.
import schemaFile from './schema/openapi-v1.32.json';
import { parseQuantity, QUANTITY_FORMAT_ERROR } from './quantity';
import { parseRfc3339 } from '../sim/time';

type Schema = { roots: Record<string, string>; types: Record<string, Record<string, string>> };
const schema = schemaFile as unknown as Schema;

/** Fields whose Go type is resource.Quantity (the OpenAPI models type them as plain strings). */
const QUANTITY_MAPS = new Set(['V1ResourceRequirements.limits', 'V1ResourceRequirements.requests', 'V1VolumeResourceRequirements.limits',
  'V1VolumeResourceRequirements.requests', 'V1NodeStatus.capacity', 'V1NodeStatus.allocatable', 'V1PersistentVolumeClaimStatus.capacity',
  'V1PersistentVolumeClaimStatus.allocatedResources', 'V1ContainerStatus.allocatedResources']);
const QUANTITY_FIELDS = new Set(['V1EmptyDirVolumeSource.sizeLimit']);

export interface DecodeResult {
  /** Go's first type error, e.g. json: cannot unmarshal string into Go struct field ReplicaSetSpec.spec.replicas of type int32 */
  typeError?: string;
  /** JSON path of the first type error (for file:line lookups). */
  typeErrorPath?: (string | number)[];
  /** Unknown fields as strict decoding lists them: "spec.replica", "spec.template.spec.containers[0].imagePolicy". */
  unknownFields: { text: string; path: (string | number)[] }[];
}

const goName = (t: string): string => t.replace(/^(Core)?V\d+(alpha\d+|beta\d+)?/, '');

function goType(t: string, quantity: boolean): string {
  const [base, format] = t.split('|') as [string, string | undefined];
  if (quantity) return 'resource.Quantity';
  const arr = /^Array<(.+)>$/.exec(base);
  if (arr) return `[]${goType(arr[1]!, false)}`;
  const map = /^\{ \[key: string\]: (.+); \}$/.exec(base);
  if (map) return `map[string]${goType(map[1]!, false)}`;
  if (base === 'number') return format === 'int32' ? 'int32' : format === 'double' ? 'float64' : 'int64';
  if (base === 'string') return format === 'byte' ? '[]uint8' : 'string';
  if (base === 'boolean') return 'bool';
  if (base === 'Date') return format === 'date-time-micro' ? 'v1.MicroTime' : 'v1.Time';
  if (base === 'IntOrString') return 'intstr.IntOrString';
  if (base === 'any') return 'interface {}';
  return `v1.${goName(base)}`;
}

const jsonKind = (v: unknown): string =>
  Array.isArray(v) ? 'array' : v === null ? 'null' : typeof v === 'object' ? 'object' : typeof v === 'boolean' ? 'bool' : typeof v === 'number' ? 'number' : 'string';

interface Ctx { result: DecodeResult; struct: string; fieldStack: string[]; path: (string | number)[]; display: string }

function typeError(ctx: Ctx, value: string, type: string): void {
  if (ctx.result.typeError) return;
  ctx.result.typeError = `json: cannot unmarshal ${value} into Go struct field ${ctx.struct}.${ctx.fieldStack.join('.')} of type ${type}`;
  ctx.result.typeErrorPath = [...ctx.path];
}

function customError(ctx: Ctx, message: string): void {
  if (ctx.result.typeError) return;
  ctx.result.typeError = message;
  ctx.result.typeErrorPath = [...ctx.path];
}

function decodeValue(value: unknown, t: string, ctx: Ctx, quantity: boolean): void {
  if (value === null) return; // null decodes to the zero value
  const [base, format] = t.split('|') as [string, string | undefined];
  const kind = jsonKind(value);
  const map = /^\{ \[key: string\]: (.+); \}$/.exec(base);
  if (map) {
    if (kind !== 'object') return typeError(ctx, kind, goType(t, false));
    // A ResourceList is a map of quantities: each value is one (the map itself is not).
    for (const [k, v] of sortedEntries(value as Record<string, unknown>)) {
      ctx.path.push(k);
      decodeValue(v, map[1]!, ctx, quantity);
      ctx.path.pop();
    }
    return;
  }
  if (quantity) {
    if ((kind !== 'string' && kind !== 'number') || parseQuantity(value as string) === undefined) customError(ctx, QUANTITY_FORMAT_ERROR);
    return;
  }
  const arr = /^Array<(.+)>$/.exec(base);
  if (arr) {
    if (kind !== 'array') return typeError(ctx, kind, goType(t, false));
    (value as unknown[]).forEach((item, i) => {
      const display = ctx.display;
      ctx.path.push(i);
      ctx.display = `${display}[${i}]`;
      decodeValue(item, arr[1]!, ctx, false);
      ctx.display = display;
      ctx.path.pop();
    });
    return;
  }
  switch (base) {
    case 'number': {
      if (kind !== 'number') return typeError(ctx, kind, goType(t, false));
      const n = value as number;
      if (format !== 'double' && (!Number.isInteger(n) || (format === 'int32' && (n > 2147483647 || n < -2147483648)))) {
        typeError(ctx, `number ${n}`, goType(t, false));
      }
      return;
    }
    case 'string':
      if (kind !== 'string') typeError(ctx, kind, goType(t, false));
      return;
    case 'boolean':
      if (kind !== 'bool') typeError(ctx, kind, 'bool');
      return;
    case 'Date':
      if (kind !== 'string') return typeError(ctx, kind, 'string');
      if (parseRfc3339(value as string) === undefined) {
        customError(ctx, `parsing time ${JSON.stringify(value)} as "2006-01-02T15:04:05Z07:00": cannot parse ${JSON.stringify(value)} as "2006"`);
      }
      return;
    case 'IntOrString':
      if (kind !== 'string' && kind !== 'number') customError(ctx, `json: cannot unmarshal ${kind} into Go value of type int32`);
      return;
    case 'any':
      return;
    default:
      if (kind !== 'object') return typeError(ctx, kind, goType(t, false));
      decodeStruct(value as Record<string, unknown>, base, ctx);
  }
}

/**
 * kubectl turns YAML into JSON through Go maps, so the API server sees every object's keys sorted: the first
 * type error and the order of unknown fields follow that order, not the manifest's.
 */
const sortedEntries = (o: Record<string, unknown>): [string, unknown][] =>
  Object.entries(o).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

function decodeStruct(obj: Record<string, unknown>, typeName: string, ctx: Ctx): void {
  const fields = schema.types[typeName];
  if (!fields) return;
  const struct = ctx.struct;
  const display = ctx.display;
  for (const [key, v] of sortedEntries(obj)) {
    const ft = fields[key];
    const sub = display ? `${display}.${key}` : key;
    ctx.path.push(key);
    if (ft === undefined) {
      ctx.result.unknownFields.push({ text: sub, path: [...ctx.path] });
    } else {
      ctx.struct = goName(typeName);
      ctx.fieldStack.push(key);
      ctx.display = sub;
      decodeValue(v, ft, ctx, QUANTITY_MAPS.has(`${typeName}.${key}`) || QUANTITY_FIELDS.has(`${typeName}.${key}`));
      ctx.fieldStack.pop();
      ctx.display = display;
      ctx.struct = struct;
    }
    ctx.path.pop();
  }
}

/** Whether the kind has a schema (every kind kukumber serves does). */
export const hasSchema = (kind: string): boolean => kind in schema.roots;

export function strictDecode(obj: Record<string, unknown>, kind: string): DecodeResult {
  const result: DecodeResult = { unknownFields: [] };
  const root = schema.roots[kind];
  if (!root) return result;
  decodeStruct(obj, root, { result, struct: goName(root), fieldStack: [], path: [], display: '' });
  return result;
}
