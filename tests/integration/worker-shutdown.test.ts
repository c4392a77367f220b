import type { ChildProcess } from 'node:child_process';
import { aConversation, aCustomer, aTenant } from '../support/factories';
import { eventually } from '../support/eventually';
import { useTestStack } from '../support/test-stack';
import { startWorkerProcess } from '../support/worker-process';

const SHORT_GRACE = { WORKER_SHUTDOWN_GRACE_SECONDS: '1' };

const within = <T>(ms: number, promise: Promise<T>) =>
  Promise.race([promise, new Promise<'still running'>((resolve) => setTimeout(() => resolve('still running'), ms))]);

/** The worker stops within its grace period whatever its activities are doing. */
describe('worker shutdown', () => {
  const stack = useTestStack({ worker: false });
  const workers: ChildProcess[] = [];
  afterAll(() => workers.forEach((child) => child.kill('SIGKILL')));

  it('exits on SIGTERM while a bot turn is stuck on a database lock, and the next worker handles the message', async () => {
    const tenant = await aTenant(stack.dataSource);
    const customer = await aCustomer(stack.dataSource, tenant.id);
    const conversation = await aConversation(stack.dataSource, tenant.id, customer.id);
    const externalId = `stuck:${conversation.id}`;
    // Another session holds the conversation's row: storing the customer's message waits on it, however long.
    const locker = stack.dataSource.createQueryRunner();
    await locker.connect();
    await locker.startTransaction();
    let locked = true;
    try {
      await locker.query(`SELECT 1 FROM conversations WHERE id = $1 FOR UPDATE`, [conversation.id]);
      const first = await startWorkerProcess(stack, SHORT_GRACE);
      workers.push(first.child);
      await stack.gateway.deliverInbound(conversation, {
        externalId,
        body: 'Hello?',
        receivedAt: new Date().toISOString(),
      });
      await eventually(
        async () => {
          const waiting: unknown[] = await stack.dataSource.query(
            `SELECT 1 FROM pg_stat_activity
             WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE '%INSERT INTO messages%'`,
          );
          return waiting.length > 0 ? true : undefined;
        },
        { what: 'the bot turn to wait on the lock' },
      );

      first.child.kill('SIGTERM');
      // Generous: grace 1 s plus the force margin; the bound only tells a worker that stops from one that hangs. The
      // SDK does not cancel a local activity, so the worker gives up on it and the server re-runs the workflow task.
      expect(await within(60_000, first.exited)).not.toBe('still running');

      await locker.rollbackTransaction();
      locked = false;
      const next = await startWorkerProcess(stack, SHORT_GRACE);
      workers.push(next.child);
      await eventually(
        async () => {
          const rows: unknown[] = await stack.dataSource.query(
            `SELECT 1 FROM messages WHERE conversation_id = $1 AND external_id = $2`,
            [conversation.id, externalId],
          );
          return rows.length === 1 ? true : undefined;
        },
        { what: 'the message to be stored once' },
      );
      // Nothing stuck: a clean stop.
      next.child.kill('SIGTERM');
      expect(await within(60_000, next.exited)).toBe(0);
    } finally {
      if (locked) {
        await locker.rollbackTransaction();
      }
      await locker.release();
    }
  });
});
