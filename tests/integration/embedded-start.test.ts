import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { freePort } from '../../scripts/temporal-dev-server';
import { DRAIN_POOL_IDLE_MS } from '../../core/assignment/drain/drain-thread';
import { eventually } from '../support/eventually';
import { httpClient, type HttpClient, type HttpResponse } from '../support/http-client';
import { aClientMessageId } from '../support/widget-visitor';

/**
 * `npm start` for real: with no DATABASE_URL and no TEMPORAL_ADDRESS it runs an embedded PostgreSQL server and a
 * Temporal dev server persisted in THREADLINE_DATA_DIR, migrates, seeds the demo tenant, runs the worker and the API,
 * and stops all of it on SIGINT. One start serves every test of the running product (a start is expensive); the last
 * tests stop and restart it. Linux only (it reads /proc to find every process of the run).
 */

const REPO_ROOT = join(__dirname, '..', '..');
// Cold starts (initdb, a workflow bundle) on a busy two-core machine: generous, never asserted.
const START_TIMEOUT_MS = 240_000;
const STOP_TIMEOUT_MS = 60_000;
const LOAD_TIMEOUT_MS = 300_000;

/**
 * Every client of the load test comes from 127.0.0.1, where real visitors would come from addresses of their own:
 * the per-IP widget buckets are raised so that they do not answer 429. Per-visitor limits keep their defaults.
 */
const LOAD_ENV = { WIDGET_RATE_PER_IP_PER_MIN: '100000', WIDGET_READ_RATE_PER_IP_PER_MIN: '100000' };

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
  const env: NodeJS.ProcessEnv = { ...process.env, ...LOAD_ENV, PORT: String(port), THREADLINE_DATA_DIR: dataDir };
  for (const name of ['DATABASE_URL', 'TEMPORAL_ADDRESS', 'VISITOR_TOKEN_SECRET', 'AI_PROVIDER']) {
    delete env[name];
  }
  const child = spawn('npm', ['start'], { cwd: REPO_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const collect = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-50_000);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  let exit: ExitStatus | undefined;
  child.once('exit', (code, signal) => (exit = { code, signal }));
  return { process: child, output: () => output, exitStatus: () => exit };
}

/** Live processes started with THREADLINE_DATA_DIR=dataDir (npm, start, API, worker, Temporal, PostgreSQL inherit it). */
async function processesOf(dataDir: string): Promise<{ pid: number; command: string; uid: number }[]> {
  const marker = `THREADLINE_DATA_DIR=${dataDir}\0`;
  const found: { pid: number; command: string; uid: number }[] = [];
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) {
      continue;
    }
    try {
      const [environ, statLine, command, owner] = await Promise.all([
        readFile(`/proc/${entry}/environ`, 'utf8'),
        readFile(`/proc/${entry}/stat`, 'utf8'),
        readFile(`/proc/${entry}/cmdline`, 'utf8'),
        stat(`/proc/${entry}`),
      ]);
      const state = statLine.slice(statLine.lastIndexOf(')') + 2, statLine.lastIndexOf(')') + 3);
      if (environ.includes(marker) && state !== 'Z') {
        found.push({ pid: Number(entry), command: command.split('\0').join(' '), uid: owner.uid });
      }
    } catch {
      // Gone meanwhile, or not ours to read.
    }
  }
  return found;
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

