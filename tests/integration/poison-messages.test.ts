import { MessageRepository } from '../../core/conversations/message.repository';
import { DomainError } from '../../core/platform/errors/domain-error';
import { assignUpdate, type InboundMessage } from '../../workflows/conversation.definitions';
import { FAKE_VENDORS } from '../fakes/fake-llm-vendors';
import type { FakeLlmServer } from '../fakes/fake-llm.server';
import { eventually } from '../support/eventually';
import { aConversation, aCustomer, anAgent, anArticle, aTenantWithAdmin } from '../support/factories';
import { startTestStack, type TestStack } from '../support/test-stack';

/**
 * A message the conversation cannot handle is kept as a dead letter with its reason, the conversation's event log says
 * so, and the next message is stored and answered as usual. Messages go straight to the workflow through the gateway:
 * the API refuses NUL bytes and unpaired surrogates at its edge, and the workflow must be robust without that.
 */
const QUESTION = 'How long does express shipping take?';
/** Bodies containing this are refused by a CHECK constraint the test adds (a body the database rejects). */
const FORBIDDEN = 'forbidden-by-the-poison-test-constraint';

interface FailedMessage {
  id: string;
  conversationId: string;
  message: { externalId: string; body: string; receivedAt: string };
  sanitised: boolean;
  step: string;
  errorType: string;
  reason: string;
  attempts: number;
  failureCount: number;
  status: string;
  retryCount: number;
}

function useSupportDesk(stack: () => TestStack) {
  const aDesk = async () => {
    const { tenant, token } = await aTenantWithAdmin(stack().dataSource);
    await anArticle(stack().dataSource, tenant.id, {
      title: 'Shipping times',
      body: 'Standard shipping takes 3 to 5 business days. Express shipping arrives the next business day when ordered before noon.',
    });
    const customer = await aCustomer(stack().dataSource, tenant.id);
    const conversation = await aConversation(stack().dataSource, tenant.id, customer.id);
    let n = 0;
    const deliver = async (body: string, externalId = `poison:${conversation.id}:${++n}`): Promise<InboundMessage> => {
      const message = { externalId, body, receivedAt: new Date().toISOString() };
      await stack().gateway.deliverInbound(conversation, message);
      return message;
    };
    const messages = () => new MessageRepository(stack().dataSource).listForConversation(tenant.id, conversation.id);
    const answeredTimes = (body: string) =>
      eventually(
        async () => {
          const all = await messages();
          const asked = all.filter((m) => m.authorKind === 'customer' && m.body === body);
          const bot = all.filter((m) => m.authorKind === 'bot');
          return asked.length > 0 && bot.length > 0 ? { all, asked, bot } : undefined;
        },
        { what: `the bot's answer to "${body}"` },
      );
    const failedMessages = async (query = `conversationId=${conversation.id}`) => {
      const response = await stack().http.get(`/admin/failed-messages?${query}`, { token });
      expect(response.status).toBe(200);
      return response.body.items as FailedMessage[];
    };
    const failedOnce = (externalId: string, failures = 1) =>
      eventually(
        async () => {
          const found = (await failedMessages()).find((f) => f.message.externalId === externalId);
          return found && found.failureCount >= failures && found.status === 'failed' ? found : undefined;
        },
        { what: `the dead letter of ${externalId}` },
      );
    const events = async () => {
      const detail = await stack().http.get(`/inbox/conversations/${conversation.id}`, { token });
      expect(detail.status).toBe(200);
      return detail.body.history.events as { type: string; data: Record<string, any> }[];
    };
    return { tenant, token, conversation, deliver, messages, answeredTimes, failedMessages, failedOnce, events };
  };
  return aDesk;
}

