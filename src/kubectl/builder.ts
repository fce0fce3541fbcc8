// The resource builder the write commands share (cli-runtime pkg/resource/builder.go): turns
// "TYPE NAME…", "TYPE/NAME…", "TYPE -l sel", "TYPE --all" and -f files into the objects a command
// visits, in kubectl's order, with its errors. Builder-level mistakes throw (kubectl's r.Err());
// per-object failures (NotFound, a bad document) come back as items, to be reported at the end.
import type { KubeObject, Stored } from '../api/objects';
import { RESOURCES, resourceForKind, type ResourceInfo } from '../api/resources';
import { isApiError } from '../api/errors';
import { KubectlError, type Invocation } from './types';
import { resolveType } from './resource_args';
import { readFileArgs } from './file_args';

export interface Target {
  info: ResourceInfo;
  /** "" for cluster-scoped kinds. */
  namespace: string;
  name: string;
  /** The -f source the object came from ("f.yaml", "dir/f.yaml", "STDIN"). */
  source?: string;
  /** The live object, when the builder fetched it (Latest / RequireObject). */
  object?: Stored;
  /** The object as written in the -f source. */
  manifest?: KubeObject;
  /** An error the API server will return for this manifest (strict decoding). */
  serverError?: Error;
}

export type Visit = { target: Target } | { error: Error };

export interface BuilderRequest {
  args: string[];
  filenames?: string[];
  selector?: string;
  fieldSelector?: string;
  all?: boolean;
  /** The builder's SelectAllParam (delete, wait): --all with a selector is its error. */
  selectAllParam?: boolean;
  allNamespaces?: boolean;
  /** GET each named object (the builder's default; delete sets RequireObject(false)). */
  requireObject?: boolean;
  singleResourceType?: boolean;
}

export const MISSING_RESOURCE = `You must provide one or more resources by argument or filename.
Example resource specifications include:
   '-f rsrc.yaml'
   '--filename=rsrc.json'
   '<resource> <name>'
   '<resource>'`;

function expandTypes(word: string): ResourceInfo[] {
  return word.split(',').flatMap(w => (w === 'all' ? RESOURCES.filter(r => r.inAll) : [resolveType(w)]));
}

/** Parses positional args into (type, names) pairs in kubectl's visiting order. */
function parseArgs(args: string[]): { pairs: { info: ResourceInfo; name: string }[]; typesOnly: ResourceInfo[] } {
  if (args.length === 0) return { pairs: [], typesOnly: [] };
  if (args.some(a => a.includes('/'))) {
    if (!args.every(a => a.includes('/'))) {
      throw new KubectlError("there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'");
    }
    return {
      typesOnly: [],
      pairs: args.map(a => {
        const [type, name, ...extra] = a.split('/');
        if (!type || !name || extra.length) throw new KubectlError('arguments in resource/name form must have a single resource and name');
        return { info: resolveType(type), name };
      }),
    };
  }
  const [types, ...names] = args as [string, ...string[]];
  const infos = expandTypes(types);
  if (names.length === 0) return { pairs: [], typesOnly: infos };
  return { typesOnly: [], pairs: infos.flatMap(info => names.map(name => ({ info, name }))) };
}

function namespaceFor(info: ResourceInfo, inv: Invocation): string {
  return info.namespaced ? inv.namespace : '';
}

function fromFiles(inv: Invocation, filenames: string[]): Visit[] {
  const enforce = inv.changed.has('namespace');
  return readFileArgs(filenames, inv.ctx).map((item): Visit => {
    if (item.kind === 'error') return { error: item.error };
    const obj = item.object;
    const info = resourceForKind(obj.kind)!;
    let namespace = '';
    if (info.namespaced) {
      const written = typeof obj.metadata?.namespace === 'string' ? obj.metadata.namespace : '';
      if (enforce && written && written !== inv.namespace) {
        return { error: new Error(`the namespace from the provided object "${written}" does not match the namespace "${inv.namespace}". You must pass '--namespace=${written}' to perform this operation.`) };
      }
      namespace = written || inv.namespace;
    }
    const name = typeof obj.metadata?.name === 'string' ? obj.metadata.name : '';
    return { target: { info, namespace, name, source: item.source, manifest: obj, serverError: item.serverError } };
  });
}

function bySelector(inv: Invocation, infos: ResourceInfo[], req: BuilderRequest): Visit[] {
  const out: Visit[] = [];
  for (const info of infos) {
    try {
      const items = inv.ctx.cluster.api.list(info.kind, {
        namespace: req.allNamespaces || !info.namespaced ? undefined : inv.namespace,
        labelSelector: req.selector ?? '', fieldSelector: req.fieldSelector,
      }, { actor: 'kubectl' }).items;
      for (const o of items) out.push({ target: { info, namespace: o.metadata.namespace ?? '', name: o.metadata.name, object: o } });
    } catch (e) {
      if (isApiError(e)) out.push({ error: e });
      else throw e;
    }
  }
  return out;
}

/** Resolves what a command acts on; throws for usage errors kubectl reports before any request. */
export function buildTargets(inv: Invocation, req: BuilderRequest): Visit[] {
  if (req.selectAllParam && req.all && (req.selector !== undefined || req.fieldSelector !== undefined)) {
    throw new KubectlError("setting 'all' parameter but found a non empty selector. ");
  }
  const files = req.filenames ?? [];
  if (files.length && req.args.length) {
    throw new KubectlError('when paths, URLs, or stdin is provided as input, you may not specify resource arguments as well');
  }
  if (files.length) return fromFiles(inv, files);
  const { pairs, typesOnly } = parseArgs(req.args);
  const types = typesOnly.length ? typesOnly : [...new Set(pairs.map(p => p.info))];
  if (req.singleResourceType && types.length > 1) throw new KubectlError('you must specify only one resource');
  const selecting = req.selector !== undefined || req.fieldSelector !== undefined || req.all === true;
  if (pairs.length) {
    if (selecting) throw new KubectlError('name cannot be provided when a selector is specified');
    return pairs.map(({ info, name }): Visit => {
      const namespace = namespaceFor(info, inv);
      if (req.requireObject === false) return { target: { info, namespace, name } };
      try {
        const object = inv.ctx.cluster.api.get(info.kind, namespace, name, { actor: 'kubectl' });
        return { target: { info, namespace, name, object } };
      } catch (e) {
        if (isApiError(e)) return { error: e };
        throw e;
      }
    });
  }
  if (typesOnly.length) {
    if (!selecting) throw new KubectlError('resource(s) were provided, but no name was specified');
    return bySelector(inv, typesOnly, req);
  }
  throw new KubectlError(MISSING_RESOURCE);
}

/** The targets and the errors of a visit list, separately. */
export function partition(visits: Visit[]): { targets: Target[]; errors: Error[] } {
  const targets: Target[] = [];
  const errors: Error[] = [];
  for (const v of visits) {
    if ('target' in v) targets.push(v.target);
    else errors.push(v.error);
  }
  return { targets, errors };
}
