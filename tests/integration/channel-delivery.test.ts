import { randomUUID } from 'node:crypto';
import { ChannelInboxRepository } from '../../core/channels/channel-inbox.repository';
import { MessageDeliveryRepository } from '../../core/channels/delivery/message-delivery.repository';
import { deliveryIdempotencyKey } from '../../activities/delivery.activities';
import { isFailedDeliveryStatus, type DeliveryStatus } from '../../core/channels/delivery-status';
import { aConversation, aCustomer, aTenant, anAgent, anArticle } from '../support/factories';
import { eventually } from '../support/eventually';
import { ScriptedChannelAdapter } from '../support/scripted-channel-adapter';
import { startTestStack, type TestStack } from '../support/test-stack';
import { aVisitor, aClientMessageId } from '../support/widget-visitor';

interface StoredMessage {
  id: string;
  conversation_id: string;
  author_kind: string;
  direction: string;
  delivery_status: DeliveryStatus;
  delivery_failure_reason: string | null;
  provider: string | null;
  provider_message_id: string | null;
  sender_address: string | null;
}

/**
 * The channel seam end to end: a customer message arrives through a provider webhook, the bot's and the agents'
 * messages go out through the delivery step and the channel's adapter, and the vendor's status reports settle each
 * message. SMS here is the scripted adapter (tests/support), which plugs in where a real vendor's adapter would.
 */
