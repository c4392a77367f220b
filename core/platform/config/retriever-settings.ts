import type { EnvReader } from './env-reader';
import { Secret } from './secret';

export const KB_RETRIEVERS = ['lexical', 'embeddings'] as const;
export const EMBEDDINGS_PROVIDERS = ['openai', 'ollama'] as const;
export type EmbeddingsProvider = (typeof EMBEDDINGS_PROVIDERS)[number];

/** The model each embeddings vendor uses when EMBEDDINGS_MODEL is not set (Ollama has none: it is required). */
export const DEFAULT_EMBEDDINGS_MODELS: Record<EmbeddingsProvider, string | undefined> = {
  openai: 'text-embedding-3-small',
  ollama: undefined,
};

export interface EmbeddingsSettings {
  provider: EmbeddingsProvider;
  model: string;
  apiKey?: Secret;
  /** The vendor's endpoint: OpenAI's `…/v1` (or a compatible server), Ollama's origin. */
  baseUrl?: string;
  /** A question's embedding slower than this is given up, and the question is answered by lexical retrieval alone. */
  timeoutMs: number;
  maxRetries: number;
}

/**
 * How the knowledge base is searched: `lexical` (full-text search fused with the tenant's n-gram model, offline)
 * or `embeddings`, which adds a ranking by embedding similarity to the same fusion.
 */
export type RetrieverSettings = { kind: 'lexical' } | { kind: 'embeddings'; embeddings: EmbeddingsSettings };

/** Reads KB_RETRIEVER and, when it is `embeddings`, the EMBEDDINGS_* settings, reporting every problem to `read`. */
export function readRetrieverSettings(read: EnvReader): RetrieverSettings {
  const kind = read.oneOf('KB_RETRIEVER', KB_RETRIEVERS, 'lexical');
  if (kind === 'lexical') {
    return { kind };
  }
  const provider = read.oneOf('EMBEDDINGS_PROVIDER', EMBEDDINGS_PROVIDERS, 'openai');
  if (read.optionalString('EMBEDDINGS_PROVIDER') === undefined) {
    read.problems.push(
      `EMBEDDINGS_PROVIDER (${EMBEDDINGS_PROVIDERS.join(' or ')}) is required when KB_RETRIEVER is embeddings`,
    );
  }
  const model = read.optionalString('EMBEDDINGS_MODEL') ?? DEFAULT_EMBEDDINGS_MODELS[provider];
  if (model === undefined) {
    read.problems.push(`EMBEDDINGS_MODEL is required when EMBEDDINGS_PROVIDER is ${provider}`);
  }
  const apiKey = read.optionalString('EMBEDDINGS_API_KEY');
  if (provider === 'openai' && apiKey === undefined) {
    read.problems.push('EMBEDDINGS_API_KEY is required when EMBEDDINGS_PROVIDER is openai');
  }
  const baseUrl = read.optionalString('EMBEDDINGS_BASE_URL');
  if (baseUrl !== undefined && !isHttpUrl(baseUrl)) {
    read.problems.push(`EMBEDDINGS_BASE_URL must be an http(s) URL, got "${baseUrl}"`);
  }
  return {
    kind,
    embeddings: {
      provider,
      model: model ?? '',
      apiKey: apiKey === undefined ? undefined : new Secret(apiKey),
      baseUrl,
      timeoutMs: read.number('EMBEDDINGS_TIMEOUT_MS', 10_000, { min: 100, integer: true }),
      maxRetries: read.number('EMBEDDINGS_MAX_RETRIES', 2, { min: 0, max: 10, integer: true }),
    },
  };
}

function isHttpUrl(text: string): boolean {
  try {
    return ['http:', 'https:'].includes(new URL(text).protocol);
  } catch {
    return false;
  }
}
