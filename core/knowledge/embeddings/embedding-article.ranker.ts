import type { EmbeddingsInterface } from '@langchain/core/embeddings';
import type { DataSource, EntityManager } from 'typeorm';
import { FingerprintCache } from '../fingerprint-cache';
import { KbRetrievalModelRepository } from '../kb-retrieval-model.repository';
import type { SemanticArticleRanker, SemanticMatch } from '../semantic-article-ranker';
import { ArticleEmbeddingIndex } from './article-embedding.index';
import { embeddingPassages } from './embedding-passages';
import { KbChunkEmbeddingRepository } from './kb-chunk-embedding.repository';

export interface EmbeddingRankerOptions {
  /** `provider:model`; stored beside each vector, so vectors of another model are never compared. */
  model: string;
  /** A question whose embedding (or whose knowledge base's sync) takes longer than this fails over to lexical. */
  timeoutMs: number;
  maxCachedTenants?: number;
}

/**
 * Ranks a tenant's articles by the cosine of the question's embedding to their passages' embeddings. The passage
 * vectors live in PostgreSQL; when the knowledge base's fingerprint changes (an article created, edited or deleted)
 * the next question syncs them, embedding only passages whose text is new, and keeps them in memory until the next
 * change.
 */
export class EmbeddingArticleRanker implements SemanticArticleRanker {
  private readonly cache: FingerprintCache<ArticleEmbeddingIndex>;

  constructor(
    private readonly db: DataSource,
    private readonly embeddings: EmbeddingsInterface,
    private readonly options: EmbeddingRankerOptions,
  ) {
    this.cache = new FingerprintCache(options.maxCachedTenants ?? 200);
  }

  get name(): string {
    return this.options.model;
  }

  async rank(tenantId: string, fingerprint: string, question: string, limit: number): Promise<SemanticMatch[]> {
    const [index, vector] = await withTimeout(
      Promise.all([
        this.cache.get(tenantId, fingerprint, () =>
          syncArticleEmbeddings(this.db, this.embeddings, this.options.model, tenantId),
        ),
        this.embeddings.embedQuery(question),
      ]),
      this.options.timeoutMs,
    );
    return index.rank(vector, limit);
  }
}

/**
 * Brings the stored passage vectors of a tenant in line with its published articles: embeds the passages not yet
 * stored for this model (one batched call), deletes those no longer current, and returns the index of the current
 * ones. Safe to run concurrently with itself.
 */
export async function syncArticleEmbeddings(
  db: DataSource | EntityManager,
  embeddings: EmbeddingsInterface,
  model: string,
  tenantId: string,
): Promise<ArticleEmbeddingIndex> {
  const { articles } = await new KbRetrievalModelRepository(db).snapshot(tenantId);
  const vectors = new KbChunkEmbeddingRepository(db);
  const wanted = articles.flatMap(embeddingPassages);
  const stored = new Map((await vectors.list(tenantId, model)).map((row) => [key(row), row.embedding]));
  const missing = wanted.filter((passage) => !stored.has(key(passage)));
  if (missing.length > 0) {
    const embedded = await embeddings.embedDocuments(missing.map((passage) => passage.text));
    if (embedded.length !== missing.length) {
      throw new Error(`The embeddings model returned ${embedded.length} vectors for ${missing.length} texts`);
    }
    const rows = missing.map((passage, i) => ({ ...passage, embedding: embedded[i] }));
    await vectors.insert(tenantId, model, rows);
    rows.forEach((row) => stored.set(key(row), row.embedding));
  }
  if (stored.size > wanted.length) {
    await vectors.deleteExcept(tenantId, model, wanted);
  }
  return new ArticleEmbeddingIndex(
    wanted.map((passage) => ({ articleId: passage.articleId, embedding: stored.get(key(passage))! })),
  );
}

function key({ articleId, contentHash }: { articleId: string; contentHash: string }): string {
  return `${articleId}:${contentHash}`;
}

async function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Embeddings took longer than ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