/** The embedded database's URL, as the ready banner prints it. */
function databaseUrlOf(run: Run): string {
  const url = /Database\s+(postgres:\/\/\S+) \(embedded PostgreSQL/.exec(run.output())?.[1];
  if (!url) {
    throw new Error(`No embedded database URL in the output:\n${run.output()}`);
  }
  return url;
}

async function connect(url: string): Promise<Client> {
  const client = new Client({ connectionString: url });
  await client.connect();
  return client;
}

/** Questions the demo knowledge base answers, with the article the bot cites; four, the demo's bot-turn limit. */
const QUESTIONS = [
  { body: 'How do I reset my password?', title: 'How to reset your password' },
  { body: 'Can I get a refund?', title: 'Billing and refunds' },
  { body: 'How long does shipping take?', title: 'Shipping and delivery' },
  { body: 'What are your opening hours?', title: 'Support opening hours' },
];
/** Each client signs in as an agent of its own (agents share nothing that two sessions could race on). */
const LOAD_ROLES = ['agent', 'supervisor', 'admin'] as const;
const loadAgent = (index: number) => ({
  email: `load-${index}@demo.test`,
  name: `Load agent ${index}`,
  role: LOAD_ROLES[index % LOAD_ROLES.length],
  password: `load-password-${index}`,
});
const CLIENTS = 16;
const REQUESTS_PER_CLIENT = 40;

interface Message {
  authorKind: string;
  body: string;
  citations?: { title: string }[];
}

interface LoadVisitor {
  token: string;
  visitorId: string;
}

/** One request of the load test and the check of its answer; a failed check is recorded, never thrown. */
interface Outcome {
  what: string;
  status: number;
  problem?: string;
}

/**
 * A support agent and a widget visitor at the same time, as one client: the agent signs in, reads the inbox and the
 * visitor's conversation, reads itself and changes its status; the visitor asks the knowledge-base questions one by
 * one and reads its conversations and history, as the widget does. Every answer is checked.
 */
async function runClient(http: HttpClient, index: number, outcomes: Outcome[]): Promise<LoadVisitor> {
  const record = (what: string, response: HttpResponse, expected: number, problem?: string) => {
    const wrongStatus =
      response.status !== expected ? `answered ${response.status}: ${JSON.stringify(response.body)}` : undefined;
    outcomes.push({ what, status: response.status, problem: wrongStatus ?? problem });
  };
  const { email, password, role } = loadAgent(index);
  const login = await http.post('/auth/login', { body: { tenant: 'demo', email, password } });
  record('POST /auth/login', login, 200);
  const agent = { token: login.body.token as string, id: login.body.agent?.id as string };
  const session = await http.post('/widget/sessions', { body: { widgetKey: 'demo', name: `Load visitor ${index}` } });
  record('POST /widget/sessions', session, 201);
  const visitor: LoadVisitor = { token: session.body.visitorToken, visitorId: session.body.visitorId };
  let conversationId: string | undefined;
  let asked = 0;
  const steps: (() => Promise<void>)[] = [
    async () => {
      if (asked >= QUESTIONS.length) {
        const me = await http.get('/auth/me', { token: agent.token });
        return record('GET /auth/me', me, 200, me.body.id === agent.id ? undefined : 'another agent');
      }
      const sent = await http.post('/widget/messages', {
        token: visitor.token,
        body: { clientMessageId: aClientMessageId(), body: QUESTIONS[asked].body },
      });
      const moved = conversationId !== undefined && sent.body.conversationId !== conversationId;
      record('POST /widget/messages', sent, 202, moved ? 'another conversation' : undefined);
      if (sent.status === 202) {
        asked += 1;
        conversationId ??= sent.body.conversationId;
      }
    },
    async () => {
      const list = await http.get('/inbox/conversations?limit=20', { token: agent.token });
      record('GET /inbox/conversations', list, 200, Array.isArray(list.body.items) ? undefined : 'no items');
    },
    async () => {
      const conversations = await http.get('/widget/conversations', { token: visitor.token });
      const found = !conversationId || conversations.body.some?.((c: { id: string }) => c.id === conversationId);
      record('GET /widget/conversations', conversations, 200, found ? undefined : 'own conversation missing');
    },
    async () => {
      const me = await http.get('/auth/me', { token: agent.token });
      record('GET /auth/me', me, 200, me.body.id === agent.id ? undefined : 'another agent');
    },
    async () => {
      if (!conversationId) {
        return;
      }
      const history = await http.get(`/widget/conversations/${conversationId}/messages`, { token: visitor.token });
      record('GET /widget/conversations/:id/messages', history, 200);
    },
    async () => {
      const status = asked % 2 === 0 ? 'online' : 'away';
      const changed = await http.patch('/agents/me/status', { token: agent.token, body: { status } });
      record('PATCH /agents/me/status', changed, 200, changed.body.status === status ? undefined : 'status not set');
    },
    async () => {
      if (!conversationId || role === 'agent') {
        const inbox = await http.get('/inbox/conversations?assignee=any', { token: agent.token });
        return record('GET /inbox/conversations', inbox, 200);
      }
      // Supervisors and admins see the whole tenant: the conversation of their own visitor is always there.
      const detail = await http.get(`/inbox/conversations/${conversationId}`, { token: agent.token });
      const same = detail.body.conversation?.id === conversationId;
      record('GET /inbox/conversations/:id', detail, 200, same ? undefined : 'another conversation');
    },
    async () => {
      if (role !== 'admin') {
        const inbox = await http.get('/inbox/conversations?limit=5', { token: agent.token });
        return record('GET /inbox/conversations', inbox, 200);
      }
      const self = await http.get(`/agents/${agent.id}`, { token: agent.token });
      record('GET /agents/:id', self, 200, self.body.id === agent.id ? undefined : 'another agent');
    },
    async () => {
      const resumed = await http.post('/widget/sessions', { token: visitor.token, body: { widgetKey: 'demo' } });
      const same = resumed.body.visitorId === visitor.visitorId;
      record('POST /widget/sessions (resume)', resumed, 201, same ? undefined : 'another visitor');
    },
  ];
  // Spread the questions over the run: one every REQUESTS_PER_CLIENT / QUESTIONS.length requests.
  const askEvery = Math.floor((REQUESTS_PER_CLIENT - 2) / QUESTIONS.length);
  for (let request = 0; request < REQUESTS_PER_CLIENT - 2; request += 1) {
    const step = request % askEvery === 0 ? steps[0] : steps[1 + ((request + index) % (steps.length - 1))];
    await step().catch((error: Error) => outcomes.push({ what: 'request', status: 0, problem: error.message }));
  }
  return visitor;
}

describe('npm start with embedded PostgreSQL and Temporal', () => {
  let dataDir: string;
  let port: number;
  let http: HttpClient;
  let run: Run | undefined;
  /** A visitor and conversation of the first start, looked up again after the restart. */
  let earlier: { token: string; conversationId: string } | undefined;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'threadline-start-'));
    port = await freePort();
    http = httpClient(`http://127.0.0.1:${port}`);
    run = npmStart(dataDir, port);
    await waitUntilHealthy(run, http);
  }, START_TIMEOUT_MS + 10_000);

  afterAll(async () => {
    run?.process.kill('SIGKILL');
    for (const { pid } of await processesOf(dataDir)) {
      process.kill(pid, 'SIGKILL');
    }
    await rm(dataDir, { recursive: true, force: true });
  });

  it('serves the seeded demo from an empty data dir: bot answers, and hand-offs also after the drain pool idled', async () => {
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
    earlier = { token, conversationId };
    const answer = await eventually(async () => {
      const history = await http.get(`/widget/conversations/${conversationId}/messages`, { token });
      return history.body.find((message: { authorKind: string }) => message.authorKind === 'bot');
    });
    expect(answer.citations).toEqual([expect.objectContaining({ title: 'How to reset your password' })]);
    expect(run!.output()).toContain('seeded the demo tenant');

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
    // Another hand-off once the drain thread's connection has gone idle and closed: the next drain opens a new
    // connection, and prepares its statements there again.
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
    // Not to take the load test's hand-offs: the admin goes away again.
    await http.patch('/agents/me/status', { token: admin.token, body: { status: 'away' } });
  });

  it('is a real PostgreSQL server: a session per connection, NOTIFY across connections, statements prepared on each', async () => {
    const url = databaseUrlOf(run!);
    expect(new URL(url).hostname).toBe('127.0.0.1');
    const [listener, notifier, third] = await Promise.all([connect(url), connect(url), connect(url)]);
    try {
      const version = await listener.query<{ server_version_num: string }>('SHOW server_version_num');
      expect(Number(version.rows[0].server_version_num)).toBeGreaterThanOrEqual(180000);
      const pids = await Promise.all(
        [listener, notifier, third].map(
          async (client) => (await client.query('SELECT pg_backend_pid() AS pid')).rows[0].pid,
        ),
      );
      expect(new Set(pids).size).toBe(3);

      const received = new Promise<string | undefined>((resolve) =>
        listener.on('notification', (message) => resolve(message.payload)),
      );
      await listener.query('LISTEN embedded_probe');
      await notifier.query(`SELECT pg_notify('embedded_probe', 'from another connection')`);
      expect(await received).toBe('from another connection');

      // The same statement name on two connections, with different texts and parameter counts: one session each.
      const one = await notifier.query({ name: 'embedded_probe', text: 'SELECT $1::int + 1 AS n', values: [1] });
      const two = await third.query({
        name: 'embedded_probe',
        text: 'SELECT $1::int * $2::int * $3::int AS n',
        values: [2, 3, 4],
      });
      expect([one.rows[0].n, two.rows[0].n]).toEqual([2, 24]);
      const again = await notifier.query({ name: 'embedded_probe', text: 'SELECT $1::int + 1 AS n', values: [41] });
      expect(again.rows[0].n).toBe(42);
      // A temporary table belongs to its own session.
      await notifier.query('CREATE TEMP TABLE probe (n int)');
      await expect(third.query('SELECT * FROM probe')).rejects.toThrow(/does not exist/);
    } finally {
      await Promise.all([listener, notifier, third].map((client) => client.end()));
    }
    // As root, the server runs as the postgres OS user, and that user owns the cluster.
    const servers = (await processesOf(dataDir)).filter(({ command }) => command.includes('/native/bin/postgres'));
    expect(servers).not.toHaveLength(0);
    if (process.getuid?.() === 0) {
      const owner = (await stat(join(dataDir, 'postgres'))).uid;
      expect(owner).not.toBe(0);
      expect(servers.every(({ uid }) => uid === owner)).toBe(true);
    }
  });

  it(
    `answers ${CLIENTS} concurrent clients without one failure while the worker answers every bot turn`,
    async () => {
      const adminLogin = await http.post('/auth/login', {
        body: { tenant: 'demo', email: 'admin@demo.test', password: 'demo-admin-1' },
      });
      for (let index = 0; index < CLIENTS; index += 1) {
        const created = await http.post('/agents', { token: adminLogin.body.token, body: loadAgent(index) });
        expect(created.status).toBe(201);
      }
      const outcomes: Outcome[] = [];
      const visitors = await Promise.all(
        Array.from({ length: CLIENTS }, (_, index) => runClient(http, index, outcomes)),
      );

      const failures = outcomes.filter((outcome) => outcome.problem !== undefined);
      expect(failures).toEqual([]);
      expect(outcomes.length).toBeGreaterThanOrEqual(CLIENTS * (REQUESTS_PER_CLIENT - 8));

      // Every question got its answer, from the article it asks about, in order.
      for (const visitor of visitors) {
        const conversations = await http.get('/widget/conversations', { token: visitor.token });
        expect(conversations.status).toBe(200);
        expect(conversations.body).toHaveLength(1);
        const id: string = conversations.body[0].id;
        const history = await eventually(
          async () => {
            const response = await http.get(`/widget/conversations/${id}/messages`, { token: visitor.token });
            const messages: Message[] = response.body;
            return messages.filter((m) => m.authorKind === 'bot').length >= QUESTIONS.length ? messages : undefined;
          },
          { timeoutMs: LOAD_TIMEOUT_MS, intervalMs: 1_000, what: `the bot answers for visitor ${visitor.visitorId}` },
        );
        const turns = history.filter((m) => m.authorKind !== 'system');
        expect(turns.map((m) => [m.authorKind, m.authorKind === 'bot' ? m.citations?.[0]?.title : m.body])).toEqual(
          QUESTIONS.flatMap(({ body, title }) => [
            ['customer', body],
            ['bot', title],
          ]),
        );
      }
    },
    LOAD_TIMEOUT_MS + 60_000,
  );

  it('starts a burst of concurrent widget sessions with the demo key, every one', async () => {
    const burst = await Promise.all(
      Array.from({ length: 200 }, () => http.post('/widget/sessions', { body: { widgetKey: 'demo' } })),
    );
    const statuses = burst.map((response) => response.status);
    expect(statuses.filter((status) => status !== 201)).toEqual([]);
    expect(new Set(burst.map((response) => response.body.visitorId)).size).toBe(burst.length);
    // Each token works right away.
    const sample = await Promise.all(
      burst.slice(0, 20).map((response) => http.get('/widget/conversations', { token: response.body.visitorToken })),
    );
    expect(sample.map((response) => response.status)).toEqual(sample.map(() => 200));
  });

  it(
    'stops cleanly on SIGINT, keeps its data, and starts again over a stale postmaster.pid',
    async () => {
      const running = await processesOf(dataDir);
      expect(running.length).toBeGreaterThanOrEqual(5); // npm + start, worker, API, Temporal, PostgreSQL

      const first = await interrupt(run!, dataDir);
      expect(first.exit).toEqual({ code: 0, signal: null });
      expect(first.leftovers).toEqual([]);

      // As after a crash of the machine: postmaster.pid names a pid that lives again, as another process (ours).
      await writeFile(join(dataDir, 'postgres', 'postmaster.pid'), `${process.pid}\n${join(dataDir, 'postgres')}\n`);
      run = npmStart(dataDir, port);
      await waitUntilHealthy(run, http);

      // The visitor token is still valid (the generated secret was kept) and names the stored conversation.
      const conversations = await http.get('/widget/conversations', { token: earlier!.token });
      expect(conversations.body).toEqual([expect.objectContaining({ id: earlier!.conversationId })]);
      expect(run.output()).not.toContain('seeded the demo tenant');
      expect(run.output()).toContain('Database schema is up to date');
    },
    START_TIMEOUT_MS + STOP_TIMEOUT_MS,
  );

  it(
    'stops the servers a SIGKILLed npm start left behind on the next start',
    async () => {
      const start = (await processesOf(dataDir)).find(({ command }) => command.includes('scripts/start.ts'));
      expect(start).toBeDefined();
      process.kill(start!.pid, 'SIGKILL');
      await eventually(() => run!.exitStatus(), { timeoutMs: STOP_TIMEOUT_MS, what: 'npm to exit' });
      // The API and worker follow their parent; PostgreSQL and Temporal cannot, and are left running.
      const orphans = await eventually(
        async () => {
          const left = await processesOf(dataDir);
          return left.every(({ command }) => !command.includes('apps/')) ? left : undefined;
        },
        { timeoutMs: STOP_TIMEOUT_MS, what: 'the API and worker to stop with npm start' },
      );
      expect(orphans.some(({ command }) => command.includes('/native/bin/postgres'))).toBe(true);

      run = npmStart(dataDir, port);
      await waitUntilHealthy(run, http);
      expect(run.output()).toContain('Stopping a PostgreSQL server');
      const conversations = await http.get('/widget/conversations', { token: earlier!.token });
      expect(conversations.body).toEqual([expect.objectContaining({ id: earlier!.conversationId })]);

      const last = await interrupt(run, dataDir);
      expect(last.exit).toEqual({ code: 0, signal: null });
      expect(last.leftovers).toEqual([]);
    },
    START_TIMEOUT_MS + 2 * STOP_TIMEOUT_MS,
  );
});
