import { createHash } from 'node:crypto';
import { FakeLlmServer, sendJson, type RecordedRequest, type VendorDialect } from './fake-llm.server';
import { openAiDialect } from './openai.fake-server';
import { ollamaDialect } from './ollama.fake-server';

export const FAKE_EMBEDDING_DIMENSIONS = 64;

/** How the fake model turns one text into a vector. */
export type Vectoriser = (text: string) => number[];

/**
 * A deterministic stand-in for an embeddings model: a hashed bag of words (lower-cased words of three letters or
 * more, a trailing "s" dropped, each adding 1 to the dimension its hash picks). `synonyms` maps words onto others
 * first, so a test can give the fake a sense of meaning that lexical retrieval does not have.
 */
export function hashedBagOfWords(synonyms: Record<string, string> = {}, dimensions = FAKE_EMBEDDING_DIMENSIONS) {
  return (text: string): number[] => {
    const vector = new Array<number>(dimensions).fill(0);
    for (const raw of text.toLowerCase().match(/[a-z]{3,}/g) ?? []) {
      const word = synonyms[raw] ?? raw.replace(/s$/, '');
      vector[createHash('sha256').update(word).digest().readUInt32BE(0) % dimensions] += 1;
    }
    return vector;
  };
}

/** The texts of an embeddings request (`input` is a string or a list of them in both vendors' APIs). */
export function inputTexts(request: RecordedRequest): string[] {
  const input: unknown = request.body?.input;
  return (Array.isArray(input) ? input : [input]).map(String);
}

/**
 * OpenAI's Embeddings API (`POST /v1/embeddings`) as the official `openai` SDK under OpenAIEmbeddings reads it. Point
 * the client at `${fake.url}/v1`. The SDK asks for `encoding_format: "base64"` unless told otherwise, so vectors go
 * back as base64 little-endian float32 then, and as number lists for `"float"`. Errors as the chat fake writes them.
 */
export function openAiEmbeddingsDialect({
  apiKey,
  vectorise = hashedBagOfWords(),
}: { apiKey?: string; vectorise?: Vectoriser } = {}): VendorDialect {
  const chat = openAiDialect({ apiKey });
  return {
    route: { method: 'POST', path: '/v1/embeddings' },
    reject: (request) => chat.reject?.({ ...request, body: { ...request.body, stream: false } }),
    answer(request, _behaviour, res) {
      const texts = inputTexts(request);
      const base64 = request.body?.encoding_format === 'base64';
      const tokens = texts.reduce((sum, text) => sum + Math.ceil(text.length / 4), 0);
      sendJson(res, 200, {
        object: 'list',
        data: texts.map((text, index) => {
          const vector = vectorise(text);
          return {
            object: 'embedding',
            index,
            embedding: base64 ? Buffer.from(Float32Array.from(vector).buffer).toString('base64') : vector,
          };
        }),
        model: request.body?.model,
        usage: { prompt_tokens: tokens, total_tokens: tokens },
      });
    },
    error: chat.error,
    promptText: (request) => inputTexts(request).join('\n'),
  };
}

/**
 * Ollama's embed API (`POST /api/embed`, `{model, input}` → `{model, embeddings}`) as the `ollama` client under
 * OllamaEmbeddings reads it. Point the client at `fake.url`. With `models`, an unknown model gets Ollama's 404.
 */
export function ollamaEmbeddingsDialect({
  models,
  vectorise = hashedBagOfWords(),
}: { models?: string[]; vectorise?: Vectoriser } = {}): VendorDialect {
  const chat = ollamaDialect({ models });
  return {
    route: { method: 'POST', path: '/api/embed' },
    reject: chat.reject,
    answer(request, _behaviour, res) {
      const texts = inputTexts(request);
      sendJson(res, 200, {
        model: request.body?.model,
        embeddings: texts.map(vectorise),
        total_duration: 14_000_000,
        load_duration: 1_000_000,
        prompt_eval_count: texts.reduce((sum, text) => sum + Math.ceil(text.length / 4), 0),
      });
    },
    error: chat.error,
    promptText: (request) => inputTexts(request).join('\n'),
  };
}

export const startFakeOpenAiEmbeddings = (options?: Parameters<typeof openAiEmbeddingsDialect>[0]) =>
  FakeLlmServer.start(openAiEmbeddingsDialect(options));

export const startFakeOllamaEmbeddings = (options?: Parameters<typeof ollamaEmbeddingsDialect>[0]) =>
  FakeLlmServer.start(ollamaEmbeddingsDialect(options));
