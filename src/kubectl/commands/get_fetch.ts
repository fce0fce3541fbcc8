// What `kubectl get` / `describe` fetch through the resource builder: named objects one by one
// (errors collected, as ContinueOnError does) or lists with label and field selectors, and the
// builder's refusals in kubectl's words.
import { ApiError, isApiError } from '../../api/errors';
import type { KubeObject } from '../../api/objects';
import type { ResourceInfo } from '../../api/resources';
import { parseResourceArgs, type ResourceSelection } from '../resource_args';
import { KubectlError, type Invocation } from '../types';

export interface FetchedInfo {
  info: ResourceInfo;
  /** The objects this request returned (a list's items, or one named object). */
  objects: KubeObject[];
  /** true for a list request (a Table or a list came back, possibly empty). */
  list: boolean;
}

export interface FetchResult {
  infos: FetchedInfo[];
  errors: unknown[];
  /** One named object was asked for: -o yaml prints it alone rather than a List. */
  singleItemImplied: boolean;
}

export interface FetchOptions {
  allNamespaces: boolean;
  labelSelector: string;
  fieldSelector: string;
}

/** GroupVersionResource.String(), as list errors quote it ("/v1, Resource=pods"). */
const gvrString = (info: ResourceInfo): string => `${info.group}/${info.version}, Resource=${info.plural}`;

/** EnhanceListError: BadRequest / NotFound from a list say what was listed. */
function enhanceListError(e: unknown, info: ResourceInfo, opts: FetchOptions): unknown {
  if (!(e instanceof ApiError) || (e.reason !== 'BadRequest' && e.reason !== 'NotFound')) return e;
  const message = opts.labelSelector === '' && opts.fieldSelector === ''
    ? `Unable to list ${JSON.stringify(gvrString(info))}: ${e.status.message}`
    : `Unable to find ${JSON.stringify(gvrString(info))} that match label selector ${JSON.stringify(opts.labelSelector)}, ` +
      `field selector ${JSON.stringify(opts.fieldSelector)}: ${e.status.message}`;
  return new ApiError({ ...e.status, message });
}

/** ResourceTypeOrNameArgs without SingleResourceType: "rs,deploy web" looks for web in both. */
export function selectResources(args: string[]): ResourceSelection[] {
  return parseResourceArgs(args, { singleResourceType: false });
}

/** The builder's singleItemImplied: one NAME, or one TYPE/NAME argument. */
export function singleItemImplied(args: string[]): boolean {
  return args.some(a => a.includes('/')) ? args.length === 1 : args.length === 2;
}

export function fetchResources(inv: Invocation, selections: ResourceSelection[], opts: FetchOptions): FetchResult {
  const api = inv.ctx.cluster.api;
  const ctx = { actor: 'kubectl' };
  const named = selections.some(s => s.names.length > 0);
  if (named && (opts.labelSelector !== '' || opts.fieldSelector !== '')) throw new KubectlError('name cannot be provided when a selector is specified');
  if (named && opts.allNamespaces) throw new KubectlError('a resource cannot be retrieved by name across all namespaces');
  const result: FetchResult = { infos: [], errors: [], singleItemImplied: false };
  result.singleItemImplied = singleItemImplied(inv.args);
  for (const sel of selections) {
    const namespace = sel.info.namespaced ? inv.namespace : '';
    if (sel.names.length > 0) {
      for (const name of sel.names) {
        try {
          result.infos.push({ info: sel.info, objects: [api.get(sel.info.kind, namespace, name, ctx)], list: false });
        } catch (e) {
          if (!isApiError(e)) throw e;
          result.errors.push(e);
        }
      }
      continue;
    }
    try {
      const listNamespace = !sel.info.namespaced || opts.allNamespaces ? undefined : namespace;
      const { items } = api.list(sel.info.kind, { namespace: listNamespace, labelSelector: opts.labelSelector || undefined,
        fieldSelector: opts.fieldSelector || undefined }, ctx);
      result.infos.push({ info: sel.info, objects: items, list: true });
    } catch (e) {
      if (!isApiError(e)) throw e;
      result.errors.push(enhanceListError(e, sel.info, opts));
    }
  }
  return result;
}
