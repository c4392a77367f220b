import type { BusinessHoursRepository } from '../sla/business-hours.repository';
import type { ConversationRoutingRepository } from './conversation-routing.repository';
import type { RoutingPolicyRepository } from './routing-policy.repository';
import type { SlaPolicyRepository } from '../sla/sla-policy.repository';
import type { Priority } from '../conversations/conversation-status';
import { BusinessCalendar } from '../sla/business-calendar';
import { initialSlaDueTimes, slaDueAt } from '../sla/sla-clock';
import type { SlaDueTimes } from '../sla/sla-policy.types';
import { evaluateRoutingPolicy } from './routing-policy.evaluator';
import type { RoutingAction, RoutingFacts, RoutingPolicyDocument } from './routing-policy.types';

export interface RouteDecision {
  policyVersion: number | null;
  ruleIndex: number | null;
  ruleName: string;
  teamId: string | null;
  priority: Priority;
  action: RoutingAction;
  facts: RoutingFacts;
  sla: SlaDueTimes | null;
}

/** What the router reads and writes: the conversation's facts and route, the tenant's policies and calendars. */
export interface ConversationRouterDeps {
  conversations: Pick<ConversationRoutingRepository, 'facts' | 'apply' | 'setNextResponseDue'>;
  policies: Pick<RoutingPolicyRepository, 'published'>;
  slaPolicies: Pick<SlaPolicyRepository, 'findById'>;
  hours: Pick<BusinessHoursRepository, 'findSchedules'>;
}

/** Without a published policy every conversation goes to the tenant-wide queue, as before routing existed. */
const NO_POLICY: RoutingPolicyDocument = { rules: [], fallback: {} };

/**
 * Sends a conversation where the tenant's published routing policy says: evaluates the policy against the
 * conversation's facts and writes team, priority, tags, skills and SLA due times (counted in business hours when the
 * SLA policy has a calendar).
 */
export class ConversationRouter {
  private readonly conversations: ConversationRouterDeps['conversations'];
  private readonly policies: ConversationRouterDeps['policies'];
  private readonly slaPolicies: ConversationRouterDeps['slaPolicies'];
  private readonly hours: ConversationRouterDeps['hours'];

  constructor({ conversations, policies, slaPolicies, hours }: ConversationRouterDeps) {
    this.conversations = conversations;
    this.policies = policies;
    this.slaPolicies = slaPolicies;
    this.hours = hours;
  }

  async route(tenantId: string, conversationId: string, text: string | null, at: Date): Promise<RouteDecision | null> {
    const facts = await this.conversations.facts(tenantId, conversationId, text, at);
    if (!facts) {
      return null;
    }
    const published = await this.policies.published(tenantId);
    const document = published?.document ?? NO_POLICY;
    const calendars = await this.calendars(tenantId, calendarIdsOf(document));
    const outcome = evaluateRoutingPolicy(document, facts, calendars);
    const sla = await this.initialSla(tenantId, outcome.action.slaPolicyId ?? null, at);
    const priority = await this.conversations.apply(tenantId, conversationId, {
      policyVersion: published?.version ?? null,
      ruleName: outcome.ruleName,
      facts,
      action: outcome.action,
      sla,
    });
    return {
      policyVersion: published?.version ?? null,
      ruleIndex: outcome.ruleIndex,
      ruleName: outcome.ruleName,
      teamId: outcome.action.teamId ?? null,
      priority,
      action: outcome.action,
      facts,
      sla,
    };
  }

  /** The next-response clock, started when a customer writes again after an agent's reply. */
  async nextResponseDue(tenantId: string, conversationId: string, slaPolicyId: string, from: Date) {
    const policy = await this.slaPolicies.findById(tenantId, slaPolicyId);
    if (!policy) {
      return null;
    }
    const calendar = await this.calendarFor(tenantId, policy.businessHoursId);
    const due = slaDueAt(policy, calendar, from, 'next_response')?.toISOString() ?? null;
    await this.conversations.setNextResponseDue(tenantId, conversationId, due);
    return due;
  }

  private async initialSla(tenantId: string, slaPolicyId: string | null, at: Date): Promise<SlaDueTimes | null> {
    const policy = slaPolicyId ? await this.slaPolicies.findById(tenantId, slaPolicyId) : null;
    if (!policy) {
      return null;
    }
    return initialSlaDueTimes(policy, await this.calendarFor(tenantId, policy.businessHoursId), at);
  }

  private async calendarFor(tenantId: string, calendarId: string | null): Promise<BusinessCalendar | null> {
    return calendarId ? ((await this.calendars(tenantId, [calendarId])).get(calendarId) ?? null) : null;
  }

  private async calendars(tenantId: string, ids: string[]): Promise<Map<string, BusinessCalendar>> {
    const schedules = ids.length > 0 ? await this.hours.findSchedules(tenantId, ids) : new Map();
    return new Map([...schedules].map(([id, schedule]) => [id, new BusinessCalendar(schedule)]));
  }
}

function calendarIdsOf(document: RoutingPolicyDocument): string[] {
  const ids = document.rules.flatMap((rule) => (rule.when.businessHours ? [rule.when.businessHours.calendarId] : []));
  return [...new Set(ids)];
}
