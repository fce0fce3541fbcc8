// Resource arguments as kubectl's resource builder reads them: "TYPE", "TYPE NAME...", "TYPE/NAME...",
// "TYPE1,TYPE2", and the "all" category; with kubectl's errors for the forms it refuses.
import { RESOURCES, resourceForName, type ResourceInfo } from '../api/resources';
import { KubectlError } from './types';

export interface ResourceSelection {
  info: ResourceInfo;
  /** Names asked for; empty = every object of the type (narrowed by -l / --field-selector / --all). */
  names: string[];
}

export function resolveType(word: string): ResourceInfo {
  const info = resourceForName(word);
  if (!info) throw new KubectlError(`the server doesn't have a resource type "${word}"`);
  return info;
}

function expandTypes(word: string): ResourceInfo[] {
  return word.split(',').flatMap(w => (w === 'all' ? RESOURCES.filter(r => r.inAll) : [resolveType(w)]));
}

export interface ResourceArgsOptions {
  /** The builder's SingleResourceType(): "TYPE1,TYPE2 NAME" is refused (default true). */
  singleResourceType?: boolean;
}

/** Parses positional args; throws KubectlError with kubectl's message for unusable forms. */
export function parseResourceArgs(args: string[], options: ResourceArgsOptions = {}): ResourceSelection[] {
  if (args.length === 0) return [];
  const slashed = args.filter(a => a.includes('/'));
  if (slashed.length > 0) {
    if (slashed.length !== args.length) {
      throw new KubectlError("there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'");
    }
    const out: ResourceSelection[] = [];
    for (const a of args) {
      const [type, name, ...extra] = a.split('/');
      if (!type || !name || extra.length) throw new KubectlError('arguments in resource/name form must have a single resource and name');
      const info = resolveType(type);
      const prev = out.find(s => s.info === info);
      if (prev) prev.names.push(name);
      else out.push({ info, names: [name] });
    }
    return out;
  }
  const [types, ...names] = args as [string, ...string[]];
  const infos = expandTypes(types);
  if (names.length > 0 && infos.length > 1 && options.singleResourceType !== false) {
    throw new KubectlError(`you must specify only one resource`);
  }
  return infos.map(info => ({ info, names: [...names] }));
}
