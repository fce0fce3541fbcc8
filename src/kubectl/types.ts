// Types shared by the kubectl front end and its commands: what a command receives and returns.
import type { Cluster } from '../cluster/cluster';
import type { FlagSpec, FlagValue } from './flags';

export interface KubectlResult {
  stdout: string;
  stderr: string;
  exitCode: number;
  /** stdout and stderr interleaved in the order they were written, as a terminal shows them. */
  terminal?: string;
}

export interface KubectlContext {
  cluster: Cluster;
  /** Directory `-f` paths resolve against first (the transcript's folder). */
  cwd: string;
  /** Sub-folders of fixtures/ that `-f` names are looked up in after fixtures/ itself (transcripts: manifests). */
  fixtureFolders?: readonly string[];
  /** What `-f -` reads. */
  stdin?: string;
}

/** What a command receives: its positional args, flags, and where to write. */
export interface Invocation {
  command: string;
  args: string[];
  flags: Record<string, FlagValue>;
  changed: Set<string>;
  ctx: KubectlContext;
  out: (text: string) => void;
  err: (text: string) => void;
  /** The namespace: -n, else "default". */
  namespace: string;
}

export interface CommandSpec {
  /** "get", or "rollout status" for subcommands. */
  name: string;
  flags: FlagSpec[];
  /** Returns the exit status (0 success, 1 error). */
  run(inv: Invocation): number;
}

/** An error a command reports the way cmdutil.CheckErr prints it: "error: <message>" (or the text as is). */
export class KubectlError extends Error {
  override name = 'KubectlError';
  constructor(message: string, readonly raw = false) {
    super(message);
  }
}

