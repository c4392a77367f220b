import type { AnswerEngine, AiAnswer } from '../core/knowledge/answer/ai-answer';
import type { Channel } from '../core/channels/channel';
import type { InboundEnvelope } from '../core/channels/inbound-message';
import type { ConversationStatus } from '../core/conversations/conversation-status';
import type { ConversationEventRepository } from '../core/conversations/conversation-event.repository';
import type { MessageRepository } from '../core/conversations/message.repository';
import type { ConversationLifecycleRepository } from '../core/conversations/conversation-lifecycle.repository';
import type { ConversationTurnRepository } from '../core/conversations/conversation-turn.repository';
import type { UnitOfWork } from '../core/platform/db/unit-of-work';
import { agentReplyExternalId } from '../core/conversations/message-keys';
import { toMessageView } from '../core/conversations/message-view';
import type { MessageView } from '../workflows/conversation.definitions';

export interface ConversationRef {
  tenantId: string;
  conversationId: string;
  customerId: string;
  channel: Channel;
}

export interface RecordCustomerMessageInput extends ConversationRef {
  externalId: string;
  body: string;
  /** What a channel other than chat told about the message (sender, subject, provider id, threading). */
  envelope?: InboundEnvelope;
}

interface SendBotReplyInput extends ConversationRef {
  inReplyToMessageId: string;
  answer: AiAnswer;
  botTurns: number;
}

export interface BotTurnInput extends RecordCustomerMessageInput {
  /** The bot-turn count if this message gets an answer. */
  nextBotTurn: number;
  /** Answers below this confidence are not sent; the workflow hands off instead. */
  threshold: number;
}

export interface BotTurnResult {
  messageId: string;
  /** false when this message was already handled (a duplicate or retried delivery): nothing more to do. */
  fresh: boolean;
  /** The engine's answer; absent when the message was not fresh. */
  answer?: AiAnswer;
  /** The answer was confident enough and has been stored for delivery. */
  replied: boolean;
  /**
   * The stored answer's id, when it replied; the workflow delivers it. Also set when not fresh and the bot had
   * replied, so an answer whose turn result was lost is still delivered (delivery is idempotent).
   */
  replyMessageId?: string;
  /**
   * When not fresh: the conversation's bot turns as stored. If this very activity already ran and its result was lost
   * (a workflow task that timed out), the stored count includes the turn the workflow has not counted yet.
   */
  botTurns?: number;
}

export interface EscalateInput extends ConversationRef {
  triggerMessageId: string;
  reason: 'customer_requested_human' | 'low_confidence' | 'max_bot_turns';
  answer?: AiAnswer;
  threshold: number;
}

export interface AgentReplyInput extends ConversationRef {
  agentId: string;
  body: string;
  clientMessageId: string;
}

export interface ChangeStatusInput {
  tenantId: string;
  conversationId: string;
  status: ConversationStatus;
  actor: string;
  reason: string;
  snoozedUntil?: string | null;
  /** Deterministic key from the workflow, so a retried activity logs the change once. */
  eventKey: string;
}

/** What the hand-off writes in its one transaction. */
export interface HandoffRepositories {
  messages: Pick<MessageRepository, 'record'>;
  events: Pick<ConversationEventRepository, 'append'>;
  lifecycle: Pick<ConversationLifecycleRepository, 'moveToInbox'>;
}

export interface ConversationActivityDeps {
  messages: Pick<MessageRepository, 'record'>;
  events: Pick<ConversationEventRepository, 'append'>;
  lifecycle: Pick<ConversationLifecycleRepository, 'recordAgentResponse' | 'changeStatus'>;
  turns: Pick<ConversationTurnRepository, 'recordCustomerMessage' | 'recordBotReply' | 'botHandled'>;
  /** The hand-off's event, notice and move to the inbox commit together. */
  transaction: UnitOfWork<HandoffRepositories>;
  answerEngine: AnswerEngine;
}

const HANDOFF_MESSAGE = 'Let me connect you with a member of our team. Someone will be with you shortly.';

