import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import { ChatAnthropic } from '@langchain/anthropic';
import { ChatOllama } from '@langchain/ollama';
import { ChatOpenAI } from '@langchain/openai';
import type { AiProvider, AppConfig } from '../config/app-config';

type LlmProvider = Exclude<AiProvider, 'offline'>;

/** The model each vendor uses when AI_MODEL is not set (Ollama has none: config requires AI_MODEL). */
const DEFAULT_MODELS: Record<LlmProvider, string> = {
  openai: 'gpt-4o-mini',
  anthropic: 'claude-3-5-haiku-latest',
  ollama: 'llama3.1',
};

/** `provider:model`, e.g. `openai:gpt-4o-mini`: how answers and logs name the model that produced them. */
export function chatModelName(ai: AppConfig['ai']): string {
  return ai.provider === 'offline' ? 'offline' : `${ai.provider}:${ai.model ?? DEFAULT_MODELS[ai.provider]}`;
}

/** The configured vendor's LangChain chat model, deterministic (temperature 0) and with the configured retries. */
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
