import { chatModelName, createChatModel } from '../platform/llm/chat-model.factory';
import type { AppConfig } from '../platform/config/app-config';
import { FallbackTopicClassifier } from './fallback-topic-classifier';
import { LlmTopicClassifier } from './llm-topic-classifier';
import type { TopicCategoriesLookup } from './topic-categories';
import type { TopicClassifier } from './triage.types';

/**
 * Chooses the topic classifier from configuration: the tenant's offline model by default, or the configured LLM
 * with the offline model answering whenever the LLM fails. The LLM validates its own answer against the tenant's
 * categories, so the fallback is not given the lookup (that would read the categories twice per message).
 */
export function createTopicClassifier(
  ai: AppConfig['ai'],
  offline: TopicClassifier,
  categories: TopicCategoriesLookup,
  logger?: { warn(message: string): void },
): TopicClassifier {
  if (ai.provider === 'offline') {
    return offline;
  }
  const llm = new LlmTopicClassifier(createChatModel(ai), categories, { timeoutMs: ai.timeoutMs });
  return new FallbackTopicClassifier(llm, offline, { primaryName: chatModelName(ai), logger });
}
