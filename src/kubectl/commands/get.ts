// kubectl get (kubectl pkg/cmd/get/get.go): tables through the server-side printers, one tabwriter
// per resource type with a blank line between types, NAMESPACE with -A, kind-prefixed names when
// several kinds are printed, "No resources found …" on stderr, errors after the output; other -o
// formats through printGeneric. Not modelled (refused in one line): --watch, --sort-by, -f, -k, --raw,
// --subresource, go templates.
import { isApiError } from '../../api/errors';
import { printGeneric, parseOutputFormat, OutputError, type OutputFormat } from '../printers/output';
import { buildTable } from '../printers/tables';
import { printTable } from '../printers/table';
import { TabWriter, TABLE_WRITER } from '../printers/tabwriter';
import { checkErrText } from '../errors';
import { groupKind } from '../../api/resources';
import { KubectlError, type CommandSpec, type Invocation } from '../types';
import { fetchResources, selectResources, type FetchResult } from './get_fetch';

const NO_TYPE = 'You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.\n\n' +
  'error: Required resource not specified.\n' +
  'Use "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).\n' +
  "See 'kubectl get -h' for help and examples\n";

const str = (inv: Invocation, name: string): string => String(inv.flags[name] ?? '');
const bool = (inv: Invocation, name: string): boolean => inv.flags[name] === true;

function labelColumns(inv: Invocation): string[] {
  const v = inv.flags['label-columns'];
  return (Array.isArray(v) ? v : []).flatMap(x => x.split(',')).filter(Boolean);
}

function printTables(inv: Invocation, fetched: FetchResult, wide: boolean): void {
  const allNamespaces = bool(inv, 'all-namespaces');
  const kinds = new Set(fetched.infos.map(i => i.info.kind));
  const withKind = kinds.size > 1 || bool(inv, 'show-kind');
  const nowMs = inv.ctx.cluster.sim.nowMs;
  const w = new TabWriter(TABLE_WRITER);
  let written = 0;
  let lastKind: string | undefined;
  let separatorReady = false;
  let printedHeaders = false;
  const emit = (text: string): void => {
    if (text === '') return;
    if (separatorReady) { inv.out('\n'); written++; separatorReady = false; }
    inv.out(text);
    written += text.length;
  };
  let allNamespaced = !allNamespaces;
  for (const f of fetched.infos) {
    allNamespaced = allNamespaced && f.info.namespaced;
    if (f.info.kind !== lastKind) {
      emit(w.flush());
      w.resetRememberedWidths();
      if (lastKind !== undefined && !bool(inv, 'no-headers') && written > 0) separatorReady = true;
      lastKind = f.info.kind;
      printedHeaders = false;
    }
    const table = buildTable(f.info.kind, f.objects, nowMs);
    w.write(printTable(table, {
      wide, noHeaders: bool(inv, 'no-headers') || printedHeaders,
      withNamespace: allNamespaces && f.info.namespaced,
      showLabels: bool(inv, 'show-labels'), columnLabels: labelColumns(inv),
      kindPrefix: withKind ? groupKind(f.info).toLowerCase() : undefined,
    }));
    if (table.rows.length > 0) printedHeaders = true;
  }
  emit(w.flush());
  if (written === 0 && fetched.errors.length === 0 && !bool(inv, 'ignore-not-found')) {
    inv.err(allNamespaced ? `No resources found in ${inv.namespace} namespace.\n` : 'No resources found\n');
  }
}

/** Flags kubectl get has and kukumber does not model yet: refused in one line rather than mis-served. */
const UNSUPPORTED = ['watch', 'watch-only', 'output-watch-events', 'sort-by', 'filename', 'kustomize', 'recursive', 'raw', 'subresource', 'template'];

function run(inv: Invocation): number {
  for (const flag of UNSUPPORTED) {
    if (inv.changed.has(flag)) throw new KubectlError(`kukumber does not support "kubectl get --${flag}" yet`);
  }
  if (inv.args.length === 0) {
    inv.err(NO_TYPE);
    return 1;
  }
  const output = str(inv, 'output');
  if (bool(inv, 'show-labels') && output !== '' && output !== 'wide') {
    throw new KubectlError(`--show-labels option cannot be used with ${output} printer`);
  }
  const selections = selectResources(inv.args);
  const fetched = fetchResources(inv, selections, {
    allNamespaces: bool(inv, 'all-namespaces'), labelSelector: str(inv, 'selector'), fieldSelector: str(inv, 'field-selector'),
  });
  if (bool(inv, 'ignore-not-found')) fetched.errors = fetched.errors.filter(e => !isApiError(e, 'NotFound'));
  let format: OutputFormat;
  if (output === '' || output === 'wide') format = { kind: 'table', wide: output === 'wide' };
  else {
    if (fetched.singleItemImplied && fetched.errors.length > 0) return fail(inv, fetched.errors);
    format = parseOutputFormat(output);
  }
  if (format.kind === 'table') printTables(inv, fetched, format.wide);
  else {
    const objects = fetched.infos.flatMap(i => i.objects);
    if (!(objects.length === 0 && bool(inv, 'ignore-not-found'))) {
      inv.out(printGeneric(objects, fetched.singleItemImplied, format, bool(inv, 'no-headers')));
    }
  }
  return fail(inv, fetched.errors);
}

function fail(inv: Invocation, errors: unknown[]): number {
  if (errors.length === 0) return 0;
  inv.err(checkErrText(errors));
  return 1;
}

export const getCommand: CommandSpec = {
  name: 'get',
  flags: [
    { name: 'output', short: 'o', type: 'string', default: '' },
    { name: 'selector', short: 'l', type: 'string', default: '' },
    { name: 'field-selector', type: 'string', default: '' },
    { name: 'all-namespaces', short: 'A', type: 'bool', default: false },
    { name: 'show-labels', type: 'bool', default: false },
    { name: 'label-columns', short: 'L', type: 'stringArray', default: [] },
    { name: 'no-headers', type: 'bool', default: false },
    { name: 'show-kind', type: 'bool', default: false },
    { name: 'ignore-not-found', type: 'bool', default: false },
    { name: 'watch', short: 'w', type: 'bool', default: false },
    { name: 'watch-only', type: 'bool', default: false },
    { name: 'output-watch-events', type: 'bool', default: false },
    { name: 'sort-by', type: 'string', default: '' },
    { name: 'filename', short: 'f', type: 'stringArray', default: [] },
    { name: 'kustomize', short: 'k', type: 'string', default: '' },
    { name: 'recursive', short: 'R', type: 'bool', default: false },
    { name: 'raw', type: 'string', default: '' },
    { name: 'subresource', type: 'string', default: '' },
    { name: 'template', type: 'string', default: '' },
    { name: 'chunk-size', type: 'int', default: 500 },
    { name: 'server-print', type: 'bool', default: true },
    { name: 'allow-missing-template-keys', type: 'bool', default: true },
  ],
  run(inv) {
    try {
      return run(inv);
    } catch (e) {
      if (e instanceof OutputError) throw new KubectlError(e.message.replace(/\n$/, ''));
      throw e;
    }
  },
};
