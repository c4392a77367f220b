import type { DataSource, EntityManager } from 'typeorm';
import type { Channel } from '../channels/channel';
import type { Priority } from '../conversations/conversation-status';
import type { RoutingAction, RoutingFacts } from './routing-policy.types';
import type { SlaDueTimes } from '../sla/sla-policy.types';
import type { Sentiment } from '../triage/triage.types';
import { rank } from '../triage/conversation-triage.repository';

export interface AppliedRoute {
  policyVersion: number | null;
  ruleName: string;
  facts: RoutingFacts;
  action: RoutingAction;
  sla: SlaDueTimes | null;
}

/** Reads what a routing policy may look at, and writes where the policy sent the conversation. */
export class ConversationRoutingRepository {
  constructor(private readonly db: DataSource | EntityManager) {}

  /**
   * Facts about the conversation now; null when it does not exist in this tenant. Without a text (a re-route after
   * a re-tag) the text routed last time is used, else the customer's latest message.
   */
  async facts(tenantId: string, conversationId: string, text: string | null, at: Date): Promise<RoutingFacts | null> {
    const [row]: {
      topic: string | null;
      topic_confidence: number | null;
      channel: Channel;
      priority: Priority;
      sentiment: Sentiment | null;
      language: string | null;
      attributes: Record<string, unknown> | null;
      has_open: boolean;
      text: string;
    }[] = await this.db.query(
      `SELECT COALESCE($3::text, c.routing_facts->>'text',
                       (SELECT m.body FROM messages m
                        WHERE m.tenant_id = c.tenant_id AND m.conversation_id = c.id AND m.author_kind = 'customer'
                        ORDER BY m.seq DESC LIMIT 1), '') AS text,
              c.topic, c.topic_confidence, c.channel, c.priority, c.sentiment, c.language, cu.attributes,
              EXISTS (SELECT 1 FROM conversations o
                      WHERE o.tenant_id = c.tenant_id AND o.customer_id = c.customer_id AND o.id <> c.id
                        AND o.status IN ('open', 'pending', 'snoozed')) AS has_open
       FROM conversations c JOIN customers cu ON cu.tenant_id = c.tenant_id AND cu.id = c.customer_id
       WHERE c.tenant_id = $1 AND c.id = $2`,
      [tenantId, conversationId, text],
    );
    if (!row) {
      return null;
    }
    const attributes = row.attributes ?? {};
    return {
      topic: row.topic,
      topicConfidence: row.topic_confidence ?? 0,
      channel: row.channel,
      priority: row.priority,
      sentiment: row.sentiment ?? 'neutral',
      customerTier: typeof attributes.tier === 'string' ? attributes.tier : null,
      customerAttributes: attributes,
      language: row.language,
      text: row.text,
      at: at.toISOString(),
      hasOpenConversation: row.has_open,
    };
  }

  /**
   * Writes the route: team, priority (never lowered below what triage or a person set), tags, skills, SLA policy
   * and due times, and which policy version and rule decided, with the facts it saw (dry runs replay them).
   */
  async apply(tenantId: string, conversationId: string, route: AppliedRoute): Promise<Priority> {
    const { action, sla } = route;
    const [row]: { priority: Priority }[] = await this.db.query(
      `WITH updated AS (
       UPDATE conversations
       SET team_id = $3,
           priority = CASE WHEN $4::text IS NOT NULL AND ${rank('$4::text')} > ${rank('priority')} THEN $4 ELSE priority END,
           topic_tags = ARRAY(SELECT DISTINCT t FROM unnest(topic_tags || $5::text[]) AS t ORDER BY t),
           required_skills = $6, optional_skills = $7, sla_policy_id = $8, sla_breach_actions = $14,
           first_response_due_at = CASE WHEN first_response_at IS NULL THEN $9::timestamptz END,
           resolution_due_at = $10, next_response_due_at = NULL,
           routing_policy_version = $11, routing_rule = $12, routing_facts = $13, routed_at = now(), updated_at = now()
       WHERE tenant_id = $1 AND id = $2
       RETURNING priority)
       SELECT priority FROM updated`,
      [
        tenantId,
        conversationId,
        action.teamId ?? null,
        action.priority ?? null,
        action.addTags ?? [],
        action.requiredSkills ?? [],
        action.optionalSkills ?? [],
        sla?.policyId ?? null,
        sla?.firstResponseDueAt ?? null,
        sla?.resolutionDueAt ?? null,
        route.policyVersion,
        route.ruleName,
        JSON.stringify(route.facts),
        sla ? JSON.stringify(sla.breachActions) : null,
      ],
    );
    return row.priority;
  }

  async setNextResponseDue(tenantId: string, conversationId: string, dueAt: string | null): Promise<void> {
    await this.db.query(
      `UPDATE conversations SET next_response_due_at = $3, updated_at = now() WHERE tenant_id = $1 AND id = $2`,
      [tenantId, conversationId, dueAt],
    );
  }

  /** Priority after a breach: one step up, capped at urgent. */
  async raisePriority(tenantId: string, conversationId: string): Promise<Priority> {
    const [row]: { priority: Priority }[] = await this.db.query(
      // A CTE, because TypeORM returns [rows, count] for a bare UPDATE … RETURNING.
      `WITH updated AS (
         UPDATE conversations
         SET priority = CASE priority WHEN 'low' THEN 'normal' WHEN 'normal' THEN 'high' ELSE 'urgent' END,
             updated_at = now()
         WHERE tenant_id = $1 AND id = $2
         RETURNING priority)
       SELECT priority FROM updated`,
      [tenantId, conversationId],
    );
    return row.priority;
  }
}
