import { randomBytes } from 'node:crypto';
import type { TenantEntity } from '../../core/tenants/tenant.entity';
import { MessageRepository } from '../../core/conversations/message.repository';
import { ConversationOpener } from '../../core/conversations/conversation-opener';
import { conversationOpenerDeps } from '../../apps/api/src/core/conversation-opener.deps';
import { aTenant } from '../support/factories';
import { SseConnection } from '../support/sse-client';
import { startTestStack, type TestStack } from '../support/test-stack';
import { aVisitor, type TestVisitor } from '../support/widget-visitor';

describe.each([
  ['with polling', { STREAM_POLL_MS: '50' }],
  // A poll period far beyond the test timeout: messages can only arrive through LISTEN/NOTIFY.
  ['through LISTEN/NOTIFY alone', { STREAM_POLL_MS: '3600000' }],
])('widget stream %s', (_name, env) => {
  let stack: TestStack;
  let messages: MessageRepository;
  const streams: SseConnection[] = [];

  beforeAll(async () => {
    stack = await startTestStack({ worker: false, env });
    messages = new MessageRepository(stack.dataSource);
  });

  afterEach(() => {
    streams.splice(0).forEach((stream) => stream.close());
  });

  afterAll(async () => {
    await stack?.stop();
  });

  const open = async (path: string, headers: Record<string, string> = {}) => {
    const stream = await SseConnection.open(`${stack.baseUrl}${path}`, headers);
    streams.push(stream);
    return stream;
  };
  const openFor = (visitor: TestVisitor, query = '', headers: Record<string, string> = {}) =>
    open(`/widget/stream?token=${encodeURIComponent(visitor.token)}${query}`, headers);

  const newVisitor = async (tenant?: TenantEntity) => {
    const owner = tenant ?? (await aTenant(stack.dataSource));
    const visitor = await aVisitor(stack.http, owner.widgetKey);
    const conversation = await new ConversationOpener(conversationOpenerDeps(stack.dataSource)).openFor(
      owner.id,
      visitor.customerId,
      'chat',
    );
    return { tenant: owner, visitor, conversation };
  };

  /** Stores a message directly, as the workflow's activities do. */
  const store = async (
    { tenant, visitor, conversation }: Awaited<ReturnType<typeof newVisitor>>,
    body: string,
    authorKind: 'customer' | 'bot' | 'agent' | 'system' = 'bot',
  ) => {
    const { message } = await messages.record(tenant.id, {
      conversationId: conversation.id,
      customerId: visitor.customerId,
      direction: authorKind === 'customer' ? 'inbound' : 'outbound',
      authorKind,
      channel: 'chat',
      body,
      externalId: `test:${randomBytes(6).toString('hex')}`,
      deliveryStatus: authorKind === 'customer' ? 'received' : 'sent',
      citations: authorKind === 'bot' ? [{ articleId: conversation.id, title: 'Returns', snippet: '30 days' }] : [],
    });
    return message;
  };

  it('streams messages stored after it opened, as message events with the seq as id', async () => {
    const subject = await newVisitor();
    const before = await store(subject, 'stored before the stream opened');
    const stream = await openFor(subject.visitor);

    const bot = await store(subject, 'You can return it within 30 days.', 'bot');
    const agent = await store(subject, 'Hi, this is Sam.', 'agent');
    await stream.waitForMessage(agent.id);

    expect(stream.status).toBe(200);
    expect(stream.headers.get('content-type')).toContain('text/event-stream');
    const events = stream.events.filter((e) => e.event === 'message');
    expect(events.map((e) => e.id)).toEqual([String(bot.seq), String(agent.seq)]);
    expect(stream.messages()[0]).toEqual({
      id: bot.id,
      seq: String(bot.seq),
      conversationId: subject.conversation.id,
      direction: 'outbound',
      authorKind: 'bot',
      authorAgentId: null,
      channel: 'chat',
      body: 'You can return it within 30 days.',
      citations: [{ articleId: subject.conversation.id, title: 'Returns', snippet: '30 days' }],
      createdAt: bot.createdAt.toISOString(),
    });
    expect(stream.messages().map((m) => m.id)).not.toContain(before.id);
  });

  it('replays the whole history with ?after=0', async () => {
    const subject = await newVisitor();
    const first = await store(subject, 'hello', 'customer');
    const second = await store(subject, 'hi there', 'bot');

    const stream = await openFor(subject.visitor, '&after=0');
    await stream.waitForMessage(second.id);

    expect(stream.messages().map((m) => m.id)).toEqual([first.id, second.id]);
  });

  it('resumes after Last-Event-ID, which wins over ?after=', async () => {
    const subject = await newVisitor();
    const first = await store(subject, 'one', 'customer');
    const second = await store(subject, 'two', 'bot');
    const third = await store(subject, 'three', 'system');

    const stream = await openFor(subject.visitor, '&after=0', { 'last-event-id': String(first.seq) });
    await stream.waitForMessage(third.id);

    expect(stream.messages().map((m) => m.id)).toEqual([second.id, third.id]);
  });

  it("never carries another visitor's messages, even in the same tenant", async () => {
    const mine = await newVisitor();
    const theirs = await newVisitor(mine.tenant);
    const stream = await openFor(mine.visitor, '&after=0');

    const foreign = await store(theirs, 'for the other visitor only', 'agent');
    const own = await store(mine, 'for me', 'agent');
    await stream.waitForMessage(own.id);

    expect(stream.messages().map((m) => m.id)).toEqual([own.id]);
    expect(JSON.stringify(stream.events)).not.toContain(foreign.id);
  });

  it('accepts the token in the Authorization header too, and refuses a stream without a valid token', async () => {
    const subject = await newVisitor();
    const stream = await open('/widget/stream?after=0', { authorization: `Bearer ${subject.visitor.token}` });
    const message = await store(subject, 'via header', 'bot');
    await stream.waitForMessage(message.id);

    const anonymous = await open('/widget/stream');
    const forged = await open('/widget/stream?token=abc.def');
    const badCursor = await openFor(subject.visitor, '', { 'last-event-id': 'yesterday' });

    expect([anonymous.status, forged.status, badCursor.status]).toEqual([401, 401, 400]);
  });
});

describe('widget stream on shutdown', () => {
  it('ends open streams so the app can stop', async () => {
    const stack = await startTestStack({ worker: false });
    let stream: SseConnection | undefined;
    try {
      const tenant = await aTenant(stack.dataSource);
      const visitor = await aVisitor(stack.http, tenant.widgetKey);
      stream = await SseConnection.open(`${stack.baseUrl}/widget/stream?token=${encodeURIComponent(visitor.token)}`);
      expect(stream.status).toBe(200);
    } finally {
      await stack.stop();
    }

    await stream.finished;
  });
});
