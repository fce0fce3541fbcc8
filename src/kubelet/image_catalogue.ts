// The image catalogue: how each container image behaves in kukumber (pull time, start time, which
// probes succeed and when, crashes, memory, SIGTERM handling), loaded from YAML files such as
// fixtures/images.yaml. Behaviour is data, not code; the format is documented in that file's header.
// Bad input is one line naming the file, the line and the field.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isMap, isSeq, LineCounter, parseDocument, type Node as YamlNode } from 'yaml';
import { parseDuration } from '../sim/time';
import { parseQuantity } from '../api/quantity';

export interface HttpRule { port: number; path: string; status: number; fromMs: number; untilMs: number }
export interface ExecRule { command: string; exitCode: number; output: string; fromMs: number; untilMs: number }

export interface ImageProfile {
  /** The familiar reference the catalogue names ("nginx:1.27"); undefined for the default profile. */
  image: string | undefined;
  sizeBytes: number;
  pullMs: number;
  repullMs: number;
  pullError: string | undefined;
  startMs: number;
  exit: { afterMs: number; code: number } | undefined;
  memoryBytes: number;
  oomAfterMs: number;
  sigterm: 'exit' | 'ignore';
  stopMs: number;
  sigtermExitCode: number;
  listen: number[];
  http: HttpRule[];
  exec: ExecRule[];
  execDefault: { exitCode: number; output: string };
  /** No rules at all: every probe succeeds (the default profile). */
  permissive: boolean;
  digest: string;
}

export class CatalogueError extends Error {
  override name = 'CatalogueError';
}

const FOREVER = Number.MAX_SAFE_INTEGER;

/** The documented behaviour of an image the catalogue does not name. */
export function defaultProfile(image: string): ImageProfile {
  return {
    image: undefined, sizeBytes: 0, pullMs: 1000, repullMs: 500, pullError: undefined, startMs: 0, exit: undefined,
    memoryBytes: 0, oomAfterMs: 1000, sigterm: 'exit', stopMs: 0, sigtermExitCode: 143, listen: [], http: [], exec: [],
    execDefault: { exitCode: 0, output: '' }, permissive: true, digest: imageDigest(image),
  };
}

const familiarCache = new Map<string, string>();

/** docker's familiar name with a tag: "docker.io/library/nginx" → "nginx:latest" (memoized: pure). */
export function familiarImage(image: string): string {
  let f = familiarCache.get(image);
  if (f === undefined) {
    f = computeFamiliar(image);
    if (familiarCache.size < 10_000) familiarCache.set(image, f);
  }
  return f;
}

function computeFamiliar(image: string): string {
  let name = image.replace(/^docker\.io\//, '').replace(/^library\//, '');
  const slash = name.lastIndexOf('/');
  if (!name.includes('@') && !name.slice(slash + 1).includes(':')) name += ':latest';
  return name;
}

/** What the runtime reports as the image: the fully qualified reference ("docker.io/library/nginx:1.27"). */
export function qualifiedImage(image: string): string {
  const familiar = familiarImage(image);
  const first = familiar.split('/')[0]!;
  const hasRegistry = familiar.includes('/') && (first.includes('.') || first.includes(':') || first === 'localhost');
  if (hasRegistry) return familiar;
  return familiar.includes('/') ? `docker.io/${familiar}` : `docker.io/library/${familiar}`;
}

/** A stable sha256-looking digest for an image name (FNV-1a rounds; no randomness). */
export function imageDigest(image: string): string {
  let out = '';
  let h = 0x811c9dc5;
  for (let round = 0; out.length < 64; round++) {
    const text = `${round}:${familiarImage(image)}`;
    for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
    out += h.toString(16).padStart(8, '0');
  }
  return out.slice(0, 64);
}

const FIELDS = new Set(['image', 'sizeBytes', 'digest', 'pull', 'repull', 'pullError', 'start', 'exit', 'memory', 'oomAfter', 'sigterm',
  'stopTime', 'sigtermExitCode', 'listen', 'http', 'exec', 'execDefault']);

interface Ctx { file: string; lc: LineCounter }

function fail(ctx: Ctx, node: YamlNode | undefined, field: string, what: string): never {
  const line = node?.range ? ctx.lc.linePos(node.range[0]).line : 1;
  throw new CatalogueError(`${ctx.file}:${line}: ${field}: ${what}`);
}

function durationField(ctx: Ctx, node: YamlNode | undefined, field: string, value: unknown, fallback: number): number {
  if (value === undefined) return fallback;
  const ms = typeof value === 'number' ? value * 1000 : typeof value === 'string' ? parseDuration(value) : undefined;
  if (ms === undefined || ms < 0) fail(ctx, node, field, `invalid duration ${JSON.stringify(value)} (use Go durations like 1s, 500ms, 2m)`);
  return ms;
}

function intField(ctx: Ctx, node: YamlNode | undefined, field: string, value: unknown, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value)) fail(ctx, node, field, `expected an integer, got ${JSON.stringify(value)}`);
  return value;
}

