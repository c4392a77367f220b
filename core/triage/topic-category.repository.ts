import type { TopicCategoryDescription } from './topic-categories';
import type { DataSource, EntityManager } from 'typeorm';
import { TopicCategoryEntity } from './topic-category.entity';

export interface TopicCategoryWithCount {
  id: string;
  name: string;
  description: string | null;
  exampleCount: number;
  createdAt: Date;
  updatedAt: Date;
}

export interface TopicCategoryChanges {
  name?: string;
  description?: string | null;
}

interface CategoryRow {
  id: string;
  name: string;
  description: string | null;
  example_count: number;
  created_at: Date;
  updated_at: Date;
}

/** A tenant's topic categories (the labels its classifier learns). */
export class TopicCategoryRepository {
  constructor(private readonly db: DataSource | EntityManager) {}

  /** Every category with how many examples it has, by name. */
  /** Every category with a few of its examples: what an LLM needs to classify among them. */
  async describe(tenantId: string, examplesPerCategory = 5): Promise<TopicCategoryDescription[]> {
    const rows: { name: string; description: string | null; examples: string[] | null }[] = await this.db.query(
      `SELECT c.name, c.description,
              (SELECT array_agg(e.text ORDER BY e.created_at, e.id) FROM (
                 SELECT text, created_at, id FROM topic_examples
                 WHERE tenant_id = c.tenant_id AND category_id = c.id ORDER BY created_at, id LIMIT $2) e) AS examples
       FROM topic_categories c WHERE c.tenant_id = $1 ORDER BY c.name`,
      [tenantId, examplesPerCategory],
    );
    return rows.map((row) => ({
      name: row.name,
      ...(row.description ? { description: row.description } : {}),
      examples: row.examples ?? [],
    }));
  }

  async list(tenantId: string): Promise<TopicCategoryWithCount[]> {
    const rows: CategoryRow[] = await this.db.query(
      `${SELECT_WITH_COUNT} WHERE c.tenant_id = $1 GROUP BY c.id ORDER BY c.name, c.id`,
      [tenantId],
    );
    return rows.map(toCategory);
  }

  async findById(tenantId: string, id: string): Promise<TopicCategoryWithCount | null> {
    const rows: CategoryRow[] = await this.db.query(
      `${SELECT_WITH_COUNT} WHERE c.tenant_id = $1 AND c.id = $2 GROUP BY c.id`,
      [tenantId, id],
    );
    return rows.length > 0 ? toCategory(rows[0]) : null;
  }

  /** Names compare case-insensitively, so "Billing" and "billing" cannot both exist. */
  findByName(tenantId: string, name: string): Promise<TopicCategoryEntity | null> {
    return this.db
      .getRepository(TopicCategoryEntity)
      .createQueryBuilder('c')
      .where('c.tenant_id = :tenantId AND lower(c.name) = lower(:name)', { tenantId, name })
      .getOne();
  }

  async create(tenantId: string, fields: { name: string; description: string | null }): Promise<string> {
    const result = await this.db.getRepository(TopicCategoryEntity).insert({ tenantId, ...fields });
    return (result.identifiers[0] as { id: string }).id;
  }

  /** Returns false when no such category exists in this tenant. */
  async update(tenantId: string, id: string, changes: TopicCategoryChanges): Promise<boolean> {
    const result = await this.db
      .getRepository(TopicCategoryEntity)
      .update({ tenantId, id }, { ...changes, updatedAt: () => 'now()' });
    return (result.affected ?? 0) > 0;
  }

  /** Deletes the category; its examples cascade. Returns false when no such category exists in this tenant. */
  async delete(tenantId: string, id: string): Promise<boolean> {
    const result = await this.db.getRepository(TopicCategoryEntity).delete({ tenantId, id });
    return (result.affected ?? 0) > 0;
  }
}

const SELECT_WITH_COUNT = `
  SELECT c.id, c.name, c.description, c.created_at, c.updated_at, count(e.id)::int AS example_count
  FROM topic_categories c LEFT JOIN topic_examples e ON e.category_id = c.id AND e.tenant_id = c.tenant_id`;

function toCategory(row: CategoryRow): TopicCategoryWithCount {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    exampleCount: row.example_count,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