describe('channel delivery through the adapter seam', () => {
  const sms = new ScriptedChannelAdapter();
  let stack: TestStack;

  beforeAll(async () => {
    stack = await startTestStack({ channelAdapters: [sms], env: { FIRST_RESPONSE_TARGET_SECONDS: '600' } });
  });
  afterAll(() => stack.stop());
  beforeEach(() => {
    sms.script.length = 0;
  });

  async function aSmsDesk() {
    const tenant = await aTenant(stack.dataSource);
    await anArticle(stack.dataSource, tenant.id, {
      title: 'Shipping times',
      body: 'Standard shipping takes 3 to 5 business days. Express shipping arrives the next business day when ordered before noon.',
    });
    const { webhookToken } = await new ChannelInboxRepository(stack.dataSource).create(tenant.id, {
      channel: 'sms',
      provider: 'scripted',
      name: 'Support line',
      address: '+15550001111',
    });
    const agent = await anAgent(stack.dataSource, tenant.id, { capacity: { sms: 3 }, channels: ['sms'] });
    return { tenant, agent, webhookToken };
  }

  const webhook = (token: string, hook: string, payload: unknown, signature?: string) => {
    const rawBody = JSON.stringify(payload);
    return stack.http.post(`/channels/sms/scripted/${token}/${hook}`, {
      rawBody,
      headers: { 'content-type': 'application/json', 'x-scripted-signature': signature ?? sms.sign(rawBody) },
    });
  };

  const messagesOf = (tenantId: string): Promise<StoredMessage[]> =>
    stack.dataSource.query(
      `SELECT id, conversation_id, author_kind, direction, delivery_status, delivery_failure_reason, provider,
              provider_message_id, sender_address
       FROM messages WHERE tenant_id = $1 ORDER BY seq`,
      [tenantId],
    );

  /** The first message of this author that the adapter accepted or the delivery step gave up on. */
  const outboundDone = (tenantId: string, authorKind: string, after = 0) =>
    eventually(
      async () =>
        (await messagesOf(tenantId))
          .filter((m) => m.author_kind === authorKind)
          .slice(after)
          .find((m) => m.provider_message_id !== null || isFailedDeliveryStatus(m.delivery_status)),
      { what: `the ${authorKind} message to be sent or given up` },
    );

  it('takes an SMS through the webhook, sends the bot answer once, and settles it by the receipts in any order', async () => {
    const { tenant, webhookToken } = await aSmsDesk();
    const inbound = { id: `SMin-${randomUUID()}`, from: '+15557654321', text: 'How long does express shipping take?' };

    const first = await webhook(webhookToken, 'inbound', inbound);
    const retried = await webhook(webhookToken, 'inbound', inbound);

    expect(first.status).toBe(200);
    expect(first.headers.get('content-type')).toContain('text/xml');
    expect(first.body).toBe('<Response/>');
    expect(retried.status).toBe(200);
    const reply = await outboundDone(tenant.id, 'bot');
    const stored = await messagesOf(tenant.id);
    const customerMessages = stored.filter((m) => m.direction === 'inbound');
    expect(customerMessages).toEqual([
      expect.objectContaining({
        sender_address: '+15557654321',
        provider: 'scripted',
        provider_message_id: inbound.id,
      }),
    ]);
    const identities = await stack.dataSource.query(
      `SELECT channel, address FROM customer_identities WHERE tenant_id = $1`,
      [tenant.id],
    );
    expect(identities).toEqual([{ channel: 'sms', address: '+15557654321' }]);
    const sendsOfReply = sms.sends.filter((send) => send.messageId === reply.id);
    expect(sendsOfReply).toEqual([
      expect.objectContaining({ idempotencyKey: deliveryIdempotencyKey(reply.id), recipient: '+15557654321' }),
    ]);
    expect(sendsOfReply[0].text).toContain('Express shipping');
    expect(reply).toMatchObject({ provider: 'scripted', delivery_status: 'queued' });

    const providerId = reply.provider_message_id as string;
    for (const status of ['delivered', 'sent', 'delivered', 'sending']) {
      expect((await webhook(webhookToken, 'status', { id: providerId, status })).status).toBe(200);
    }
    const [settled] = (await messagesOf(tenant.id)).filter((m) => m.id === reply.id);
    expect(settled.delivery_status).toBe('delivered');
  });

  it('marks a message the vendor refuses as failed with its reason, shows the agent, and does not retry it', async () => {
    const { tenant, agent, webhookToken } = await aSmsDesk();
    sms.script.push({ refuse: '21610: Attempt to send to unsubscribed recipient' });

    await webhook(webhookToken, 'inbound', {
      id: `SMin-${randomUUID()}`,
      from: '+15550002222',
      text: 'I want a person',
    });

    const notice = await outboundDone(tenant.id, 'system');
    expect(notice).toMatchObject({
      delivery_status: 'undelivered',
      delivery_failure_reason: '21610: Attempt to send to unsubscribed recipient',
    });
    expect(sms.sends.filter((send) => send.messageId === notice.id)).toHaveLength(1);
    const view = await stack.http.get(`/inbox/conversations/${notice.conversation_id}`, { token: agent.token });
    expect(view.status).toBe(200);
    expect(view.body.history.messages).toContainEqual(
      expect.objectContaining({
        id: notice.id,
        deliveryStatus: 'undelivered',
        deliveryFailureReason: '21610: Attempt to send to unsubscribed recipient',
      }),
    );
    expect(view.body.history.events).toContainEqual(
      expect.objectContaining({ type: 'delivery_failed', data: expect.objectContaining({ messageId: notice.id }) }),
    );
  });

  it('retries an outage with the same key and sends once; when every attempt fails the message is failed', async () => {
    const { tenant, agent, webhookToken } = await aSmsDesk();
    await webhook(webhookToken, 'inbound', {
      id: `SMin-${randomUUID()}`,
      from: '+15550003333',
      text: 'Talk to a human',
    });
    const notice = await outboundDone(tenant.id, 'system');
    expect(notice.provider_message_id).not.toBeNull();
    const reply = (body: string) =>
      stack.http.post(`/inbox/conversations/${notice.conversation_id}/replies`, {
        token: agent.token,
        body: { body, clientMessageId: aClientMessageId() },
      });

    sms.script.push({ fail: 'ECONNRESET' }, { fail: 'ETIMEDOUT' }, { accept: true });
    expect((await reply('Hello, I can help with that.')).status).toBe(201);
    const recovered = await outboundDone(tenant.id, 'agent');
    const attempts = sms.sends.filter((send) => send.messageId === recovered.id);
    expect(attempts).toHaveLength(3);
    expect(new Set(attempts.map((send) => send.idempotencyKey))).toEqual(
      new Set([deliveryIdempotencyKey(recovered.id)]),
    );
    expect(recovered).toMatchObject({ provider: 'scripted', delivery_status: 'queued' });

    sms.script.push(...Array.from({ length: 10 }, () => ({ fail: 'ECONNREFUSED 10.0.0.7:443' })));
    expect((await reply('Are you still there?')).status).toBe(201);
    const lost = await outboundDone(tenant.id, 'agent', 1);
    expect(lost.delivery_status).toBe('failed');
    expect(lost.delivery_failure_reason).toMatch(/^Not delivered after every retry: .*ECONNREFUSED/);
    expect(sms.sends.filter((send) => send.messageId === lost.id).length).toBeGreaterThan(1);
  });

  it('answers bad webhooks with a 4xx and stores nothing', async () => {
    const { tenant, webhookToken } = await aSmsDesk();
    const payload = { id: `SMin-${randomUUID()}`, from: '+15550004444', text: 'hello' };
    const raw = (path: string, rawBody: string, contentType = 'application/json') =>
      stack.http.post(path, {
        rawBody,
        headers: { 'content-type': contentType, 'x-scripted-signature': sms.sign(rawBody) },
      });

    const responses = {
      wrongToken: await webhook('tlw_not-a-real-token-at-all', 'inbound', payload),
      oddToken: await webhook('..', 'inbound', payload),
      nulToken: await webhook('%00', 'inbound', payload),
      wrongProvider: await stack.http.post(`/channels/sms/twilio/${webhookToken}/inbound`, { body: payload }),
      wrongChannel: await stack.http.post(`/channels/fax/scripted/${webhookToken}/inbound`, { body: payload }),
      unknownHook: await webhook(webhookToken, 'voice', payload),
      badSignature: await webhook(webhookToken, 'inbound', payload, 'f'.repeat(64)),
      malformed: await webhook(webhookToken, 'inbound', { id: 7 }),
      unknownStatus: await webhook(webhookToken, 'status', { id: 'SM1', status: 'teleported' }),
      notJson: await raw(`/channels/sms/scripted/${webhookToken}/inbound`, '{"id": "SM1", '),
      noSender: await webhook(webhookToken, 'inbound', { ...payload, from: '' }),
    };

    expect(Object.fromEntries(Object.entries(responses).map(([name, response]) => [name, response.status]))).toEqual({
      wrongToken: 404,
      oddToken: 404,
      nulToken: 400,
      wrongProvider: 404,
      wrongChannel: 400,
      unknownHook: 404,
      badSignature: 403,
      malformed: 400,
      unknownStatus: 400,
      notJson: 400,
      noSender: 400,
    });
    for (const response of Object.values(responses)) {
      expect(typeof response.body.message === 'string' || Array.isArray(response.body.message)).toBe(true);
    }
    expect(await messagesOf(tenant.id)).toEqual([]);
  });
});