describe('a message that cannot be processed never blocks the ones after it', () => {
  let stack: TestStack;
  const aDesk = useSupportDesk(() => stack);

  beforeAll(async () => {
    stack = await startTestStack({ env: { FIRST_RESPONSE_TARGET_SECONDS: '600' } });
    await stack.dataSource.query(
      `ALTER TABLE messages ADD CONSTRAINT poison_test_forbidden_body CHECK (body NOT LIKE '%${FORBIDDEN}%') NOT VALID`,
    );
  });
  afterAll(async () => {
    await stack.dataSource.query(`ALTER TABLE messages DROP CONSTRAINT IF EXISTS poison_test_forbidden_body`);
    await stack.stop();
  });

  it('dead-letters a body with a NUL byte, answers the next message, and a retry fails again keeping the reason', async () => {
    const desk = await aDesk();
    const poison = await desk.deliver('where is my parcel\u0000?');
    await desk.deliver(QUESTION);

    const { asked, bot } = await desk.answeredTimes(QUESTION);
    expect(asked).toHaveLength(1);
    expect(bot[0].body).toContain('Express shipping');
    expect((await desk.messages()).some((m) => m.body.startsWith('where is my parcel'))).toBe(false);

    const failed = await desk.failedOnce(poison.externalId);
    expect(failed).toMatchObject({
      conversationId: desk.conversation.id,
      message: { externalId: poison.externalId, body: 'where is my parcel\uFFFD?' },
      sanitised: true,
      step: 'takeBotTurn',
      errorType: 'PermanentDataError',
      // Classified by the worker's interceptor (local activities included), so never retried.
      attempts: 1,
      status: 'failed',
    });
    expect(failed.reason).toMatch(/Could not store and answer the message: .*0x00.*SQLSTATE 22021/);

    const logged = (await desk.events()).filter((e) => e.type === 'message_failed');
    expect(logged).toHaveLength(1);
    expect(logged[0].data).toMatchObject({ failedMessageId: failed.id, step: 'takeBotTurn', reason: failed.reason });

    // Retrying re-delivers the original bytes: the database refuses them again, and the record says so once more.
    const retried = await stack.http.post(`/admin/failed-messages/${failed.id}/retry`, { token: desk.token });
    expect(retried.status).toBe(202);
    expect(retried.body).toMatchObject({ id: failed.id, status: 'retried', retryCount: 1 });
    const again = await desk.failedOnce(poison.externalId, 2);
    expect(again).toMatchObject({ status: 'failed', failureCount: 2, retryCount: 1, reason: failed.reason });
    await eventually(async () =>
      (await desk.events()).filter((e) => e.type === 'message_failed').length === 2 ? true : undefined,
    );

    // Still answering.
    await desk.deliver('And standard shipping?');
    await desk.answeredTimes('And standard shipping?');
  });

  it('dead-letters a body a database constraint refuses, answers the next one, and delivers it on retry once allowed', async () => {
    const desk = await aDesk();
    const body = `Is ${FORBIDDEN} shipped express?`;
    const poison = await desk.deliver(body);
    await desk.deliver(QUESTION);
    await desk.answeredTimes(QUESTION);

    const failed = await desk.failedOnce(poison.externalId);
    expect(failed).toMatchObject({ step: 'takeBotTurn', errorType: 'PermanentDataError', sanitised: false });
    expect(failed.reason).toMatch(/breaks a database rule.*poison_test_forbidden_body.*SQLSTATE 23514/);
    expect((await desk.events()).some((e) => e.type === 'message_failed')).toBe(true);

    // What refused it is gone (here: the constraint; in life, a fix deployed), so the retry goes through.
    await stack.dataSource.query(`ALTER TABLE messages DROP CONSTRAINT poison_test_forbidden_body`);
    try {
      const retried = await stack.http.post(`/admin/failed-messages/${failed.id}/retry`, { token: desk.token });
      expect(retried.status).toBe(202);
      const { asked, bot } = await eventually(async () => {
        const all = await desk.messages();
        const asked = all.filter((m) => m.authorKind === 'customer' && m.body === body);
        const bot = all.filter((m) => m.authorKind === 'bot' || m.authorKind === 'system');
        return asked.length === 1 && bot.length >= 2 ? { asked, bot } : undefined;
      });
      expect(asked[0].externalId).toBe(poison.externalId);
      expect(bot.length).toBeGreaterThanOrEqual(2);
      const [record] = await desk.failedMessages();
      expect(record).toMatchObject({ id: failed.id, status: 'retried', failureCount: 1 });
    } finally {
      await stack.dataSource.query(
        `ALTER TABLE messages ADD CONSTRAINT poison_test_forbidden_body CHECK (body NOT LIKE '%${FORBIDDEN}%') NOT VALID`,
      );
    }
  });

  it('lists dead letters newest first, by conversation, for admins only', async () => {
    const desk = await aDesk();
    const first = await desk.deliver('one\u0000');
    const second = await desk.deliver('two\u0000');
    await desk.deliver(QUESTION);
    await desk.answeredTimes(QUESTION);
    await desk.failedOnce(second.externalId);

    const listed = await desk.failedMessages();
    expect(listed.map((f) => f.message.externalId)).toEqual([second.externalId, first.externalId]);
    expect(await desk.failedMessages(`conversationId=${desk.conversation.id}&limit=1&offset=1`)).toMatchObject([
      { message: { externalId: first.externalId } },
    ]);

    const agent = await anAgent(stack.dataSource, desk.tenant.id);
    expect((await stack.http.get('/admin/failed-messages', { token: agent.token })).status).toBe(403);
    expect((await stack.http.post(`/admin/failed-messages/${listed[0].id}/retry`, { token: agent.token })).status).toBe(
      403,
    );
    const other = await aTenantWithAdmin(stack.dataSource);
    expect((await stack.http.get('/admin/failed-messages', { token: other.token })).body.items).toEqual([]);
    expect((await stack.http.post(`/admin/failed-messages/${listed[0].id}/retry`, { token: other.token })).status).toBe(
      404,
    );
  });

  it.each([
    ['a NUL byte', 'needs billing\u0000'],
    ['an unpaired surrogate', 'needs billing \ud800'],
  ])('refuses an assignment whose reason has %s with a 400, and the conversation keeps working', async (_, reason) => {
    const desk = await aDesk();
    const admin = await anAgent(stack.dataSource, desk.tenant.id, { role: 'admin' });
    const agent = await anAgent(stack.dataSource, desk.tenant.id);
    const assign = (why: string) =>
      stack.gateway.update(desk.conversation, assignUpdate, {
        actorAgentId: admin.agent.id,
        agentId: agent.agent.id,
        reason: why,
      });

    const refused = await assign(reason).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(DomainError);
    expect(refused).toMatchObject({
      code: 'validation_failed',
      message: expect.stringMatching(/could not be saved.*SQLSTATE 22/),
    });

    const state = await assign('needs billing');
    expect(state).toMatchObject({ status: 'open', assigneeId: agent.agent.id });
    await desk.deliver('Hello, anyone there?');
    await eventually(async () =>
      (await desk.messages()).some((m) => m.body === 'Hello, anyone there?') ? true : undefined,
    );
    const resolved = await stack.http.post(`/inbox/conversations/${desk.conversation.id}/resolve`, {
      token: admin.token,
    });
    expect(resolved.status).toBeLessThan(300);
    expect(resolved.body.status).toBe('resolved');
  });
});

