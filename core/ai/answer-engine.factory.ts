import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import { ChatAnthropic } from '@langchain/anthropic';
import { ChatOllama } from '@langchain/ollama';
import { ChatOpenAI } from '@langchain/openai';
import type { DataSource } from 'typeorm';
import type { AiProvider, AppConfig } from '../config/app-config';
import { KnowledgeSearchRepository } from '../db/repositories/knowledge-search.repository';
import type { AnswerEngine } from './ai-answer';
import { ExtractiveAnswerEngine } from './extractive-answer.engine';
import { LlmAnswerEngine } from './llm-answer.engine';

type LlmProvider = Exclude<AiProvider, 'offline'>;

/** The model each vendor uses when AI_MODEL is not set (Ollama has none: config requires AI_MODEL). */
const DEFAULT_MODELS: Record<LlmProvider, string> = {
  openai: 'gpt-4o-mini',
  anthropic: 'claude-3-5-haiku-latest',
  ollama: 'llama3.1',
};

/** Chooses the answer engine from configuration: offline by default, or an LLM through LangChain. */
export function createAnswerEngine(ai: AppConfig['ai'], dataSource: DataSource): AnswerEngine {
  const search = new KnowledgeSearchRepository(dataSource);
  const offline = new ExtractiveAnswerEngine(search);
  if (ai.provider === 'offline') {
    return offline;
  }
  const model = ai.model ?? DEFAULT_MODELS[ai.provider];
  return new LlmAnswerEngine(createChatModel(ai), search, offline, `${ai.provider}:${model}`, ai.timeoutMs);
}

export function createChatModel(ai: AppConfig['ai']): BaseChatModel {
  switch (ai.provider) {
    case 'openai':
      return new ChatOpenAI({
        model: ai.model ?? DEFAULT_MODELS.openai,
        apiKey: ai.apiKey?.reveal(),
        temperature: 0,
        maxRetries: ai.maxRetries,
        configuration: ai.baseUrl ? { baseURL: ai.baseUrl } : undefined,
      });
    case 'anthropic':
      return new ChatAnthropic({
        model: ai.model ?? DEFAULT_MODELS.anthropic,
        apiKey: ai.apiKey?.reveal(),
        temperature: 0,
        maxRetries: ai.maxRetries,
        anthropicApiUrl: ai.baseUrl,
      });
    case 'ollama':
      // ChatOllama streams through the ollama client and never goes through LangChain's retrying caller,
      // so maxRetries is accepted but has no effect on it.
      return new ChatOllama({
        model: ai.model ?? DEFAULT_MODELS.ollama,
        baseUrl: ai.baseUrl,
        temperature: 0,
        maxRetries: ai.maxRetries,
      });
    case 'offline':
      throw new Error('The offline provider has no chat model');
  }
}
