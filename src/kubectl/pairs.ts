// KEY=VALUE and KEY- arguments (kubectl pkg/cmd/util GetResourcesAndPairs, ParsePairs) as label,
// annotate and set image read them after the resource arguments.
import { KubectlError } from './types';

/** Splits args into resource arguments and the pairs after them. */
export function resourcesAndPairs(args: string[], pairType: string): { resources: string[]; pairs: string[] } {
  const resources: string[] = [];
  const pairs: string[] = [];
  let foundPair = false;
  for (const s of args) {
    const nonResource = (s.includes('=') && s[0] !== '=') || (s.endsWith('-') && s !== '-');
    if (nonResource) { foundPair = true; pairs.push(s); }
    else if (!foundPair) resources.push(s);
    else throw new KubectlError(`all resources must be specified before ${pairType} changes: ${s}`);
  }
  return { resources, pairs };
}

/** ParsePairs: KEY=VALUE into a map (in argument order), KEY- into removals when supported. */
export function parsePairs(args: string[], pairType: string, supportRemove: boolean): { set: Map<string, string>; remove: string[] } {
  const set = new Map<string, string>();
  const remove: string[] = [];
  const invalid: string[] = [];
  for (const a of args) {
    if (a.includes('=') && a[0] !== '=') {
      const i = a.indexOf('=');
      set.set(a.slice(0, i), a.slice(i + 1));
    } else if (supportRemove && a.endsWith('-') && a !== '-') remove.push(a.slice(0, -1));
    else invalid.push(a);
  }
  if (invalid.length) throw new KubectlError(`invalid ${pairType} format: ${invalid.join(', ')}`);
  return { set, remove };
}
