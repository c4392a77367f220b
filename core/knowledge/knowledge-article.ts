/** A published knowledge-base article as retrieval sees it. */
export interface KnowledgeArticle {
  id: string;
  title: string;
  body: string;
}
