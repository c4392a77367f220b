import 'reflect-metadata';
import { createServer } from 'node:net';
import { join, relative } from 'node:path';
import { loadConfig } from '../core/platform/config/app-config';
import { createDataSource } from '../core/data-source';
import { hasDemoTenant, seedDemoIfEmpty } from './seed/demo-seed';
import { ensureDatabase, migrateDatabase } from './ensure-database';
import { demoLoginLines } from './seed-demo';
import { freePort } from './temporal-dev-server';
import { ensureDataDir, REPO_ROOT, visitorTokenSecret } from './embedded/data-dir';
import { startEmbeddedPostgres } from './embedded/embedded-postgres';
import { startEmbeddedTemporal } from './embedded/embedded-temporal';
import { startNodeService, waitUntilHealthy } from './embedded/node-service';
import { livePidFrom, removePidFile, writePidFile } from './embedded/pid-file';
import { Running } from './embedded/running';
import { describeExit } from './embedded/supervised-process';

/**
 * `npm start`: the whole product on one machine. Without DATABASE_URL it runs an embedded PostgreSQL server with its
 * cluster in the data dir (THREADLINE_DATA_DIR, default .data/); without TEMPORAL_ADDRESS a Temporal dev server
 * persisted there.
 * Then migrations, the demo seed (empty database only; `npm start -- --no-seed` skips it), the worker and the API as
 * child processes, until Ctrl-C or SIGTERM stops everything in order, or one of them dies and takes the rest along.
 */

/** Stops everything and exits with `code`; `details` (e.g. a dead process's last words) are printed after `why`. */
type Exit = (code: number, why: string, details?: string) => void;

const log = (line: string) => process.stdout.write(`${'start'.padEnd(8)}| ${line}\n`);
const seconds = (since: number) => `${((Date.now() - since) / 1000).toFixed(1)} s`;

async function apiPort(env: NodeJS.ProcessEnv): Promise<number> {
  const raw = env.PORT || '3000';
  const port = raw === '0' ? await freePort() : Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new Error(`PORT must be a TCP port (1-65535, or 0 for any free one), got "${raw}"`);
  }
  await new Promise<void>((resolve, reject) => {
    const probe = createServer().once('error', (error: NodeJS.ErrnoException) =>
      reject(new Error(`Port ${port} is not free (${error.code}); set PORT to another one`)),
    );
    probe.listen(port, '0.0.0.0', () => probe.close(() => resolve()));
  });
  return port;
}

/** DATABASE_URL and TEMPORAL_ADDRESS when set, else embedded ones (started side by side). */
async function startInfrastructure(running: Running, dataDir: string, exit: Exit, startedAt: number) {
  const env = process.env;
  const [database, temporal] = await Promise.allSettled([
    env.DATABASE_URL ||
      startEmbeddedPostgres(join(dataDir, 'postgres')).then((postgres) => {
        log(`Embedded PostgreSQL is up (${seconds(startedAt)})`);
        void postgres.process.exited.then((how) =>
          exit(1, `The embedded PostgreSQL stopped (${describeExit(how)})`, postgres.stderrTail()),
        );
        return (running.postgres = postgres).url;
      }),
    env.TEMPORAL_ADDRESS ||
      startEmbeddedTemporal({ dbFile: join(dataDir, 'temporal.db'), pidFile: join(dataDir, 'temporal.pid') }).then(
        (server) => {
          log(`Embedded Temporal dev server is up (${seconds(startedAt)})`);
          void server.process.exited.then((how) =>
            exit(1, `The Temporal dev server stopped (${describeExit(how)})`, server.stderrTail()),
          );
          return (running.temporal = server).address;
        },
      ),
  ]);
  if (database.status === 'rejected') {
    throw database.reason;
  }
  if (temporal.status === 'rejected') {
    throw temporal.reason;
  }
  return { databaseUrl: database.value, temporalAddress: temporal.value };
}

/** Applies migrations, seeds an empty database, and tells whether the demo tenant exists. */
async function migrateAndSeed(url: string, external: boolean, seed: boolean): Promise<boolean> {
  if (external && (await ensureDatabase(url))) {
    log(`Created database ${new URL(url).pathname.slice(1)}`);
  }
  const applied = await migrateDatabase(url);
  log(applied.length === 0 ? 'Database schema is up to date' : `Applied migrations: ${applied.join(', ')}`);
  const dataSource = await createDataSource({ url, poolSize: 1, applicationName: 'threadline-start' }).initialize();
  try {
    if (seed && (await seedDemoIfEmpty(dataSource))) {
      log('Empty database: seeded the demo tenant');
    }
    return await hasDemoTenant(dataSource);
  } finally {
    await dataSource.destroy();
  }
}