/** Chat's adapter is the widget itself: the stored row is the sent message. */
describe('chat delivery', () => {
  let stack: TestStack;

  beforeAll(async () => {
    stack = await startTestStack();
  });
  afterAll(() => stack.stop());

  it("marks the bot's chat answer sent by the widget adapter under its own id", async () => {
    const tenant = await aTenant(stack.dataSource);
    await anArticle(stack.dataSource, tenant.id, {
      title: 'Refund policy',
      body: 'You can request a refund within 30 days of delivery from the Orders page. Refunds reach your card in 5 days.',
    });
    const visitor = await aVisitor(stack.http, tenant.widgetKey);
    await stack.http.post('/widget/messages', {
      token: visitor.token,
      body: { clientMessageId: aClientMessageId(), body: 'How do I request a refund?' },
    });
    const [reply] = await eventually(async () => {
      const rows: { id: string; delivery_status: string; provider: string; provider_message_id: string }[] =
        await stack.dataSource.query(
          `SELECT id, delivery_status, provider, provider_message_id FROM messages
           WHERE tenant_id = $1 AND author_kind = 'bot' AND delivery_status <> 'queued'`,
          [tenant.id],
        );
      return rows.length > 0 ? rows : undefined;
    });
    expect(reply).toEqual({ id: reply.id, delivery_status: 'sent', provider: 'widget', provider_message_id: reply.id });
  });
});

/** Receipts can arrive before the send call that names them returns; none is lost, and tenants stay apart. */
describe('delivery receipts', () => {
  let stack: TestStack;

  beforeAll(async () => {
    stack = await startTestStack({ worker: false });
  });
  afterAll(() => stack.stop());

  async function aQueuedSms(tenantId: string) {
    const customer = await aCustomer(stack.dataSource, tenantId);
    const conversation = await aConversation(stack.dataSource, tenantId, customer.id, { channel: 'sms' });
    const [row]: { id: string }[] = await stack.dataSource.query(
      `INSERT INTO messages (tenant_id, conversation_id, customer_id, direction, author_kind, channel, body,
                             external_id, delivery_status)
       VALUES ($1, $2, $3, 'outbound', 'agent', 'sms', 'On its way', $4, 'queued') RETURNING id`,
      [tenantId, conversation.id, customer.id, `test:${randomUUID()}`],
    );
    return row.id;
  }

  const statusOf = async (id: string) =>
    (await stack.dataSource.query(`SELECT delivery_status FROM messages WHERE id = $1`, [id]))[0].delivery_status;

  it('applies a receipt that arrived before the send recorded its provider id', async () => {
    const tenant = await aTenant(stack.dataSource);
    const messageId = await aQueuedSms(tenant.id);
    const deliveries = new MessageDeliveryRepository(stack.dataSource);
    const early = {
      providerMessageId: `SM-${randomUUID()}`,
      status: 'delivered' as const,
      reason: null,
      occurredAt: new Date(),
    };

    const applied = await deliveries.recordReceipts(tenant.id, 'sms', 'scripted', [early, early]);
    const outcome = await deliveries.recordSent(tenant.id, messageId, 'scripted', {
      providerMessageId: early.providerMessageId,
      status: 'queued',
    });

    expect(applied).toBe(0);
    expect(outcome).toEqual({ status: 'delivered', failureReason: null });
    expect(await statusOf(messageId)).toBe('delivered');
  });

  it("ignores another tenant's receipt for the same provider id", async () => {
    const [mine, theirs] = [await aTenant(stack.dataSource), await aTenant(stack.dataSource)];
    const messageId = await aQueuedSms(mine.id);
    const deliveries = new MessageDeliveryRepository(stack.dataSource);
    const providerMessageId = `SM-${randomUUID()}`;
    await deliveries.recordSent(mine.id, messageId, 'scripted', { providerMessageId, status: 'sent' });

    const applied = await deliveries.recordReceipts(theirs.id, 'sms', 'scripted', [
      { providerMessageId, status: 'failed', reason: 'forged', occurredAt: new Date() },
    ]);

    expect(applied).toBe(0);
    expect(await statusOf(messageId)).toBe('sent');
  });
});
