import { parseArticle } from './article-blocks';
import type { KnowledgeArticle } from './knowledge-article';
import { splitSentences } from './sentences';

/** How many of an article's best-matching sentences of other articles make up its hubness. */
export const HUBNESS_NEIGHBOURS = 20;
/**
 * Scoring one sentence costs about one question's search, which grows with the knowledge base: at most this many
 * sentence-article pairs are scored (but at least MIN_PSEUDO_QUESTIONS sentences, evenly spread over the articles).
 * CovidFAQ's 307 sentences are all scored.
 */
const PAIR_BUDGET = 40_000;
const MIN_PSEUDO_QUESTIONS = 100;

/**
 * How much each article attracts text that is not about it: the mean of its HUBNESS_NEIGHBOURS best scores against
 * the sentences of the other articles, standing in for questions about those articles. A short, generic title
 * ("What is a coronavirus?", "A cash machine kept my card") shares a common word with half the knowledge base and
 * wins every question that uses that word; subtracting part of this from its score (cross-domain similarity local
 * scaling, CSLS) leaves it first only where it matches better than it matches everything. `score` rates one text
 * against every article (by position), or returns null for a text without features.
 */
export function articleHubness(
  articles: readonly KnowledgeArticle[],
  score: (text: string) => ArrayLike<number> | null,
): Float64Array {
  const pseudo = articles.flatMap((article, owner) => sentencesOf(article.body).map((text) => ({ owner, text })));
  const budget = Math.max(MIN_PSEUDO_QUESTIONS, Math.floor(PAIR_BUDGET / Math.max(1, articles.length)));
  const step = Math.max(1, pseudo.length / budget);
  const sampled = Array.from({ length: Math.min(pseudo.length, budget) }, (_, i) => pseudo[Math.floor(i * step)]);
  const scores: number[][] = articles.map(() => []);
  const othersSeen = new Float64Array(articles.length);
  for (const { owner, text } of sampled) {
    const row = score(text);
    for (let article = 0; article < articles.length; article++) {
      if (article === owner) {
        continue;
      }
      othersSeen[article]++;
      const value = row?.[article] ?? 0;
      if (value > 0) {
        scores[article].push(value);
      }
    }
  }
  return Float64Array.from(scores, (values, article) => {
    const top = values.sort((a, b) => b - a).slice(0, HUBNESS_NEIGHBOURS);
    const count = Math.min(HUBNESS_NEIGHBOURS, othersSeen[article]);
    return count === 0 ? 0 : top.reduce((sum, value) => sum + value, 0) / count;
  });
}

/** The prose sentences of a body (lists and code are not phrased like questions). */
function sentencesOf(body: string): string[] {
  return parseArticle(body).flatMap((section) =>
    section.blocks.filter((block) => block.kind === 'paragraph').flatMap((block) => splitSentences(block.text)),
  );
}
