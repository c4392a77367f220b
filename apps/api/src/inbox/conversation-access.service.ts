import { Injectable } from '@nestjs/common';
import {
  canSee,
  decide,
  seesEveryConversation,
  type ConversationAction,
  type PermissionCaller,
} from '../../../../core/auth/conversation-permissions';
import type { ConversationEntity } from '../../../../core/conversations/conversation.entity';
import type { InboxVisibility } from '../../../../core/conversations/conversation-inbox.repository';
import { ConversationRepository } from '../../../../core/conversations/conversation.repository';
import { TeamMembershipRepository } from '../../../../core/agents/team-membership.repository';
import type { AuthenticatedAgent } from '../../../../core/agents/agent';
import { forbidden, notFound } from '../../../../core/platform/errors/domain-error';

/**
 * Loads conversations for a caller under the conversation permissions: one they may not see is missing (404),
 * one they see but may not act on answers 403 naming the role the action needs.
 */
@Injectable()
export class ConversationAccessService {
  constructor(
    private readonly conversations: ConversationRepository,
    private readonly memberships: TeamMembershipRepository,
  ) {}

  /**
   * The conversation if the caller may take `action` on it, as the database has it now. An action that depends on
   * the conversation (which kind of assignment a request is) is a function of it.
   */
  async authorise(
    agent: AuthenticatedAgent,
    id: string,
    action: ConversationAction | ((conversation: ConversationEntity) => ConversationAction),
  ): Promise<ConversationEntity> {
    const [conversation, caller] = await Promise.all([
      this.conversations.findById(agent.tenantId, id),
      this.caller(agent),
    ]);
    const named = typeof action === 'function' && conversation ? action(conversation) : action;
    return this.check(caller, conversation, id, typeof named === 'function' ? 'read' : named);
  }

  check(
    caller: PermissionCaller,
    conversation: ConversationEntity | null,
    id: string,
    action: ConversationAction,
  ): ConversationEntity {
    if (!conversation) {
      throw notFound('conversation', id);
    }
    const decision = decide(caller, conversation, action);
    switch (decision.outcome) {
      case 'allowed':
        return conversation;
      case 'hidden':
        throw notFound('conversation', id);
      case 'forbidden':
        throw forbidden(decision.message);
    }
  }

  async caller(agent: AuthenticatedAgent): Promise<PermissionCaller> {
    const teamIds = seesEveryConversation(agent) ? [] : await this.memberships.teamIdsOf(agent.tenantId, agent.id);
    return { id: agent.id, role: agent.role, teamIds };
  }

  /** The inbox list's restriction for this caller; undefined when they see the whole tenant. */
  async visibility(agent: AuthenticatedAgent): Promise<InboxVisibility | undefined> {
    if (seesEveryConversation(agent)) {
      return undefined;
    }
    const { id, teamIds } = await this.caller(agent);
    return { agentId: id, teamIds: [...teamIds] };
  }

  /** Which of these conversations (a customer's history) the caller may see. */
  visibleIds(caller: PermissionCaller, conversations: readonly ConversationEntity[]): Set<string> {
    return new Set(conversations.filter((row) => canSee(caller, row)).map((row) => row.id));
  }
}
