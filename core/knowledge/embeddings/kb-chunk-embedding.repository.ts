import type { DataSource, EntityManager } from 'typeorm';

/** A stored embedding of one passage text (see embedding-passages.ts). */
export interface StoredEmbedding {
  articleId: string;
  contentHash: string;
  embedding: number[];
}

/** The passage vectors of each tenant's articles, per embeddings model (`kb_chunk_embeddings`). */
export class KbChunkEmbeddingRepository {
  constructor(private readonly db: DataSource | EntityManager) {}

  async list(tenantId: string, model: string): Promise<StoredEmbedding[]> {
    const rows: { article_id: string; content_hash: string; embedding: number[] }[] = await this.db.query(
      `SELECT article_id, content_hash, embedding FROM kb_chunk_embeddings WHERE tenant_id = $1 AND model = $2`,
      [tenantId, model],
    );
    return rows.map((row) => ({ articleId: row.article_id, contentHash: row.content_hash, embedding: row.embedding }));
  }

  /** Stores new vectors; one already stored (a concurrent sync) or of an article deleted meanwhile is skipped. */
  async insert(tenantId: string, model: string, embeddings: StoredEmbedding[]): Promise<void> {
    if (embeddings.length === 0) {
      return;
    }
    await this.db.query(
      `INSERT INTO kb_chunk_embeddings (tenant_id, article_id, model, content_hash, embedding)
       SELECT $1, r.article_id, $2, r.content_hash, r.embedding
       FROM jsonb_to_recordset($3::jsonb) AS r(article_id uuid, content_hash text, embedding real[])
       WHERE EXISTS (SELECT 1 FROM kb_articles a WHERE a.id = r.article_id AND a.tenant_id = $1)
       ON CONFLICT DO NOTHING`,
      [
        tenantId,
        model,
        JSON.stringify(
          embeddings.map((e) => ({ article_id: e.articleId, content_hash: e.contentHash, embedding: e.embedding })),
        ),
      ],
    );
  }

  /** Deletes this model's vectors of the tenant other than `keep` (edited passages, unpublished articles). */
  async deleteExcept(tenantId: string, model: string, keep: Pick<StoredEmbedding, 'articleId' | 'contentHash'>[]) {
    await this.db.query(
      `DELETE FROM kb_chunk_embeddings e
       WHERE e.tenant_id = $1 AND e.model = $2
         AND (e.article_id, e.content_hash) NOT IN (
           SELECT r.article_id, r.content_hash FROM jsonb_to_recordset($3::jsonb) AS r(article_id uuid, content_hash text))`,
      [tenantId, model, JSON.stringify(keep.map((e) => ({ article_id: e.articleId, content_hash: e.contentHash })))],
    );
  }
}
