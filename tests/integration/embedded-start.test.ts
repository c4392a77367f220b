import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../../scripts/temporal-dev-server';
import { DRAIN_POOL_IDLE_MS } from '../../core/db/repositories/assignment/drain-thread';
import { eventually } from '../support/eventually';
import { httpClient, type HttpClient } from '../support/http-client';

/**
 * `npm start` for real: with no DATABASE_URL and no TEMPORAL_ADDRESS it runs an embedded PGlite and a Temporal dev
 * server persisted in THREADLINE_DATA_DIR, migrates, seeds the demo tenant, runs the worker and the API, and stops
 * all of it on SIGINT. Linux only (it reads /proc to find every process of the run).
 */

const REPO_ROOT = join(__dirname, '..', '..');
// Two cold starts (PGlite's initdb, a workflow bundle) on a busy two-core machine: generous, never asserted.
const START_TIMEOUT_MS = 240_000;
const STOP_TIMEOUT_MS = 60_000;

interface ExitStatus {
  code: number | null;
  signal: NodeJS.Signals | null;
}

interface Run {
  process: ChildProcess;
  output(): string;
  /** How it exited, once it has. */
  exitStatus(): ExitStatus | undefined;
}

function npmStart(dataDir: string, port: number): Run {
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), THREADLINE_DATA_DIR: dataDir };
  for (const name of ['DATABASE_URL', 'TEMPORAL_ADDRESS', 'VISITOR_TOKEN_SECRET', 'AI_PROVIDER']) {
    delete env[name];
  }
  const child = spawn('npm', ['start'], { cwd: REPO_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const collect = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  let exit: ExitStatus | undefined;
  child.once('exit', (code, signal) => (exit = { code, signal }));
  return { process: child, output: () => output, exitStatus: () => exit };
}

/** Pids of live processes started with THREADLINE_DATA_DIR=dataDir (npm, start, API, worker, Temporal inherit it). */
async function processesOf(dataDir: string): Promise<number[]> {
  const marker = `THREADLINE_DATA_DIR=${dataDir}\0`;
  const pids: number[] = [];
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) {
      continue;
    }
    try {
      const [environ, stat] = await Promise.all([
        readFile(`/proc/${entry}/environ`, 'utf8'),
        readFile(`/proc/${entry}/stat`, 'utf8'),
      ]);
      const state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
      if (environ.includes(marker) && state !== 'Z') {
        pids.push(Number(entry));
      }
    } catch {
      // Gone meanwhile, or not ours to read.
    }
  }
  return pids;
}

async function waitUntilHealthy(run: Run, http: HttpClient): Promise<void> {
  await eventually(
    async () => {
      if (run.exitStatus()) {
        throw new Error('npm start exited before it was ready');
      }
      const response = await http.get('/health');
      return response.status === 200 ? true : undefined;
    },
    { timeoutMs: START_TIMEOUT_MS, intervalMs: 500, what: 'GET /health to answer 200' },
  ).catch((error: Error) => {
    throw new Error(`${error.message}\n--- npm start output ---\n${run.output()}`);
  });
}

/** SIGINT, as Ctrl-C would send it, then the exit and whatever processes of the run are left. */
async function interrupt(run: Run, dataDir: string) {
  run.process.kill('SIGINT');
  const exit = await eventually(() => run.exitStatus(), {
    timeoutMs: STOP_TIMEOUT_MS,
    intervalMs: 200,
    what: 'npm start to exit after SIGINT',
  });
  return { exit, leftovers: await processesOf(dataDir) };
}

