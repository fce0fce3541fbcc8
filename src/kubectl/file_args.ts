// `-f` arguments as kubectl's resource builder reads them: a file, a directory's .json/.yaml/.yml
// files in name order, or "-" for stdin (source "STDIN"). Paths resolve against the transcript's
// folder first, then fixtures/ (and the context's fixtureFolders under it). Each file is a stream: documents are visited in order and a YAML
// syntax error ends the file (later documents are never read), as kubectl's StreamVisitor does.
import { readFileSync, statSync } from 'node:fs';
import { join, normalize } from 'node:path';
import { loadManifestText, manifestFiles } from '../api/manifests';
import type { KubeObject } from '../api/objects';
import { badRequest } from '../api/errors';
import { resolveFixture } from '../cluster/fixtures';
import { KubectlError, type KubectlContext } from './types';
import { AggregateError } from './errors';

/** One document from a -f source: an object to send, or an error kubectl reports for it. */
export type FileItem =
  | { kind: 'object'; source: string; line: number; object: KubeObject; serverError?: Error }
  | { kind: 'error'; source: string; line: number; error: Error; endsStream?: boolean };

function itemsOfText(text: string, source: string): FileItem[] {
  const load = loadManifestText(text, source);
  const items: FileItem[] = load.objects.map(o => ({ kind: 'object' as const, source, line: o.line, object: o.object }));
  for (const e of load.errors) {
    // Strict decoding is the API server's check (fieldValidation=Strict): kubectl still sends the object.
    if (e.stage === 'decode' && e.object) items.push({ kind: 'object', source, line: e.line, object: e.object, serverError: badRequest(e.kubectl) });
    else items.push({ kind: 'error', source, line: e.line, error: new Error(e.kubectl), endsStream: e.stage === 'parse' });
  }
  items.sort((a, b) => a.line - b.line);
  const stop = items.findIndex(i => i.kind === 'error' && i.endsStream);
  return stop >= 0 ? items.slice(0, stop + 1) : items;
}

function resolvePath(name: string, ctx: KubectlContext): string | undefined {
  try {
    const path = resolveFixture(name, ctx.cwd, ctx.fixtureFolders);
    statSync(path);
    return path;
  } catch {
    return undefined;
  }
}

/**
 * Reads every -f argument in order. A missing path is a usage error kubectl reports before any
 * request (the builder's "the path … does not exist", all of them at once).
 */
export function readFileArgs(filenames: string[], ctx: KubectlContext): FileItem[] {
  const missing = filenames.filter(n => n !== '-' && resolvePath(n, ctx) === undefined);
  if (missing.length === 1) throw new KubectlError(`the path ${JSON.stringify(missing[0])} does not exist`);
  if (missing.length > 1) throw new AggregateError(missing.map(n => new Error(`the path ${JSON.stringify(n)} does not exist`)));
  const out: FileItem[] = [];
  for (const name of filenames) {
    if (name === '-') {
      out.push(...itemsOfText(ctx.stdin ?? '', 'STDIN'));
      continue;
    }
    const path = resolvePath(name, ctx)!;
    const isDir = statSync(path).isDirectory();
    for (const file of manifestFiles(path)) {
      // kubectl names a file inside a directory argument filepath.Join(dir, file).
      const source = isDir ? normalize(join(name, file.slice(path.length + 1))) : name;
      out.push(...itemsOfText(readFileSync(file, 'utf8'), source));
    }
  }
  return out;
}