/** Short, idempotent steps of the conversation workflow; each side effect is keyed so a retry repeats nothing. */
export const createConversationActivities = ({
  messages,
  events,
  lifecycle,
  turns,
  transaction,
  answerEngine,
}: ConversationActivityDeps) => {
  /** One statement: the message is stored once, and only a new one marks the conversation active. */
  const recordCustomerMessage = (input: RecordCustomerMessageInput): Promise<{ messageId: string; created: boolean }> =>
    turns.recordCustomerMessage(input.tenantId, {
      conversationId: input.conversationId,
      customerId: input.customerId,
      direction: 'inbound',
      authorKind: 'customer',
      channel: input.channel,
      body: input.body,
      externalId: input.externalId,
      deliveryStatus: 'received',
      envelope: input.envelope,
    });

  /** One statement: whoever sees the reply also sees the turn counted and the answer logged. */
  const sendBotReply = (input: SendBotReplyInput): Promise<string> =>
    turns.recordBotReply(input.tenantId, {
      conversationId: input.conversationId,
      customerId: input.customerId,
      channel: input.channel,
      body: input.answer.text,
      citations: input.answer.citations,
      confidence: input.answer.confidence,
      inReplyToMessageId: input.inReplyToMessageId,
      botTurns: input.botTurns,
      eventData: {
        confidence: input.answer.confidence,
        engine: input.answer.engine,
        citations: input.answer.citations,
      },
    });

  return {
    recordCustomerMessage,

    /**
     * The bot's whole turn for one customer message in one step (the hot path): store the message, answer it from
     * the knowledge base, and send the answer if it is confident enough. Idempotent: a retry after a crash finds the
     * stored message, sees it was neither answered nor handed off, and finishes the turn; a duplicate does nothing.
     */
    async takeBotTurn(input: BotTurnInput): Promise<BotTurnResult> {
      const { messageId, created } = await recordCustomerMessage(input);
      if (!created) {
        const earlier = await turns.botHandled(input.tenantId, input.conversationId, input.channel, messageId);
        if (earlier.handled) {
          const replyMessageId = earlier.replyMessageId ?? undefined;
          return { messageId, fresh: false, replied: false, botTurns: earlier.botTurns, replyMessageId };
        }
      }
      const answer = await answerEngine.answer({ tenantId: input.tenantId, question: input.body });
      const confident = !answer.wantsHuman && answer.text !== '' && answer.confidence >= input.threshold;
      if (!confident) {
        return { messageId, fresh: true, answer, replied: false };
      }
      const replyMessageId = await sendBotReply({
        ...input,
        inReplyToMessageId: messageId,
        answer,
        botTurns: input.nextBotTurn,
      });
      return { messageId, fresh: true, answer, replied: true, replyMessageId };
    },

    /**
     * One transaction: the hand-off notice is visible only once the conversation is in the inbox. Returns the
     * notice's id, which the workflow delivers like any outbound message.
     */
    async escalate(input: EscalateInput): Promise<{ handoffMessageId: string }> {
      return transaction.run(async (tx) => {
        await tx.events.append(input.tenantId, {
          conversationId: input.conversationId,
          type: 'escalated',
          actor: 'bot',
          eventKey: `escalated:${input.triggerMessageId}`,
          data: {
            reason: input.reason,
            threshold: input.threshold,
            // The AI's attempt stays visible to agents even when it was not sent.
            aiAttempt: input.answer
              ? {
                  text: input.answer.text,
                  confidence: input.answer.confidence,
                  citations: input.answer.citations,
                  engine: input.answer.engine,
                }
              : null,
          },
        });
        const notice = await tx.messages.record(input.tenantId, {
          conversationId: input.conversationId,
          customerId: input.customerId,
          direction: 'outbound',
          authorKind: 'system',
          channel: input.channel,
          body: HANDOFF_MESSAGE,
          externalId: `system:escalated:${input.triggerMessageId}`,
          deliveryStatus: 'queued',
        });
        await tx.lifecycle.moveToInbox(input.tenantId, input.conversationId, 'routing');
        return { handoffMessageId: notice.message.id };
      });
    },

    async recordAgentReply(input: AgentReplyInput): Promise<MessageView> {
      const { message } = await messages.record(input.tenantId, {
        conversationId: input.conversationId,
        customerId: input.customerId,
        direction: 'outbound',
        authorKind: 'agent',
        authorAgentId: input.agentId,
        channel: input.channel,
        body: input.body,
        externalId: agentReplyExternalId(input.agentId, input.conversationId, input.clientMessageId),
        deliveryStatus: 'queued',
      });
      await lifecycle.recordAgentResponse(input.tenantId, input.conversationId);
      return toMessageView(message);
    },

    async changeStatus(input: ChangeStatusInput): Promise<void> {
      await lifecycle.changeStatus(input.tenantId, input.conversationId, input.status, input.snoozedUntil ?? null);
      await events.append(input.tenantId, {
        conversationId: input.conversationId,
        type: input.status === 'open' ? 'reopened' : input.status,
        actor: input.actor,
        eventKey: input.eventKey,
        data: { reason: input.reason, snoozedUntil: input.snoozedUntil ?? null },
      });
    },
  };
};

export type ConversationActivities = ReturnType<typeof createConversationActivities>;
