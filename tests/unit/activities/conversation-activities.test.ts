import { createConversationActivities, type BotTurnInput } from '../../../activities/conversation.activities';
import type { AiAnswer } from '../../../core/knowledge/answer/ai-answer';
import { fakeConversationStore } from './conversation-store.fake';

const conversation = { tenantId: 't1', conversationId: 'c1', customerId: 'u1', channel: 'chat' as const };

const aTurn = (overrides: Partial<BotTurnInput> = {}): BotTurnInput => ({
  ...conversation,
  externalId: 'visitor:1',
  body: 'How do I upgrade my plan?',
  nextBotTurn: 1,
  threshold: 0.5,
  ...overrides,
});

const anAnswer = (overrides: Partial<AiAnswer> = {}): AiAnswer => ({
  text: 'Open Billing and choose Change plan.',
  citations: [{ articleId: 'a1', title: 'Upgrading your plan', snippet: 'choose Change plan' }],
  confidence: 0.9,
  wantsHuman: false,
  engine: 'fake',
  ...overrides,
});

/** The conversation activities over in-memory collaborators: no database, no Temporal. */
function activitiesWith(answer: AiAnswer = anAnswer()) {
  const store = fakeConversationStore(answer);
  return { activities: createConversationActivities(store.deps), ...store };
}

describe('takeBotTurn', () => {
  it('stores the message, asks the engine and stores a confident answer as the reply to deliver', async () => {
    const { activities, tables, answerEngine } = activitiesWith();

    const result = await activities.takeBotTurn(aTurn({ nextBotTurn: 2 }));

    const [customerMessage, reply] = tables.messages;
    expect(customerMessage).toMatchObject({ direction: 'inbound', authorKind: 'customer', externalId: 'visitor:1' });
    expect(answerEngine.answer).toHaveBeenCalledWith({ tenantId: 't1', question: 'How do I upgrade my plan?' });
    expect(reply).toMatchObject({
      authorKind: 'bot',
      body: 'Open Billing and choose Change plan.',
      externalId: `bot:${customerMessage.id}`,
      deliveryStatus: 'queued',
      botTurns: 2,
    });
    expect(result).toEqual({
      messageId: customerMessage.id,
      fresh: true,
      answer: anAnswer(),
      replied: true,
      replyMessageId: reply.id,
    });
  });

  it.each([
    ['below the threshold', anAnswer({ confidence: 0.49 })],
    ['the customer asked for a person', anAnswer({ wantsHuman: true })],
    ['the engine had nothing to say', anAnswer({ text: '' })],
  ])('stores no reply when %s, and hands the answer back for the hand-off', async (_case, answer) => {
    const { activities, tables } = activitiesWith(answer);

    const result = await activities.takeBotTurn(aTurn());

    expect(result).toEqual({ messageId: tables.messages[0].id, fresh: true, answer, replied: false });
    expect(tables.messages.map((message) => message.authorKind)).toEqual(['customer']);
  });

  it('run again after its result was lost: asks nobody, and returns the stored reply and turn count', async () => {
    const { activities, tables, answerEngine } = activitiesWith();
    const first = await activities.takeBotTurn(aTurn());

    const again = await activities.takeBotTurn(aTurn());

    expect(again).toEqual({
      messageId: first.messageId,
      fresh: false,
      replied: false,
      botTurns: 1,
      replyMessageId: first.replyMessageId,
    });
    expect(answerEngine.answer).toHaveBeenCalledTimes(1);
    expect(tables.messages.filter((message) => message.authorKind === 'bot')).toHaveLength(1);
  });

  it('a duplicate of a message that was handed off has nothing to deliver', async () => {
    const { activities, answerEngine } = activitiesWith(anAnswer({ confidence: 0.1 }));
    const first = await activities.takeBotTurn(aTurn());
    await activities.escalate({
      ...conversation,
      triggerMessageId: first.messageId,
      reason: 'low_confidence',
      threshold: 0.5,
    });

    const again = await activities.takeBotTurn(aTurn());

    expect(again).toEqual({ messageId: first.messageId, fresh: false, replied: false, botTurns: 0 });
    expect(answerEngine.answer).toHaveBeenCalledTimes(1);
  });

  it('a retry after the message was stored but before it was answered finishes the turn', async () => {
    const { activities, tables, answerEngine } = activitiesWith();
    const { messageId } = await activities.recordCustomerMessage(aTurn());

    const result = await activities.takeBotTurn(aTurn());

    expect(result).toMatchObject({ messageId, fresh: true, replied: true });
    expect(answerEngine.answer).toHaveBeenCalledTimes(1);
    expect(tables.messages.map((message) => message.authorKind)).toEqual(['customer', 'bot']);
  });
});

