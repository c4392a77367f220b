import type { RankedArticle } from '../hybrid-article-search';
import { stemsOf, type LexicalArticleIndex, type QueryTermProfile } from '../lexical-article-index';

/**
 * What the answerability score looks at, each relative to the tenant's own knowledge base so that one set of
 * coefficients works on any FAQ: similarities are cosines in the KB's own TF-IDF space, word weights are the KB's
 * idf, and "field" features take the better of the title and the chosen passage, so that a KB whose titles are the
 * questions and one whose titles are topics ("Billing and refunds") are judged alike.
 */
export interface AnswerabilityFeatures {
  /** Cosine of the question to the better of the cited article's title and passage. */
  fieldSimilarity: number;
  /** Cosine of the question to the cited article's title and body. */
  articleSimilarity: number;
  /** How far the cited article's n-gram score is ahead of the best other article's, relative to it (0..1). */
  margin: number;
  /** Share of the question's idf weight carried by words the knowledge base never uses (0..1). */
  unknownWeight: number;
  /** Share of the question's idf weight found in the better of the title and the passage (0..1). */
  fieldCoverage: number;
  /** Share of the question's idf weight found anywhere in the cited article (0..1). */
  articleCoverage: number;
  /** 1 when full-text search finds the cited article at all. */
  fullTextFound: number;
  /** How many distinct content words the question has, as min(1, ln(1 + n) / ln(16)). */
  length: number;
}

export const FEATURE_NAMES: readonly (keyof AnswerabilityFeatures)[] = [
  'fieldSimilarity',
  'articleSimilarity',
  'margin',
  'unknownWeight',
  'fieldCoverage',
  'articleCoverage',
  'fullTextFound',
  'length',
];

/** What the retriever measured for one cited article. */
export interface CitedEvidence {
  ranked: readonly RankedArticle[];
  position: number;
  /** Text of the passage chosen from the cited article. */
  passage: string;
  /** Cosine of the question to that passage. */
  passageSimilarity: number;
}

/** The features of citing `ranked[position]` (with its chosen passage) for this question. */
export function answerabilityFeatures(
  question: string,
  { ranked, position, passage, passageSimilarity }: CitedEvidence,
  index: LexicalArticleIndex,
): AnswerabilityFeatures {
  const cited = ranked[position];
  const score = cited.lexical?.score ?? 0;
  const rival = Math.max(0, ...ranked.filter((_, i) => i !== position).map((other) => other.lexical?.score ?? 0));
  const profile = index.profile(question);
  const title = coverage(profile, [cited.article.title]);
  const inPassage = coverage(profile, [passage]);
  return {
    fieldSimilarity: Math.max(cited.lexical?.title ?? 0, passageSimilarity),
    articleSimilarity: cited.lexical?.whole ?? 0,
    margin: score > 0 ? Math.max(0, (score - rival) / score) : 0,
    unknownWeight: profile.unknownShare,
    fieldCoverage: Math.max(title, inPassage),
    articleCoverage: coverage(profile, [cited.article.title, cited.article.body]),
    fullTextFound: cited.fullText ? 1 : 0,
    length: Math.min(1, Math.log(1 + profile.words) / Math.log(16)),
  };
}

/** The share of the question's idf weight (unknown words included) whose words occur in the texts. */
function coverage(profile: QueryTermProfile, texts: string[]): number {
  if (profile.totalWeight === 0) {
    return 0;
  }
  const present = stemsOf(texts.join('\n'));
  let found = 0;
  for (const [word, idf] of profile.known) {
    if (present.has(word)) {
      found += idf;
    }
  }
  return found / profile.totalWeight;
}
