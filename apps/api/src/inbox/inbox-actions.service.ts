import { Inject, Injectable, Logger } from '@nestjs/common';
import type { AppConfig } from '../../../../core/platform/config/app-config';
import type { AuthenticatedAgent } from '../../../../core/agents/agent';
import { assignmentAction } from '../../../../core/auth/conversation-permissions';
import { DomainError, invalidState, notFound } from '../../../../core/platform/errors/domain-error';
import { AgentRepository } from '../../../../core/agents/agent.repository';
import { TopicCategoryRepository } from '../../../../core/triage/topic-category.repository';
import { ConversationGateway } from '../temporal/conversation-gateway';
import { TopicTrainingGateway } from '../temporal/topic-training.gateway';
import {
  agentReplyUpdate,
  assignUpdate,
  pendUpdate,
  reopenUpdate,
  resolveUpdate,
  retagUpdate,
  snoozeUpdate,
  type MessageView,
} from '../../../../workflows/conversation.definitions';
import { APP_CONFIG } from '../core/tokens';
import type { AssignDto } from './dto/assign.dto';
import type { ReplyDto } from './dto/reply.dto';
import type { RetagDto } from './dto/retag.dto';
import type { SnoozeDto } from './dto/snooze.dto';
import { ConversationAccessService } from './conversation-access.service';
import { toActionResult } from './inbox.views';

export type ActionResult = ReturnType<typeof toActionResult>;

/**
 * What an agent does to a conversation. Each action is checked here for what the API alone can know (the caller's
 * tenant, role and teams under core/auth/conversation-permissions.ts, that the target agent exists), then run inside
 * the conversation's workflow, which decides.
 */
@Injectable()
export class InboxActionsService {
  private readonly logger = new Logger('InboxActions');

  constructor(
    private readonly access: ConversationAccessService,
    private readonly agents: AgentRepository,
    private readonly categories: TopicCategoryRepository,
    private readonly gateway: ConversationGateway,
    private readonly training: TopicTrainingGateway,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async reply(agent: AuthenticatedAgent, id: string, { body, clientMessageId }: ReplyDto): Promise<MessageView> {
    const maxChars = this.config.api.messageMaxChars;
    if ([...body].length > maxChars) {
      throw new DomainError('validation_failed', `body must be at most ${maxChars} characters`);
    }
    const conversation = await this.access.authorise(agent, id, 'reply');
    return this.gateway.update(conversation, agentReplyUpdate, { agentId: agent.id, body, clientMessageId });
  }

  /** Agents take an unassigned conversation or give back their own; anything else takes a supervisor or admin. */
  async assign(agent: AuthenticatedAgent, id: string, { agentId, reason }: AssignDto): Promise<ActionResult> {
    const conversation = await this.access.authorise(agent, id, ({ assigneeId }) =>
      assignmentAction(agent.id, assigneeId, agentId),
    );
    if (agentId !== null && agentId !== agent.id) {
      const target = await this.agents.findById(agent.tenantId, agentId);
      if (!target) {
        throw notFound('agent', agentId);
      }
      if (!target.active) {
        throw invalidState(`Agent ${agentId} is deactivated`);
      }
    }
    const state = await this.gateway.update(conversation, assignUpdate, { actorAgentId: agent.id, agentId, reason });
    return toActionResult(id, state);
  }

  async resolve(agent: AuthenticatedAgent, id: string): Promise<ActionResult> {
    const state = await this.gateway.update(await this.access.authorise(agent, id, 'resolve'), resolveUpdate, {
      actorAgentId: agent.id,
    });
    return toActionResult(id, state);
  }

  async reopen(agent: AuthenticatedAgent, id: string): Promise<ActionResult> {
    const state = await this.gateway.update(await this.access.authorise(agent, id, 'reopen'), reopenUpdate, {
      actorAgentId: agent.id,
    });
    return toActionResult(id, state);
  }

  async snooze(agent: AuthenticatedAgent, id: string, { until }: SnoozeDto): Promise<ActionResult> {
    const conversation = await this.access.authorise(agent, id, 'snooze');
    const request = { actorAgentId: agent.id, until: new Date(until).toISOString() };
    return toActionResult(id, await this.gateway.update(conversation, snoozeUpdate, request));
  }

  /** The agent waits on the customer: the conversation stops counting against capacity until the customer writes. */
  async pend(agent: AuthenticatedAgent, id: string): Promise<ActionResult> {
    const state = await this.gateway.update(await this.access.authorise(agent, id, 'pend'), pendUpdate, {
      actorAgentId: agent.id,
    });
    return toActionResult(id, state);
  }

  /**
   * An agent corrects the topic to one of the tenant's categories (under its canonical name). The correction is a
   * labelled example, so a retrain is asked for afterwards; the re-tag is done by then, so a failure to ask is only
   * logged (the next change, or POST /topics/classifier/train, catches up).
   */
  async retag(agent: AuthenticatedAgent, id: string, { topic }: RetagDto): Promise<ActionResult> {
    const conversation = await this.access.authorise(agent, id, 'retag');
    const category = await this.categories.findByName(agent.tenantId, topic.trim());
    if (!category) {
      throw await this.unknownTopic(agent.tenantId, topic);
    }
    const request = { actorAgentId: agent.id, topic: category.name };
    const state = await this.gateway.update(conversation, retagUpdate, request);
    await this.training.requestTraining(agent.tenantId).catch((error: unknown) => {
      this.logger.warn(`Could not request topic training for tenant ${agent.tenantId}: ${String(error)}`);
    });
    return toActionResult(id, state);
  }

  private async unknownTopic(tenantId: string, topic: string): Promise<DomainError> {
    const knownTopics = (await this.categories.list(tenantId)).map((category) => category.name);
    const known =
      knownTopics.length > 0
        ? `known topics: ${knownTopics.join(', ')}`
        : 'this tenant has no topic categories yet (an admin adds them under /topics)';
    return new DomainError('validation_failed', `Unknown topic "${topic}"; ${known}`, { knownTopics });
  }
}
