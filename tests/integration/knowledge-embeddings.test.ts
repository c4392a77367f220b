import { createAnswerEngine } from '../../core/knowledge/answer/answer-engine.factory';
import type { AnswerEngine } from '../../core/knowledge/answer/ai-answer';
import { ExtractiveAnswerEngine } from '../../core/knowledge/answer/extractive-answer.engine';
import { loadConfig } from '../../core/platform/config/app-config';
import type { FakeLlmServer } from '../fakes/fake-llm.server';
import {
  hashedBagOfWords,
  inputTexts,
  startFakeOllamaEmbeddings,
  startFakeOpenAiEmbeddings,
} from '../fakes/embeddings.fake-server';
import { OLLAMA_TEST_MODEL, OPENAI_TEST_KEY } from '../fakes/fake-llm-vendors';
import { useAdminStack } from '../support/admin-stack';
import type { TestStack } from '../support/test-stack';
import fixture from '../fixtures/knowledge/help-centre.json';

/**
 * The fake model knows that a "reimbursement" is a refund and a "cycle" a bike; the knowledge base never uses
 * those words, so only the embeddings ranking can find the article for them.
 */
const SYNONYMS = { reimbursement: 'refund', reimbursed: 'refund', cycle: 'bike', cycles: 'bike' };

const REFUNDS = {
  title: 'Refunds for a ride',
  body: 'If a ride was charged twice or the bike failed, ask for a refund in the app under Rides > Help. Refunds reach your card within five working days.',
};

interface StoredRow {
  article_id: string;
  content_hash: string;
  model: string;
  dimensions: number;
}

const VENDORS = {
  openai: {
    start: () => startFakeOpenAiEmbeddings({ apiKey: OPENAI_TEST_KEY, vectorise: hashedBagOfWords(SYNONYMS) }),
    env: (url: string) => ({
      EMBEDDINGS_PROVIDER: 'openai',
      EMBEDDINGS_API_KEY: OPENAI_TEST_KEY,
      EMBEDDINGS_BASE_URL: `${url}/v1`,
    }),
    model: 'openai:text-embedding-3-small',
  },
  ollama: {
    start: () => startFakeOllamaEmbeddings({ models: [OLLAMA_TEST_MODEL], vectorise: hashedBagOfWords(SYNONYMS) }),
    env: (url: string) => ({
      EMBEDDINGS_PROVIDER: 'ollama',
      EMBEDDINGS_MODEL: OLLAMA_TEST_MODEL,
      EMBEDDINGS_BASE_URL: url,
    }),
    model: `ollama:${OLLAMA_TEST_MODEL}`,
  },
};

/** The answer engine configuration builds for KB_RETRIEVER=embeddings, and the search behind it. */
function embeddingsEngine(stack: TestStack, env: Record<string, string>) {
  const logger = { warn: jest.fn() };
  const config = loadConfig({
    DATABASE_URL: stack.config.databaseUrl,
    VISITOR_TOKEN_SECRET: 'not-used-here',
    KB_RETRIEVER: 'embeddings',
    EMBEDDINGS_MAX_RETRIES: '0',
    ...env,
  });
  const engine = createAnswerEngine(config.ai, stack.dataSource, logger);
  if (!(engine instanceof ExtractiveAnswerEngine)) {
    throw new Error('AI_PROVIDER is offline here, so the engine is the extractive one');
  }
  return { engine, logger };
}

/** The articles the engine's retriever returns for a question, best first. */
async function retrieved(engine: ExtractiveAnswerEngine, tenantId: string, question: string): Promise<string[]> {
  const { documents } = await engine.explain({ tenantId, question });
  return documents.map((document) => document.metadata.articleId);
}

