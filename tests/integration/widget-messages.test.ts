import { Client, Connection } from '@temporalio/client';
import type { INestApplication } from '@nestjs/common';
import { createApiApp } from '../../apps/api/src/create-app';
import { ConversationEntity } from '../../core/conversations/conversation.entity';
import { MessageRepository } from '../../core/conversations/message.repository';
import { ConversationOpener } from '../../core/conversations/conversation-opener';
import { conversationOpenerDeps } from '../../apps/api/src/core/conversation-opener.deps';
import { conversationWorkflowId } from '../../workflows/conversation.definitions';
import { aTenant } from '../support/factories';
import { httpClient } from '../support/http-client';
import { startTestStack, type TestStack } from '../support/test-stack';
import { aClientMessageId, aVisitor, type TestVisitor } from '../support/widget-visitor';

const MAX_CHARS = 40;

describe('widget messages (no worker)', () => {
  let stack: TestStack;

  beforeAll(async () => {
    stack = await startTestStack({ worker: false, env: { MESSAGE_MAX_CHARS: String(MAX_CHARS) } });
  });

  afterAll(async () => {
    await stack?.stop();
  });

  const newVisitor = async () => {
    const tenant = await aTenant(stack.dataSource);
    return { tenant, visitor: await aVisitor(stack.http, tenant.widgetKey) };
  };
  const send = (visitor: TestVisitor, body: Record<string, unknown>) =>
    stack.http.post('/widget/messages', {
      token: visitor.token,
      body: { clientMessageId: aClientMessageId(), ...body },
    });
  const conversationsOf = (customerId: string) =>
    stack.dataSource.getRepository(ConversationEntity).findBy({ customerId });

  it('rejects invalid messages with 400 and opens no conversation', async () => {
    const { visitor } = await newVisitor();

    const responses = await Promise.all([
      send(visitor, { body: '' }),
      send(visitor, { body: '   \n\t ' }),
      send(visitor, { body: 'x'.repeat(MAX_CHARS + 1) }),
      send(visitor, { body: 42 }),
      send(visitor, { body: 'hi', clientMessageId: 'has spaces' }),
      send(visitor, { body: 'hi', clientMessageId: 'x'.repeat(101) }),
      send(visitor, { body: 'hi', clientMessageId: '' }),
      send(visitor, { body: 'hi', conversationId: 'not-a-uuid' }),
      send(visitor, { body: 'hi', customerId: visitor.customerId }),
      stack.http.post('/widget/messages', { token: visitor.token, body: { body: 'no client id' } }),
    ]);

    expect(responses.map((r) => r.status)).toEqual(Array(10).fill(400));
    expect(responses[2].body.message).toContain(`at most ${MAX_CHARS}`);
    expect(await conversationsOf(visitor.customerId)).toEqual([]);
  });

  it('opens a conversation on the first message and signals its workflow with the message', async () => {
    const { tenant, visitor } = await newVisitor();
    const clientMessageId = aClientMessageId();

    const response = await send(visitor, { clientMessageId, body: '  Where is my parcel?  ' });

    expect(response.status).toBe(202);
    expect(response.body).toEqual({ conversationId: expect.any(String), clientMessageId, status: 'accepted' });
    const [conversation] = await conversationsOf(visitor.customerId);
    expect(conversation).toMatchObject({
      id: response.body.conversationId,
      tenantId: tenant.id,
      channel: 'chat',
      status: 'bot',
      workflowId: conversationWorkflowId(tenant.id, response.body.conversationId),
    });
    const history = await stack.temporal.workflow.getHandle(conversation.workflowId).fetchHistory();
    const signals = (history.events ?? []).filter((e) => e.workflowExecutionSignaledEventAttributes);
    expect(signals).toHaveLength(1);
    const attributes = signals[0].workflowExecutionSignaledEventAttributes!;
    const payload = JSON.parse(Buffer.from(attributes.input!.payloads![0].data!).toString('utf8'));
    expect(attributes.signalName).toBe('inboundMessage');
    expect(payload).toMatchObject({
      externalId: `${visitor.visitorId}:${response.body.conversationId}:${clientMessageId}`,
      body: 'Where is my parcel?',
    });
  });

  it('keeps writing into the latest conversation, reopening a resolved one only within the reopen window', async () => {
    const { visitor } = await newVisitor();
    const first = await send(visitor, { body: 'one' });
    const second = await send(visitor, { body: 'two' });
    const conversations = stack.dataSource.getRepository(ConversationEntity);
    await conversations.update({ id: first.body.conversationId }, { status: 'resolved', resolvedAt: new Date() });
    const third = await send(visitor, { body: 'three' });

    const windowMs = stack.config.inbound.reopenWindowSeconds * 1000;
    await conversations.update(
      { id: first.body.conversationId },
      { status: 'resolved', resolvedAt: new Date(Date.now() - windowMs - 1000) },
    );
    const fourth = await send(visitor, { body: 'four' });

    expect(second.body.conversationId).toBe(first.body.conversationId);
    expect([third.status, third.body.conversationId]).toEqual([202, first.body.conversationId]);
    expect(fourth.status).toBe(202);
    expect(fourth.body.conversationId).not.toBe(first.body.conversationId);
    expect(await conversationsOf(visitor.customerId)).toHaveLength(2);
  });

  it('always opens a new conversation after resolution when AFTER_RESOLUTION=new', async () => {
    const { tenant, visitor } = await newVisitor();
    const first = await send(visitor, { body: 'one' });
    await stack.dataSource
      .getRepository(ConversationEntity)
      .update({ id: first.body.conversationId }, { status: 'resolved', resolvedAt: new Date() });
    const opener = new ConversationOpener(conversationOpenerDeps(stack.dataSource), {
      afterResolution: 'new',
      reopenWindowSeconds: 3600,
    });
    const next = await opener.openFor(tenant.id, visitor.customerId, 'chat');
    expect(next.id).not.toBe(first.body.conversationId);
    expect(next.status).toBe('bot');
  });

  it('opens exactly one conversation when several first messages arrive at once', async () => {
    const { visitor } = await newVisitor();

    const responses = await Promise.all(Array.from({ length: 8 }, (_, i) => send(visitor, { body: `burst ${i}` })));

    expect(responses.map((r) => r.status)).toEqual(Array(8).fill(202));
    expect(new Set(responses.map((r) => r.body.conversationId)).size).toBe(1);
    expect(await conversationsOf(visitor.customerId)).toHaveLength(1);
  });

  it("writes into a named conversation of the visitor's, and answers 404 for anyone else's", async () => {
    const { tenant, visitor } = await newVisitor();
    const other = await aVisitor(stack.http, tenant.widgetKey);
    const mine = (await send(visitor, { body: 'mine' })).body.conversationId;
    const theirs = (await send(other, { body: 'theirs' })).body.conversationId;

    const intoMine = await send(visitor, { body: 'again', conversationId: mine });
    const intoTheirs = await send(visitor, { body: 'sneaky', conversationId: theirs });
    const intoNothing = await send(visitor, { body: 'lost', conversationId: '00000000-0000-4000-8000-000000000000' });

    expect(intoMine.status).toBe(202);
    expect(intoMine.body.conversationId).toBe(mine);
    expect(intoTheirs.status).toBe(404);
    expect(intoNothing.status).toBe(404);
    expect(intoTheirs.body.message).toBe(
      intoNothing.body.message.replace('00000000-0000-4000-8000-000000000000', theirs),
    );
  });

  it("lists only the visitor's own conversations and their history", async () => {
    const { tenant, visitor } = await newVisitor();
    const other = await aVisitor(stack.http, tenant.widgetKey);
    const mine = (await send(visitor, { body: 'mine' })).body.conversationId;
    const theirs = (await send(other, { body: 'theirs' })).body.conversationId;
    const messages = new MessageRepository(stack.dataSource);
    const { message } = await messages.record(tenant.id, {
      conversationId: mine,
      customerId: visitor.customerId,
      direction: 'outbound',
      authorKind: 'bot',
      channel: 'chat',
      body: 'Parcels ship in 2 days.',
      externalId: `bot:${aClientMessageId()}`,
      deliveryStatus: 'sent',
      citations: [{ articleId: '11111111-1111-4111-8111-111111111111', title: 'Shipping', snippet: '2 days' }],
    });

    const list = await stack.http.get('/widget/conversations', { token: visitor.token });
    const history = await stack.http.get(`/widget/conversations/${mine}/messages`, { token: visitor.token });
    const foreign = await stack.http.get(`/widget/conversations/${theirs}/messages`, { token: visitor.token });
    const badId = await stack.http.get('/widget/conversations/nope/messages', { token: visitor.token });

    expect(list.status).toBe(200);
    expect(list.body).toEqual([expect.objectContaining({ id: mine, status: 'bot' })]);
    expect(history.status).toBe(200);
    expect(history.body).toEqual([
      {
        id: message.id,
        seq: String(message.seq),
        conversationId: mine,
        direction: 'outbound',
        authorKind: 'bot',
        authorAgentId: null,
        channel: 'chat',
        body: 'Parcels ship in 2 days.',
        citations: [{ articleId: '11111111-1111-4111-8111-111111111111', title: 'Shipping', snippet: '2 days' }],
        createdAt: message.createdAt.toISOString(),
      },
    ]);
    expect(foreign.status).toBe(404);
    expect(badId.status).toBe(400);
  });
});

describe('widget messages when Temporal is unreachable', () => {
  let stack: TestStack;
  let app: INestApplication;
  let connection: Connection;

  beforeAll(async () => {
    stack = await startTestStack({ worker: false });
    connection = Connection.lazy({ address: '127.0.0.1:1' });
    app = await createApiApp({
      config: stack.config,
      dataSource: stack.dataSource,
      temporal: new Client({ connection, namespace: 'default' }),
    });
    await app.listen(0, '127.0.0.1');
  });

  afterAll(async () => {
    await app?.close();
    await connection?.close();
    await stack?.stop();
  });

  it('answers 503 with a message, not 500', async () => {
    const http = httpClient(await app.getUrl());
    const tenant = await aTenant(stack.dataSource);
    const visitor = await aVisitor(http, tenant.widgetKey);

    const response = await http.post('/widget/messages', {
      token: visitor.token,
      body: { clientMessageId: aClientMessageId(), body: 'anyone there?' },
    });

    expect(response.status).toBe(503);
    expect(response.body).toMatchObject({ error: 'unavailable', message: expect.stringContaining('retry') });
  });
});
