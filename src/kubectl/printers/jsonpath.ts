// Evaluation of kubectl's jsonpath templates (client-go util/jsonpath jsonpath.go): each path step
// is looked up with jsonpath-plus; this layer adds what kubectl does around it — missing keys print
// nothing (allowMissingKeys, as `kubectl get` sets it), out-of-range indexes and non-lists are
// errors, {range}…{end} loops, several results are joined by a space, maps and lists print as
// compact JSON, null prints as "null", filters compare like Go's text/template (no coercion).
import { JSONPath } from 'jsonpath-plus';
import { parseJsonPathTemplate, JsonPathParseError, type ListNode, type PathNode } from './jsonpath_parse';
import { formatGoNumber, goSharpV, goSprint, goTypeName, goQuote, sortedKeys, type JsonValue } from './go_format';
import { marshalJson } from './json';

export { JsonPathParseError } from './jsonpath_parse';

export class JsonPathExecError extends Error {
  override name = 'JsonPathExecError';
}

type V = JsonValue;

const isMap = (v: V): v is { [key: string]: V } => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Keys jsonpath-plus gives a meaning to even in array form; looked up directly. */
const SPECIAL_KEY = /[*^@()[\]?$`~]|\.\./;

function lookup(path: (string | number)[], json: V): V[] {
  return JSONPath({ path: ['$', ...path.map(String)], json: json as object, wrap: true, eval: 'safe' }) as V[];
}

function field(v: { [key: string]: V }, name: string): V[] {
  if (SPECIAL_KEY.test(name) || name === '') return Object.prototype.hasOwnProperty.call(v, name) ? [v[name]!] : [];
  return lookup([name], v);
}

/** Go map iteration order is random; kukumber iterates maps in sorted key order. */
function sortDeep(v: V): V {
  if (Array.isArray(v)) return v.map(sortDeep);
  if (!isMap(v)) return v;
  const out: { [key: string]: V } = {};
  for (const k of sortedKeys(v)) out[k] = sortDeep(v[k]!);
  return out;
}

class Executor {
  private beginRange = 0;
  private inRange = 0;
  private endRange = 0;
  private lastEndNode: PathNode | undefined;

  constructor(private readonly allowMissingKeys: boolean) {}

  findResults(data: V, nodes: PathNode[]): V[][] {
    const full: V[][] = [];
    const cur = [data];
    for (let i = 0; i < nodes.length; i++) {
      const node = nodes[i]!;
      const results = this.walk(cur, node);
      if (this.endRange > 0 && this.endRange <= this.inRange) {
        this.endRange--;
        this.lastEndNode = node;
        break;
      }
      if (this.beginRange > 0) {
        this.beginRange--;
        this.inRange++;
        const rest = nodes.slice(i + 1);
        if (results.length > 0) for (const value of results) full.push(...this.findResults(value, rest));
        else this.findResults(null, rest);
        this.inRange--;
        for (let k = i + 1; k < nodes.length; k++) if (nodes[k] === this.lastEndNode) { i = k; break; }
        continue;
      }
      full.push(results);
    }
    return full;
  }

  private walk(input: V[], node: PathNode): V[] {
    switch (node.kind) {
      case 'list': return this.evalList(input, node);
      case 'text': return [node.text];
      case 'field': return this.evalField(input, node.name);
      case 'array': return this.evalArray(input, node);
      case 'filter': return this.evalFilter(input, node);
      case 'number': return [node.value];
      case 'bool': return [node.value];
      case 'wildcard': return input.flatMap(v => (v !== null && typeof v === 'object' ? lookup(['*'], v) : []));
      case 'recursive': return this.evalRecursive(input);
      case 'union': return node.members.flatMap(m => this.evalList(input, m as ListNode));
      case 'identifier': return this.evalIdentifier(input, node.name);
    }
  }

  evalList(input: V[], node: ListNode): V[] {
    let cur = input;
    for (const n of node.nodes) cur = this.walk(cur, n);
    return cur;
  }

  private evalField(input: V[], name: string): V[] {
    const results: V[] = [];
    for (const v of input) if (isMap(v)) results.push(...field(v, name));
    if (results.length === 0 && !this.allowMissingKeys) throw new JsonPathExecError(`${name} is not found`);
    return results;
  }

  private evalArray(input: V[], node: Extract<PathNode, { kind: 'array' }>): V[] {
    const result: V[] = [];
    for (const value of input) {
      if (value === null) continue;
      if (!Array.isArray(value)) throw new JsonPathExecError(`${goTypeName(value)} is not array or slice`);
      const p = node.params.map(x => ({ ...x }));
      const length = value.length;
      if (!p[0]!.known) p[0]!.value = 0;
      if (p[0]!.value < 0) p[0]!.value += length;
      if (!p[1]!.known) p[1]!.value = length;
      if (p[1]!.value < 0 || (p[1]!.value === 0 && p[1]!.derived)) p[1]!.value += length;
      const [start, end] = [p[0]!.value, p[1]!.value];
      if (end === start) return result;
      if (start >= length || start < 0) throw new JsonPathExecError(`array index out of bounds: index ${start}, length ${length}`);
      if (end > length || end < 0) throw new JsonPathExecError(`array index out of bounds: index ${end - 1}, length ${length}`);
      if (start > end) throw new JsonPathExecError(`starting index ${start} is greater than ending index ${end}`);
      let step = 1;
      if (p[2]!.known) {
        if (p[2]!.value <= 0) throw new JsonPathExecError('step must be > 0');
        step = p[2]!.value;
      }
      result.push(...(JSONPath({ path: `$[${start}:${end}:${step}]`, json: value, wrap: true, eval: 'safe' }) as V[]));
    }
    return result;
  }

  private evalFilter(input: V[], node: Extract<PathNode, { kind: 'filter' }>): V[] {
    const results: V[] = [];
    for (const value of input) {
      if (!Array.isArray(value)) throw new JsonPathExecError(`${goSprint(value)} is not array or slice and cannot be filtered`);
      for (const item of lookup(['*'], value)) {
        const lefts = this.evalList([item], node.left as ListNode);
        if (node.operator === 'exists') {
          if (lefts.length > 0) results.push(item);
          continue;
        }
        if (lefts.length === 0) continue;
        if (lefts.length > 1) throw new JsonPathExecError('can only compare one element at a time');
        const rights = this.evalList([item], node.right as ListNode);
        if (rights.length === 0) continue;
        if (rights.length > 1) throw new JsonPathExecError('can only compare one element at a time');
        if (compare(lefts[0]!, rights[0]!, node.operator, (node.right as ListNode).nodes)) results.push(item);
      }
    }
    return results;
  }

  private evalRecursive(input: V[]): V[] {
    const result: V[] = [];
    for (const value of input) {
      if (value === null || typeof value !== 'object') continue;
      const all = lookup(['..', '*'], value).filter(x => x !== null && typeof x === 'object' && Object.keys(x).length > 0);
      if (Object.keys(value).length > 0) result.push(value, ...all);
    }
    return result;
  }

  private evalIdentifier(input: V[], name: string): V[] {
    if (name === 'range') { this.beginRange++; return input; }
    if (name === 'end') {
      if (this.inRange === 0) throw new JsonPathExecError('not in range, nothing to end');
      this.endRange++;
      return [];
    }
    throw new JsonPathExecError(`unrecognized identifier ${name}`);
  }
}

/** text/template's eq/ne/lt/le/gt/ge as client-go's jsonpath uses them: same basic kind or an error. */
function compare(left: V, right: V, op: string, rightNodes: PathNode[]): boolean {
  const kindOf = (v: V, integerHint?: boolean): string => {
    if (typeof v === 'string') return 'string';
    if (typeof v === 'boolean') return 'bool';
    if (typeof v === 'number') return integerHint ?? Number.isInteger(v) ? 'int' : 'float';
    throw new JsonPathExecError('invalid type for comparison');
  };
  const literal = rightNodes.length === 1 && rightNodes[0]!.kind === 'number' ? rightNodes[0]!.integer : undefined;
  const lk = kindOf(left);
  const rk = kindOf(right, literal);
  if (lk !== rk) throw new JsonPathExecError('incompatible types for comparison');
  switch (op) {
    case '==': return left === right;
    case '!=': return left !== right;
    default:
      if (lk === 'bool') throw new JsonPathExecError('invalid type for comparison');
  }
  const l = left as string | number;
  const r = right as string | number;
  switch (op) {
    case '<': return l < r;
    case '>': return l > r;
    case '<=': return l <= r;
    case '>=': return l >= r;
    default: throw new JsonPathExecError(`unrecognized filter operator ${op}`);
  }
}

/** PrintResults: maps and lists as compact JSON, other values with fmt.Fprint, null as "null". */
function printResults(results: V[]): string {
  return results.map(r => {
    if (r !== null && typeof r === 'object') return marshalJson(r);
    if (r === null) return 'null';
    if (typeof r === 'number') return formatGoNumber(r);
    return String(r);
  }).join(' ');
}

export interface JsonPathOptions { allowMissingKeys?: boolean }

/** Parses a template; throws JsonPathParseError with client-go's message. */
export function compileJsonPath(template: string): PathNode[] {
  return parseJsonPathTemplate(template);
}

/** Runs a parsed template on data (a decoded JSON object) and returns the text kubectl prints. */
export function executeJsonPath(nodes: PathNode[], data: V, options: JsonPathOptions = {}): string {
  const results = new Executor(options.allowMissingKeys ?? true).findResults(sortDeep(data), nodes);
  return results.map(printResults).join('');
}

/** FindResults for one-path templates (custom-columns): the values, unprinted. */
export function findJsonPathResults(nodes: PathNode[], data: V, options: JsonPathOptions = {}): V[][] {
  return new Executor(options.allowMissingKeys ?? true).findResults(sortDeep(data), nodes);
}

/** The JSONPathPrinter's error text for a failed execution (kubectl prints it after "error: "). */
export function jsonPathExecutionMessage(template: string, err: Error, data: V): string {
  return `error executing jsonpath ${goQuote(template)}: Error executing template: ${err.message}. ` +
    'Printing more information for debugging the template:\n' +
    `\ttemplate was:\n\t\t${template}\n` +
    `\tobject given to jsonpath engine was:\n\t\t${goSharpV(data)}\n\n\n`;
}

export const isJsonPathError = (e: unknown): e is JsonPathExecError | JsonPathParseError =>
  e instanceof JsonPathExecError || e instanceof JsonPathParseError;
