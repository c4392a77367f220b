import type { DataSource } from 'typeorm';
import type { AppConfig } from '../../platform/config/app-config';
import { KnowledgeSearchRepository } from '../knowledge-search.repository';
import { HybridArticleSearch } from '../hybrid-article-search';
import type { AnswerEngine } from './ai-answer';
import { chatModelName, createChatModel } from '../../platform/llm/chat-model.factory';
import { ExtractiveAnswerEngine } from './extractive-answer.engine';
import { LlmAnswerEngine } from './llm-answer.engine';

/** Chooses the answer engine from configuration: offline by default, or an LLM through LangChain. */
export function createAnswerEngine(ai: AppConfig['ai'], dataSource: DataSource): AnswerEngine {
  const search = new HybridArticleSearch(new KnowledgeSearchRepository(dataSource));
  const offline = new ExtractiveAnswerEngine(search);
  if (ai.provider === 'offline') {
    return offline;
  }
  return new LlmAnswerEngine(createChatModel(ai), search, offline, chatModelName(ai), ai.timeoutMs);
}