describe('escalate', () => {
  const escalation = { ...conversation, triggerMessageId: 'm9', reason: 'low_confidence' as const, threshold: 0.5 };

  it('logs the hand-off with the AI attempt, stores the notice and moves the conversation to the inbox, in one transaction', async () => {
    const { activities, tables, transactions } = activitiesWith();

    const { handoffMessageId } = await activities.escalate({ ...escalation, answer: anAnswer({ confidence: 0.3 }) });

    expect(transactions.started).toBe(1);
    expect(tables.events).toEqual([
      {
        conversationId: 'c1',
        type: 'escalated',
        actor: 'bot',
        eventKey: 'escalated:m9',
        data: {
          reason: 'low_confidence',
          threshold: 0.5,
          aiAttempt: { text: anAnswer().text, confidence: 0.3, citations: anAnswer().citations, engine: 'fake' },
        },
      },
    ]);
    expect(tables.messages).toEqual([
      expect.objectContaining({
        id: handoffMessageId,
        direction: 'outbound',
        authorKind: 'system',
        externalId: 'system:escalated:m9',
        deliveryStatus: 'queued',
      }),
    ]);
    expect(tables.inbox).toEqual(['c1:routing']);
  });

  it('records no AI attempt when there was none (the customer asked for a person)', async () => {
    const { activities, tables } = activitiesWith();

    await activities.escalate({ ...escalation, reason: 'customer_requested_human' });

    expect(tables.events[0].data).toEqual({ reason: 'customer_requested_human', threshold: 0.5, aiAttempt: null });
  });

  it('leaves neither the event nor the notice behind when the move to the inbox fails', async () => {
    const { activities, tables, failures } = activitiesWith();
    failures.moveToInbox = new Error('connection reset');

    await expect(activities.escalate(escalation)).rejects.toThrow('connection reset');

    expect(tables.events).toEqual([]);
    expect(tables.messages).toEqual([]);
  });

  it('a retry returns the same notice and logs the hand-off once', async () => {
    const { activities, tables } = activitiesWith();

    const first = await activities.escalate(escalation);
    const again = await activities.escalate(escalation);

    expect(again).toEqual(first);
    expect(tables.events).toHaveLength(1);
    expect(tables.messages).toHaveLength(1);
  });
});

describe('recordAgentReply', () => {
  const reply = { ...conversation, agentId: 'a7', body: 'Your refund is on its way.', clientMessageId: 'k1' };

  it('stores the reply queued for delivery, counts the agent response and returns its view', async () => {
    const { activities, tables } = activitiesWith();

    const view = await activities.recordAgentReply(reply);

    expect(tables.messages).toEqual([
      expect.objectContaining({
        id: view.id,
        direction: 'outbound',
        authorKind: 'agent',
        authorAgentId: 'a7',
        externalId: 'agent:a7:c1:k1',
        deliveryStatus: 'queued',
      }),
    ]);
    expect(tables.agentResponses).toEqual(['c1']);
    expect(view).toEqual({
      id: view.id,
      conversationId: 'c1',
      direction: 'outbound',
      authorKind: 'agent',
      authorAgentId: 'a7',
      channel: 'chat',
      body: 'Your refund is on its way.',
      createdAt: '2026-12-03T10:00:00.000Z',
    });
  });

  it('a retried request stores one message and returns the same one', async () => {
    const { activities, tables } = activitiesWith();

    const first = await activities.recordAgentReply(reply);
    const again = await activities.recordAgentReply(reply);

    expect(again.id).toBe(first.id);
    expect(tables.messages).toHaveLength(1);
  });
});
