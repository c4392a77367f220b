import { MessageEntity } from '../../core/conversations/message.entity';
import { anArticle, aTenant } from '../support/factories';
import { eventually } from '../support/eventually';
import { SseConnection } from '../support/sse-client';
import { startTestStack, type TestStack } from '../support/test-stack';
import { aClientMessageId, aVisitor } from '../support/widget-visitor';

/** The widget against the real conversation workflow and worker. */
describe('widget chat with a worker', () => {
  let stack: TestStack;
  const streams: SseConnection[] = [];

  beforeAll(async () => {
    stack = await startTestStack();
  });

  afterAll(async () => {
    streams.forEach((stream) => stream.close());
    await stack?.stop();
  });

  const messagesOf = (customerId: string) =>
    stack.dataSource.getRepository(MessageEntity).find({ where: { customerId }, order: { seq: 'ASC' } });

  it('stores a message sent twice with the same clientMessageId once, and streams it', async () => {
    const tenant = await aTenant(stack.dataSource);
    const visitor = await aVisitor(stack.http, tenant.widgetKey);
    const stream = await SseConnection.open(
      `${stack.baseUrl}/widget/stream?token=${encodeURIComponent(visitor.token)}`,
    );
    streams.push(stream);
    const message = { clientMessageId: aClientMessageId(), body: 'Do you ship to Norway?' };

    const first = await stack.http.post('/widget/messages', { token: visitor.token, body: message });
    const retry = await stack.http.post('/widget/messages', { token: visitor.token, body: message });
    await stream.waitUntil((events) => events.some((e) => e.data.includes('"authorKind":"customer"')), {
      what: 'the customer message on the stream',
    });
    const stored = await eventually(
      async () => {
        const rows = await messagesOf(visitor.customerId);
        return rows.some((row) => row.authorKind !== 'customer') ? rows : undefined;
      },
      { what: 'an answer after the customer message' },
    );

    expect([first.status, retry.status]).toEqual([202, 202]);
    expect(retry.body.conversationId).toBe(first.body.conversationId);
    const fromCustomer = stored.filter((row) => row.authorKind === 'customer');
    expect(fromCustomer).toHaveLength(1);
    expect(fromCustomer[0]).toMatchObject({
      conversationId: first.body.conversationId,
      externalId: `${visitor.visitorId}:${first.body.conversationId}:${message.clientMessageId}`,
      body: message.body,
      direction: 'inbound',
    });
    expect(stream.messages().filter((m) => m.authorKind === 'customer')).toEqual([
      expect.objectContaining({ id: fromCustomer[0].id, body: message.body }),
    ]);
  });

  it("streams the bot's answer with its citations", async () => {
    const tenant = await aTenant(stack.dataSource);
    await anArticle(stack.dataSource, tenant.id, {
      title: 'Shipping to Norway',
      body: 'We ship to Norway. Delivery to Norway takes 3 to 5 business days and costs 9 euros.',
    });
    const visitor = await aVisitor(stack.http, tenant.widgetKey);
    const stream = await SseConnection.open(
      `${stack.baseUrl}/widget/stream?token=${encodeURIComponent(visitor.token)}`,
    );
    streams.push(stream);

    const sent = await stack.http.post('/widget/messages', {
      token: visitor.token,
      body: { clientMessageId: aClientMessageId(), body: 'How long does delivery to Norway take?' },
    });
    await stream.waitUntil((events) => events.some((e) => e.data.includes('"authorKind":"bot"')), {
      what: "the bot's answer on the stream",
    });

    expect(sent.status).toBe(202);
    const answer = stream.messages().find((m) => m.authorKind === 'bot');
    expect(answer).toMatchObject({ conversationId: sent.body.conversationId, direction: 'outbound' });
    expect(answer.body).toContain('3 to 5 business days');
    expect(answer.citations).toEqual([expect.objectContaining({ title: 'Shipping to Norway' })]);
  });
});
