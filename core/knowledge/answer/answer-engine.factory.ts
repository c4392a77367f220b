import type { DataSource } from 'typeorm';
import type { AppConfig } from '../../platform/config/app-config';
import type { RetrieverSettings } from '../../platform/config/retriever-settings';
import { createEmbeddings, embeddingsModelName } from '../../platform/llm/embeddings.factory';
import { KnowledgeSearchRepository } from '../knowledge-search.repository';
import { HybridArticleSearch } from '../hybrid-article-search';
import { EmbeddingArticleRanker } from '../embeddings/embedding-article.ranker';
import type { AnswerEngine } from './ai-answer';
import { chatModelName, createChatModel } from '../../platform/llm/chat-model.factory';
import { ExtractiveAnswerEngine } from './extractive-answer.engine';
import { LlmAnswerEngine } from './llm-answer.engine';

type Logger = { warn(message: string): void };

/** Chooses the answer engine from configuration: offline by default, or an LLM through LangChain. */
export function createAnswerEngine(
  ai: AppConfig['ai'],
  dataSource: DataSource,
  logger: Logger = console,
): AnswerEngine {
  const search = createArticleSearch(ai.retriever, dataSource, logger);
  const offline = new ExtractiveAnswerEngine(search);
  if (ai.provider === 'offline') {
    return offline;
  }
  return new LlmAnswerEngine(createChatModel(ai), search, offline, chatModelName(ai), ai.timeoutMs);
}

/** The knowledge-base search KB_RETRIEVER chooses: lexical, or lexical fused with an embeddings ranking. */
export function createArticleSearch(
  retriever: RetrieverSettings,
  dataSource: DataSource,
  logger: Logger = console,
): HybridArticleSearch {
  const fullText = new KnowledgeSearchRepository(dataSource);
  if (retriever.kind === 'lexical') {
    return new HybridArticleSearch(fullText, { logger });
  }
  const semantic = new EmbeddingArticleRanker(dataSource, createEmbeddings(retriever.embeddings), {
    model: embeddingsModelName(retriever.embeddings),
    timeoutMs: retriever.embeddings.timeoutMs,
  });
  return new HybridArticleSearch(fullText, { semantic, logger });
}
