import { loadConfig } from '../../../core/platform/config/app-config';

describe('embeddings retriever settings', () => {
  const base = { DATABASE_URL: 'postgres://x@127.0.0.1/db', VISITOR_TOKEN_SECRET: 'x', KB_RETRIEVER: 'embeddings' };

  it('lists every missing or invalid embeddings setting at once', () => {
    expect(() => loadConfig({ ...base, EMBEDDINGS_BASE_URL: 'localhost:11434' })).toThrow(
      /EMBEDDINGS_PROVIDER \(openai or ollama\) is required[\s\S]*EMBEDDINGS_API_KEY is required[\s\S]*EMBEDDINGS_BASE_URL must be an http\(s\) URL/,
    );
    expect(() => loadConfig({ ...base, EMBEDDINGS_PROVIDER: 'ollama' })).toThrow(/EMBEDDINGS_MODEL is required/);
    expect(() => loadConfig({ ...base, KB_RETRIEVER: 'vectors' })).toThrow(
      /KB_RETRIEVER must be one of lexical, embeddings/,
    );
  });

  it('keeps the API key secret and defaults to lexical retrieval', () => {
    const config = loadConfig({ ...base, EMBEDDINGS_PROVIDER: 'openai', EMBEDDINGS_API_KEY: 'sk-hidden' });
    expect(JSON.stringify(config)).not.toContain('sk-hidden');
    expect(config.ai.retriever).toMatchObject({ kind: 'embeddings', embeddings: { model: 'text-embedding-3-small' } });
    expect(loadConfig({ ...base, KB_RETRIEVER: '' }).ai.retriever).toEqual({ kind: 'lexical' });
  });
});
