import type { DataSource } from 'typeorm';
import { createDataSource } from '../../core/data-source';
import { AssignmentDrainThread } from '../../core/assignment/drain/drain-thread';
import { aConversation, aCustomer, anAgent, aTenant } from '../support/factories';
import { queueState } from '../support/queue-state';
import { testRuntime } from '../support/test-runtime';

/** The worker's drain thread, against the run's PostgreSQL: same decisions as in-process, errors and deaths contained. */
describe('assignment drain thread', () => {
  let db: DataSource;
  let thread: AssignmentDrainThread;

  beforeAll(async () => {
    db = await createDataSource({ url: testRuntime().databaseUrl, poolSize: 2 }).initialize();
    thread = new AssignmentDrainThread({
      databaseUrl: testRuntime().databaseUrl,
      poolSize: 2,
      applicationName: 'drain-thread-test',
      preparedStatements: true,
    });
  });
  afterAll(async () => {
    await thread?.close();
    await db?.destroy();
  });

  /** A tenant with one online agent of chat capacity `capacity` and `waiting` conversations in its queue. */
  async function aQueue(capacity: number, waiting: number) {
    const tenant = await aTenant(db);
    const { agent } = await anAgent(db, tenant.id, { capacity: { chat: capacity } });
    for (let i = 0; i < waiting; i++) {
      const customer = await aCustomer(db, tenant.id);
      const conversation = await aConversation(db, tenant.id, customer.id);
      await db.query(
        `UPDATE conversations SET status = 'open', queued_at = clock_timestamp() WHERE tenant_id = $1 AND id = $2`,
        [tenant.id, conversation.id],
      );
    }
    return { tenantId: tenant.id, agentId: agent.id };
  }

  it('assigns up to capacity on its own thread, and reports how long it waited for and held the lock', async () => {
    const { tenantId, agentId } = await aQueue(2, 3);

    const outcome = await thread.drain(tenantId);

    expect(outcome.decisions).toHaveLength(2);
    expect(new Set(outcome.decisions.map((d) => d.agentId))).toEqual(new Set([agentId]));
    expect(await queueState(db, tenantId)).toMatchObject({ assigned: 2, waiting: 1 });
    const [transaction] = outcome.transactions;
    expect(outcome.transactions).toHaveLength(1);
    expect(transaction.decisions).toBe(2);
    expect(transaction.lockedAt).toBeGreaterThanOrEqual(transaction.startedAt);
    expect(transaction.committedAt).toBeGreaterThanOrEqual(transaction.lockedAt!);
    expect(Object.keys(transaction.steps).sort()).toEqual(['agents', 'commit', 'persist', 'plan', 'queue', 'settings']);
    const [{ n }]: { n: number }[] = await db.query(
      `SELECT count(*)::int AS n FROM conversation_events WHERE tenant_id = $1 AND type = 'assigned'`,
      [tenantId],
    );
    expect(n).toBe(2);
  });

  it('returns nothing, without taking the lock, when nobody has room', async () => {
    const { tenantId } = await aQueue(0, 2);

    const outcome = await thread.drain(tenantId);

    expect(outcome).toEqual({ decisions: [], transactions: [] });
    expect(await queueState(db, tenantId)).toMatchObject({ assigned: 0, waiting: 2 });
  });

  it('looks past a head of the queue nobody with room may take, to the first conversation someone can', async () => {
    // 60 conversations needing Spanish come first (more than a drain reads for one free slot), then one anybody can take.
    const { tenantId } = await aQueue(1, 61);
    await db.query(
      `UPDATE conversations SET required_skills = '{spanish}'
       WHERE id IN (SELECT id FROM conversations WHERE tenant_id = $1 ORDER BY queued_at LIMIT 60)`,
      [tenantId],
    );
    const [last]: { id: string }[] = await db.query(
      `SELECT id FROM conversations WHERE tenant_id = $1 ORDER BY queued_at DESC LIMIT 1`,
      [tenantId],
    );

    const outcome = await thread.drain(tenantId);

    expect(outcome.decisions.map((d) => d.conversationId)).toEqual([last.id]);
    expect(await queueState(db, tenantId)).toMatchObject({ assigned: 1, waiting: 60 });
  });

  it("rejects a drain that fails with the database's message, and keeps serving", async () => {
    await expect(thread.drain('not-a-uuid')).rejects.toThrow(/invalid input syntax for type uuid/);

    const { tenantId } = await aQueue(1, 1);
    expect((await thread.drain(tenantId)).decisions).toHaveLength(1);
  });

  it('replaces a thread that died, failing only the drains it was running', async () => {
    const { tenantId } = await aQueue(1, 1);
    const inFlight = thread.drain(tenantId);
    // Kill the thread under the drain: what a crash (out of memory, a native fault) looks like to the worker.
    await (thread as unknown as { thread: { worker: { terminate(): Promise<number> } } }).thread.worker.terminate();
    await expect(inFlight).rejects.toThrow(/exited/);

    const outcome = await thread.drain(tenantId);
    const state = await queueState(db, tenantId);
    // Killed before or after its commit: either way the conversation is assigned exactly once.
    expect(state).toMatchObject({ assigned: 1, waiting: 0 });
    expect(outcome.decisions.length).toBeLessThanOrEqual(1);
  });

  it('starts on request, and refuses drains once closed', async () => {
    const closing = new AssignmentDrainThread({
      databaseUrl: testRuntime().databaseUrl,
      poolSize: 1,
      applicationName: 'drain-thread-test-closed',
      preparedStatements: true,
    });
    await closing.start();
    const { tenantId } = await aQueue(1, 1);
    expect((await closing.drain(tenantId)).decisions).toHaveLength(1);
    await closing.close();

    await expect(closing.drain(tenantId)).rejects.toThrow('The assignment drain thread is closed');
  });
});
