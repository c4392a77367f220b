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
import { FingerprintCache } from './fingerprint-cache';
import { fuseRankings, type Ranking } from './rank-fusion';
import type { SemanticArticleRanker, SemanticMatch } from './semantic-article-ranker';

/** One article in the fused ranking, with what each retriever said about it. */
export interface RankedArticle {
  article: KnowledgeArticle;
  fusedScore: number;
  lexical: LexicalMatch | null;
  fullText: FullTextHit | null;
  /** What the embeddings retriever said, when one is configured and answered. */
  semantic: SemanticMatch | null;
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
/**
 * An embeddings ranking counts as much as the n-gram one and is listed first, so where the two disagree on the
 * first article, the embeddings model's wins the tie: it also matches questions that share no words with the
 * article. Whether to answer stays the answerability score's decision, fitted on lexical features (not yet on
 * embeddings: no embeddings model was available to measure it with).
 */
export const SEMANTIC_FUSION_WEIGHT = 1;
/** Candidates taken from each retriever before fusing. */
const CANDIDATES = 20;
const DEFAULT_CACHED_TENANTS = 200;

export interface HybridSearchOptions {
  maxCachedTenants?: number;
  /** An embeddings ranking fused with the lexical ones (KB_RETRIEVER=embeddings). */
  semantic?: SemanticArticleRanker;
  /** Where a failed embeddings ranking is reported; the question is then answered by lexical retrieval alone. */
  logger?: { warn(message: string): void };
}

/**
 * Hybrid retrieval over whole articles: PostgreSQL full-text search (title above body) and the tenant's fitted
 * TF-IDF model over word and character n-grams (plus, when configured, an embeddings ranking), fused by reciprocal
 * rank and deduplicated by article. Each search costs one round trip, which also returns the knowledge base's
 * fingerprint: the fitted model is loaded (or, when the stored one is stale, refitted and stored) only when that
 * fingerprint changed. A failing embeddings ranking is logged and left out, never failing the search.
 */
export class HybridArticleSearch {
  private readonly cache: FingerprintCache<LexicalArticleIndex>;
  private readonly models: KbRetrievalModelRepository;
  private readonly semantic?: SemanticArticleRanker;
  private readonly logger: { warn(message: string): void };

  constructor(
    private readonly fullText: KnowledgeSearchRepository,
    { maxCachedTenants = DEFAULT_CACHED_TENANTS, semantic, logger = console }: HybridSearchOptions = {},
  ) {
    this.models = new KbRetrievalModelRepository(fullText.db);
    this.cache = new FingerprintCache(maxCachedTenants);
    this.semantic = semantic;
    this.logger = logger;
  }

  async search(tenantId: string, question: string, limit: number): Promise<ArticleSearchResult> {
    const { fingerprint, hits } = await this.fullText.searchArticles(tenantId, question, CANDIDATES);
    const [index, semantic] = await Promise.all([
      this.cache.get(tenantId, fingerprint, () => loadOrFit(this.models, tenantId)),
      this.semanticRanking(tenantId, fingerprint, question),
    ]);
    const lexical = index.search(question).slice(0, CANDIDATES);
    const byId = new Map(index.articles.map((article) => [article.id, article]));
    const lexicalById = new Map(lexical.map((match) => [match.articleId, match]));
    const fullTextById = new Map(hits.map((hit) => [hit.articleId, hit]));
    const semanticById = new Map(semantic.map((match) => [match.articleId, match]));
    const rankings: Ranking[] = [
      { ids: semantic.map((match) => match.articleId), weight: SEMANTIC_FUSION_WEIGHT },
      { ids: lexical.map((match) => match.articleId), weight: LEXICAL_FUSION_WEIGHT },
      { ids: hits.map((hit) => hit.articleId), weight: FULL_TEXT_FUSION_WEIGHT },
    ];
    const fused = fuseRankings(rankings, FUSION_K);
    const ranked = fused
      // An article the full-text search saw but the cached model does not know was published a moment ago.
      .filter(({ id }) => byId.has(id))
      .slice(0, limit)
      .map(({ id, score }) => ({
        article: byId.get(id)!,
        fusedScore: score,
        lexical: lexicalById.get(id) ?? null,
        fullText: fullTextById.get(id) ?? null,
        semantic: semanticById.get(id) ?? null,
      }));
    return { ranked, index, fullText: hits };
  }

  private async semanticRanking(tenantId: string, fingerprint: string, question: string): Promise<SemanticMatch[]> {
    if (!this.semantic) {
      return [];
    }
    try {
      return await this.semantic.rank(tenantId, fingerprint, question, CANDIDATES);
    } catch (error) {
      const reason = (error instanceof Error ? error.message : String(error)).split('\n')[0].slice(0, 200);
      this.logger.warn(
        `Embeddings retrieval (${this.semantic.name}) failed for tenant ${tenantId}; answering from lexical retrieval: ${reason}`,
      );
      return [];
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
      return lexicalIndexFrom(
        decoded.settings,
        decoded.wordBlock,
        decoded.charBlock,
        snapshot.articles,
        decoded.hubness,
      );
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
