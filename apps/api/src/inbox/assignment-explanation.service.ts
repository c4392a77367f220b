import { Injectable } from '@nestjs/common';
import type { AssignmentPlan } from '../../../../core/assignment/assignment.types';
import type { ConversationEntity } from '../../../../core/conversations/conversation.entity';
import { AgentRepository } from '../../../../core/agents/agent.repository';
import { AssignmentQueueRepository } from '../../../../core/assignment/assignment-queue.repository';
import { ConversationEventFeedRepository } from '../../../../core/conversations/conversation-event-feed.repository';
import type { AuthenticatedAgent } from '../../../../core/agents/agent';
import { ConversationAccessService } from './conversation-access.service';
import {
  toAssignmentEventView,
  toCurrentAssignment,
  type AssignmentExplanationView,
  type WaitingView,
} from './assignment-explanation.views';

export const ASSIGNMENT_EVENT_TYPES = ['assigned', 'unassigned', 'sla_breached', 'routed'] as const;
export const ASSIGNMENT_HISTORY_LIMIT = 50;

/** "Why did I get this?" and "why is this still waiting?", from the assignment log and a dry run of the queue. */
@Injectable()
export class AssignmentExplanationService {
  constructor(
    private readonly access: ConversationAccessService,
    private readonly events: ConversationEventFeedRepository,
    private readonly queue: AssignmentQueueRepository,
    private readonly agents: AgentRepository,
  ) {}

  async explain(agent: AuthenticatedAgent, id: string): Promise<AssignmentExplanationView> {
    const { tenantId } = agent;
    const conversation = await this.access.authorise(agent, id, 'read');
    const [history, [lastAssigned]] = await Promise.all([
      this.events.listForConversation(tenantId, id, ASSIGNMENT_EVENT_TYPES, ASSIGNMENT_HISTORY_LIMIT),
      this.events.listForConversation(tenantId, id, ['assigned'], 1),
    ]);
    return {
      conversationId: id,
      status: conversation.status,
      assigneeId: conversation.assigneeId,
      current: toCurrentAssignment(lastAssigned, conversation.assigneeId),
      history: history.map(toAssignmentEventView),
      waiting: await this.waiting(conversation),
    };
  }

  /** Only an open conversation nobody holds waits in the queue; the dry run sees the tenant's queue as a drain would. */
  private async waiting(conversation: ConversationEntity): Promise<WaitingView | null> {
    if (conversation.status !== 'open' || conversation.assigneeId !== null) {
      return null;
    }
    const plan: AssignmentPlan = await this.queue.preview(conversation.tenantId);
    const decision = plan.decisions.find((d) => d.conversationId === conversation.id);
    if (decision) {
      const winner = await this.agents.findById(conversation.tenantId, decision.agentId);
      const name = winner?.name ?? `agent ${decision.agentId}`;
      return {
        outcome: 'assignable_now',
        agentId: decision.agentId,
        reason: `would go to ${name} now: ${decision.reason}`,
      };
    }
    const waiting = plan.waiting.find((w) => w.conversationId === conversation.id);
    const reason =
      waiting?.reason ??
      (conversation.queuedAt
        ? 'further back in the queue than one assignment pass looks; it is considered once those ahead are placed'
        : 'not in the assignment queue');
    return { outcome: 'waiting', agentId: null, reason };
  }
}
