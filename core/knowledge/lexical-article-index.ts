import type { FeatureSettings } from '../triage/classifier/feature-settings';
import type { SparseVector } from '../triage/classifier/sparse-vector';
import { fitTfidfVectorizer, TfidfVectorizer, type TermBlock } from '../triage/classifier/tfidf-vectorizer';
import { wordsOf } from '../triage/classifier/tokenizer';
import { articleHubness } from './article-hubness';
import { FUNCTION_WORDS, QUESTION_PHRASE_WORDS } from './function-words';
import type { KnowledgeArticle } from './knowledge-article';
import { stem } from './word-stem';

/**
 * Word uni- and bigrams plus character 3–5-grams inside words (so typos and inflections still share features), the
 * words counting twice as much as the characters (tuned on the development data: 0.70 hit@1 against 0.61 for equal
 * weights on CovidFAQ).
 */
export const LEXICAL_FEATURES: FeatureSettings = {
  wordNgramRange: [1, 2],
  charNgramRange: [3, 5],
  sublinearTf: true,
  wordWeight: 2,
  charWeight: 1,
};

/**
 * The idf of word n-grams made only of function words ("how do i", "where did") is multiplied by this in a knowledge
 * base of topic titles ("Prices and passes"): there they look rare and match every question phrased the same way
 * (on the committed test fixture the first article was right for 3 of 8 questions undamped, 8 of 8 damped; on the
 * banking help centre 0.62 against 0.82 hit@1). Character n-grams are left alone.
 */
const FUNCTION_WORD_DAMPING = 0.1;
/**
 * Where most titles are questions (an FAQ), how a question is asked is part of what each title says ("Where did
 * it come from?" against "What is it?"), and the damping fades out: it is FUNCTION_WORD_DAMPING up to this share of
 * question titles and 1 (none) from QUESTION_TITLES_FULL on. CovidFAQ (96% question titles) gains 0.08 hit@1 undamped.
 */
const QUESTION_TITLES_DAMPED = 0.5;
const QUESTION_TITLES_FULL = 0.9;

/** How much the similarity to the title (the question an FAQ entry answers) counts next to the whole article. */
const TITLE_SHARE = 0.75;

/**
 * How much of an article's hubness (article-hubness.ts) its score loses when ranking. On the development data:
 * CovidFAQ 0.706 → 0.739 hit@1, the banking help centre and the committed fixture unchanged (0.820, 8 of 8).
 */
const HUBNESS_WEIGHT = 0.5;

export interface LexicalMatch {
  articleId: string;
  /** 0..1: TITLE_SHARE × cosine to the title + the rest × cosine to title and body. */
  score: number;
  /** What the ranking sorts by: the score less HUBNESS_WEIGHT × the article's hubness. */
  ranking: number;
  /** Cosine to the title alone. */
  title: number;
  /** Cosine to the title and body together. */
  whole: number;
}

/** What the fitted vocabulary says about a question's words, for the answerability score. */
export interface QueryTermProfile {
  /** Sum of the question words' idf, counting unknown words at the idf of a word no article uses. */
  totalWeight: number;
  /** The share of that weight carried by words the knowledge base never uses. */
  unknownShare: number;
  /** Known question word stems with their idf. */
  known: Map<string, number>;
  /** How many distinct content words the question has. */
  words: number;
}

interface ArticleVectors {
  whole: SparseVector;
  title: SparseVector;
  wholeNorm: number;
  titleNorm: number;
}

/**
 * A tenant's fitted lexical model: TF-IDF over word and character n-grams learned from its own articles, scoring
 * each article against a question. Fitting is deterministic in the articles (sorted by id), so a stored model and a
 * refitted one agree.
 */
export class LexicalArticleIndex {
  private readonly vectors: ArticleVectors[];
  private readonly postings = new Map<number, { article: number; whole: number; title: number }[]>();
  private readonly wordIdf: Map<string, number>;
  private readonly unknownIdf: number;
  private readonly hubness: Float64Array;

