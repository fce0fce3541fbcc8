// `-o` formats other than tables, as kubectl get's printGeneric prints them: one object alone when
// a single named object was asked for, otherwise a `kind: List` of every item; yaml, json, name,
// jsonpath / jsonpath-as-json and custom-columns, all on the object's wire form.
import type { KubeObject } from '../../api/objects';
import { resourceForKind } from '../../api/resources';
import { goSprint, type JsonValue } from './go_format';
import { marshalJson, marshalJsonIndent } from './json';
import { compileJsonPath, executeJsonPath, findJsonPathResults, jsonPathExecutionMessage, JsonPathExecError, JsonPathParseError } from './jsonpath';
import type { PathNode } from './jsonpath_parse';
import { tabulate, TABLE_WRITER } from './tabwriter';
import { toWire } from './wire';
import { marshalYaml } from './yaml';

export interface CustomColumn { header: string; fieldSpec: string; nodes: PathNode[] }

export type OutputFormat =
  | { kind: 'table'; wide: boolean }
  | { kind: 'yaml' }
  | { kind: 'json' }
  | { kind: 'name' }
  | { kind: 'jsonpath'; template: string; nodes: PathNode[]; asJson: boolean }
  | { kind: 'custom-columns'; columns: CustomColumn[] };

/** An error kubectl reports about the output format or while printing (printed after "error: "). */
export class OutputError extends Error {
  override name = 'OutputError';
}

export const GET_OUTPUT_FORMATS = ['custom-columns', 'custom-columns-file', 'go-template', 'go-template-file', 'json', 'jsonpath',
  'jsonpath-as-json', 'jsonpath-file', 'name', 'template', 'templatefile', 'wide', 'yaml'];

const relaxed = /^\{\.?([^{}]+)\}$|^\.?([^{}]+)$/;

/** RelaxedJSONPathExpression: ".a.b", "a.b", "{a.b}" and "{.a.b}" all mean "{.a.b}". */
export function relaxedJsonPath(expr: string): string {
  if (expr === '') return expr;
  const m = relaxed.exec(expr);
  if (!m) throw new OutputError("unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'");
  return `{.${m[1] || m[2]}}`;
}

function compile(template: string): PathNode[] {
  try {
    return compileJsonPath(template);
  } catch (e) {
    if (e instanceof JsonPathParseError) throw new OutputError(`error parsing jsonpath ${template}, ${e.message}\n`);
    throw e;
  }
}

function customColumns(spec: string): CustomColumn[] {
  if (spec === '') throw new OutputError('custom-columns format specified but no custom columns given');
  return spec.split(',').map(part => {
    const i = part.indexOf(':');
    if (i < 0) throw new OutputError(`unexpected custom-columns spec: ${part}, expected <header>:<json-path-expr>`);
    const fieldSpec = relaxedJsonPath(part.slice(i + 1));
    return { header: part.slice(0, i), fieldSpec, nodes: compile(fieldSpec) };
  });
}

/** Parses the value of -o / --output. */
export function parseOutputFormat(value: string, allowed: string[] = GET_OUTPUT_FORMATS): OutputFormat {
  const eq = value.indexOf('=');
  const name = eq >= 0 ? value.slice(0, eq) : value;
  const arg = eq >= 0 ? value.slice(eq + 1) : '';
  if (value === '' || value === 'wide') return { kind: 'table', wide: value === 'wide' };
  if (!allowed.includes(name) || (eq >= 0 && !/^(jsonpath|jsonpath-as-json|custom-columns|go-template|template|jsonpath-file|go-template-file|templatefile|custom-columns-file)$/.test(name))) {
    throw new OutputError(`unable to match a printer suitable for the output format "${value}", allowed formats are: ${allowed.join(',')}`);
  }
  switch (name) {
    case 'yaml': return { kind: 'yaml' };
    case 'json': return { kind: 'json' };
    case 'name': return { kind: 'name' };
    case 'jsonpath': case 'jsonpath-as-json':
      if (arg === '') throw new OutputError('template format specified but no template given');
      return { kind: 'jsonpath', template: arg, nodes: compile(arg), asJson: name === 'jsonpath-as-json' };
    case 'custom-columns': return { kind: 'custom-columns', columns: customColumns(arg) };
    default: throw new OutputError(`kukumber does not support the "${name}" output format yet`);
  }
}

/** "replicaset.apps/web", "pod/web": what -o name prints (before any operation word). */
export function resourceName(obj: KubeObject): string {
  const group = resourceForKind(obj.kind)?.group ?? (obj.apiVersion?.includes('/') ? obj.apiVersion.split('/')[0]! : '');
  return `${obj.kind.toLowerCase()}${group ? `.${group}` : ''}/${obj.metadata.name}`;
}

/** The object printGeneric prints: the item itself, or a v1 List of all items. */
export function genericObject(objects: readonly KubeObject[], singleItemImplied: boolean): JsonValue {
  if (singleItemImplied && objects.length === 1) return toWire(objects[0]!);
  return { apiVersion: 'v1', items: objects.map(o => toWire(o)), kind: 'List', metadata: { resourceVersion: '' } };
}

function printJsonPath(format: Extract<OutputFormat, { kind: 'jsonpath' }>, data: JsonValue): string {
  try {
    if (!format.asJson) return executeJsonPath(format.nodes, data);
    return findJsonPathResults(format.nodes, data).map(r => `${marshalJsonIndent(r)}\n`).join('');
  } catch (e) {
    if (e instanceof JsonPathExecError) throw new OutputError(jsonPathExecutionMessage(format.template, e, data));
    throw e;
  }
}

function printCustomColumns(columns: CustomColumn[], data: JsonValue, noHeaders: boolean): string {
  const items = (data as { kind?: string; items?: JsonValue[] }).kind === 'List' ? (data as { items: JsonValue[] }).items : [data];
  let text = noHeaders ? '' : `${columns.map(c => c.header).join('\t')}\n`;
  for (const item of items) {
    const cells = columns.map(c => {
      let values: JsonValue[][];
      try {
        values = findJsonPathResults(c.nodes, item);
      } catch (e) {
        if (e instanceof JsonPathExecError) throw new OutputError(e.message);
        throw e;
      }
      if (values.length === 0 || values[0]!.length === 0) return '<none>';
      return values.flat().map(v => goSprint(v)).join(',');
    });
    text += `${cells.join('\t')}\n`;
  }
  return tabulate(text, TABLE_WRITER);
}

/** Prints objects in a non-table format; throws OutputError for kubectl's printing errors. */
export function printGeneric(objects: readonly KubeObject[], singleItemImplied: boolean, format: OutputFormat, noHeaders = false): string {
  const data = genericObject(objects, singleItemImplied);
  switch (format.kind) {
    case 'yaml': return marshalYaml(data);
    case 'json': return `${marshalJsonIndent(data)}\n`;
    case 'name': return objects.map(o => `${resourceName(o)}\n`).join('');
    case 'jsonpath': return printJsonPath(format, data);
    case 'custom-columns': return printCustomColumns(format.columns, data, noHeaders);
    case 'table': throw new Error('printGeneric: tables are printed by the table printer');
  }
}

export { marshalJson };
