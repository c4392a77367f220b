import { createHash } from 'node:crypto';
import { chunkArticle } from '../chunk-article';
import type { KnowledgeArticle } from '../knowledge-article';

/** One text of an article that gets an embedding vector, named by the hash of exactly that text. */
export interface EmbeddingPassage {
  articleId: string;
  contentHash: string;
  text: string;
}

/**
 * The texts embedded for an article: its title with each chunk of its body (the same chunks full-text search keeps,
 * at most 1,200 characters, well within any embeddings model's input), so a long article is matched by its best
 * part. Each is keyed by a hash of its text: editing one paragraph re-embeds that paragraph only, and an unchanged
 * article is never embedded again.
 */
export function embeddingPassages(article: KnowledgeArticle): EmbeddingPassage[] {
  const title = article.title.trim();
  const texts = chunkArticle(title, article.body).map(({ content }) =>
    content === title ? title : `${title}\n${content}`,
  );
  return [...new Set(texts)].map((text) => ({
    articleId: article.id,
    contentHash: createHash('sha256').update(text).digest('hex'),
    text,
  }));
}
