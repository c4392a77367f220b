import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import { ChatAnthropic } from '@langchain/anthropic';
import { ChatOllama } from '@langchain/ollama';
import { ChatOpenAI } from '@langchain/openai';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '../config/app-config';
import { KnowledgeSearchRepository } from '../db/repositories/knowledge-search.repository';
import type { AnswerEngine } from './ai-answer';
import { ExtractiveAnswerEngine } from './extractive-answer.engine';
import { LlmAnswerEngine } from './llm-answer.engine';

/** Chooses the answer engine from configuration: offline by default, or an LLM through LangChain. */
export function createAnswerEngine(ai: AppConfig['ai'], dataSource: DataSource): AnswerEngine {
  const search = new KnowledgeSearchRepository(dataSource);
  const offline = new ExtractiveAnswerEngine(search);
  if (ai.provider === 'offline') {
    return offline;
  }
  return new LlmAnswerEngine(createChatModel(ai), search, offline, `${ai.provider}:${ai.model ?? 'default'}`);
}

export function createChatModel(ai: AppConfig['ai']): BaseChatModel {
  switch (ai.provider) {
    case 'openai':
      return new ChatOpenAI({
        model: ai.model ?? 'gpt-4o-mini',
        apiKey: ai.apiKey?.reveal(),
        temperature: 0,
        configuration: ai.baseUrl ? { baseURL: ai.baseUrl } : undefined,
      });
    case 'anthropic':
      return new ChatAnthropic({
        model: ai.model ?? 'claude-3-5-haiku-latest',
        apiKey: ai.apiKey?.reveal(),
        temperature: 0,
        anthropicApiUrl: ai.baseUrl,
      });
    case 'ollama':
      return new ChatOllama({ model: ai.model ?? 'llama3.1', baseUrl: ai.baseUrl, temperature: 0 });
    case 'offline':
      throw new Error('The offline provider has no chat model');
  }
}
