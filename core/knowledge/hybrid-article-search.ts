import type { DataSource, EntityManager } from 'typeorm';
import { KbRetrievalModelRepository } from './kb-retrieval-model.repository';
import type { FullTextHit, KnowledgeSearchRepository } from './knowledge-search.repository';
import type { KnowledgeArticle } from './knowledge-article';
import {
  fitLexicalArticleIndex,
  lexicalIndexFrom,
  type LexicalArticleIndex,
  type LexicalMatch,
} from './lexical-article-index';
import { decodeLexicalModel, encodeLexicalModel } from './lexical-model.codec';
import { fuseRankings } from './rank-fusion';

/** One article in the fused ranking, with what each retriever said about it. */
export interface RankedArticle {
  article: KnowledgeArticle;
  fusedScore: number;
  lexical: LexicalMatch | null;
  fullText: FullTextHit | null;
}

export interface ArticleSearchResult {
  /** Distinct articles, best first. */
  ranked: RankedArticle[];
  /** The tenant's fitted lexical model, for scoring passages and the question's words. */
  index: LexicalArticleIndex;
  /** The full-text ranking as the database returned it. */
  fullText: FullTextHit[];
}

/**
 * The fusion, tuned on the development data: the n-gram ranking leads, and full-text search adds candidates and
 * reorders the ranks below the first (with k = 1 and this weight it cannot overturn the n-gram model's first article;
 * whether it agrees is a feature of the answerability score). On CovidFAQ an OR-query ranked by ts_rank, which knows
 * no idf, reaches 0.28 hit@1 against the n-gram model's 0.70, and an equal-weight fusion (k = 60) fell to 0.46.
 */
export const LEXICAL_FUSION_WEIGHT = 1;
export const FULL_TEXT_FUSION_WEIGHT = 0.3;
export const FUSION_K = 1;
/** Candidates taken from each retriever before fusing. */
const CANDIDATES = 20;
const DEFAULT_CACHED_TENANTS = 200;

interface CachedIndex {
  fingerprint: string;
  index: Promise<LexicalArticleIndex>;
}

/**
 * Hybrid lexical retrieval over whole articles: PostgreSQL full-text search (title above body) and the tenant's
 * fitted TF-IDF model over word and character n-grams, fused by reciprocal rank and deduplicated by article. Each
 * search costs one round trip, which also returns the knowledge base's fingerprint: the fitted model is loaded (or,
 * when the stored one is stale, refitted and stored) only when that fingerprint changed.
 */
export class HybridArticleSearch {
  private readonly cache = new Map<string, CachedIndex>();
  private readonly models: KbRetrievalModelRepository;

  constructor(
    private readonly fullText: KnowledgeSearchRepository,
    private readonly maxCachedTenants = DEFAULT_CACHED_TENANTS,
  ) {
    this.models = new KbRetrievalModelRepository(fullText.db);
  }

  async search(tenantId: string, question: string, limit: number): Promise<ArticleSearchResult> {
    const { fingerprint, hits } = await this.fullText.searchArticles(tenantId, question, CANDIDATES);
    const index = await this.indexFor(tenantId, fingerprint);
    const lexical = index.search(question).slice(0, CANDIDATES);
    const byId = new Map(index.articles.map((article) => [article.id, article]));
    const lexicalById = new Map(lexical.map((match) => [match.articleId, match]));
    const fullTextById = new Map(hits.map((hit) => [hit.articleId, hit]));
    const fused = fuseRankings(
      [
        { ids: lexical.map((match) => match.articleId), weight: LEXICAL_FUSION_WEIGHT },
        { ids: hits.map((hit) => hit.articleId), weight: FULL_TEXT_FUSION_WEIGHT },
      ],
      FUSION_K,
    );
    const ranked = fused
      // An article the full-text search saw but the cached model does not know was published a moment ago.
      .filter(({ id }) => byId.has(id))
      .slice(0, limit)
      .map(({ id, score }) => ({
        article: byId.get(id)!,
        fusedScore: score,
        lexical: lexicalById.get(id) ?? null,
        fullText: fullTextById.get(id) ?? null,
      }));
    return { ranked, index, fullText: hits };
  }

  private async indexFor(tenantId: string, fingerprint: string): Promise<LexicalArticleIndex> {
    const cached = this.cache.get(tenantId);
    this.cache.delete(tenantId);
    // Concurrent calls share one load; a failed load is not kept, so the next call tries again.
    const entry =
      cached?.fingerprint === fingerprint ? cached : { fingerprint, index: loadOrFit(this.models, tenantId) };
    this.cache.set(tenantId, entry);
    while (this.cache.size > this.maxCachedTenants) {
      this.cache.delete(this.cache.keys().next().value as string);
    }
    try {
      return await entry.index;
    } catch (error) {
      if (this.cache.get(tenantId) === entry) {
        this.cache.delete(tenantId);
      }
      throw error;
    }
  }
}

/** The stored model when it was fitted on exactly the current articles; otherwise a fresh fit, stored. */
async function loadOrFit(models: KbRetrievalModelRepository, tenantId: string): Promise<LexicalArticleIndex> {
  const snapshot = await models.snapshot(tenantId);
  const stored = await models.find(tenantId);
  if (stored?.fingerprint === snapshot.fingerprint) {
    const decoded = decodeLexicalModel(stored.params);
    if (decoded) {
      return lexicalIndexFrom(decoded.settings, decoded.wordBlock, decoded.charBlock, snapshot.articles);
    }
  }
  const index = fitLexicalArticleIndex(snapshot.articles);
  await models.save(tenantId, snapshot.fingerprint, snapshot.articles.length, encodeLexicalModel(index));
  return index;
}

/**
 * Refits and stores a tenant's lexical model from its current published articles; called after an article is
 * created, edited or deleted, so the next question does not pay for the fit.
 */
export async function refitRetrievalModel(db: DataSource | EntityManager, tenantId: string): Promise<void> {
  const models = new KbRetrievalModelRepository(db);
  const snapshot = await models.snapshot(tenantId);
  const index = fitLexicalArticleIndex(snapshot.articles);
  await models.save(tenantId, snapshot.fingerprint, snapshot.articles.length, encodeLexicalModel(index));
}
