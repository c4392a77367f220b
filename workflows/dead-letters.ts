import { log, patched } from '@temporalio/workflow';
import { deadLetterSteps } from './activity-proxies';
import type { InboundMessage } from './conversation.definitions';
import { describeStepFailure, isStepFailure } from './step-failure';

/** Dead-lettering of messages whose handling fails; histories recorded before it replay without. */
export const DEAD_LETTER_PATCH = 'dead-letter-failed-messages-v1';

/**
 * Handles one inbound message so that its failure never blocks the ones after it: when a step still fails after its
 * retries, the message is kept as a dead letter (listed and retried at /admin/failed-messages), the conversation's
 * event log gets a `message_failed` event, and the workflow goes on. The patch check sits on the failure path only,
 * so runs where nothing fails record no marker.
 */
export async function handleOrDeadLetter(
  ref: { tenantId: string; conversationId: string },
  message: InboundMessage,
  handle: () => Promise<void>,
): Promise<void> {
  try {
    await handle();
  } catch (error) {
    if (!isStepFailure(error) || !patched(DEAD_LETTER_PATCH)) {
      throw error;
    }
    const failure = describeStepFailure(error);
    log.warn('An inbound message could not be handled; it is kept as a dead letter', { ...ref, ...failure });
    try {
      await deadLetterSteps.recordFailedMessage({ ...ref, message, ...failure });
    } catch (recordError) {
      // The database is away for minutes: the failure stays in the workflow's history and log; the next message goes on.
      log.error('A failed message could not be recorded as a dead letter', {
        ...ref,
        externalId: message.externalId,
        error: String(recordError),
      });
    }
  }
}
