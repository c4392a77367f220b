import 'reflect-metadata';
import { createServer } from 'node:net';
import { join, relative } from 'node:path';
import { loadConfig } from '../core/config/app-config';
import { createDataSource } from '../core/db/data-source';
import { hasDemoTenant, seedDemoIfEmpty } from '../core/seed/demo-seed';
import { ensureDatabase, migrateDatabase } from './ensure-database';
import { demoLoginLines } from './seed-demo';
import { freePort } from './temporal-dev-server';
import { ensureDataDir, REPO_ROOT, visitorTokenSecret } from './embedded/data-dir';
import { startEmbeddedPostgres, type EmbeddedPostgres } from './embedded/embedded-postgres';
import { startEmbeddedTemporal, type EmbeddedTemporal } from './embedded/embedded-temporal';
import { startNodeService, waitUntilHealthy } from './embedded/node-service';
import { livePidFrom, removePidFile, writePidFile } from './embedded/pid-file';
import { describeExit, type SupervisedProcess } from './embedded/supervised-process';

/**
 * `npm start`: the whole product on one machine. Without DATABASE_URL it serves an embedded PGlite from the data dir;
 * without TEMPORAL_ADDRESS it runs a Temporal dev server persisted there. Then migrations, the demo seed (empty
 * database only), the worker and the API as child processes, until Ctrl-C or SIGTERM stops everything in order.
 * `npm start -- --no-seed` skips the seed.
 */

const SERVICE_STOP_GRACE_MS = 15_000;
const log = (line: string) => process.stdout.write(`${'start'.padEnd(8)}| ${line}\n`);

/** Everything started so far, stopped in reverse dependency order. */
class Running {
  postgres?: EmbeddedPostgres;
  temporal?: EmbeddedTemporal;
  readonly services: SupervisedProcess[] = [];
  private stopping?: Promise<void>;

  /** The API and worker first (they hold connections to the rest), then Temporal, then PGlite (flushes its files). */
  stop(): Promise<void> {
    this.stopping ??= (async () => {
      await Promise.all(this.services.map((service) => service.stop(SERVICE_STOP_GRACE_MS)));
      await this.temporal?.stop();
      await this.postgres?.stop();
    })();
    return this.stopping;
  }

  kill(): void {
    this.services.forEach((service) => service.kill());
    this.temporal?.process.kill();
  }
}

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

function describeDatabase(url: string, postgres: EmbeddedPostgres | undefined, dataDir: string): string {
  if (postgres) {
    return `${url} (embedded PGlite, data in ${relative(REPO_ROOT, join(dataDir, 'pglite')) || '.'})`;
  }
  const parsed = new URL(url);
  return `${parsed.host}${parsed.pathname} (DATABASE_URL)`;
}

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

async function boot(
  running: Running,
  dataDir: string,
  stopped: () => boolean,
  exit: (code: number, why: string) => void,
) {
  const startedAt = Date.now();
  const env = process.env;
  const port = await apiPort(env);
  const since = (at: number) => `${((Date.now() - at) / 1000).toFixed(1)} s`;
  const [database, temporal] = await Promise.allSettled([
    env.DATABASE_URL
      ? Promise.resolve(env.DATABASE_URL)
      : startEmbeddedPostgres(join(dataDir, 'pglite')).then((postgres) => {
          log(`Embedded PostgreSQL (PGlite) is up (${since(startedAt)})`);
          return (running.postgres = postgres).url;
        }),
    env.TEMPORAL_ADDRESS
      ? Promise.resolve(env.TEMPORAL_ADDRESS)
      : startEmbeddedTemporal({ dbFile: join(dataDir, 'temporal.db'), pidFile: join(dataDir, 'temporal.pid') }).then(
          (server) => {
            log(`Embedded Temporal dev server is up (${since(startedAt)})`);
            return (running.temporal = server).address;
          },
        ),
  ]);
  if (database.status === 'rejected' || temporal.status === 'rejected') {
    throw database.status === 'rejected' ? database.reason : (temporal as PromiseRejectedResult).reason;
  }
  void running.temporal?.process.exited.then((how) => exit(1, `Temporal dev server stopped (${describeExit(how)})`));
  if (stopped()) {
    return;
  }
  const demo = await migrateAndSeed(database.value, !running.postgres, !process.argv.includes('--no-seed'));
  if (stopped()) {
    return;
  }
  const serviceEnv: NodeJS.ProcessEnv = {
    ...env,
    DATABASE_URL: database.value,
    TEMPORAL_ADDRESS: temporal.value,
    VISITOR_TOKEN_SECRET: visitorTokenSecret(env, dataDir),
    PORT: String(port),
  };
  loadConfig(serviceEnv);
  log(`Starting the worker and the API (${since(startedAt)})`);
  for (const [name, entry] of [
    ['worker', 'apps/worker/src/main.ts'],
    ['api', 'apps/api/src/main.ts'],
  ]) {
    const service = startNodeService(name, entry, serviceEnv);
    running.services.push(service);
    void service.exited.then((how) => exit(1, `The ${name} stopped unexpectedly (${describeExit(how)})`));
  }
  const base = `http://localhost:${port}`;
  if (!(await waitUntilHealthy(`${base}/health`, stopped))) {
    return;
  }
  const lines = [
    '',
    `Threadline is ready (started in ${since(startedAt)})`,
    `  API          ${base}`,
    `  API docs     ${base}/docs`,
    `  Widget demo  ${base}/widget/demo?key=demo`,
    `  Database     ${describeDatabase(database.value, running.postgres, dataDir)}`,
    `  Temporal     ${temporal.value}${running.temporal ? ` (embedded dev server, data in ${relative(REPO_ROOT, join(dataDir, 'temporal.db'))})` : ''}`,
    ...(demo ? ['', ...demoLoginLines()] : []),
    '',
    'Press Ctrl-C to stop.',
    '',
  ];
  process.stdout.write(lines.join('\n') + '\n');
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
  const exit = (code: number, why: string) => {
    if (exitCode !== undefined) {
      return;
    }
    exitCode = code;
    (code === 0 ? log : (line: string) => console.error(`\n${line}`))(`${why}; stopping Threadline...`);
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
  const onSignal = (signal: NodeJS.Signals) => {
    if (exitCode === undefined) {
      exit(0, `Received ${signal}`);
      return;
    }
    console.error(`Received ${signal} again: killing everything`);
    running.kill();
    process.exit(130);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  booting = boot(running, dataDir, () => exitCode !== undefined, exit).catch((error: unknown) => {
    exit(1, `Start failed: ${error instanceof Error ? error.message : String(error)}`);
  });
}

main();
