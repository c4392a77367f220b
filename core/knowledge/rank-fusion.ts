/** One ranked list of article ids from one retriever, best first; an id may repeat (e.g. one per passage). */
export interface Ranking {
  ids: readonly string[];
  /** How much this retriever counts in the fusion; 1 when unset. */
  weight?: number;
}

export interface FusedArticle {
  id: string;
  /** Σ weight / (k + rank) over the rankings that hold the article (rank from 1). */
  score: number;
}

/** The usual RRF constant: it damps the difference between rank 1 and rank 2 so no single list dominates. */
export const RRF_K = 60;

/**
 * Reciprocal rank fusion of several rankings, deduplicated by article: each list counts an article once, at its
 * best rank. Ties go to the article ranked higher by an earlier list, so the result is deterministic.
 */
export function fuseRankings(rankings: readonly Ranking[], k = RRF_K): FusedArticle[] {
  const scores = new Map<string, number>();
  const firstSeen = new Map<string, number>();
  let order = 0;
  rankings.forEach(({ ids, weight = 1 }) => {
    distinct(ids).forEach((id, index) => {
      scores.set(id, (scores.get(id) ?? 0) + weight / (k + index + 1));
      if (!firstSeen.has(id)) {
        firstSeen.set(id, order++);
      }
    });
  });
  return [...scores.entries()]
    .map(([id, score]) => ({ id, score }))
    .sort((a, b) => b.score - a.score || firstSeen.get(a.id)! - firstSeen.get(b.id)!);
}

/** The ids in order, each kept at its first (best) position. */
export function distinct(ids: readonly string[]): string[] {
  return [...new Set(ids)];
}
