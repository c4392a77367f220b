import { Connection } from '@temporalio/client';
import { ensureTemporalBinary } from '../ensure-temporal';
import { freePort } from '../temporal-dev-server';
import { livePidFrom, removePidFile, waitForPidExit, writePidFile } from './pid-file';
import { describeExit, superviseProcess, type SupervisedProcess } from './supervised-process';

export interface EmbeddedTemporal {
  address: string;
  process: SupervisedProcess;
  /** The end of what the server wrote to stderr (it logs errors only): the reason, when it stops by itself. */
  stderrTail(): string;
  /** Stops the dev server (SIGTERM, SIGKILL after a grace period) and forgets its pid. */
  stop(): Promise<void>;
}

export interface EmbeddedTemporalOptions {
  /** SQLite file holding every workflow; opened in WAL mode. */
  dbFile: string;
  /** Records the server's pid, so a server orphaned by a killed `npm start` is stopped by the next one. */
  pidFile: string;
  startTimeoutMs?: number;
}

const STOP_GRACE_MS = 10_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function stopOrphan({ dbFile, pidFile }: EmbeddedTemporalOptions): Promise<void> {
  const orphan = livePidFrom(pidFile, ['start-dev', dbFile]);
  if (orphan === undefined) {
    return;
  }
  process.stderr.write(`Stopping a Temporal dev server (pid ${orphan}) left running on ${dbFile}\n`);
  process.kill(orphan, 'SIGTERM');
  if (!(await waitForPidExit(orphan, STOP_GRACE_MS))) {
    process.kill(orphan, 'SIGKILL');
    await waitForPidExit(orphan, STOP_GRACE_MS);
  }
}

async function serving(address: string): Promise<boolean> {
  try {
    const connection = await Connection.connect({ address, connectTimeout: 1000 });
    try {
      await connection.workflowService.describeNamespace({ namespace: 'default' });
      return true;
    } finally {
      await connection.close();
    }
  } catch {
    return false;
  }
}

/**
 * `temporal server start-dev`, headless, persisted in a SQLite file (WAL, synchronous=NORMAL), on free ports of
 * 127.0.0.1. Resolves once it serves the default namespace. (scripts/temporal-dev-server.ts does the same for the
 * tests, but runs the server in our process group, where a terminal's Ctrl-C would stop it before the worker.)
 */
export async function startEmbeddedTemporal(options: EmbeddedTemporalOptions): Promise<EmbeddedTemporal> {
  await stopOrphan(options);
  const binary = await ensureTemporalBinary();
  const port = await freePort();
  const args = ['server', 'start-dev', '--headless', '--ip', '127.0.0.1', '--port', String(port)];
  args.push('--http-port', String(await freePort()), '--metrics-port', String(await freePort()));
  args.push('--db-filename', options.dbFile, '--log-level', 'error');
  args.push('--sqlite-pragma', 'journal_mode=WAL', '--sqlite-pragma', 'synchronous=NORMAL');
  const server = superviseProcess('temporal', binary, args, { env: process.env, output: 'capture' });
  writePidFile(options.pidFile, server.pid);
  const address = `127.0.0.1:${port}`;
  const stop = async () => {
    await server.stop(STOP_GRACE_MS);
    removePidFile(options.pidFile);
  };
  const deadline = Date.now() + (options.startTimeoutMs ?? 60_000);
  let exited: string | undefined;
  void server.exited.then((exit) => (exited = describeExit(exit)));
  while (!(await serving(address))) {
    if (exited !== undefined || Date.now() > deadline) {
      await stop();
      const why = exited !== undefined ? `exited (${exited})` : 'did not become ready in time';
      throw new Error(`Temporal dev server ${why}:\n${server.stderrTail()}`);
    }
    await sleep(250);
  }
  return { address, process: server, stderrTail: server.stderrTail, stop };
}
