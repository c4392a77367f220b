import type { DataSource, EntityManager } from 'typeorm';
import type { TriageResult } from './triage.types';

/** Triage's reads (how often the customer has been in touch) and its writes onto the conversation. */
export class ConversationTriageRepository {
  constructor(private readonly db: DataSource | EntityManager) {}

  /** The customer's conversations started in the last `days` days, this one included. */
  async recentContacts(tenantId: string, customerId: string, days = 7): Promise<number> {
    const [row]: { n: number }[] = await this.db.query(
      `SELECT count(*)::int AS n FROM conversations
       WHERE tenant_id = $1 AND customer_id = $2 AND created_at > now() - make_interval(days => $3)`,
      [tenantId, customerId, days],
    );
    return row?.n ?? 0;
  }

  /** Tags the conversation; priority only ever rises here (a person or a rule may have raised it already). */
  async save(tenantId: string, conversationId: string, triage: TriageResult): Promise<void> {
    await this.db.query(
      `UPDATE conversations
       SET topic = $3, topic_confidence = $4, topic_engine = $5, sentiment = $6, sentiment_score = $7, language = $8,
           triage = $9, triaged_at = now(), updated_at = now(),
           priority = CASE WHEN ${rank('$10')} > ${rank('priority')} THEN $10 ELSE priority END
       WHERE tenant_id = $1 AND id = $2`,
      [
        tenantId,
        conversationId,
        triage.topic,
        triage.topicConfidence,
        triage.topicEngine,
        triage.sentiment,
        triage.sentimentScore,
        triage.language,
        JSON.stringify(triage),
        triage.priority,
      ],
    );
  }

  /** The text triage classified: what routing last saw, else the customer's first message. */
  async classifiedText(tenantId: string, conversationId: string): Promise<string> {
    const [row]: { text: string | null }[] = await this.db.query(
      `SELECT COALESCE(c.routing_facts->>'text',
                       (SELECT m.body FROM messages m
                        WHERE m.tenant_id = c.tenant_id AND m.conversation_id = c.id AND m.author_kind = 'customer'
                        ORDER BY m.seq ASC LIMIT 1)) AS text
       FROM conversations c WHERE c.tenant_id = $1 AND c.id = $2`,
      [tenantId, conversationId],
    );
    return row?.text ?? '';
  }

  /** An agent's correction: the topic is theirs now, with full confidence. */
  async setTopic(tenantId: string, conversationId: string, topic: string): Promise<void> {
    await this.db.query(
      `UPDATE conversations SET topic = $3, topic_confidence = 1, topic_engine = 'agent', updated_at = now()
       WHERE tenant_id = $1 AND id = $2`,
      [tenantId, conversationId, topic],
    );
  }
}

/** SQL rank of a priority expression, for "only ever rises" comparisons. */
export function rank(expression: string): string {
  return `(CASE ${expression} WHEN 'urgent' THEN 3 WHEN 'high' THEN 2 WHEN 'normal' THEN 1 ELSE 0 END)`;
}