function readyBanner(port: number, databaseUrl: string, temporalAddress: string, running: Running, dataDir: string) {
  const base = `http://localhost:${port}`;
  const inData = (name: string) => {
    const path = relative(REPO_ROOT, join(dataDir, name));
    return path.startsWith('..') ? join(dataDir, name) : path;
  };
  const database = running.postgres
    ? `${databaseUrl} (embedded PostgreSQL, data in ${inData('postgres')})`
    : `${new URL(databaseUrl).host}${new URL(databaseUrl).pathname} (DATABASE_URL)`;
  const temporal = running.temporal
    ? `${temporalAddress} (embedded dev server, data in ${inData('temporal.db')})`
    : `${temporalAddress} (TEMPORAL_ADDRESS)`;
  return [
    `  Agent inbox  ${base}/app`,
    `  API          ${base}`,
    `  API docs     ${base}/docs`,
    `  Widget demo  ${base}/widget/demo?key=demo`,
    `  Database     ${database}`,
    `  Temporal     ${temporal}`,
  ];
}

async function boot(running: Running, dataDir: string, stopped: () => boolean, exit: Exit): Promise<void> {
  const startedAt = Date.now();
  const port = await apiPort(process.env);
  const { databaseUrl, temporalAddress } = await startInfrastructure(running, dataDir, exit, startedAt);
  if (stopped()) {
    return;
  }
  const demo = await migrateAndSeed(databaseUrl, !running.postgres, !process.argv.includes('--no-seed'));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    TEMPORAL_ADDRESS: temporalAddress,
    VISITOR_TOKEN_SECRET: visitorTokenSecret(process.env, dataDir),
    PORT: String(port),
  };
  loadConfig(env); // the services would fail on the same problems; list them all here, once
  if (stopped()) {
    return;
  }
  log(`Starting the worker and the API (${seconds(startedAt)})`);
  for (const [name, entry] of [
    ['worker', 'apps/worker/src/main.ts'],
    ['api', 'apps/api/src/main.ts'],
  ]) {
    const service = startNodeService(name, entry, env);
    running.services.push(service);
    void service.exited.then((how) => exit(1, `The ${name} stopped unexpectedly (${describeExit(how)})`));
  }
  if (!(await waitUntilHealthy(`http://127.0.0.1:${port}/health`, stopped))) {
    return;
  }
  const banner = readyBanner(port, databaseUrl, temporalAddress, running, dataDir);
  const logins = demo ? ['', ...demoLoginLines()] : [];
  const lines = ['', `Threadline is ready (started in ${seconds(startedAt)})`, ...banner, ...logins];
  process.stdout.write([...lines, '', 'Press Ctrl-C to stop.', ''].join('\n') + '\n');
}

function main(): void {
  const dataDir = ensureDataDir(process.env);
  const lockFile = join(dataDir, 'start.pid');
  const other = livePidFrom(lockFile, ['start.ts']);
  if (other !== undefined) {
    console.error(`Another npm start (pid ${other}) is using ${dataDir}; stop it first or set THREADLINE_DATA_DIR`);
    process.exit(1);
  }
  writePidFile(lockFile, process.pid);
  const running = new Running();
  let exitCode: number | undefined;
  let booting: Promise<void> = Promise.resolve();
  const exit: Exit = (code, why, details = '') => {
    if (exitCode !== undefined) {
      return;
    }
    exitCode = code;
    if (code === 0) {
      log(`${why}; stopping Threadline...`);
    } else {
      console.error(`\n${why}; stopping Threadline...${details.trim() === '' ? '' : `\n${details.trim()}`}`);
    }
    // A start step in flight finishes first (each is bounded), so whatever it started is stopped too.
    void booting
      .then(() => running.stop())
      .then(
        () => {
          removePidFile(lockFile);
          log('Stopped.');
          process.exit(code);
        },
        (error: unknown) => {
          console.error('Could not stop cleanly:', error);
          running.kill();
          process.exit(1);
        },
      );
  };
  // No "press Ctrl-C twice to kill": under npm each Ctrl-C arrives twice (from the terminal, then forwarded by npm),
  // and every stop step is bounded (SIGKILL after a grace period) anyway.
  const onSignal = (signal: NodeJS.Signals) => exit(0, `Received ${signal}`);
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  booting = boot(running, dataDir, () => exitCode !== undefined, exit).catch((error: unknown) => {
    exit(1, `Start failed: ${error instanceof Error ? error.message : String(error)}`);
  });
}

main();
