import { ApplicationFailure } from '@temporalio/activity';
import type { AssignmentQueueRepository } from '../core/assignment/assignment-queue.repository';
import type { ConversationEventRepository } from '../core/conversations/conversation-event.repository';
import { toStorableText } from '../core/platform/db/storable-text';
import type { ConversationRoutingRepository } from '../core/routing/conversation-routing.repository';
import type { ConversationTriageRepository } from '../core/triage/conversation-triage.repository';
import type { TopicExampleRepository } from '../core/triage/topic-example.repository';
import { DomainError } from '../core/platform/errors/domain-error';
import type { Priority } from '../core/conversations/conversation-status';
import type { ConversationRouter } from '../core/routing/conversation-router';
import type { SlaBreachActions, SlaDueTimes, SlaTarget } from '../core/sla/sla-policy.types';
import { appendSlaBreach } from '../core/sla/sla-breach.event';
import type { ConversationTriage } from '../core/triage/conversation-triage';
import type { TriageResult } from '../core/triage/triage.types';

export interface TriageInput {
  tenantId: string;
  conversationId: string;
  customerId: string;
  text: string;
  eventKey: string;
}

export interface RouteInput {
  tenantId: string;
  conversationId: string;
  /** The customer's text; null re-uses what was routed before (a re-route after a re-tag). */
  text: string | null;
  /** 'escalated', 'topic_changed', … (shown in the event log). */
  reason: string;
  eventKey: string;
}

export interface RouteResult {
  teamId: string | null;
  priority: Priority;
  policyVersion: number | null;
  ruleName: string;
  sla: SlaDueTimes | null;
  /** When a skill-strategy team stops insisting on optional skills (the workflow re-runs the queue then). */
  skillRelaxAt: string | null;
}

export interface NextResponseClockInput {
  tenantId: string;
  conversationId: string;
  slaPolicyId: string;
  from: string;
}

export interface SlaBreachInput {
  tenantId: string;
  conversationId: string;
  target: SlaTarget;
  dueAt: string;
  actions: SlaBreachActions;
  assigneeId: string | null;
  eventKey: string;
  /** How the assignment history names the release (the default policy keeps `first_response_target_missed`). */
  releaseReason?: string;
}

export interface SlaBreachResult {
  priority: Priority | null;
  /** The conversation went back to the queue (reassign action, or its assignee is not available). */
  released: boolean;
}

export interface AssigneeCheckInput {
  tenantId: string;
  conversationId: string;
  reason: string;
  eventKey: string;
}

export interface RetagInput {
  tenantId: string;
  conversationId: string;
  topic: string;
  agentId: string;
  eventKey: string;
}

export interface RoutingActivityDeps {
  triage: Pick<ConversationTriage, 'triage'>;
  router: Pick<ConversationRouter, 'route' | 'nextResponseDue'>;
  triageRows: Pick<ConversationTriageRepository, 'recentContacts' | 'save' | 'classifiedText' | 'setTopic'>;
  routingRows: Pick<ConversationRoutingRepository, 'raisePriority'>;
  queue: Pick<AssignmentQueueRepository, 'skillRelaxAt' | 'release' | 'releaseIfAssigneeUnavailable'>;
  events: Pick<ConversationEventRepository, 'append'>;
  examples: Pick<TopicExampleRepository, 'recordRetag'>;
}

