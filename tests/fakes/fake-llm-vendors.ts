import { startFakeAnthropic } from './anthropic.fake-server';
import type { FakeLlmServer } from './fake-llm.server';
import { startFakeOllama } from './ollama.fake-server';
import { startFakeOpenAi } from './openai.fake-server';

export const OPENAI_TEST_KEY = 'sk-test-openai';
export const ANTHROPIC_TEST_KEY = 'sk-ant-test';
/** The one model the fake Ollama has pulled. */
export const OLLAMA_TEST_MODEL = 'llama3.1:8b';

/** A fake LLM vendor, and the environment that points the app's AI config at a running one. */
export interface FakeVendor {
  name: 'openai' | 'anthropic' | 'ollama';
  start(): Promise<FakeLlmServer>;
  env(url: string): Record<string, string>;
}

export const FAKE_VENDORS = {
  openai: {
    name: 'openai',
    start: () => startFakeOpenAi({ apiKey: OPENAI_TEST_KEY }),
    env: (url) => ({ AI_PROVIDER: 'openai', OPENAI_API_KEY: OPENAI_TEST_KEY, OPENAI_BASE_URL: `${url}/v1` }),
  },
  anthropic: {
    name: 'anthropic',
    start: () => startFakeAnthropic({ apiKey: ANTHROPIC_TEST_KEY }),
    env: (url) => ({ AI_PROVIDER: 'anthropic', ANTHROPIC_API_KEY: ANTHROPIC_TEST_KEY, ANTHROPIC_BASE_URL: url }),
  },
  ollama: {
    name: 'ollama',
    start: () => startFakeOllama({ models: [OLLAMA_TEST_MODEL] }),
    env: (url) => ({ AI_PROVIDER: 'ollama', AI_MODEL: OLLAMA_TEST_MODEL, OLLAMA_BASE_URL: url }),
  },
} satisfies Record<FakeVendor['name'], FakeVendor>;
