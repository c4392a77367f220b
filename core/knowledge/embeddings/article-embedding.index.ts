import type { SemanticMatch } from '../semantic-article-ranker';

interface PassageVector {
  articleId: string;
  /** Unit length, so a dot product is the cosine. */
  unit: Float32Array;
}

/** A tenant's passage vectors in memory: ranks articles by the best cosine of any of their passages to a question. */
export class ArticleEmbeddingIndex {
  private readonly passages: PassageVector[];

  constructor(vectors: readonly { articleId: string; embedding: readonly number[] }[]) {
    this.passages = vectors
      .map(({ articleId, embedding }) => ({ articleId, unit: unitVector(embedding) }))
      .filter((passage): passage is PassageVector => passage.unit !== null);
  }

  get size(): number {
    return this.passages.length;
  }

  /** Articles best first, at most `limit`; a question vector of another length than the stored ones matches none. */
  rank(question: readonly number[], limit: number): SemanticMatch[] {
    const query = unitVector(question);
    if (!query) {
      return [];
    }
    const best = new Map<string, number>();
    for (const { articleId, unit } of this.passages) {
      if (unit.length !== query.length) {
        continue;
      }
      let dot = 0;
      for (let i = 0; i < unit.length; i++) {
        dot += unit[i] * query[i];
      }
      if (dot > (best.get(articleId) ?? -Infinity)) {
        best.set(articleId, dot);
      }
    }
    return [...best]
      .map(([articleId, similarity]) => ({ articleId, similarity }))
      .sort((a, b) => b.similarity - a.similarity || (a.articleId < b.articleId ? -1 : 1))
      .slice(0, limit);
  }
}

function unitVector(values: readonly number[]): Float32Array | null {
  let sum = 0;
  for (const value of values) {
    sum += value * value;
  }
  if (!(sum > 0) || !Number.isFinite(sum)) {
    return null;
  }
  const length = Math.sqrt(sum);
  return Float32Array.from(values, (value) => value / length);
}
