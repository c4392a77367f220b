import { createAnswerEngine } from '../../core/knowledge/answer/answer-engine.factory';
import { ExtractiveAnswerEngine } from '../../core/knowledge/answer/extractive-answer.engine';
import { loadConfig } from '../../core/platform/config/app-config';
import { KnowledgeSearchRepository } from '../../core/knowledge/knowledge-search.repository';
import type { FakeVendor } from '../fakes/fake-llm-vendors';
import type { TestStack } from './test-stack';

/**
 * The product's answer engine as configuration builds it, pointed at a fake vendor running at `url`, with
 * LangChain's retries off unless `env` says otherwise.
 */
export function answerEngineFor(
  stack: TestStack,
  vendor: Pick<FakeVendor, 'env'>,
  url: string,
  env: Record<string, string> = {},
) {
  const config = loadConfig({
    DATABASE_URL: stack.config.databaseUrl,
    VISITOR_TOKEN_SECRET: 'not-used-here',
    AI_MAX_RETRIES: '0',
    ...vendor.env(url),
    ...env,
  });
  return createAnswerEngine(config.ai, stack.dataSource);
}

/** The offline engine on the stack's database, for comparing a fallback's answer with. */
export const offlineAnswerEngine = (stack: TestStack) =>
  new ExtractiveAnswerEngine(new KnowledgeSearchRepository(stack.dataSource));