describe.each(Object.entries(VENDORS))('KB_RETRIEVER=embeddings through the %s embeddings API', (_name, vendor) => {
  const { stack, aTenantWithAdmin } = useAdminStack();
  let fake: FakeLlmServer;

  beforeAll(async () => {
    fake = await vendor.start();
  });
  afterAll(async () => {
    await fake.stop();
  });
  beforeEach(() => {
    fake.reset();
    fake.always({ kind: 'text', text: 'vectors' });
  });

  async function aHelpCentre() {
    const { tenant, token } = await aTenantWithAdmin();
    const ids = new Map<string, string>();
    for (const article of [...fixture.articles, { key: 'refunds', ...REFUNDS }]) {
      const created = await stack.http.post('/knowledge/articles', {
        token,
        body: { title: article.title, body: article.body },
      });
      expect(created.status).toBe(201);
      ids.set(article.key, created.body.id);
    }
    return { tenantId: tenant.id, token, ids };
  }

  const storedRows = async (tenantId: string): Promise<StoredRow[]> =>
    stack.dataSource.query(
      `SELECT article_id, content_hash, model, array_length(embedding, 1) AS dimensions
       FROM kb_chunk_embeddings WHERE tenant_id = $1 ORDER BY article_id, content_hash`,
      [tenantId],
    );
  // OpenAIEmbeddings sends newlines as spaces; the question and the passages are embedded concurrently.
  const embeddedTexts = () =>
    fake
      .modelRequests()
      .flatMap(inputTexts)
      .map((text) => text.replace(/\s+/g, ' '))
      .sort();

  async function ask(engine: AnswerEngine, tenantId: string, question: string) {
    return engine.answer({ tenantId, question });
  }

  it('stores a vector per passage, retrieves by meaning, re-embeds only an edited article and drops a deleted one', async () => {
    const { tenantId, token, ids } = await aHelpCentre();
    const { engine, logger } = embeddingsEngine(stack, vendor.env(fake.url));

    // The knowledge base never says "reimbursement"; the fake model maps it onto "refund".
    expect(await retrieved(engine, tenantId, 'Reimbursement?')).toContain(ids.get('refunds'));
    expect(logger.warn).not.toHaveBeenCalled();
    const rows = await storedRows(tenantId);
    expect(new Set(rows.map((row) => row.article_id))).toEqual(new Set(ids.values()));
    expect(rows.every((row) => row.model === vendor.model && row.dimensions === 64)).toBe(true);
    // Every passage once, and the question.
    expect(embeddedTexts()).toHaveLength(rows.length + 1);
    expect(embeddedTexts().filter((text) => text === 'Reimbursement?')).toHaveLength(1);

    fake.reset();
    const again = await ask(engine, tenantId, 'How do I unlock a bike?');
    expect(again.citations[0]?.articleId).toBe(ids.get('unlock'));
    expect(embeddedTexts()).toEqual(['How do I unlock a bike?']);

    fake.reset();
    const helmets = ids.get('helmets')!;
    const edit = await stack.http.patch(`/knowledge/articles/${helmets}`, {
      token,
      body: { body: 'Helmets are free to borrow at every docking station.' },
    });
    expect(edit.status).toBe(200);
    await ask(engine, tenantId, 'Do I need a helmet?');
    expect(embeddedTexts()).toEqual([
      'Do I need a helmet?',
      'Do I need a helmet? Helmets are free to borrow at every docking station.',
    ]);
    const afterEdit = await storedRows(tenantId);
    expect(afterEdit.filter((row) => row.article_id === helmets)).toHaveLength(1);
    expect(afterEdit.filter((row) => row.article_id !== helmets)).toEqual(
      rows.filter((row) => row.article_id !== helmets),
    );

    expect((await stack.http.delete(`/knowledge/articles/${ids.get('refunds')}`, { token })).status).toBe(204);
    expect((await storedRows(tenantId)).some((row) => row.article_id === ids.get('refunds'))).toBe(false);
    expect(await retrieved(engine, tenantId, 'Reimbursement?')).not.toContain(ids.get('refunds'));
  });

  it('answers from lexical retrieval with a logged warning when the embeddings vendor fails', async () => {
    const { tenantId, ids } = await aHelpCentre();
    const { engine, logger } = embeddingsEngine(stack, vendor.env(fake.url));
    fake.always({ kind: 'error', status: 500 });

    const answer = await ask(engine, tenantId, 'How do I unlock a bike?');

    expect(answer.citations[0]?.articleId).toBe(ids.get('unlock'));
    expect(answer.confidence).toBeGreaterThan(stack.config.conversation.handoffConfidenceThreshold);
    expect(fake.modelRequests().length).toBeGreaterThan(0);
    expect(logger.warn).toHaveBeenCalledWith(expect.stringMatching(/^Embeddings retrieval \(.+\) failed for tenant/));
    expect(await storedRows(tenantId)).toEqual([]);
    const position = async () => {
      const at = (await retrieved(engine, tenantId, 'Reimbursement?')).indexOf(ids.get('refunds')!);
      return at < 0 ? Infinity : at;
    };
    const lexicalOnly = await position();

    // The failed sync is not kept: once the vendor is back, the next question embeds the knowledge base, and the
    // embeddings ranking moves up the article that means what the question asks.
    fake.always({ kind: 'text', text: 'vectors' });
    expect(await position()).toBeLessThan(lexicalOnly);
    expect(logger.warn).toHaveBeenCalledTimes(2);
    expect((await storedRows(tenantId)).length).toBeGreaterThan(0);
  });
});
