import { getExternalWorkflowHandle, log } from '@temporalio/workflow';
import type { AssignmentNotice } from '../activities/assignment.activities';
import { assignedSignal } from './conversation.definitions';

/** Tells each newly assigned conversation's workflow who got it. A closed workflow is skipped: the row is the truth. */
export async function announceAssignments(notices: AssignmentNotice[], exceptConversationId?: string): Promise<void> {
  await Promise.all(
    notices
      .filter((notice) => notice.conversationId !== exceptConversationId)
      .map(async (notice) => {
        try {
          await getExternalWorkflowHandle(notice.workflowId).signal(assignedSignal, { agentId: notice.agentId });
        } catch (error) {
          log.warn('Could not notify an assigned conversation', {
            workflowId: notice.workflowId,
            error: String(error),
          });
        }
      }),
  );
}
