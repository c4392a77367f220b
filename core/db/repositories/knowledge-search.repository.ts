import type { DataSource } from 'typeorm';

export interface KnowledgePassage {
  chunkId: string;
  articleId: string;
  title: string;
  content: string;
  rank: number;
  /** The passage's stemmed lexemes, for scoring how much of a question it covers. */
  lexemes: string[];
}

export interface QuestionTerm {
  lexeme: string;
  /** How many of the tenant's passages contain the lexeme. */
  documentFrequency: number;
}

export interface KnowledgeSearchResult {
  terms: QuestionTerm[];
  passageCount: number;
  passages: KnowledgePassage[];
}

/**
 * Full-text search over published knowledge-base passages. The query is OR-style (any question word may match,
 * ranked by ts_rank with titles weighted above bodies) because AND-style queries miss most real questions.
 */
export class KnowledgeSearchRepository {
  constructor(private readonly db: DataSource) {}

  async search(tenantId: string, question: string, limit = 5): Promise<KnowledgeSearchResult> {
    const [terms, passages] = await Promise.all([
      this.terms(tenantId, question),
      this.passages(tenantId, question, limit),
    ]);
    return { terms: terms.terms, passageCount: terms.passageCount, passages };
  }

  private async terms(tenantId: string, question: string): Promise<{ terms: QuestionTerm[]; passageCount: number }> {
    const rows: { lexeme: string; df: string; n: string }[] = await this.db.query(
      `WITH q AS (SELECT unnest(tsvector_to_array(to_tsvector('english', $2))) AS lexeme)
       SELECT q.lexeme,
              (SELECT count(*) FROM kb_chunks c WHERE c.tenant_id = $1 AND c.search @@ quote_literal(q.lexeme)::tsquery) AS df,
              (SELECT count(*) FROM kb_chunks c WHERE c.tenant_id = $1) AS n
       FROM q`,
      [tenantId, question],
    );
    return {
      terms: rows.map((row) => ({ lexeme: row.lexeme, documentFrequency: Number(row.df) })),
      passageCount: rows.length > 0 ? Number(rows[0].n) : 0,
    };
  }

  private async passages(tenantId: string, question: string, limit: number): Promise<KnowledgePassage[]> {
    const rows: {
      chunk_id: string;
      article_id: string;
      title: string;
      content: string;
      rank: number;
      lexemes: string[];
    }[] = await this.db.query(
      `WITH query AS (
         SELECT replace(plainto_tsquery('english', $2)::text, '&', '|')::tsquery AS q
       )
       SELECT c.id AS chunk_id, c.article_id, c.title, c.content,
              ts_rank('{0.1, 0.2, 0.4, 1.0}', c.search, query.q) AS rank,
              tsvector_to_array(c.search) AS lexemes
       FROM kb_chunks c
       JOIN kb_articles a ON a.id = c.article_id AND a.published
       CROSS JOIN query
       WHERE c.tenant_id = $1 AND c.search @@ query.q
       ORDER BY rank DESC, c.position ASC
       LIMIT $3`,
      [tenantId, question, limit],
    );
    return rows.map((row) => ({
      chunkId: row.chunk_id,
      articleId: row.article_id,
      title: row.title,
      content: row.content,
      rank: Number(row.rank),
      lexemes: row.lexemes,
    }));
  }
}
