import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Article-level retrieval: a weighted full-text vector over each whole article (title A, body B) so search ranks
 * articles rather than their chunks, and a table for each tenant's fitted lexical model (word and character n-gram
 * TF-IDF over its knowledge base), refitted whenever the published articles change, like the topic model.
 */
export class KnowledgeRetrieval1764700000000 implements MigrationInterface {
  name = 'KnowledgeRetrieval1764700000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE kb_articles ADD COLUMN search tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('english', title), 'A') || setweight(to_tsvector('english', body), 'B')
      ) STORED`);
    await db.query(`CREATE INDEX kb_articles_search_idx ON kb_articles USING gin (search)`);
    await db.query(`CREATE INDEX kb_articles_tenant_published_idx ON kb_articles (tenant_id) WHERE published`);
    await db.query(`
      CREATE TABLE kb_retrieval_models (
        tenant_id uuid PRIMARY KEY REFERENCES tenants(id),
        fingerprint text NOT NULL,
        articles integer NOT NULL,
        params bytea NOT NULL,
        fitted_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE kb_retrieval_models`);
    await db.query(`DROP INDEX kb_articles_tenant_published_idx`);
    await db.query(`DROP INDEX kb_articles_search_idx`);
    await db.query(`ALTER TABLE kb_articles DROP COLUMN search`);
  }
}
