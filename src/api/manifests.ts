// Manifest loading: multi-document YAML (or JSON) from files, directories and strings, checked the
// way kubectl and the API server check them — YAML syntax (go-yaml's messages, with go-yaml's
// document-relative line numbers), kind mapping, then strict decoding (unknown fields, wrong
// types). Every problem is data with the file, the absolute line and kubectl's words.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { isMap, isPair, isScalar, isSeq, LineCounter, parseAllDocuments, type Document, type Node as YamlNode, type Tags } from 'yaml';
import type { KubeObject } from './objects';
import { RESOURCES, resourceForKind } from './resources';
import { strictDecode } from './decode';

export interface ManifestError {
  file: string;
  /** 1-based line in the file. */
  line: number;
  /** What kubectl prints for it (without the "error: " prefix). */
  kubectl: string;
  stage: 'parse' | 'decode-kind' | 'mapping' | 'decode';
  /** For 'decode' errors (the API server's strict decoding): the object as written, so kubectl can still name it. */
  object?: KubeObject;
}

export interface ManifestObject { file: string; line: number; object: KubeObject }

export interface ManifestLoad { objects: ManifestObject[]; errors: ManifestError[] }

/** One line for the harness: "<file>:<line>: <kubectl's words>". */
export function formatManifestError(e: ManifestError): string {
  return `${e.file}:${e.line}: ${e.kubectl.replace(/\n/g, ' ')}`;
}

/** The files kubectl -f reads from a path: the file itself, or a directory's .json/.yaml/.yml files in name order. */
export function manifestFiles(path: string): string[] {
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path).filter(f => /\.(json|ya?ml)$/.test(f)).sort().map(f => join(path, f));
}

export function loadManifestFile(path: string, displayName = path): ManifestLoad {
  return loadManifestText(readFileSync(path, 'utf8'), displayName);
}

/** go-yaml's message for the parse errors people actually make, keyed by the yaml library's error code. */
function goYamlMessage(code: string, message: string): string {
  switch (code) {
    case 'BLOCK_AS_IMPLICIT_KEY': case 'MULTILINE_IMPLICIT_KEY': return 'mapping values are not allowed in this context';
    case 'BAD_INDENT': return 'did not find expected key';
    case 'TAB_AS_INDENT': return 'found character that cannot start any token';
    case 'MISSING_CHAR': return 'found unexpected end of stream';
    case 'DUPLICATE_KEY': return message.split(' at line')[0]!.replace('Map keys must be unique', 'mapping key already defined');
    default: return message.split(' at line')[0]!.toLowerCase();
  }
}

/**
 * go-yaml v2's YAML 1.1 resolution as sigs.k8s.io/yaml uses it: booleans y/yes/on…, 0777 octal, 0b binary
 * and Go's 0o octal are numbers, but sexagesimal (12:30) and timestamps (2001-12-14) stay strings.
 */
const goYamlTags = (tags: Tags): Tags => [
  ...tags.filter(t => typeof t === 'string' || (t.format !== 'TIME' && t.tag !== 'tag:yaml.org,2002:timestamp')),
  {
    tag: 'tag:yaml.org,2002:int', format: 'OCT', default: true,
    test: /^[-+]?0[oO][0-7_]+$/,
    resolve: (str: string) => (str.startsWith('-') ? -1 : 1) * parseInt(str.replace(/^[-+]?0[oO]/, '').replace(/_/g, ''), 8),
  },
];

const STOP_VALIDATE = 'if you choose to ignore these errors, turn validation off with --validate=false';

/** kubectl's client-side getObjectKind check (validation.paramVerifyingSchema), before any decoding. */
function objectKindErrors(value: unknown): string[] {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return ['invalid object to validate'];
  const obj = value as Record<string, unknown>;
  const errs: string[] = [];
  if (obj.apiVersion === undefined || obj.apiVersion === null) errs.push('apiVersion not set');
  else if (typeof obj.apiVersion !== 'string') errs.push("apiVersion isn't string type");
  else if (obj.apiVersion.split('/').length > 2) errs.push(`unexpected GroupVersion string: ${obj.apiVersion}`);
  if (obj.kind === undefined || obj.kind === null) errs.push('kind not set');
  else if (typeof obj.kind !== 'string') errs.push("kind isn't string type");
  return errs;
}

interface Chunk { text: string; startLine: number }