function child(node: YamlNode | undefined, key: string | number): YamlNode | undefined {
  if (isMap(node)) return node.get(key, true) as YamlNode | undefined ?? (node.items.find(p => (p.key as { value?: unknown })?.value === key)?.key as YamlNode);
  if (isSeq(node)) return node.items[key as number] as YamlNode | undefined;
  return undefined;
}

function windowOf(ctx: Ctx, node: YamlNode | undefined, field: string, r: Record<string, unknown>): { fromMs: number; untilMs: number } {
  return { fromMs: durationField(ctx, child(node, 'from'), `${field}.from`, r.from, 0), untilMs: durationField(ctx, child(node, 'until'), `${field}.until`, r.until, FOREVER) };
}

function checkKeys(ctx: Ctx, node: YamlNode | undefined, field: string, r: Record<string, unknown>, allowed: string[]): void {
  for (const k of Object.keys(r)) if (!allowed.includes(k)) fail(ctx, child(node, k), `${field}.${k}`, `unknown field "${k}"`);
}

function checkList(ctx: Ctx, node: YamlNode | undefined, field: string, raw: unknown): void {
  if (raw !== undefined && !Array.isArray(raw)) fail(ctx, node, field, 'expected a list');
}

function parseEntry(ctx: Ctx, node: YamlNode | undefined, field: string, e: Record<string, unknown>): ImageProfile {
  for (const k of Object.keys(e)) if (!FIELDS.has(k)) fail(ctx, child(node, k), `${field}.${k}`, `unknown field "${k}"`);
  if (typeof e.image !== 'string' || e.image === '') fail(ctx, node, `${field}.image`, 'required: the image reference this entry describes');
  const image = e.image;
  const p = defaultProfile(image);
  p.image = familiarImage(image);
  p.permissive = false;
  p.sizeBytes = intField(ctx, child(node, 'sizeBytes'), `${field}.sizeBytes`, e.sizeBytes, 0);
  if (e.digest !== undefined) {
    if (typeof e.digest !== 'string' || !/^[0-9a-f]{64}$/.test(e.digest)) fail(ctx, child(node, 'digest'), `${field}.digest`, 'expected 64 hex characters');
    p.digest = e.digest;
  }
  p.pullMs = durationField(ctx, child(node, 'pull'), `${field}.pull`, e.pull, p.pullMs);
  p.repullMs = durationField(ctx, child(node, 'repull'), `${field}.repull`, e.repull, p.repullMs);
  if (e.pullError !== undefined) p.pullError = String(e.pullError);
  p.startMs = durationField(ctx, child(node, 'start'), `${field}.start`, e.start, 0);
  if (e.exit !== undefined) {
    const x = e.exit as Record<string, unknown>;
    const xn = child(node, 'exit');
    checkKeys(ctx, xn, `${field}.exit`, x, ['after', 'code']);
    p.exit = { afterMs: durationField(ctx, child(xn, 'after'), `${field}.exit.after`, x.after, 0), code: intField(ctx, child(xn, 'code'), `${field}.exit.code`, x.code, 0) };
  }
  if (e.memory !== undefined) {
    const bytes = parseQuantity(String(e.memory));
    if (bytes === undefined) fail(ctx, child(node, 'memory'), `${field}.memory`, `invalid quantity ${JSON.stringify(e.memory)}`);
    p.memoryBytes = bytes;
  }
  p.oomAfterMs = durationField(ctx, child(node, 'oomAfter'), `${field}.oomAfter`, e.oomAfter, p.oomAfterMs);
  if (e.sigterm !== undefined && e.sigterm !== 'exit' && e.sigterm !== 'ignore') fail(ctx, child(node, 'sigterm'), `${field}.sigterm`, 'expected "exit" or "ignore"');
  p.sigterm = (e.sigterm as 'exit' | 'ignore' | undefined) ?? 'exit';
  p.stopMs = durationField(ctx, child(node, 'stopTime'), `${field}.stopTime`, e.stopTime, 0);
  p.sigtermExitCode = intField(ctx, child(node, 'sigtermExitCode'), `${field}.sigtermExitCode`, e.sigtermExitCode, 143);
  if (e.listen !== undefined) {
    if (!Array.isArray(e.listen) || e.listen.some(x => typeof x !== 'number')) fail(ctx, child(node, 'listen'), `${field}.listen`, 'expected a list of port numbers');
    p.listen = e.listen as number[];
  }
  checkList(ctx, child(node, 'http'), `${field}.http`, e.http);
  (e.http as Record<string, unknown>[] | undefined ?? []).forEach((r, i) => {
    const rn = child(child(node, 'http'), i);
    const f = `${field}.http[${i}]`;
    checkKeys(ctx, rn, f, r, ['port', 'path', 'status', 'from', 'until']);
    p.http.push({ port: intField(ctx, child(rn, 'port'), `${f}.port`, r.port, 80), path: String(r.path ?? '*'),
      status: intField(ctx, child(rn, 'status'), `${f}.status`, r.status, 200), ...windowOf(ctx, rn, f, r) });
  });
  checkList(ctx, child(node, 'exec'), `${field}.exec`, e.exec);
  (e.exec as Record<string, unknown>[] | undefined ?? []).forEach((r, i) => {
    const rn = child(child(node, 'exec'), i);
    const f = `${field}.exec[${i}]`;
    checkKeys(ctx, rn, f, r, ['command', 'exitCode', 'output', 'from', 'until']);
    if (!Array.isArray(r.command)) fail(ctx, child(rn, 'command'), `${f}.command`, 'expected the probe command as a list');
    p.exec.push({ command: (r.command as unknown[]).map(String).join(' '), exitCode: intField(ctx, child(rn, 'exitCode'), `${f}.exitCode`, r.exitCode, 0),
      output: String(r.output ?? ''), ...windowOf(ctx, rn, f, r) });
  });
  if (e.execDefault !== undefined) {
    const d = e.execDefault as Record<string, unknown>;
    checkKeys(ctx, child(node, 'execDefault'), `${field}.execDefault`, d, ['exitCode', 'output']);
    p.execDefault = { exitCode: intField(ctx, child(child(node, 'execDefault'), 'exitCode'), `${field}.execDefault.exitCode`, d.exitCode, 0), output: String(d.output ?? '') };
  }
  return p;
}

