import { ConversationEntity } from '../../core/conversations/conversation.entity';
import { MessageRepository } from '../../core/conversations/message.repository';
import { aConversation, aCustomer, anAgent, aTenant } from '../support/factories';
import { eventually } from '../support/eventually';
import { useTestStack } from '../support/test-stack';
import { aClientMessageId, aVisitor, type TestVisitor } from '../support/widget-visitor';

/**
 * A client message id is unique per author and conversation, not per author: the same id on two conversations stores
 * two messages, and a retry on one conversation stores one.
 */
describe('idempotency keys are scoped to the conversation', () => {
  const stack = useTestStack({ env: { AFTER_RESOLUTION: 'new' } });
  const messages = () => new MessageRepository(stack.dataSource);

  async function anAssignedConversation(tenantId: string, agentId: string): Promise<string> {
    const customer = await aCustomer(stack.dataSource, tenantId);
    const conversation = await aConversation(stack.dataSource, tenantId, customer.id);
    await stack.dataSource.query(
      `UPDATE conversations SET status = 'open', assignee_id = $3 WHERE tenant_id = $1 AND id = $2`,
      [tenantId, conversation.id, agentId],
    );
    return conversation.id;
  }

  const fromCustomer = async (tenantId: string, conversationId: string) =>
    (await messages().listForConversation(tenantId, conversationId)).filter((m) => m.authorKind === 'customer');

  it("stores an agent's reply on each of two conversations under one client message id, and a retry once", async () => {
    const tenant = await aTenant(stack.dataSource);
    const { agent, token } = await anAgent(stack.dataSource, tenant.id, { status: 'offline' });
    const [first, second] = [
      await anAssignedConversation(tenant.id, agent.id),
      await anAssignedConversation(tenant.id, agent.id),
    ];
    const reply = (conversationId: string, body: string) =>
      stack.http.post(`/inbox/conversations/${conversationId}/replies`, {
        token,
        body: { body, clientMessageId: 'reply-1' },
      });

    const onFirst = await reply(first, 'On the first conversation');
    const onSecond = await reply(second, 'On the second conversation');
    const retried = await reply(first, 'On the first conversation');

    expect([onFirst.status, onSecond.status, retried.status]).toEqual([201, 201, 201]);
    expect(onSecond.body.id).not.toBe(onFirst.body.id);
    expect(retried.body.id).toBe(onFirst.body.id);
    const stored = await Promise.all([first, second].map((id) => messages().listForConversation(tenant.id, id)));
    expect(stored.map((rows) => rows.map((row) => row.body))).toEqual([
      ['On the first conversation'],
      ['On the second conversation'],
    ]);
  });

  it("stores a visitor's message on each of two conversations under one client message id, and a retry once", async () => {
    const tenant = await aTenant(stack.dataSource);
    const visitor = await aVisitor(stack.http, tenant.widgetKey);
    const [first, second] = [
      await aConversation(stack.dataSource, tenant.id, visitor.customerId),
      await aConversation(stack.dataSource, tenant.id, visitor.customerId),
    ];
    const send = (conversationId: string, body: string) =>
      stack.http.post('/widget/messages', {
        token: visitor.token,
        body: { clientMessageId: 'same-id', body, conversationId },
      });

    const statuses = [
      (await send(first.id, 'Hello from the first')).status,
      (await send(second.id, 'Hello from the second')).status,
      (await send(first.id, 'Hello from the first')).status,
    ];
    // Inbound messages are handled in order, so once this one is stored the retry before it has been handled.
    const sentinel = await stack.http.post('/widget/messages', {
      token: visitor.token,
      body: { clientMessageId: aClientMessageId(), body: 'And one more thing', conversationId: first.id },
    });

    expect([...statuses, sentinel.status]).toEqual([202, 202, 202, 202]);
    const stored = await eventually(
      async () => {
        const rows = await Promise.all([first.id, second.id].map((id) => fromCustomer(tenant.id, id)));
        return rows[0].some((row) => row.body === 'And one more thing') && rows[1].length > 0 ? rows : undefined;
      },
      { what: 'the visitor messages on both conversations' },
    );
    expect(stored.map((rows) => rows.map((row) => row.body))).toEqual([
      ['Hello from the first', 'And one more thing'],
      ['Hello from the second'],
    ]);
    expect(stored[0][0].externalId).not.toBe(stored[1][0].externalId);
  });

  it('keeps a retry that arrives after its conversation was resolved out of a new conversation', async () => {
    const tenant = await aTenant(stack.dataSource);
    const visitor: TestVisitor = await aVisitor(stack.http, tenant.widgetKey);
    const message = { clientMessageId: aClientMessageId(), body: 'Where is my order?' };
    const send = (body: typeof message) => stack.http.post('/widget/messages', { token: visitor.token, body });

    const first = await send(message);
    expect(first.status).toBe(202);
    await eventually(
      async () => ((await fromCustomer(tenant.id, first.body.conversationId)).length ? true : undefined),
      {
        what: 'the first attempt to be stored',
      },
    );
    // The bot's turn (an answer, or a hand-off that moves the conversation to the inbox) must be over before the
    // conversation is resolved behind the workflow's back, or its later write reopens it.
    await eventually(
      async () => {
        const rows: unknown[] = await stack.dataSource.query(
          `SELECT 1 FROM messages WHERE conversation_id = $1 AND direction = 'outbound' AND provider IS NOT NULL`,
          [first.body.conversationId],
        );
        return rows.length > 0 ? true : undefined;
      },
      { what: "the bot's turn on the first message to be delivered" },
    );
    await stack.dataSource
      .getRepository(ConversationEntity)
      .update({ id: first.body.conversationId }, { status: 'resolved', resolvedAt: new Date() });

    const retry = await send(message);
    const next = await send({ clientMessageId: aClientMessageId(), body: 'Another question' });

    expect([retry.status, retry.body.conversationId]).toEqual([202, first.body.conversationId]);
    expect(next.status).toBe(202);
    expect(next.body.conversationId).not.toBe(first.body.conversationId);
    const conversations = await stack.dataSource
      .getRepository(ConversationEntity)
      .findBy({ tenantId: tenant.id, customerId: visitor.customerId });
    expect(conversations).toHaveLength(2);
    const stored = await messages().listForCustomer(tenant.id, visitor.customerId);
    expect(stored.filter((row) => row.body === message.body)).toHaveLength(1);
  });
});
