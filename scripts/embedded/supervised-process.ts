import { spawn, type ChildProcess, type StdioOptions } from 'node:child_process';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';

export interface ProcessExit {
  code: number | null;
  signal: NodeJS.Signals | null;
  error?: Error;
}

export interface SupervisedProcess {
  name: string;
  pid: number;
  /** Settles (never rejects) when the process has exited or could not be spawned. */
  exited: Promise<ProcessExit>;
  /**
   * The stop signal (SIGTERM unless told otherwise) to its process group or only to it, then SIGKILL to the group
   * after `graceMs`; resolves once it has exited. Idempotent.
   */
  stop(graceMs: number): Promise<ProcessExit>;
  /** SIGKILL to its process group, now. */
  kill(): void;
}

export interface SuperviseOptions {
  env: NodeJS.ProcessEnv;
  cwd?: string;
  /** 'prefix' copies stdout and stderr line by line, each line prefixed by the name; 'capture' keeps stderr's tail. */
  output: 'prefix' | 'capture';
  /** Open an IPC channel (for scripts/embedded/exit-with-parent.ts). */
  ipc?: boolean;
  /** Run as this user and group (when we are root). */
  uid?: number;
  gid?: number;
  /** How to ask it to stop: SIGTERM to its whole process group unless told otherwise. */
  stopSignal?: NodeJS.Signals;
  /** Send the stop signal to the process alone, for servers that stop their own children (PostgreSQL). */
  stopLeaderOnly?: boolean;
}

export function describeExit({ code, signal, error }: ProcessExit): string {
  if (error) {
    return `could not start: ${error.message}`;
  }
  return signal ? `killed by ${signal}` : `exit code ${code}`;
}

function prefixLines(stream: Readable | null, prefix: string, target: NodeJS.WriteStream): void {
  if (stream) {
    createInterface({ input: stream, crlfDelay: Infinity }).on('line', (line) => target.write(`${prefix}${line}\n`));
  }
}

function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) {
    return;
  }
  try {
    // Detached children lead their own process group; signalling the group also reaches anything they spawned.
    process.kill(-child.pid, signal);
  } catch {
    child.kill(signal);
  }
}

/** Whatever an exited leader left in its process group (it should have left nothing) goes too. */
function killRemnants(child: ChildProcess): void {
  if (child.pid === undefined) {
    return;
  }
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    // ESRCH: the group is empty, as it should be.
  }
}

/**
 * Spawns a process in its own process group (so a terminal's Ctrl-C reaches only us and we choose the stop order)
 * and tracks its exit.
 */
export function superviseProcess(
  name: string,
  command: string,
  args: string[],
  options: SuperviseOptions,
): SupervisedProcess & { stderrTail(): string } {
  const stdio: StdioOptions = ['ignore', 'pipe', 'pipe', ...(options.ipc ? ['ipc' as const] : [])];
  const { cwd, env, uid, gid } = options;
  const child = spawn(command, args, { cwd, env, uid, gid, stdio, detached: true });
  let tail = '';
  if (options.output === 'prefix') {
    const prefix = `${name.padEnd(8)}| `;
    prefixLines(child.stdout, prefix, process.stdout);
    prefixLines(child.stderr, prefix, process.stderr);
  } else {
    child.stdout?.resume();
    child.stderr?.on('data', (chunk: Buffer) => {
      tail = (tail + chunk.toString()).slice(-4000);
    });
  }
  const exited = new Promise<ProcessExit>((resolve) => {
    child.once('error', (error) => resolve({ code: null, signal: null, error }));
    child.once('exit', (code, signal) => resolve({ code, signal }));
  });
  let stopping: Promise<ProcessExit> | undefined;
  const stop = (graceMs: number) => {
    stopping ??= (async () => {
      const signal = options.stopSignal ?? 'SIGTERM';
      if (options.stopLeaderOnly) {
        child.kill(signal);
      } else {
        signalGroup(child, signal);
      }
      const timer = setTimeout(() => {
        process.stderr.write(`${name} did not stop within ${graceMs / 1000}s; killing it\n`);
        signalGroup(child, 'SIGKILL');
      }, graceMs);
      const exit = await exited;
      clearTimeout(timer);
      killRemnants(child);
      return exit;
    })();
    return stopping;
  };
  return {
    name,
    pid: child.pid ?? -1,
    exited,
    stop,
    kill: () => signalGroup(child, 'SIGKILL'),
    stderrTail: () => tail,
  };
}
