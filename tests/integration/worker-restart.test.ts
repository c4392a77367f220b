import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { aTenant, anArticle } from '../support/factories';
import { eventually } from '../support/eventually';
import { startTestStack, type TestStack } from '../support/test-stack';
import { startWorkerProcess } from '../support/worker-process';
import { aClientMessageId, aVisitor } from '../support/widget-visitor';

describe('a worker killed in the middle of a conversation', () => {
  let stack: TestStack;
  let worker: ChildProcess | undefined;

  beforeAll(async () => {
    stack = await startTestStack({ worker: false });
  });
  afterAll(async () => {
    worker?.kill('SIGKILL');
    await stack.stop();
  });

  it('loses and duplicates nothing once a new worker takes over', async () => {
    const tenant = await aTenant(stack.dataSource);
    await anArticle(stack.dataSource, tenant.id, {
      title: 'Opening hours',
      body: 'Our support team is available Monday to Friday from 9:00 to 17:00 Central European Time.',
    });
    await anArticle(stack.dataSource, tenant.id, {
      title: 'Deleting your account',
      body: 'To delete your account, open Settings, choose Privacy and click Delete account. Deletion is permanent.',
    });
    const visitor = await aVisitor(stack.http, tenant.widgetKey);
    const send = (body: string) =>
      stack.http.post('/widget/messages', {
        token: visitor.token,
        body: { clientMessageId: aClientMessageId(), body },
      });
    const countByAuthor = async (conversationId: string) => {
      const rows: { author_kind: string; n: number }[] = await stack.dataSource.query(
        `SELECT author_kind, count(*)::int AS n FROM messages WHERE conversation_id = $1 GROUP BY 1`,
        [conversationId],
      );
      return Object.fromEntries(rows.map((row) => [row.author_kind, row.n]));
    };

    worker = (await startWorkerProcess(stack)).child;
    const first = await send('What are your opening hours?');
    const conversationId = first.body.conversationId as string;
    await eventually(async () => ((await countByAuthor(conversationId)).bot === 1 ? true : undefined));

    // Kill the worker right after a message arrives (it may be mid-way through it), then keep talking.
    expect((await send('How do I delete my account?')).status).toBe(202);
    worker.kill('SIGKILL');
    await once(worker, 'exit');
    expect((await send('When is your support team available?')).status).toBe(202);

    worker = (await startWorkerProcess(stack)).child;
    const counts = await eventually(async () => {
      const current = await countByAuthor(conversationId);
      return current.bot === 3 ? current : undefined;
    });
    expect(counts).toEqual({ customer: 3, bot: 3 });
    const events: { type: string; n: number }[] = await stack.dataSource.query(
      `SELECT type, count(*)::int AS n FROM conversation_events WHERE conversation_id = $1 GROUP BY 1 ORDER BY 1`,
      [conversationId],
    );
    // Each answer logged once, and the first message triaged once, across the crash.
    expect(events).toEqual([
      { type: 'answered', n: 3 },
      { type: 'triaged', n: 1 },
    ]);
  });
});
