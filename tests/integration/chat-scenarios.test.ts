import { randomUUID } from 'node:crypto';
import { aTenant, anAgent, anArticle } from '../support/factories';
import { eventually } from '../support/eventually';
import { recordHistory } from '../support/histories';
import { SseConnection } from '../support/sse-client';
import { startTestStack, type TestStack } from '../support/test-stack';
import { aClientMessageId, aVisitor, type TestVisitor } from '../support/widget-visitor';

/** Website chat end to end: real HTTP through the Nest app, the real workflow on Temporal, PostgreSQL, SSE. */
describe('website chat, from first message to agent reply', () => {
  let stack: TestStack;

  beforeAll(async () => {
    stack = await startTestStack({ env: { FIRST_RESPONSE_TARGET_SECONDS: '600' } });
  });
  afterAll(() => stack.stop());

  async function aSupportDesk() {
    const tenant = await aTenant(stack.dataSource);
    await anArticle(stack.dataSource, tenant.id, {
      title: 'Shipping times',
      body: 'Standard shipping takes 3 to 5 business days. Express shipping arrives the next business day when ordered before noon.',
    });
    await anArticle(stack.dataSource, tenant.id, {
      title: 'Refund policy',
      body: 'You can request a refund within 30 days of delivery from the Orders page. Refunds reach your card in 5 days.',
    });
    return tenant;
  }

  const openStream = (visitor: TestVisitor) =>
    SseConnection.open(`${stack.baseUrl}/widget/stream?token=${encodeURIComponent(visitor.token)}`);

  const send = (visitor: TestVisitor, body: string, clientMessageId = aClientMessageId()) =>
    stack.http.post('/widget/messages', { token: visitor.token, body: { clientMessageId, body } });

  const byAuthor = (stream: SseConnection, authorKind: string) =>
    stream.messages<{ authorKind: string }>().filter((m) => m.authorKind === authorKind);

  it('answers a question the knowledge base covers, citing the article, and keeps the conversation with the bot', async () => {
    const tenant = await aSupportDesk();
    const visitor = await aVisitor(stack.http, tenant.widgetKey);
    const stream = await openStream(visitor);
    try {
      const accepted = await send(visitor, 'How long does express shipping take?');
      expect(accepted.status).toBe(202);
      await stream.waitUntil(() => byAuthor(stream, 'bot').length === 1, { what: 'the bot reply' });
      const [reply] = stream
        .messages<{ body: string; citations: { title: string }[]; conversationId: string }>()
        .filter((m: any) => m.authorKind === 'bot');
      expect(reply.body).toContain('Express shipping');
      expect(reply.citations.map((c) => c.title)).toContain('Shipping times');
      expect(byAuthor(stream, 'customer')).toHaveLength(1);

      const { body: conversations } = await stack.http.get('/widget/conversations', { token: visitor.token });
      expect(conversations).toHaveLength(1);
      expect(conversations[0].status).toBe('bot');
      await recordHistory(stack.temporal, `conversation:${tenant.id}:${reply.conversationId}`, 'chat-bot-answer');
    } finally {
      stream.close();
    }
  });

  it.each([
    ['an unanswerable question', 'Can I pay with seashells at your Lisbon kiosk?', 'low_confidence'],
    ['a request for a person', 'I want to talk to a person', 'customer_requested_human'],
  ])('escalates %s to the least-loaded online agent, who sees it with the AI attempt', async (_, question, reason) => {
    const tenant = await aSupportDesk();
    const loaded = await anAgent(stack.dataSource, tenant.id, { capacity: { chat: 3 } });
    const free = await anAgent(stack.dataSource, tenant.id, { capacity: { chat: 3 } });
    await anAgent(stack.dataSource, tenant.id, { status: 'offline' });
    // Give the first agent some work so the second is the least loaded.
    const earlier = await aVisitor(stack.http, tenant.widgetKey);
    await send(earlier, 'I want to talk to a person');
    await eventually(async () => {
      const [row] = await stack.dataSource.query(
        `SELECT assignee_id FROM conversations WHERE tenant_id = $1 AND assignee_id IS NOT NULL`,
        [tenant.id],
      );
      return row?.assignee_id;
    });
    const [{ assignee_id: firstAssignee }] = await stack.dataSource.query(
      `SELECT assignee_id FROM conversations WHERE tenant_id = $1`,
      [tenant.id],
    );
    const [busy, idle] = firstAssignee === loaded.agent.id ? [loaded, free] : [free, loaded];

    const visitor = await aVisitor(stack.http, tenant.widgetKey);
    const stream = await openStream(visitor);
    try {
      await send(visitor, question);
      await stream.waitUntil(() => byAuthor(stream, 'system').length === 1, { what: 'the hand-off message' });
      expect(byAuthor(stream, 'bot')).toHaveLength(0);
      const conversationId = stream.messages<{ conversationId: string }>()[0].conversationId;

      const inbox = await eventually(async () => {
        const response = await stack.http.get('/inbox/conversations?assignee=me&status=open', { token: idle.token });
        return response.body.items?.some((item: { id: string }) => item.id === conversationId) ? response : undefined;
      });
      expect(inbox.status).toBe(200);
      const busyInbox = await stack.http.get('/inbox/conversations?assignee=me', { token: busy.token });
      expect(busyInbox.body.items.map((item: { id: string }) => item.id)).not.toContain(conversationId);

      const detail = await stack.http.get(`/inbox/conversations/${conversationId}`, { token: idle.token });
      expect(detail.status).toBe(200);
      const events = detail.body.history.events as { type: string; data: Record<string, any> }[];
      const escalated = events.find((event) => event.type === 'escalated');
      expect(escalated?.data.reason).toBe(reason);
      if (reason === 'low_confidence') {
        expect(escalated?.data.aiAttempt).toEqual(expect.objectContaining({ confidence: expect.any(Number) }));
      }
      expect(events.find((event) => event.type === 'assigned')?.data.agentId).toBe(idle.agent.id);
      const authors = (detail.body.history.messages as { authorKind: string; conversationId: string }[])
        .filter((m) => m.conversationId === conversationId)
        .map((m) => m.authorKind);
      expect(authors).toEqual(['customer', 'system']);
    } finally {
      stream.close();
    }
  });

  it('delivers an agent reply sent through REST to the visitor stream', async () => {
    const tenant = await aSupportDesk();
    const agent = await anAgent(stack.dataSource, tenant.id);
    const visitor = await aVisitor(stack.http, tenant.widgetKey);
    const stream = await openStream(visitor);
    try {
      await send(visitor, 'I want to talk to a person');
      await stream.waitUntil(() => byAuthor(stream, 'system').length === 1, { what: 'the hand-off message' });
      const conversationId = stream.messages<{ conversationId: string }>()[0].conversationId;
      await eventually(async () => {
        const response = await stack.http.get('/inbox/conversations?assignee=me', { token: agent.token });
        return response.body.items?.length === 1 ? true : undefined;
      });

      const reply = await stack.http.post(`/inbox/conversations/${conversationId}/replies`, {
        token: agent.token,
        body: { body: 'Hi, I am Sam. How can I help?', clientMessageId: 'reply-1' },
      });
      expect(reply.status).toBe(201);
      const delivered = await stream.waitForMessage(reply.body.id);
      expect(delivered).toEqual(
        expect.objectContaining({ authorKind: 'agent', body: 'Hi, I am Sam. How can I help?' }),
      );

      const retried = await stack.http.post(`/inbox/conversations/${conversationId}/replies`, {
        token: agent.token,
        body: { body: 'Hi, I am Sam. How can I help?', clientMessageId: 'reply-1' },
      });
      expect(retried.body.id).toBe(reply.body.id);
      const detail = await stack.http.get(`/inbox/conversations/${conversationId}`, { token: agent.token });
      expect(detail.body.conversation.firstResponseAt).not.toBeNull();
      const agentMessages = (detail.body.history.messages as { authorKind: string }[]).filter(
        (m) => m.authorKind === 'agent',
      );
      expect(agentMessages).toHaveLength(1);
      await recordHistory(
        stack.temporal,
        `conversation:${tenant.id}:${conversationId}`,
        'chat-escalate-and-agent-reply',
      );
    } finally {
      stream.close();
    }
  });

  it('stores a message sent twice with the same client message id once, and answers it once', async () => {
    const tenant = await aSupportDesk();
    const visitor = await aVisitor(stack.http, tenant.widgetKey);
    const clientMessageId = aClientMessageId();
    const [first, second] = await Promise.all([
      send(visitor, 'How do refunds work?', clientMessageId),
      send(visitor, 'How do refunds work?', clientMessageId),
    ]);
    expect([first.status, second.status]).toEqual([202, 202]);
    expect(second.body.conversationId).toBe(first.body.conversationId);
    await eventually(async () => {
      const history = await stack.http.get(`/widget/conversations/${first.body.conversationId}/messages`, {
        token: visitor.token,
      });
      return history.body.some((m: { authorKind: string }) => m.authorKind === 'bot') ? true : undefined;
    });
    // A third delivery after the answer must not be stored or answered again.
    await send(visitor, 'How do refunds work?', clientMessageId);
    const probe = await send(visitor, 'How long does shipping take?');
    await eventually(async () => {
      const rows = await stack.dataSource.query(
        `SELECT count(*)::int AS n FROM messages WHERE conversation_id = $1 AND author_kind = 'bot'`,
        [probe.body.conversationId],
      );
      return rows[0].n === 2 ? true : undefined;
    });
    const counts = await stack.dataSource.query(
      `SELECT author_kind, count(*)::int AS n FROM messages WHERE conversation_id = $1 GROUP BY author_kind ORDER BY 1`,
      [first.body.conversationId],
    );
    expect(counts).toEqual([
      { author_kind: 'bot', n: 2 },
      { author_kind: 'customer', n: 2 },
    ]);
  });

  it('lets a visitor read only their own conversations', async () => {
    const tenant = await aSupportDesk();
    const alice = await aVisitor(stack.http, tenant.widgetKey);
    const mallory = await aVisitor(stack.http, tenant.widgetKey);
    const sent = await send(alice, 'How long does shipping take?');
    const conversationId = sent.body.conversationId as string;
    const peek = await stack.http.get(`/widget/conversations/${conversationId}/messages`, { token: mallory.token });
    expect(peek.status).toBe(404);
    const hijack = await stack.http.post('/widget/messages', {
      token: mallory.token,
      body: { clientMessageId: aClientMessageId(), body: 'hello', conversationId },
    });
    expect(hijack.status).toBe(404);
    const unknown = await stack.http.get(`/widget/conversations/${randomUUID()}/messages`, { token: alice.token });
    expect(unknown.status).toBe(404);
  });
});
