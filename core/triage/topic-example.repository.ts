import type { DataSource, EntityManager } from 'typeorm';
import { TopicExampleEntity } from './topic-example.entity';
import { DomainError, notFound } from '../platform/errors/domain-error';

/** Longest example kept; a longer re-tagged message is cut here (its opening carries the topic). */
export const TOPIC_EXAMPLE_MAX_CHARS = 2000;

export interface LabelledExample {
  text: string;
  label: string;
}

export interface AgentRetag {
  conversationId: string;
  /** The category's name as agents see it; compared case-insensitively. */
  categoryName: string;
  /** The message that shows the topic, usually the customer's first one. */
  text: string;
  agentId: string;
}

/** Labelled messages: admins' examples and agents' re-tags. */
export class TopicExampleRepository {
  constructor(private readonly db: DataSource | EntityManager) {}

  /** One page of a category's examples, newest first. */
  list(tenantId: string, categoryId: string, page: { limit: number; offset: number }): Promise<TopicExampleEntity[]> {
    return this.db.getRepository(TopicExampleEntity).find({
      where: { tenantId, categoryId },
      order: { createdAt: 'DESC', id: 'ASC' },
      take: page.limit,
      skip: page.offset,
    });
  }

  /** Adds admin examples to a category; texts it already has are ignored. Returns how many were added. */
  async add(tenantId: string, categoryId: string, texts: readonly string[], createdBy: string | null): Promise<number> {
    const distinct = [...new Set(texts)];
    if (distinct.length === 0) {
      return 0;
    }
    const rows: { id: string }[] = await this.db.query(
      `INSERT INTO topic_examples (tenant_id, category_id, text, source, created_by)
       SELECT $1, $2, text, 'admin', $4 FROM unnest($3::text[]) AS text
       ON CONFLICT DO NOTHING
       RETURNING id`,
      [tenantId, categoryId, distinct, createdBy],
    );
    return rows.length;
  }

  /** Returns false when the category has no such example (in this tenant). */
  async remove(tenantId: string, categoryId: string, exampleId: string): Promise<boolean> {
    const result = await this.db.getRepository(TopicExampleEntity).delete({ tenantId, categoryId, id: exampleId });
    return (result.affected ?? 0) > 0;
  }

  /** Every example with its category's name, in a stable order (so training on it is reproducible). */
  async trainingSet(tenantId: string): Promise<LabelledExample[]> {
    const rows: { text: string; label: string }[] = await this.db.query(
      `SELECT e.text, c.name AS label
       FROM topic_examples e JOIN topic_categories c ON c.id = e.category_id AND c.tenant_id = e.tenant_id
       WHERE e.tenant_id = $1
       ORDER BY c.name COLLATE "C", e.text COLLATE "C"`,
      [tenantId],
    );
    return rows.map(({ text, label }) => ({ text, label }));
  }

  /**
   * Stores an agent's manual re-tag as a labelled example: one per conversation, so re-tagging again moves it to the
   * new category. Nothing is stored when the category already has the same text (an admin example, say).
   * Returns whether the training set changed. Throws not_found for an unknown category or conversation.
   */
  recordRetag(tenantId: string, retag: AgentRetag): Promise<boolean> {
    const text = retag.text.trim().slice(0, TOPIC_EXAMPLE_MAX_CHARS);
    if (text === '') {
      throw new DomainError('validation_failed', 'A re-tag needs the text of a message to learn from');
    }
    return this.db.transaction(async (manager) => {
      // Serialises re-tags of one conversation; other writers never wait on it.
      await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`topic-retag:${retag.conversationId}`]);
      const conversation: unknown[] = await manager.query(
        'SELECT 1 FROM conversations WHERE tenant_id = $1 AND id = $2',
        [tenantId, retag.conversationId],
      );
      if (conversation.length === 0) {
        throw notFound('conversation', retag.conversationId);
      }
      const categories: { id: string }[] = await manager.query(
        'SELECT id FROM topic_categories WHERE tenant_id = $1 AND lower(name) = lower($2)',
        [tenantId, retag.categoryName.trim()],
      );
      if (categories.length === 0) {
        throw notFound('topic category', retag.categoryName);
      }
      const categoryId = categories[0].id;
      const previous: { id: string; category_id: string; text: string }[] = await manager.query(
        `SELECT id, category_id, text FROM topic_examples
         WHERE tenant_id = $1 AND conversation_id = $2 AND source = 'agent_retag'`,
        [tenantId, retag.conversationId],
      );
      if (previous.length > 0 && previous[0].category_id === categoryId && previous[0].text === text) {
        return false;
      }
      if (previous.length > 0) {
        await manager.query('DELETE FROM topic_examples WHERE id = $1', [previous[0].id]);
      }
      // A conflict means the category already has this text; the set then changed only if an old re-tag went.
      const inserted: unknown[] = await manager.query(
        `INSERT INTO topic_examples (tenant_id, category_id, text, source, conversation_id, created_by)
         VALUES ($1, $2, $3, 'agent_retag', $4, $5)
         ON CONFLICT DO NOTHING
         RETURNING id`,
        [tenantId, categoryId, text, retag.conversationId, retag.agentId],
      );
      return inserted.length > 0 || previous.length > 0;
    });
  }
}
