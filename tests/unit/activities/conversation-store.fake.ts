import type { ConversationActivityDeps, HandoffRepositories } from '../../../activities/conversation.activities';
import type { AiAnswer, AnswerEngine } from '../../../core/knowledge/answer/ai-answer';
import type { NewConversationEvent } from '../../../core/conversations/conversation-event.repository';
import type { BotReply } from '../../../core/conversations/conversation-turn.repository';
import type { MessageEntity } from '../../../core/conversations/message.entity';
import type { NewMessage, RecordedMessage } from '../../../core/conversations/message.repository';

export interface StoredMessage extends NewMessage {
  id: string;
  /** For bot replies: the turn count the reply was stored with. */
  botTurns?: number;
}

/** What the fake database holds; only what a committed write (or a write outside a transaction) put there. */
export interface ConversationTables {
  messages: StoredMessage[];
  events: NewConversationEvent[];
  /** `moveToInbox` calls as `<conversationId>:<waitingSince>`. */
  inbox: string[];
  agentResponses: string[];
  botTurns: number;
}

const emptyTables = (): ConversationTables => ({
  messages: [],
  events: [],
  inbox: [],
  agentResponses: [],
  botTurns: 0,
});

/**
 * The conversation activities' collaborators over an in-memory store, keyed like the real tables: a message is stored
 * once per (channel, external id), an event once per key. A transaction's writes are staged and land only when its
 * work resolves, so a test sees whether a step is all-or-nothing.
 */
export function fakeConversationStore(answer: AiAnswer) {
  const tables = emptyTables();
  const failures = { moveToInbox: null as Error | null };
  let nextId = 1;

  const recordIn = (target: ConversationTables, message: NewMessage, botTurns?: number): RecordedMessage => {
    const stored = [...tables.messages, ...target.messages].find(
      (row) => row.channel === message.channel && row.externalId === message.externalId,
    );
    if (stored) {
      return { message: entityOf(stored), created: false };
    }
    const row = { ...message, id: `m${nextId++}`, botTurns };
    target.messages.push(row);
    return { message: entityOf(row), created: true };
  };
  const appendIn = (target: ConversationTables, event: NewConversationEvent) => {
    if (!event.eventKey || ![...tables.events, ...target.events].some((row) => row.eventKey === event.eventKey)) {
      target.events.push(event);
    }
  };
  const repositoriesOver = (target: ConversationTables): HandoffRepositories => ({
    messages: { record: async (_tenantId, message) => recordIn(target, message) },
    events: { append: async (_tenantId, event) => appendIn(target, event) },
    lifecycle: {
      moveToInbox: async (_tenantId, conversationId, waitingSince = 'now') => {
        if (failures.moveToInbox) {
          throw failures.moveToInbox;
        }
        target.inbox.push(`${conversationId}:${waitingSince}`);
      },
    },
  });

  const outside = repositoriesOver(tables);
  const answerEngine: AnswerEngine & { answer: jest.Mock } = { answer: jest.fn(async () => answer) };
  const transactions = { started: 0 };
  const deps: ConversationActivityDeps = {
    messages: outside.messages,
    events: outside.events,
    lifecycle: {
      recordAgentResponse: async (_tenantId, conversationId) => void tables.agentResponses.push(conversationId),
      changeStatus: async () => undefined,
    },
    turns: {
      recordCustomerMessage: async (tenantId, message) => {
        const { message: stored, created } = recordIn(tables, message);
        return { messageId: stored.id, created };
      },
      recordBotReply: async (_tenantId, reply: BotReply) => {
        tables.botTurns = Math.max(tables.botTurns, reply.botTurns);
        const { message } = recordIn(tables, botReplyMessage(reply), reply.botTurns);
        appendIn(tables, {
          conversationId: reply.conversationId,
          type: 'answered',
          actor: 'bot',
          eventKey: `answered:${reply.inReplyToMessageId}`,
        });
        return message.id;
      },
      botHandled: async (_tenantId, _conversationId, channel, messageId) => {
        const reply = tables.messages.find((row) => row.channel === channel && row.externalId === `bot:${messageId}`);
        const escalated = tables.events.some((row) => row.eventKey === `escalated:${messageId}`);
        return { handled: !!reply || escalated, botTurns: tables.botTurns, replyMessageId: reply?.id ?? null };
      },
    },
    transaction: {
      run: async (work) => {
        transactions.started += 1;
        const staged = emptyTables();
        const result = await work(repositoriesOver(staged));
        tables.messages.push(...staged.messages);
        tables.events.push(...staged.events);
        tables.inbox.push(...staged.inbox);
        return result;
      },
    },
    answerEngine,
  };
  return { deps, tables, answerEngine, transactions, failures };
}

function botReplyMessage(reply: BotReply): NewMessage {
  return {
    conversationId: reply.conversationId,
    customerId: reply.customerId,
    direction: 'outbound',
    authorKind: 'bot',
    channel: reply.channel,
    body: reply.body,
    externalId: `bot:${reply.inReplyToMessageId}`,
    deliveryStatus: 'queued',
    citations: reply.citations,
    confidence: reply.confidence,
  };
}

function entityOf(row: StoredMessage): MessageEntity {
  return {
    id: row.id,
    conversationId: row.conversationId,
    direction: row.direction,
    authorKind: row.authorKind,
    authorAgentId: row.authorAgentId ?? null,
    channel: row.channel,
    body: row.body,
    createdAt: new Date('2026-12-03T10:00:00Z'),
  } as MessageEntity;
}
