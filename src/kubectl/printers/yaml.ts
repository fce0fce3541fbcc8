// `kubectl -o yaml` output: sigs.k8s.io/yaml converts the object to JSON and re-encodes it with
// go-yaml v2, so maps come out with go-yaml's key order (natural order, non-letters before letters),
// block style, sequences not indented under their key, `{}`/`[]` for empty collections, integers
// plain and strings quoted only where go-yaml must.
import { EmitterState, selectStringStyle, writeScalar, BEST_INDENT } from './yaml_scalar';
import { formatGoFloat, type JsonValue } from './go_format';

const isLetter = (c: string): boolean => /\p{L}/u.test(c);
const isDigit = (c: string): boolean => /\p{Nd}/u.test(c);

/** go-yaml v2 sorter.go keyList.Less for string keys. */
export function yamlKeyLess(a: string, b: string): boolean {
  const ar = [...a];
  const br = [...b];
  for (let i = 0; i < ar.length && i < br.length; i++) {
    if (ar[i] === br[i]) continue;
    const al = isLetter(ar[i]!);
    const bl = isLetter(br[i]!);
    if (al && bl) return ar[i]!.codePointAt(0)! < br[i]!.codePointAt(0)!;
    if (al || bl) return bl;
    let an = 0n;
    let bn = 0n;
    if (ar[i] === '0' || br[i] === '0') {
      for (let j = i - 1; j >= 0 && isDigit(ar[j]!); j--) {
        if (ar[j] !== '0') { an = 1n; bn = 1n; break; }
      }
    }
    let ai = i;
    let bi = i;
    for (; ai < ar.length && isDigit(ar[ai]!); ai++) an = an * 10n + BigInt(ar[ai]!.codePointAt(0)! - 48);
    for (; bi < br.length && isDigit(br[bi]!); bi++) bn = bn * 10n + BigInt(br[bi]!.codePointAt(0)! - 48);
    if (an !== bn) return an < bn;
    if (ai !== bi) return ai < bi;
    return ar[i]!.codePointAt(0)! < br[i]!.codePointAt(0)!;
  }
  return ar.length < br.length;
}

const sortedCache = new Map<string, string[]>();

/** Object keys in go-yaml's order (memoised: the same key sets recur across a list's items). */
export function yamlSortedKeys(o: object): string[] {
  const keys = Object.keys(o);
  const id = keys.join('\u0000');
  let sorted = sortedCache.get(id);
  if (!sorted) {
    sorted = [...keys].sort((x, y) => (yamlKeyLess(x, y) ? -1 : yamlKeyLess(y, x) ? 1 : 0));
    if (sortedCache.size > 10_000) sortedCache.clear();
    sortedCache.set(id, sorted);
  }
  return sorted;
}

/** The longest key go-yaml writes as a simple `key:` (longer keys use the `? key` form). */
const MAX_SIMPLE_KEY = 128;

class YamlEmitter extends EmitterState {
  node(v: JsonValue, mappingContext: boolean, simpleKey = false): void {
    if (v !== null && typeof v === 'object') {
      if (Array.isArray(v)) this.sequence(v, mappingContext);
      else this.mapping(v);
      return;
    }
    this.scalar(v, simpleKey);
  }

  scalar(v: string | number | boolean | null, simpleKey: boolean): void {
    const saved = this.indent;
    // yaml_emitter_emit_scalar indents a scalar's continuation lines one level deeper.
    this.indent = saved < 0 ? BEST_INDENT : saved + BEST_INDENT;
    if (typeof v === 'string') writeScalar(this, v, selectStringStyle(v, simpleKey), !simpleKey);
    else writeScalar(this, v === null ? 'null' : typeof v === 'number' ? (Number.isInteger(v) ? String(v) : formatGoFloat(v)) : String(v), 'plain', !simpleKey);
    this.indent = saved;
  }

  mapping(m: { [key: string]: JsonValue }): void {
    const keys = yamlSortedKeys(m).filter(k => m[k] !== undefined);
    if (keys.length === 0) {
      this.writeIndicator('{', true, true, false);
      this.writeIndicator('}', false, false, false);
      return;
    }
    const saved = this.indent;
    this.indent = saved < 0 ? 0 : saved + BEST_INDENT;
    for (const k of keys) {
      this.writeIndent();
      if ([...k].length <= MAX_SIMPLE_KEY && !k.includes('\n')) {
        this.scalar(k, true);
        this.writeIndicator(':', false, false, false);
      } else {
        this.writeIndicator('?', true, false, true);
        this.scalar(k, false);
        this.writeIndent();
        this.writeIndicator(':', true, false, true);
      }
      this.node(m[k]!, true);
    }
    this.indent = saved;
  }

  sequence(items: JsonValue[], mappingContext: boolean): void {
    if (items.length === 0) {
      this.writeIndicator('[', true, true, false);
      this.writeIndicator(']', false, false, false);
      return;
    }
    const saved = this.indent;
    // A sequence that is a mapping's value stays at the key's indentation ("indentless").
    const indentless = mappingContext && !this.indention;
    this.indent = saved < 0 ? 0 : indentless ? saved : saved + BEST_INDENT;
    for (const item of items) {
      this.writeIndent();
      this.writeIndicator('-', true, false, true);
      this.node(item, false);
    }
    this.indent = saved;
  }
}

/** yaml.Marshal of a JSON value, as `kubectl get -o yaml` prints it (ends with a newline). */
export function marshalYaml(v: JsonValue): string {
  const e = new YamlEmitter();
  e.node(v, false);
  // yaml_emitter_emit_document_end writes a final line break.
  e.writeIndent();
  if (!e.endsWithNewline()) e.putBreak();
  return e.out;
}
