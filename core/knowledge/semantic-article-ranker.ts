/** One article as an embeddings retriever ranked it: the best cosine of the question to any of its passages. */
export interface SemanticMatch {
  articleId: string;
  similarity: number;
}

/**
 * A ranking of a tenant's articles by meaning rather than words (an embeddings model), fused with the lexical
 * rankings by HybridArticleSearch. `fingerprint` is the knowledge base's as the search read it, so a ranker can
 * keep its per-tenant index until the articles change.
 */
export interface SemanticArticleRanker {
  /** For log lines, e.g. `openai:text-embedding-3-small`. */
  readonly name: string;
  rank(tenantId: string, fingerprint: string, question: string, limit: number): Promise<SemanticMatch[]>;
}
