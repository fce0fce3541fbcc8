// A minimal Chrome DevTools Protocol client over --remote-debugging-pipe (no WebSocket, no
// browser download): headless Chromium from the system, one page, evaluate expressions in it.
// Host-side test tooling; it uses real processes and real time.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable, Writable } from 'node:stream';

export const CHROMIUM_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

interface Pending { resolve: (v: any) => void; reject: (e: Error) => void }

export class Browser {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private buffer = '';
  private constructor(private readonly proc: ChildProcess, private readonly userDataDir: string) {
    const out = proc.stdio[4] as Readable;
    out.setEncoding('utf8');
    out.on('data', (chunk: string) => this.receive(chunk));
  }

  static launch(executable: string): Browser {
    const userDataDir = mkdtempSync(join(tmpdir(), 'kukumber-chromium-'));
    const proc = spawn(executable, [...CHROMIUM_FLAGS, `--user-data-dir=${userDataDir}`, '--remote-debugging-pipe', 'about:blank'],
      { stdio: ['ignore', 'ignore', 'ignore', 'pipe', 'pipe'] });
    return new Browser(proc, userDataDir);
  }

  private receive(chunk: string): void {
    this.buffer += chunk;
    let end: number;
    while ((end = this.buffer.indexOf('\0')) >= 0) {
      const msg = JSON.parse(this.buffer.slice(0, end)) as { id?: number; result?: unknown; error?: { message: string } };
      this.buffer = this.buffer.slice(end + 1);
      const p = msg.id === undefined ? undefined : this.pending.get(msg.id);
      if (!p) continue;
      this.pending.delete(msg.id!);
      if (msg.error) p.reject(new Error(msg.error.message));
      else p.resolve(msg.result);
    }
  }

  send<T = any>(method: string, params: object = {}, sessionId?: string): Promise<T> {
    const id = this.nextId++;
    (this.proc.stdio[3] as Writable).write(`${JSON.stringify({ id, method, params, sessionId })}\0`);
    return new Promise<T>((resolve, reject) => this.pending.set(id, { resolve, reject }));
  }

  /** Opens url in a new page; returns a function evaluating an expression there (by value). */
  async open(url: string): Promise<(expression: string) => Promise<any>> {
    const { targetId } = await this.send<{ targetId: string }>('Target.createTarget', { url });
    const { sessionId } = await this.send<{ sessionId: string }>('Target.attachToTarget', { targetId, flatten: true });
    return async (expression: string) => {
      const r = await this.send<{ result: { value: unknown }; exceptionDetails?: { text: string } }>('Runtime.evaluate',
        { expression, returnByValue: true, awaitPromise: true }, sessionId);
      if (r.exceptionDetails) throw new Error(`in the page: ${r.exceptionDetails.text}`);
      return r.result.value;
    };
  }

  async close(): Promise<void> {
    const exited = new Promise(r => this.proc.once('exit', r));
    await Promise.race([this.send('Browser.close').catch(() => undefined), new Promise(r => setTimeout(r, 2000))]);
    if (this.proc.exitCode === null) this.proc.kill();
    await Promise.race([exited, new Promise(r => setTimeout(r, 2000))]);
    // Chromium's helper processes can still be writing the profile for a moment after it exits.
    for (let attempt = 0; attempt < 20; attempt++) {
      try {
        rmSync(this.userDataDir, { recursive: true, force: true });
        return;
      } catch {
        await new Promise(r => setTimeout(r, 100));
      }
    }
  }
}
