import type { DataSource } from 'typeorm';
import { KNOWLEDGE_FINGERPRINT_SQL } from './kb-retrieval-model.repository';

export interface FullTextHit {
  articleId: string;
  /** ts_rank with title (A) above body (B), divided by 1 + log(article length). */
  rank: number;
}

export interface FullTextResult {
  /** The fingerprint of the tenant's published articles at the time of the search. */
  fingerprint: string;
  hits: FullTextHit[];
}

/**
 * Full-text search over whole published articles. The query is OR-style (any question word may match) because
 * AND-style queries miss most real questions; ranking weighs the title above the body and normalises by length.
 */
export class KnowledgeSearchRepository {
  constructor(readonly db: DataSource) {}

  /** One round trip: the best-ranked articles and the fingerprint of the knowledge base they were ranked in. */
  async searchArticles(tenantId: string, question: string, limit: number): Promise<FullTextResult> {
    const rows: { fingerprint: string; hits: { id: string; rank: number }[] }[] = await this.db.query(
      `WITH query AS (SELECT replace(plainto_tsquery('english', $2)::text, '&', '|')::tsquery AS q)
       SELECT (${KNOWLEDGE_FINGERPRINT_SQL}) AS fingerprint,
              (SELECT coalesce(json_agg(h ORDER BY h.rank DESC, h.id), '[]') FROM (
                 SELECT a.id, ts_rank('{0.1, 0.2, 0.4, 1.0}', a.search, query.q, 1) AS rank
                 FROM kb_articles a CROSS JOIN query
                 WHERE a.tenant_id = $1 AND a.published AND a.search @@ query.q
                 ORDER BY rank DESC, a.id
                 LIMIT $3) h) AS hits`,
      [tenantId, question, limit],
    );
    const { fingerprint, hits } = rows[0];
    return { fingerprint, hits: hits.map((hit) => ({ articleId: hit.id, rank: Number(hit.rank) })) };
  }
}