  /** `hubness` by article id, as stored with a fitted model; computed when not given (or not for every article). */
  constructor(
    readonly vectorizer: TfidfVectorizer,
    readonly articles: readonly KnowledgeArticle[],
    hubness?: Readonly<Record<string, number>>,
  ) {
    this.vectors = articles.map((article) => {
      const whole = vectorizer.transform(articleText(article));
      const title = vectorizer.transform(article.title);
      return { whole, title, wholeNorm: norm(whole), titleNorm: norm(title) };
    });
    this.vectors.forEach(({ whole, title }, article) => {
      const titleValues = new Map<number, number>();
      title.indices.forEach((feature, i) => titleValues.set(feature, title.values[i]));
      whole.indices.forEach((feature, i) => {
        this.posting(feature).push({ article, whole: whole.values[i], title: titleValues.get(feature) ?? 0 });
        titleValues.delete(feature);
      });
      for (const [feature, value] of titleValues) {
        this.posting(feature).push({ article, whole: 0, title: value });
      }
    });
    // Word stems with the vectoriser's smoothed idf, ln((1 + n) / (1 + df)) + 1, so inflections count as known.
    const documentFrequency = new Map<string, number>();
    for (const article of articles) {
      for (const word of stemsOf(articleText(article))) {
        documentFrequency.set(word, (documentFrequency.get(word) ?? 0) + 1);
      }
    }
    const n = articles.length;
    this.wordIdf = new Map([...documentFrequency].map(([word, df]) => [word, Math.log((1 + n) / (1 + df)) + 1]));
    this.unknownIdf = Math.log(1 + n) + 1;
    this.hubness =
      hubness && articles.every(({ id }) => typeof hubness[id] === 'number')
        ? Float64Array.from(articles, ({ id }) => hubness[id])
        : articleHubness(articles, (text) => this.similarities(text)?.score ?? null);
  }

  /** Each article's hubness by id, to store with the model. */
  hubnessById(): Record<string, number> {
    return Object.fromEntries(this.articles.map(({ id }, article) => [id, this.hubness[article]]));
  }

  /** Every article sharing a feature with the question, best first (ties by position, i.e. by article id). */
  search(question: string): LexicalMatch[] {
    const similarities = this.similarities(question);
    if (!similarities) {
      return [];
    }
    const { score, title, whole } = similarities;
    const matches: LexicalMatch[] = [];
    this.articles.forEach(({ id }, article) => {
      if (score[article] === 0) {
        return;
      }
      const ranking = score[article] - HUBNESS_WEIGHT * this.hubness[article];
      matches.push({ articleId: id, score: score[article], ranking, title: title[article], whole: whole[article] });
    });
    return matches.sort((a, b) => b.ranking - a.ranking);
  }

  /** The cosines of a text to every article's title and whole text, and their mix, by article position. */
  private similarities(text: string): { score: Float64Array; title: Float64Array; whole: Float64Array } | null {
    const query = this.vectorizer.transform(text);
    const queryNorm = norm(query);
    if (queryNorm === 0) {
      return null;
    }
    const whole = new Float64Array(this.articles.length);
    const title = new Float64Array(this.articles.length);
    query.indices.forEach((feature, i) => {
      for (const entry of this.postings.get(feature) ?? []) {
        whole[entry.article] += query.values[i] * entry.whole;
        title[entry.article] += query.values[i] * entry.title;
      }
    });
    const score = new Float64Array(this.articles.length);
    this.vectors.forEach((vectors, article) => {
      whole[article] = cosine(whole[article], queryNorm, vectors.wholeNorm);
      title[article] = cosine(title[article], queryNorm, vectors.titleNorm);
      score[article] = (1 - TITLE_SHARE) * whole[article] + TITLE_SHARE * title[article];
    });
    return { score, title, whole };
  }