/** Triage, routing and SLA steps of the conversation workflow; each is keyed so a retry repeats nothing. */
export const createRoutingActivities = ({
  triage,
  router,
  triageRows,
  routingRows,
  queue,
  events,
  examples,
}: RoutingActivityDeps) => {
  return {
    /** Topic, priority, sentiment and language of the customer's message, written onto the conversation. */
    async triageConversation(input: TriageInput): Promise<TriageResult> {
      const recentContacts = await triageRows.recentContacts(input.tenantId, input.customerId);
      const result = await triage.triage({ tenantId: input.tenantId, text: input.text, recentContacts });
      await triageRows.save(input.tenantId, input.conversationId, result);
      await events.append(input.tenantId, {
        conversationId: input.conversationId,
        type: 'triaged',
        actor: 'ai',
        eventKey: input.eventKey,
        data: { ...result, recentContacts },
      });
      return result;
    },

    /** Evaluates the published routing policy and records which version and rule decided, and on what facts. */
    async routeConversation(input: RouteInput): Promise<RouteResult> {
      const route = await router.route(input.tenantId, input.conversationId, input.text, new Date());
      if (!route) {
        return {
          teamId: null,
          priority: 'normal',
          policyVersion: null,
          ruleName: 'none',
          sla: null,
          skillRelaxAt: null,
        };
      }
      const skillRelaxAt = await queue.skillRelaxAt(input.tenantId, input.conversationId);
      await events.append(input.tenantId, {
        conversationId: input.conversationId,
        type: 'routed',
        actor: 'routing-policy',
        eventKey: input.eventKey,
        data: {
          reason: input.reason,
          policyVersion: route.policyVersion,
          ruleIndex: route.ruleIndex,
          rule: route.ruleName,
          action: route.action,
          priority: route.priority,
          sla: route.sla,
          // A cut through an emoji leaves half a surrogate pair, which jsonb refuses: cleaned after cutting.
          facts: { ...route.facts, text: toStorableText(route.facts.text.slice(0, 500)) },
        },
      });
      return {
        teamId: route.teamId,
        priority: route.priority,
        policyVersion: route.policyVersion,
        ruleName: route.ruleName,
        sla: route.sla,
        skillRelaxAt,
      };
    },

    async startNextResponseClock(input: NextResponseClockInput): Promise<string | null> {
      return router.nextResponseDue(input.tenantId, input.conversationId, input.slaPolicyId, new Date(input.from));
    },

    /**
     * An SLA target lapsed: always logged (an `sla_breached` event, which the agents' event stream carries), then the
     * policy's actions. An assignee who is away or offline loses the conversation whatever the policy says.
     */
    async handleSlaBreach(input: SlaBreachInput): Promise<SlaBreachResult> {
      const priority = input.actions.raisePriority
        ? await routingRows.raisePriority(input.tenantId, input.conversationId)
        : null;
      let released = false;
      if (input.assigneeId) {
        if (input.actions.reassign) {
          await queue.release(input.tenantId, input.conversationId, {
            reason: input.releaseReason ?? `sla_${input.target}_breached`,
            excludeAgentId: input.assigneeId,
          });
          released = true;
        } else {
          released =
            (await queue.releaseIfAssigneeUnavailable(input.tenantId, input.conversationId, 'sla_breached')) !== null;
        }
      }
      await appendSlaBreach(events, input.tenantId, {
        conversationId: input.conversationId,
        eventKey: input.eventKey,
        data: {
          target: input.target,
          dueAt: input.dueAt,
          agentId: input.assigneeId,
          actions: input.actions,
          priority,
          requeued: released,
          notify: input.actions.notify,
        },
      });
      return { priority, released };
    },

    /**
     * An agent's correction of the topic: stored on the conversation and as a labelled example for the next training
     * run. Returns whether the training set changed (the API then asks for a retrain).
     */
    async retagConversation(input: RetagInput): Promise<boolean> {
      const text = await triageRows.classifiedText(input.tenantId, input.conversationId);
      const learned = await examples
        .recordRetag(input.tenantId, {
          conversationId: input.conversationId,
          categoryName: input.topic,
          text: text || input.topic,
          agentId: input.agentId,
        })
        .catch((error: unknown) => {
          // A category deleted since the API checked it: retrying cannot help.
          throw error instanceof DomainError ? ApplicationFailure.nonRetryable(error.message, error.code) : error;
        });
      await triageRows.setTopic(input.tenantId, input.conversationId, input.topic);
      await events.append(input.tenantId, {
        conversationId: input.conversationId,
        type: 'retagged',
        actor: `agent:${input.agentId}`,
        eventKey: input.eventKey,
        data: { topic: input.topic, learnedExample: learned },
      });
      return learned;
    },

    /** A customer wrote (or a timer fired) while the assignee is away, offline or deactivated: back to the queue. */
    async requeueIfAssigneeUnavailable(input: AssigneeCheckInput): Promise<string | null> {
      const released = await queue.releaseIfAssigneeUnavailable(input.tenantId, input.conversationId, input.reason);
      if (released) {
        await events.append(input.tenantId, {
          conversationId: input.conversationId,
          type: 'unassigned',
          actor: 'workflow',
          eventKey: input.eventKey,
          data: { agentId: released.agentId, reason: `${input.reason}; assignee is ${released.agentStatus}` },
        });
      }
      return released?.agentId ?? null;
    },
  };
};

export type RoutingActivities = ReturnType<typeof createRoutingActivities>;