/** Splits like kubectl's YAMLReader: a line starting with "---" ends a document. */
function splitDocuments(text: string): Chunk[] {
  const lines = text.split('\n');
  const chunks: Chunk[] = [];
  let start = 0;
  for (let i = 0; i <= lines.length; i++) {
    if (i === lines.length || /^---/.test(lines[i]!)) {
      const body = lines.slice(start, i).join('\n');
      // A document of only comments and blank lines is no document (testing line by line: a
      // leading comment must not hide the document after it).
      if (!body.split('\n').every(l => /^\s*(#.*)?$/.test(l))) chunks.push({ text: body, startLine: start + 1 });
      start = i + 1;
    }
  }
  return chunks;
}

/** Go's encoding/json output for a decoded document: keys sorted, compact. */
function goJson(v: unknown): string {
  if (v === null || typeof v !== 'object') return JSON.stringify(v);
  if (Array.isArray(v)) return `[${v.map(goJson).join(',')}]`;
  return `{${Object.keys(v).sort().map(k => `${JSON.stringify(k)}:${goJson((v as Record<string, unknown>)[k])}`).join(',')}}`;
}

function lineOfPath(doc: Document, lc: LineCounter, path: (string | number)[], key: boolean): number | undefined {
  let node: unknown = doc.contents;
  let keyNode: YamlNode | undefined;
  for (const p of path) {
    if (isMap(node)) {
      // The last pair wins, as go-yaml lets a repeated key overwrite the earlier one.
      const pair = [...node.items].reverse().find(it => isPair(it) && isScalar(it.key) && String(it.key.value) === String(p));
      if (!pair) return undefined;
      keyNode = pair.key as YamlNode;
      node = pair.value;
    } else if (isSeq(node)) {
      node = node.items[p as number];
      keyNode = undefined;
    } else return undefined;
  }
  const target = (key && keyNode ? keyNode : node) as YamlNode | undefined;
  const offset = target?.range?.[0];
  return offset === undefined ? undefined : lc.linePos(offset).line;
}

export function loadManifestText(text: string, file: string): ManifestLoad {
  const out: ManifestLoad = { objects: [], errors: [] };
  for (const chunk of splitDocuments(text)) {
    const lc = new LineCounter();
    // go-yaml v2 lets a repeated key overwrite the earlier one (kubectl 1.32 reports nothing for it).
    const docs = parseAllDocuments(chunk.text, { lineCounter: lc, version: '1.1', uniqueKeys: false, customTags: goYamlTags });
    const list = Array.isArray(docs) ? docs : [];
    const abs = (rel: number): number => chunk.startLine + rel - 1;
    const firstError = list.flatMap(d => d.errors)[0];
    if (firstError) {
      let rel = firstError.linePos?.[0]?.line ?? 1;
      if (firstError.code === 'BAD_INDENT') rel = Math.max(1, rel - 1);
      if (firstError.code === 'MISSING_CHAR') rel = chunk.text.split('\n').length + 1;
      out.errors.push({ file, line: abs(Math.min(rel, chunk.text.split('\n').length)), stage: 'parse',
        kubectl: `error parsing ${file}: error converting YAML to JSON: yaml: line ${rel}: ${goYamlMessage(firstError.code, firstError.message)}` });
      continue;
    }
    for (const doc of list) {
      const value = doc.toJS({ maxAliasCount: 100 }) as unknown;
      if (value === null || value === undefined) continue;
      const kindErrors = objectKindErrors(value);
      if (kindErrors.length) {
        const why = kindErrors.length === 1 ? kindErrors[0] : `[${kindErrors.join(', ')}]`;
        out.errors.push({ file, line: abs(1), stage: 'decode-kind', kubectl: `error validating ${JSON.stringify(file)}: error validating data: ${why}; ${STOP_VALIDATE}` });
        continue;
      }
      const obj = value as Record<string, any>;
      const line = (p: (string | number)[], key = true): number => abs(lineOfPath(doc, lc, p, key) ?? 1);
      if (obj.kind === '') {
        out.errors.push({ file, line: abs(1), stage: 'decode-kind', kubectl: `unable to decode ${JSON.stringify(file)}: Object 'Kind' is missing in '${goJson(obj)}'` });
        continue;
      }
      const apiVersion = typeof obj.apiVersion === 'string' ? obj.apiVersion : '';
      const info = resourceForKind(obj.kind);
      // An empty apiVersion string passes kubectl's check; its RESTMapper then finds only core-group kinds.
      const served = info && (info.apiVersion === apiVersion || (apiVersion === '' && info.group === ''));
      if (!served) {
        const name = typeof obj.metadata?.name === 'string' ? obj.metadata.name : '';
        const ns = typeof obj.metadata?.namespace === 'string' ? obj.metadata.namespace : '';
        out.errors.push({ file, line: line(['kind']), stage: 'mapping',
          kubectl: `resource mapping not found for name: ${JSON.stringify(name)} namespace: ${JSON.stringify(ns)} from ${JSON.stringify(file)}: no matches for kind ${JSON.stringify(obj.kind)} in version ${JSON.stringify(apiVersion)}\nensure CRDs are installed first` });
        continue;
      }
      if (apiVersion === '') obj.apiVersion = info.apiVersion;
      const decoded = strictDecode(obj, info.kind);
      const version = info.version;
      const prefix = `${info.kind} in version ${JSON.stringify(version)} cannot be handled as a ${info.kind}: `;
      if (decoded.typeError) {
        out.errors.push({ file, line: line(decoded.typeErrorPath ?? [], false), stage: 'decode', kubectl: prefix + decoded.typeError, object: obj as KubeObject });
        continue;
      }
      if (decoded.unknownFields.length) {
        out.errors.push({ file, line: line(decoded.unknownFields[0]!.path), stage: 'decode',
          kubectl: prefix + `strict decoding error: ${decoded.unknownFields.map(u => `unknown field ${JSON.stringify(u.text)}`).join(', ')}`, object: obj as KubeObject });
        continue;
      }
      out.objects.push({ file, line: abs(1), object: obj as KubeObject });
    }
  }
  return out;
}

/** Kinds a manifest may name, for messages and docs. */
export const SERVED_KINDS = RESOURCES.map(r => `${r.apiVersion} ${r.kind}`);