describe('an LLM vendor that keeps failing', () => {
  let stack: TestStack;
  let fake: FakeLlmServer;
  const aDesk = useSupportDesk(() => stack);

  beforeAll(async () => {
    fake = await FAKE_VENDORS.openai.start();
    fake.always({ kind: 'error', status: 500, message: 'upstream exploded' });
    stack = await startTestStack({ env: { ...FAKE_VENDORS.openai.env(fake.url), AI_MAX_RETRIES: '0' } });
  });
  afterAll(async () => {
    await stack.stop();
    await fake.stop();
  });

  it('answers every message from the offline fallback, one vendor call each, with nothing dead-lettered', async () => {
    const desk = await aDesk();
    await desk.deliver(QUESTION);
    await desk.answeredTimes(QUESTION);
    await desk.deliver('How long does standard shipping take?');
    const { bot } = await eventually(async () => {
      const all = await desk.messages();
      const bot = all.filter((m) => m.authorKind === 'bot');
      return bot.length === 2 ? { bot } : undefined;
    });
    expect(bot.map((m) => m.body).join(' ')).toContain('shipping');

    const answers = (await desk.events()).filter((e) => e.type === 'answered');
    expect(answers.map((e) => e.data.engine)).toEqual(
      expect.arrayContaining([expect.stringContaining('fallback from openai')]),
    );
    // The bot-turn step was not retried: each question reached the vendor once (AI_MAX_RETRIES=0).
    for (const question of [QUESTION, 'How long does standard shipping take?']) {
      const calls = fake.prompts().filter((p) => p.includes('customer-support assistant') && p.includes(question));
      expect(calls).toHaveLength(1);
    }
    expect(await desk.failedMessages()).toEqual([]);
  });
});