  /** The question's distinct content words (function words left out) weighed by this knowledge base's idf. */
  profile(question: string): QueryTermProfile {
    const known = new Map<string, number>();
    let totalWeight = 0;
    let unknownWeight = 0;
    const words = new Set(
      wordsOf(question)
        .filter((word) => !FUNCTION_WORDS.has(word) && !QUESTION_PHRASE_WORDS.has(word))
        .map(stem),
    );
    for (const word of words) {
      const idf = this.wordIdf.get(word);
      if (idf === undefined) {
        unknownWeight += this.unknownIdf;
        totalWeight += this.unknownIdf;
      } else {
        known.set(word, idf);
        totalWeight += idf;
      }
    }
    return { totalWeight, unknownShare: totalWeight === 0 ? 1 : unknownWeight / totalWeight, known, words: words.size };
  }

  /** The question as a TF-IDF vector, to compare with passages of an article. */
  vectorise(text: string): SparseVector {
    return this.vectorizer.transform(text);
  }

  private posting(feature: number) {
    let list = this.postings.get(feature);
    if (!list) {
      list = [];
      this.postings.set(feature, list);
    }
    return list;
  }
}

/** Fits the model on the tenant's articles: one document per article, its title and body together. */
export function fitLexicalArticleIndex(articles: readonly KnowledgeArticle[]): LexicalArticleIndex {
  const sorted = [...articles].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const { vectorizer } = fitTfidfVectorizer(sorted.map(articleText), LEXICAL_FEATURES, 1);
  const { terms, idf } = vectorizer.wordBlock;
  const damping = functionWordDamping(sorted);
  const damped = Float32Array.from(terms, (term, i) =>
    term.split(' ').every((word) => FUNCTION_WORDS.has(word)) ? idf[i] * damping : idf[i],
  );
  return new LexicalArticleIndex(
    new TfidfVectorizer(vectorizer.settings, { terms, idf: damped }, vectorizer.charBlock),
    sorted,
  );
}

/** How much function-word n-grams count in this knowledge base: more, the more of its titles are questions. */
export function functionWordDamping(articles: readonly KnowledgeArticle[]): number {
  const questions = articles.filter((article) => article.title.includes('?')).length;
  const share = articles.length === 0 ? 0 : questions / articles.length;
  const fade = Math.min(
    1,
    Math.max(0, (share - QUESTION_TITLES_DAMPED) / (QUESTION_TITLES_FULL - QUESTION_TITLES_DAMPED)),
  );
  return FUNCTION_WORD_DAMPING + (1 - FUNCTION_WORD_DAMPING) * fade;
}

/** Rebuilds a stored model's index over the same articles (as returned with the model). */
export function lexicalIndexFrom(
  settings: FeatureSettings,
  wordBlock: TermBlock,
  charBlock: TermBlock,
  articles: readonly KnowledgeArticle[],
  hubness?: Readonly<Record<string, number>>,
): LexicalArticleIndex {
  const sorted = [...articles].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return new LexicalArticleIndex(new TfidfVectorizer(settings, wordBlock, charBlock), sorted, hubness);
}

/** The distinct word stems of a text. */
export function stemsOf(text: string): Set<string> {
  return new Set(wordsOf(text).map(stem));
}

export function articleText(article: KnowledgeArticle): string {
  return `${article.title}\n${article.body}`;
}

/** Cosine of two sparse vectors. */
export function sparseCosine(a: SparseVector, b: SparseVector): number {
  const values = new Map<number, number>();
  a.indices.forEach((feature, i) => values.set(feature, a.values[i]));
  let dot = 0;
  b.indices.forEach((feature, i) => {
    dot += (values.get(feature) ?? 0) * b.values[i];
  });
  return cosine(dot, norm(a), norm(b));
}

function norm(vector: SparseVector): number {
  let sum = 0;
  for (const value of vector.values) {
    sum += value * value;
  }
  return Math.sqrt(sum);
}

function cosine(dot: number, normA: number, normB: number): number {
  return normA === 0 || normB === 0 ? 0 : dot / (normA * normB);
}
