import type { AssignmentQueueRepository } from '../core/assignment/assignment-queue.repository';
import type { ConversationEventRepository } from '../core/conversations/conversation-event.repository';
import type { ConversationLifecycleRepository } from '../core/conversations/conversation-lifecycle.repository';
import type { Priority } from '../core/conversations/conversation-status';
import { appendSlaBreach } from '../core/sla/sla-breach.event';

export interface AssignmentNotice {
  conversationId: string;
  workflowId: string;
  agentId: string;
}

export interface DrainResult {
  notices: AssignmentNotice[];
  assigneeId: string | null;
}

export interface ManualAssignmentInput {
  tenantId: string;
  conversationId: string;
  agentId: string | null;
  actorAgentId: string;
  reason: string;
  eventKey: string;
  /** Set when an agent hands the conversation back: the queue will not give it to them again. */
  excludeAgentId?: string | null;
}

export interface MissedFirstResponseInput {
  tenantId: string;
  conversationId: string;
  agentId: string;
  targetSeconds: number;
  eventKey: string;
}

export interface ReopenToQueueInput {
  tenantId: string;
  conversationId: string;
  eventKey: string;
}

export interface AssignmentActivityDeps {
  /** The worker's queue drains on its drain thread; see AssignmentQueueRepository's drainer. */
  queue: Pick<AssignmentQueueRepository, 'drain' | 'assigneeOf' | 'assignManually' | 'release'>;
  events: Pick<ConversationEventRepository, 'append'>;
  lifecycle: Pick<ConversationLifecycleRepository, 'reopenToQueue'>;
}

/** Assignment steps; the claim itself is atomic in PostgreSQL (see AssignmentQueueRepository). */
export const createAssignmentActivities = ({ queue, events, lifecycle }: AssignmentActivityDeps) => {
  return {
    /**
     * Assigns whatever the queue can place now. Safe to retry: placed conversations leave the queue.
     * With a conversationId it also reports that conversation's assignee, so a workflow whose notice was lost
     * still learns it was assigned.
     */
    async drainAssignmentQueue(input: { tenantId: string; conversationId?: string }): Promise<DrainResult> {
      const decisions = await queue.drain(input.tenantId);
      const notices = decisions.map(({ conversationId, workflowId, agentId }) => ({
        conversationId,
        workflowId,
        agentId,
      }));
      const assigneeId = input.conversationId ? await queue.assigneeOf(input.tenantId, input.conversationId) : null;
      return { notices, assigneeId };
    },

    async assignConversation(input: ManualAssignmentInput): Promise<void> {
      await queue.assignManually(
        input.tenantId,
        input.conversationId,
        input.agentId,
        `agent:${input.actorAgentId}`,
        input.reason,
        input.excludeAgentId ?? null,
      );
      await events.append(input.tenantId, {
        conversationId: input.conversationId,
        type: input.agentId ? 'assigned' : 'unassigned',
        actor: `agent:${input.actorAgentId}`,
        eventKey: input.eventKey,
        data: { agentId: input.agentId, policy: 'manual', reason: input.reason },
      });
    },

    /** First-response target missed: record the breach, raise priority, and requeue without this agent. */
    async releaseAfterMissedFirstResponse(input: MissedFirstResponseInput): Promise<Priority> {
      const priority = await queue.release(input.tenantId, input.conversationId, {
        reason: 'first_response_target_missed',
        excludeAgentId: input.agentId,
        raisePriority: true,
      });
      await appendSlaBreach(events, input.tenantId, {
        conversationId: input.conversationId,
        eventKey: input.eventKey,
        data: {
          target: 'first_response',
          targetSeconds: input.targetSeconds,
          agentId: input.agentId,
          priority,
          action: 'reassign_excluding_agent',
        },
      });
      return priority;
    },

    async reopenToQueue(input: ReopenToQueueInput): Promise<void> {
      await lifecycle.reopenToQueue(input.tenantId, input.conversationId);
      await events.append(input.tenantId, {
        conversationId: input.conversationId,
        type: 'reopened',
        actor: 'customer',
        eventKey: input.eventKey,
        data: { reason: 'customer_wrote_after_resolution' },
      });
    },
  };
};

export type AssignmentActivities = ReturnType<typeof createAssignmentActivities>;
