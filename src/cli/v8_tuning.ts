// The V8 heap settings kukumber runs simulations under. Nearly everything a simulation allocates for
// the API server's history survives (every object version is kept), so the young generation's
// scavenges copy much and free little; a larger young generation (semi-spaces of 64 MB instead of
// 16 MB) halves their number and cuts CPU time by about a tenth on the benchmarks (README).
// `kukumber` restarts itself with these flags when they are missing; bench/run.ts passes them too.
export const V8_FLAGS: readonly string[] = ['--max-semi-space-size=64'];

/** The flags not already given to this process (by name: a user's own value for one is kept). */
export function missingV8Flags(execArgv: readonly string[]): string[] {
  return V8_FLAGS.filter(f => !execArgv.some(a => a.split('=')[0] === f.split('=')[0]));
}
