import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { Connection } from '@temporalio/client';
import { ensureTemporalBinary } from './ensure-temporal';

export interface TemporalDevServerOptions {
  /** gRPC port; a free one is picked when omitted. */
  port?: number;
  /** Persist state in this SQLite file; in memory when omitted. */
  dbFile?: string;
  /** Serve the Web UI on this port; headless when omitted. */
  uiPort?: number;
  /** How long to wait for the server to accept connections. */
  startTimeoutMs?: number;
}

export interface TemporalDevServer {
  address: string;
  pid: number;
  stop(): Promise<void>;
}

/** Asks the OS for a free TCP port on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function devServerArgs(
  port: number,
  { dbFile, uiPort }: TemporalDevServerOptions,
  httpPort: number,
  metricsPort: number,
) {
  const args = ['server', 'start-dev', '--ip', '127.0.0.1', '--port', String(port), '--log-level', 'error'];
  args.push('--http-port', String(httpPort), '--metrics-port', String(metricsPort));
  if (uiPort === undefined) {
    args.push('--headless');
  } else {
    args.push('--ui-port', String(uiPort));
  }
  if (dbFile !== undefined) {
    args.push('--db-filename', dbFile, '--sqlite-pragma', 'journal_mode=WAL', '--sqlite-pragma', 'synchronous=NORMAL');
  }
  return args;
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) {
    return Promise.resolve();
  }
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

async function waitUntilReady(address: string, child: ChildProcess, output: () => string, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`Temporal dev server exited early (${child.exitCode ?? child.signalCode}):\n${output()}`);
    }
    try {
      const connection = await Connection.connect({ address, connectTimeout: 1000 });
      try {
        await connection.workflowService.describeNamespace({ namespace: 'default' });
        return;
      } finally {
        await connection.close();
      }
    } catch (error) {
      if (Date.now() > deadline) {
        throw new Error(
          `Temporal dev server at ${address} not ready after ${timeoutMs}ms: ${String(error)}\n${output()}`,
          {
            cause: error,
          },
        );
      }
      await sleep(250);
    }
  }
}

/** Spawns `temporal server start-dev` and resolves once it accepts connections and serves the default namespace. */
export async function startTemporalDevServer(options: TemporalDevServerOptions = {}): Promise<TemporalDevServer> {
  const binary = await ensureTemporalBinary();
  const port = options.port ?? (await freePort());
  const args = devServerArgs(port, options, await freePort(), await freePort());
  const child = spawn(binary, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  const spawnFailed = new Promise<never>((_, reject) => child.once('error', reject));
  const address = `127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited(child);
      clearTimeout(timer);
    }
  };
  try {
    await Promise.race([waitUntilReady(address, child, () => stderr, options.startTimeoutMs ?? 60_000), spawnFailed]);
  } catch (error) {
    await stop();
    throw error;
  }
  child.stderr?.removeAllListeners('data');
  child.stderr?.resume();
  return { address, pid: child.pid ?? -1, stop };
}
