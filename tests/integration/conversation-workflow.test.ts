import { MessageRepository } from '../../core/conversations/message.repository';
import { ConversationRepository } from '../../core/conversations/conversation.repository';
import { ConversationEventRepository } from '../../core/conversations/conversation-event.repository';
import { agentReplyUpdate, resolveUpdate, stateQuery } from '../../workflows/conversation.definitions';
import { aConversation, aCustomer, anAgent, anArticle, aTenant } from '../support/factories';
import { eventually } from '../support/eventually';
import { startTestStack, type TestStack } from '../support/test-stack';
import { recordHistory } from '../support/histories';

describe('conversation workflow (driven through the gateway)', () => {
  let stack: TestStack;

  beforeAll(async () => {
    stack = await startTestStack({ env: { FIRST_RESPONSE_TARGET_SECONDS: '600' } });
  });
  afterAll(() => stack.stop());

  async function setUp() {
    const tenant = await aTenant(stack.dataSource);
    await anArticle(stack.dataSource, tenant.id, {
      title: 'Resetting your password',
      body: 'To reset your password, open Settings, choose Security and click "Reset password". We email you a link that works for one hour.',
    });
    const customer = await aCustomer(stack.dataSource, tenant.id);
    const conversation = await aConversation(stack.dataSource, tenant.id, customer.id);
    return { tenant, customer, conversation };
  }

  const messagesOf = (tenantId: string, conversationId: string) =>
    new MessageRepository(stack.dataSource).listForConversation(tenantId, conversationId);

  it('answers from the knowledge base with a citation and keeps the conversation with the bot', async () => {
    const { tenant, conversation } = await setUp();
    await stack.gateway.deliverInbound(conversation, {
      externalId: 'v1:m1',
      body: 'How do I reset my password?',
      receivedAt: new Date().toISOString(),
    });
    const bot = await eventually(async () =>
      (await messagesOf(tenant.id, conversation.id)).find((m) => m.authorKind === 'bot'),
    );
    expect(bot.body).toContain('Reset password');
    expect(bot.citations[0].title).toBe('Resetting your password');
    expect(bot.confidence).toBeGreaterThan(0.5);
    const row = await new ConversationRepository(stack.dataSource).findById(tenant.id, conversation.id);
    expect(row?.status).toBe('bot');
    expect(row?.botTurns).toBe(1);
    await recordHistory(stack.temporal, conversation.workflowId, 'bot-answers-from-knowledge-base');
  });

  it('escalates an unanswerable question to the least-loaded agent, keeping the AI attempt in the log', async () => {
    const { tenant, conversation } = await setUp();
    const busy = await anAgent(stack.dataSource, tenant.id, { capacity: { chat: 3 } });
    const idle = await anAgent(stack.dataSource, tenant.id, { capacity: { chat: 3 } });
    const other = await aConversation(stack.dataSource, tenant.id, (await aCustomer(stack.dataSource, tenant.id)).id);
    await stack.dataSource.query(`UPDATE conversations SET status = 'open', assignee_id = $2 WHERE id = $1`, [
      other.id,
      busy.agent.id,
    ]);

    await stack.gateway.deliverInbound(conversation, {
      externalId: 'v2:m1',
      body: 'Do you ship live lobsters to Antarctica?',
      receivedAt: new Date().toISOString(),
    });
    const row = await eventually(async () => {
      const current = await new ConversationRepository(stack.dataSource).findById(tenant.id, conversation.id);
      return current?.assigneeId ? current : undefined;
    });
    expect(row.status).toBe('open');
    expect(row.assigneeId).toBe(idle.agent.id);
    const events = await new ConversationEventRepository(stack.dataSource).listForConversations(tenant.id, [
      conversation.id,
    ]);
    const escalated = events.find((e) => e.type === 'escalated');
    expect(escalated?.data.reason).toBe('low_confidence');
    expect(escalated?.data).toHaveProperty('aiAttempt');
    expect(events.find((e) => e.type === 'assigned')?.data.agentId).toBe(idle.agent.id);

    const handle = stack.temporal.workflow.getHandle(conversation.workflowId);
    await eventually(async () => ((await handle.query(stateQuery)).assigneeId === idle.agent.id ? true : undefined));

    const reply = await stack.gateway.update(conversation, agentReplyUpdate, {
      agentId: idle.agent.id,
      body: 'We do not, sorry!',
      clientMessageId: 'r1',
    });
    expect(reply.authorKind).toBe('agent');
    const again = await stack.gateway.update(conversation, agentReplyUpdate, {
      agentId: idle.agent.id,
      body: 'We do not, sorry!',
      clientMessageId: 'r1',
    });
    expect(again.id).toBe(reply.id);
    const state = await stack.gateway.update(conversation, resolveUpdate, { actorAgentId: idle.agent.id });
    expect(state.status).toBe('resolved');
    const messages = await messagesOf(tenant.id, conversation.id);
    expect(messages.map((m) => m.authorKind)).toEqual(['customer', 'system', 'agent']);
    await recordHistory(stack.temporal, conversation.workflowId, 'escalate-assign-reply-resolve');
  });

  it('stores a message delivered twice only once', async () => {
    const { tenant, conversation } = await setUp();
    const message = { externalId: 'v3:dup', body: 'How do I reset my password?', receivedAt: new Date().toISOString() };
    await stack.gateway.deliverInbound(conversation, message);
    await stack.gateway.deliverInbound(conversation, message);
    await eventually(async () =>
      (await messagesOf(tenant.id, conversation.id)).some((m) => m.authorKind === 'bot') ? true : undefined,
    );
    const handle = stack.temporal.workflow.getHandle(conversation.workflowId);
    await handle.query(stateQuery); // both signals have been processed once the query sees the latest state
    const messages = await messagesOf(tenant.id, conversation.id);
    expect(messages.filter((m) => m.authorKind === 'customer')).toHaveLength(1);
    expect(messages.filter((m) => m.authorKind === 'bot')).toHaveLength(1);
    await recordHistory(stack.temporal, conversation.workflowId, 'duplicate-inbound-message');
  });
});
