// kubectl's command line as cobra/pflag parse it: long flags (--name=value, --name value, bool
// --flag / --flag=false), short flags (-n value, -nvalue, -n=value, clustered bools -it), "--" to
// end flags, repeatable flags; errors in pflag's words.

export type FlagType = 'bool' | 'string' | 'int' | 'stringArray';

export interface FlagSpec {
  name: string;
  short?: string;
  type: FlagType;
  default?: boolean | string | number | string[];
  /** A flag given without a value gets this (pflag NoOptDefVal, e.g. --cascade → "background"). */
  noValueDefault?: string;
}

export type FlagValue = boolean | string | number | string[];

export interface ParsedCommandLine {
  args: string[];
  flags: Record<string, FlagValue>;
  /** Flags the user actually set (pflag's Changed). */
  changed: Set<string>;
}

export class FlagError extends Error {
  override name = 'FlagError';
}

/** Flags every kubectl command accepts. */
export const GLOBAL_FLAGS: FlagSpec[] = [
  { name: 'namespace', short: 'n', type: 'string', default: '' },
  { name: 'context', type: 'string', default: '' },
  { name: 'kubeconfig', type: 'string', default: '' },
  { name: 'v', short: 'v', type: 'int', default: 0 },
  { name: 'request-timeout', type: 'string', default: '0' },
];

function setValue(spec: FlagSpec, flags: Record<string, FlagValue>, raw: string, display: string): void {
  switch (spec.type) {
    case 'bool':
      if (!/^(1|t|T|TRUE|true|True|0|f|F|FALSE|false|False)$/.test(raw)) {
        throw new FlagError(`invalid argument "${raw}" for "${display}" flag: strconv.ParseBool: parsing "${raw}": invalid syntax`);
      }
      flags[spec.name] = /^(1|t|T|TRUE|true|True)$/.test(raw);
      return;
    case 'int':
      if (!/^[+-]?\d+$/.test(raw)) throw new FlagError(`invalid argument "${raw}" for "${display}" flag: strconv.ParseInt: parsing "${raw}": invalid syntax`);
      flags[spec.name] = Number(raw);
      return;
    case 'stringArray': {
      const prev = flags[spec.name];
      flags[spec.name] = [...(Array.isArray(prev) ? prev : []), raw];
      return;
    }
    default:
      flags[spec.name] = raw;
  }
}

export function parseCommandLine(argv: string[], specs: FlagSpec[]): ParsedCommandLine {
  const all = [...specs, ...GLOBAL_FLAGS];
  const byName = new Map(all.map(s => [s.name, s]));
  const byShort = new Map(all.filter(s => s.short).map(s => [s.short!, s]));
  const flags: Record<string, FlagValue> = {};
  for (const s of all) if (s.default !== undefined) flags[s.name] = Array.isArray(s.default) ? [...s.default] : s.default;
  const changed = new Set<string>();
  const args: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') { args.push(...argv.slice(i + 1)); break; }
    if (a.startsWith('--') && a.length > 2) {
      const eq = a.indexOf('=');
      const name = eq >= 0 ? a.slice(2, eq) : a.slice(2);
      const spec = byName.get(name);
      if (!spec) throw new FlagError(`unknown flag: --${name}`);
      const display = spec.short ? `-${spec.short}, --${spec.name}` : `--${spec.name}`;
      if (spec.type === 'stringArray' && changed.has(spec.name) === false) flags[spec.name] = [];
      changed.add(spec.name);
      if (eq >= 0) setValue(spec, flags, a.slice(eq + 1), display);
      else if (spec.type === 'bool') flags[spec.name] = true;
      else if (spec.noValueDefault !== undefined) setValue(spec, flags, spec.noValueDefault, display);
      else if (i + 1 < argv.length) setValue(spec, flags, argv[++i]!, display);
      else throw new FlagError(`flag needs an argument: --${name}`);
    } else if (a.startsWith('-') && a.length > 1) {
      let j = 1;
      while (j < a.length) {
        const c = a[j]!;
        const spec = byShort.get(c);
        if (!spec) throw new FlagError(`unknown shorthand flag: '${c}' in ${a}`);
        const display = `-${spec.short}, --${spec.name}`;
        if (spec.type === 'stringArray' && !changed.has(spec.name)) flags[spec.name] = [];
        changed.add(spec.name);
        const rest = a.slice(j + 1);
        if (spec.type === 'bool') {
          if (rest.startsWith('=')) { setValue(spec, flags, rest.slice(1), display); break; }
          flags[spec.name] = true;
          j++;
          continue;
        }
        if (rest.length > 0) setValue(spec, flags, rest.startsWith('=') ? rest.slice(1) : rest, display);
        else if (i + 1 < argv.length) setValue(spec, flags, argv[++i]!, display);
        else throw new FlagError(`flag needs an argument: '${c}' in -${c}`);
        break;
      }
    } else args.push(a);
  }
  return { args, flags, changed };
}