/** Parses catalogue text; `file` names it in errors. */
export function parseCatalogue(text: string, file: string): ImageProfile[] {
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc });
  const ctx: Ctx = { file, lc };
  if (doc.errors.length) {
    const e = doc.errors[0]!;
    throw new CatalogueError(`${file}:${e.linePos?.[0]?.line ?? 1}: ${e.message.split(' at line')[0]}`);
  }
  const root = doc.toJS() as { images?: unknown } | null;
  if (root === null || root === undefined) return [];
  if (typeof root !== 'object' || Array.isArray(root)) fail(ctx, doc.contents as YamlNode, 'images', 'expected a mapping with an "images" list');
  for (const k of Object.keys(root)) if (k !== 'images') fail(ctx, child(doc.contents as YamlNode, k), k, `unknown field "${k}"`);
  const list = child(doc.contents as YamlNode, 'images');
  if (root.images === undefined) return [];
  if (!Array.isArray(root.images)) fail(ctx, list, 'images', 'expected a list');
  return root.images.map((e, i) => {
    if (e === null || typeof e !== 'object' || Array.isArray(e)) fail(ctx, child(list, i), `images[${i}]`, 'expected a mapping');
    return parseEntry(ctx, child(list, i), `images[${i}]`, e as Record<string, unknown>);
  });
}

/** Inline entries, as a scenario may pass them in ClusterOptions.images. */
export function profileFromEntry(entry: Record<string, unknown>, source = 'ClusterOptions.images'): ImageProfile {
  const lc = new LineCounter();
  return parseEntry({ file: source, lc }, undefined, 'image', entry);
}

let shipped: ImageProfile[] | undefined;

/** A catalogue with kukumber's fixtures/images.yaml (parsed once per process). */
export function defaultCatalogue(): ImageCatalogue {
  shipped ??= parseCatalogue(readFileSync(join(__dirname, '..', '..', 'fixtures', 'images.yaml'), 'utf8'), 'fixtures/images.yaml');
  const c = new ImageCatalogue();
  c.add(shipped);
  return c;
}

/** Image name → behaviour; later sources override earlier ones. */
export class ImageCatalogue {
  private readonly profiles = new Map<string, ImageProfile>();
  /** Default profiles handed out so far, one per image name (profiles are never mutated). */
  private readonly defaults = new Map<string, ImageProfile>();

  add(profiles: ImageProfile[]): void {
    for (const p of profiles) this.profiles.set(p.image!, p);
  }

  addFile(path: string, displayName = path): void {
    this.add(parseCatalogue(readFileSync(path, 'utf8'), displayName));
  }

  lookup(image: string): ImageProfile {
    const key = familiarImage(image);
    const p = this.profiles.get(key);
    if (p) return p;
    let d = this.defaults.get(key);
    if (!d) this.defaults.set(key, (d = defaultProfile(image)));
    return d;
  }

  get size(): number { return this.profiles.size; }
}
