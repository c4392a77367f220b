import type { ConversationEventRepository } from '../core/conversations/conversation-event.repository';
import type { FailedMessageRepository } from '../core/conversations/failed-message.repository';
import type { UnitOfWork } from '../core/platform/db/unit-of-work';
import { toStorableJson } from '../core/platform/db/storable-text';
import type { InboundMessage } from '../workflows/conversation.definitions';

export interface RecordFailedMessageInput {
  tenantId: string;
  conversationId: string;
  message: InboundMessage;
  /** The activity that failed, e.g. takeBotTurn. */
  step: string;
  errorType: string;
  /** In plain words, for admins and agents. */
  reason: string;
  attempts: number;
}

/** What recording a dead letter writes in its one transaction. */
export interface FailedMessageRepositories {
  failedMessages: Pick<FailedMessageRepository, 'record'>;
  events: Pick<ConversationEventRepository, 'append'>;
}

export interface FailedMessageActivityDeps {
  transaction: UnitOfWork<FailedMessageRepositories>;
}

/** Dead letters: what the conversation workflow keeps of a message it could not handle, before going on. */
export const createFailedMessageActivities = ({ transaction }: FailedMessageActivityDeps) => ({
  /**
   * One transaction: the dead letter (one per message, updated when a retry fails again) and a `message_failed` event
   * in the conversation's log, keyed by the delivery so a re-run writes it once. Everything stored is cleaned of what
   * PostgreSQL refuses, so recording the failure cannot fail the way the message did.
   */
  async recordFailedMessage(input: RecordFailedMessageInput): Promise<string> {
    return transaction.run(async (tx) => {
      const failedMessageId = await tx.failedMessages.record(input.tenantId, {
        conversationId: input.conversationId,
        message: input.message,
        step: input.step,
        errorType: input.errorType,
        reason: input.reason,
        attempts: input.attempts,
      });
      await tx.events.append(input.tenantId, {
        conversationId: input.conversationId,
        type: 'message_failed',
        actor: 'workflow',
        eventKey: toStorableJson(`message_failed:${input.message.externalId}:${input.message.receivedAt}`),
        data: toStorableJson({
          failedMessageId,
          externalId: input.message.externalId,
          step: input.step,
          errorType: input.errorType,
          reason: input.reason,
          attempts: input.attempts,
        }),
      });
      return failedMessageId;
    });
  },
});

export type FailedMessageActivities = ReturnType<typeof createFailedMessageActivities>;
