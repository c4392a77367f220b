import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Embedding vectors of knowledge-base passages, for KB_RETRIEVER=embeddings: one row per passage text (the article
 * title with one chunk of its body) and embeddings model, keyed by the text's hash so an unchanged passage is never
 * embedded twice. Vectors are plain `real[]` (pgvector is not assumed; similarity is computed in the retriever), and
 * rows go with their article.
 */
export class KnowledgeEmbeddings1764900000000 implements MigrationInterface {
  name = 'KnowledgeEmbeddings1764900000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE kb_chunk_embeddings (
        tenant_id uuid NOT NULL REFERENCES tenants(id),
        article_id uuid NOT NULL REFERENCES kb_articles(id) ON DELETE CASCADE,
        model text NOT NULL,
        content_hash text NOT NULL,
        embedding real[] NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (article_id, model, content_hash)
      )`);
    await db.query(`CREATE INDEX kb_chunk_embeddings_tenant_model_idx ON kb_chunk_embeddings (tenant_id, model)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE kb_chunk_embeddings`);
  }
}
