import type { EmbeddingsInterface } from '@langchain/core/embeddings';
import { OllamaEmbeddings } from '@langchain/ollama';
import { OpenAIEmbeddings } from '@langchain/openai';
import type { EmbeddingsSettings } from '../config/retriever-settings';

/** `provider:model`, e.g. `openai:text-embedding-3-small`: the name stored beside each vector. */
export function embeddingsModelName(settings: EmbeddingsSettings): string {
  return `${settings.provider}:${settings.model}`;
}

/** The configured vendor's LangChain embeddings client, with the configured timeout and retries. */
export function createEmbeddings(settings: EmbeddingsSettings): EmbeddingsInterface {
  switch (settings.provider) {
    case 'openai':
      return new OpenAIEmbeddings({
        model: settings.model,
        apiKey: settings.apiKey?.reveal(),
        timeout: settings.timeoutMs,
        maxRetries: settings.maxRetries,
        configuration: settings.baseUrl ? { baseURL: settings.baseUrl } : undefined,
      });
    case 'ollama':
      // The ollama client has no timeout of its own; the retriever bounds the question's embedding itself.
      return new OllamaEmbeddings({
        model: settings.model,
        baseUrl: settings.baseUrl,
        maxRetries: settings.maxRetries,
      });
  }
}
