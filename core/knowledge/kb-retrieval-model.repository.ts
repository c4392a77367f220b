import type { DataSource, EntityManager } from 'typeorm';
import type { KnowledgeArticle } from './knowledge-article';

/** A tenant's published articles and the fingerprint of exactly that set (ids and edit times). */
export interface KnowledgeSnapshot {
  fingerprint: string;
  articles: KnowledgeArticle[];
}

export interface StoredRetrievalModel {
  fingerprint: string;
  params: Buffer;
}

/** The fingerprint of a tenant's published articles: changes whenever one is created, edited, unpublished or deleted. */
export const KNOWLEDGE_FINGERPRINT_SQL = `SELECT md5(coalesce(string_agg(a.id::text || '@' || a.updated_at::text, ',' ORDER BY a.id), ''))
   FROM kb_articles a WHERE a.tenant_id = $1 AND a.published`;

/** Each tenant's fitted lexical retrieval model (one row per tenant, replaced on refit). */
export class KbRetrievalModelRepository {
  constructor(private readonly db: DataSource | EntityManager) {}

  /** The published articles and their fingerprint, read in one statement so the two agree. */
  async snapshot(tenantId: string): Promise<KnowledgeSnapshot> {
    const rows: { fingerprint: string; articles: KnowledgeArticle[] }[] = await this.db.query(
      `SELECT (${KNOWLEDGE_FINGERPRINT_SQL}) AS fingerprint,
              (SELECT coalesce(json_agg(json_build_object('id', a.id, 'title', a.title, 'body', a.body) ORDER BY a.id), '[]')
               FROM kb_articles a WHERE a.tenant_id = $1 AND a.published) AS articles`,
      [tenantId],
    );
    return rows[0];
  }

  async find(tenantId: string): Promise<StoredRetrievalModel | null> {
    const rows: StoredRetrievalModel[] = await this.db.query(
      'SELECT fingerprint, params FROM kb_retrieval_models WHERE tenant_id = $1',
      [tenantId],
    );
    return rows[0] ?? null;
  }

  /** Stores the model fitted on the articles with this fingerprint, replacing the tenant's previous one. */
  async save(tenantId: string, fingerprint: string, articles: number, params: Buffer): Promise<void> {
    await this.db.query(
      `INSERT INTO kb_retrieval_models (tenant_id, fingerprint, articles, params) VALUES ($1, $2, $3, $4)
       ON CONFLICT (tenant_id) DO UPDATE
         SET fingerprint = excluded.fingerprint, articles = excluded.articles, params = excluded.params, fitted_at = now()`,
      [tenantId, fingerprint, articles, params],
    );
  }
}
