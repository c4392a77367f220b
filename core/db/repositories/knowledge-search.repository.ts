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

  /** One round trip: the question's terms with their document frequencies, the passage count and the passages. */
  async search(tenantId: string, question: string, limit = 5): Promise<KnowledgeSearchResult> {
    const rows: { terms: { lexeme: string; df: number }[]; n: string; passages: PassageRow[] }[] = await this.db.query(
      `WITH q AS (SELECT unnest(tsvector_to_array(to_tsvector('english', $2))) AS lexeme),
            terms AS (
              SELECT q.lexeme,
                     (SELECT count(*) FROM kb_chunks c
                      WHERE c.tenant_id = $1 AND c.search @@ quote_literal(q.lexeme)::tsquery) AS df
              FROM q
            ),
            query AS (SELECT replace(plainto_tsquery('english', $2)::text, '&', '|')::tsquery AS q),
            passages AS (
              SELECT c.id AS chunk_id, c.article_id, c.title, c.content,
                     ts_rank('{0.1, 0.2, 0.4, 1.0}', c.search, query.q) AS rank,
                     tsvector_to_array(c.search) AS lexemes, c.position
              FROM kb_chunks c
              JOIN kb_articles a ON a.id = c.article_id AND a.published
              CROSS JOIN query
              WHERE c.tenant_id = $1 AND c.search @@ query.q
              ORDER BY rank DESC, c.position ASC
              LIMIT $3
            )
       SELECT (SELECT coalesce(json_agg(json_build_object('lexeme', lexeme, 'df', df)), '[]') FROM terms) AS terms,
              (SELECT count(*) FROM kb_chunks c WHERE c.tenant_id = $1) AS n,
              (SELECT coalesce(json_agg(p ORDER BY p.rank DESC, p.position ASC), '[]') FROM passages p) AS passages`,
      [tenantId, question, limit],
    );
    const { terms, n, passages } = rows[0];
    return {
      terms: terms.map((term) => ({ lexeme: term.lexeme, documentFrequency: Number(term.df) })),
      // As before the merge: no terms, no count.
      passageCount: terms.length > 0 ? Number(n) : 0,
      passages: passages.map((row) => ({
        chunkId: row.chunk_id,
        articleId: row.article_id,
        title: row.title,
        content: row.content,
        rank: Number(row.rank),
        lexemes: row.lexemes,
      })),
    };
  }
}

interface PassageRow {
  chunk_id: string;
  article_id: string;
  title: string;
  content: string;
  rank: number;
  lexemes: string[];
}