describe('npm start with embedded PostgreSQL and Temporal', () => {
  let dataDir: string;
  let run: Run | undefined;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'threadline-start-'));
  });

  afterAll(async () => {
    run?.process.kill('SIGKILL');
    for (const pid of await processesOf(dataDir)) {
      process.kill(pid, 'SIGKILL');
    }
    await rm(dataDir, { recursive: true, force: true });
  });

  it(
    'serves the seeded demo from an empty data dir, stops cleanly on SIGINT, and keeps its data for the next start',
    async () => {
      const port = await freePort();
      const http = httpClient(`http://127.0.0.1:${port}`);

      run = npmStart(dataDir, port);
      await waitUntilHealthy(run, http);

      const health = await http.get('/health');
      expect(health.body).toEqual({ ok: true, database: true, temporal: true, workerPolling: true });
      const session = await http.post('/widget/sessions', { body: { widgetKey: 'demo' } });
      expect(session.status).toBe(201);
      const token: string = session.body.visitorToken;
      const sent = await http.post('/widget/messages', {
        token,
        body: { clientMessageId: 'embedded-start-1', body: 'How do I reset my password?' },
      });
      expect(sent.status).toBe(202);
      const conversationId: string = sent.body.conversationId;
      const answer = await eventually(async () => {
        const history = await http.get(`/widget/conversations/${conversationId}/messages`, { token });
        return history.body.find((message: { authorKind: string }) => message.authorKind === 'bot');
      });
      expect(answer.citations).toEqual([expect.objectContaining({ title: 'How to reset your password' })]);
      expect(run.output()).toContain('seeded the demo tenant');

      // A hand-off reaches the demo admin once they are online: the assignment drain works on the embedded database.
      const login = await http.post('/auth/login', {
        body: { tenant: 'demo', email: 'admin@demo.test', password: 'demo-admin-1' },
      });
      expect(login.status).toBe(200);
      const admin = { token: login.body.token as string, id: login.body.agent.id as string };
      expect((await http.patch('/agents/me/status', { token: admin.token, body: { status: 'online' } })).status).toBe(
        200,
      );
      await http.post('/widget/messages', {
        token,
        body: { clientMessageId: 'embedded-start-2', body: 'I want to talk to a person' },
      });
      const assigned = await eventually(async () => {
        const detail = await http.get(`/inbox/conversations/${conversationId}`, { token: admin.token });
        return detail.body.conversation?.assigneeId ? detail.body.conversation : undefined;
      });
      expect(assigned.assigneeId).toBe(admin.id);
      // Another hand-off once the drain thread's connection has gone idle and closed: PGlite serves every connection
      // from one session, so a drain on a new connection must not trip over statements the old one left behind.
      await new Promise((resolve) => setTimeout(resolve, DRAIN_POOL_IDLE_MS + 1_000));
      const other = (await http.post('/widget/sessions', { body: { widgetKey: 'demo' } })).body.visitorToken as string;
      const handedOff = await http.post('/widget/messages', {
        token: other,
        body: { clientMessageId: 'embedded-start-3', body: 'I want to talk to a person' },
      });
      const afterIdle = await eventually(async () => {
        const detail = await http.get(`/inbox/conversations/${handedOff.body.conversationId}`, { token: admin.token });
        return detail.body.conversation?.assigneeId ? detail.body.conversation : undefined;
      });
      expect(afterIdle.assigneeId).toBe(admin.id);
      const running = await processesOf(dataDir);
      expect(running.length).toBeGreaterThanOrEqual(4); // npm + start, worker, API, Temporal

      const first = await interrupt(run, dataDir);
      expect(first.exit).toEqual({ code: 0, signal: null });
      expect(first.leftovers).toEqual([]);

      run = npmStart(dataDir, port);
      await waitUntilHealthy(run, http);

      // The visitor token is still valid (the generated secret was kept) and names the stored conversation.
      const conversations = await http.get('/widget/conversations', { token });
      expect(conversations.body).toEqual([expect.objectContaining({ id: conversationId })]);
      expect(run.output()).not.toContain('seeded the demo tenant');
      expect(run.output()).toContain('Database schema is up to date');

      const second = await interrupt(run, dataDir);
      expect(second.exit).toEqual({ code: 0, signal: null });
      expect(second.leftovers).toEqual([]);
    },
    2 * START_TIMEOUT_MS + 2 * STOP_TIMEOUT_MS,
  );
});
