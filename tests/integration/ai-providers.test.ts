import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { AiAnswer } from '../../core/knowledge/answer/ai-answer';
import { createAnswerEngine } from '../../core/knowledge/answer/answer-engine.factory';
import { loadConfig } from '../../core/platform/config/app-config';
import type { FakeLlmBehaviour, FakeLlmServer, RecordedRequest } from '../fakes/fake-llm.server';
import {
  ANTHROPIC_TEST_KEY,
  FAKE_VENDORS,
  OLLAMA_TEST_MODEL,
  OPENAI_TEST_KEY,
  type FakeVendor,
} from '../fakes/fake-llm-vendors';
import { answerEngineFor, offlineAnswerEngine } from '../support/answer-engines';
import { eventually } from '../support/eventually';
import { aTenant, anArticle } from '../support/factories';
import { someTopics } from '../support/routing-fixtures';
import { startTestStack, type TestStack } from '../support/test-stack';
import { aClientMessageId, aVisitor } from '../support/widget-visitor';

/** The engine name of an offline answer given because the LLM failed, with the failure's reason. */
const fallbackFrom = (engine: string) =>
  new RegExp(`^extractive \\(fallback from ${engine.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: .+\\)$`);

const SHIPPING = {
  title: 'Shipping times',
  body: 'Standard shipping takes 3 to 5 business days. Express shipping arrives the next business day when ordered before noon.',
};
const REFUNDS = {
  title: 'Refund policy',
  body: 'You can request a refund within 30 days of delivery from the Orders page. Refunds reach your card in 5 days.',
};
const OTHER_TENANTS_SECRET = 'Express shipping for platinum members is delivered by drone within the hour.';
const QUESTION = 'How long does express shipping take?';
const LLM_TEXT = 'Express shipping arrives the next business day if you order before noon.';

/** The number the prompt gave the passage of the article with this title (`[n] Title`). */
function sourceNumber(prompt: string, title: string): number {
  const match = new RegExp(`\\[(\\d+)\\] ${title}\\n`).exec(prompt);
  if (!match) {
    throw new Error(`The prompt has no numbered source titled "${title}":\n${prompt}`);
  }
  return Number(match[1]);
}

const citingShipping = (confidence: number): FakeLlmBehaviour => ({
  kind: 'output',
  output: (prompt: string) => ({
    answer: LLM_TEXT,
    confidence,
    sources: [sourceNumber(prompt, SHIPPING.title)],
    wantsHuman: false,
  }),
});

/** The JSON schema the client sent to make the model answer in structure, wherever the vendor's format puts it. */
interface ProviderCase extends FakeVendor {
  engine: string;
  /** The credentials reached the vendor the way its API expects them. */
  expectCredentials(request: RecordedRequest): void;
  /** The schema of the structured answer, where this vendor's request carries it. */
  structuredSchema(request: RecordedRequest): any;
}

const PROVIDERS: ProviderCase[] = [
  {
    ...FAKE_VENDORS.openai,
    engine: 'openai:gpt-4o-mini',
    expectCredentials(request) {
      expect(request.headers.authorization).toBe(`Bearer ${OPENAI_TEST_KEY}`);
    },
    structuredSchema(request) {
      // ChatOpenAI's default for gpt-4o-style models is Structured Outputs (response_format json_schema), not tools.
      expect(request.body.model).toBe('gpt-4o-mini');
      expect(request.body.tools).toBeUndefined();
      expect(request.body.response_format).toMatchObject({ type: 'json_schema', json_schema: { strict: true } });
      return request.body.response_format.json_schema.schema;
    },
  },
  {
    ...FAKE_VENDORS.anthropic,
    engine: 'anthropic:claude-3-5-haiku-latest',
    expectCredentials(request) {
      expect(request.headers['x-api-key']).toBe(ANTHROPIC_TEST_KEY);
      expect(request.headers['anthropic-version']).toBe('2023-06-01');
      expect(request.headers.authorization).toBeUndefined();
    },
    structuredSchema(request) {
      // ChatAnthropic forces a tool call; the answer comes back as that tool's input.
      expect(request.body.model).toBe('claude-3-5-haiku-latest');
      expect(request.body.tool_choice).toEqual({ type: 'tool', name: request.body.tools[0].name });
      return request.body.tools[0].input_schema;
    },
  },
  {
    ...FAKE_VENDORS.ollama,
    engine: `ollama:${OLLAMA_TEST_MODEL}`,
    expectCredentials(request) {
      expect(request.headers.authorization).toBeUndefined();
    },
    structuredSchema(request) {
      // ChatOllama streams (NDJSON) and constrains the output with `format: <JSON schema>`.
      expect(request.body.model).toBe(OLLAMA_TEST_MODEL);
      expect(request.body.stream).toBe(true);
      return request.body.format;
    },
  },
];

describe('AI answer engine chosen by configuration', () => {
  let stack: TestStack;

  beforeAll(async () => {
    stack = await startTestStack({ worker: false });
  });
  afterAll(() => stack.stop());

  async function aKnowledgeBase() {
    const tenant = await aTenant(stack.dataSource);
    const shipping = await anArticle(stack.dataSource, tenant.id, SHIPPING);
    await anArticle(stack.dataSource, tenant.id, REFUNDS);
    const neighbour = await aTenant(stack.dataSource);
    await anArticle(stack.dataSource, neighbour.id, { title: SHIPPING.title, body: OTHER_TENANTS_SECRET });
    return { tenant, shipping: shipping.article };
  }

  const offlineAnswer = (tenantId: string, question: string) =>
    offlineAnswerEngine(stack).answer({ tenantId, question });

  describe.each(PROVIDERS)('$name', (provider) => {
    let fake: FakeLlmServer;

    beforeAll(async () => {
      fake = await provider.start();
    });
    afterAll(() => fake.stop());
    beforeEach(() => fake.reset());

    const engine = (env: Record<string, string> = {}) => answerEngineFor(stack, provider, fake.url, env);

    it("answers with the model's structured reply, citing the sources it named, with its confidence", async () => {
      const { tenant, shipping } = await aKnowledgeBase();
      fake.always(citingShipping(0.83));

      const answer = await engine().answer({ tenantId: tenant.id, question: QUESTION });

      expect(answer).toEqual<AiAnswer>({
        text: LLM_TEXT,
        confidence: 0.83,
        wantsHuman: false,
        engine: provider.engine,
        citations: [
          { articleId: shipping.id, title: SHIPPING.title, snippet: expect.stringContaining('Express shipping') },
        ],
      });
      const [request] = fake.modelRequests();
      expect(fake.modelRequests()).toHaveLength(1);
      provider.expectCredentials(request);
    });

    it("sends the question and the tenant's retrieved passages, and asks for the answer's schema", async () => {
      const { tenant } = await aKnowledgeBase();
      fake.always(citingShipping(0.9));

      await engine().answer({ tenantId: tenant.id, question: QUESTION });

      const [prompt] = fake.prompts();
      expect(prompt).toContain(QUESTION);
      expect(prompt).toMatch(/\[\d+\] Shipping times\n/);
      expect(prompt).toContain('Express shipping arrives the next business day when ordered before noon.');
      expect(prompt).not.toContain(OTHER_TENANTS_SECRET);
      const schema = provider.structuredSchema(fake.modelRequests()[0]);
      expect(schema).toMatchObject({ type: 'object', required: ['answer', 'confidence', 'sources', 'wantsHuman'] });
      expect(schema.properties.sources.description).toMatch(/sources the answer uses/);
    });

    it('cites each article once and ignores source numbers the prompt never gave', async () => {
      const { tenant, shipping } = await aKnowledgeBase();
      fake.always({
        kind: 'output',
        output: (prompt: string) => {
          const n = sourceNumber(prompt, SHIPPING.title);
          return { answer: LLM_TEXT, confidence: 0.7, sources: [n, 0, n, 99], wantsHuman: false };
        },
      });

      const answer = await engine().answer({ tenantId: tenant.id, question: QUESTION });

      expect(answer.citations.map((c) => c.articleId)).toEqual([shipping.id]);
      expect(answer.engine).toBe(provider.engine);
    });

    it('reports no confidence for an empty answer, whatever the model claims', async () => {
      const { tenant } = await aKnowledgeBase();
      fake.always({ kind: 'output', output: { answer: '  ', confidence: 0.95, sources: [], wantsHuman: false } });

      const answer = await engine().answer({ tenantId: tenant.id, question: 'Do you sell gift cards for shipping?' });

      expect(answer).toMatchObject({ text: '', confidence: 0, citations: [], engine: provider.engine });
    });

    it.each<[string, FakeLlmBehaviour]>([
      ['a 500', { kind: 'error', status: 500 }],
      ['a 429 rate limit', { kind: 'error', status: 429 }],
      ['text that is not JSON', { kind: 'text', text: 'Express shipping is fast, usually a day!' }],
      [
        'JSON outside the schema',
        { kind: 'output', output: { answer: LLM_TEXT, confidence: 7, sources: 'the first', wantsHuman: 'no' } },
      ],
    ])('falls back to the offline extractive answer when the vendor answers %s', async (_, behaviour) => {
      const { tenant } = await aKnowledgeBase();
      fake.always(behaviour);

      const answer = await engine().answer({ tenantId: tenant.id, question: QUESTION });

      const offline = await offlineAnswer(tenant.id, QUESTION);
      expect(offline.text).toContain('Express shipping');
      expect(answer).toEqual({ ...offline, engine: expect.stringMatching(fallbackFrom(provider.engine)) });
      expect(fake.modelRequests()).toHaveLength(1); // AI_MAX_RETRIES=0: one call, no retry
    });

    it('answers a request for a person without calling the vendor', async () => {
      const { tenant } = await aKnowledgeBase();
      fake.always(citingShipping(0.9));

      const answer = await engine().answer({ tenantId: tenant.id, question: 'I want to talk to a real person please' });

      expect(answer).toEqual({ text: '', citations: [], confidence: 0, wantsHuman: true, engine: provider.engine });
      expect(fake.requests).toHaveLength(0);
    });

    it('does not call the vendor when the knowledge base has nothing on the question', async () => {
      const tenant = await aTenant(stack.dataSource);
      fake.always(citingShipping(0.9));

      const answer = await engine().answer({ tenantId: tenant.id, question: QUESTION });

      expect(answer).toMatchObject({ text: '', confidence: 0, citations: [], engine: provider.engine });
      expect(fake.requests).toHaveLength(0);
    });
  });

  // ChatOllama streams through the ollama client and bypasses LangChain's retrying caller: it never retries.
  describe.each(PROVIDERS.filter((p) => p.name !== 'ollama'))('$name retries', (provider) => {
    let fake: FakeLlmServer;

    beforeAll(async () => {
      fake = await provider.start();
    });
    afterAll(() => fake.stop());
    beforeEach(() => fake.reset());

    const engineWithOneRetry = () => answerEngineFor(stack, provider, fake.url, { AI_MAX_RETRIES: '1' });

    it('retries a failed call, and answers with the model when the retry succeeds', async () => {
      const { tenant } = await aKnowledgeBase();
      fake.next({ kind: 'error', status: 500 }).always(citingShipping(0.8));

      const answer = await engineWithOneRetry().answer({ tenantId: tenant.id, question: QUESTION });

      expect(answer).toMatchObject({ text: LLM_TEXT, engine: provider.engine });
      expect(fake.modelRequests()).toHaveLength(2);
    });

    it('falls back once AI_MAX_RETRIES retries have failed', async () => {
      const { tenant } = await aKnowledgeBase();
      fake.next({ kind: 'error', status: 500 }).next({ kind: 'error', status: 500 }).always(citingShipping(0.8));

      const answer = await engineWithOneRetry().answer({ tenantId: tenant.id, question: QUESTION });

      expect(answer.engine).toMatch(fallbackFrom(provider.engine));
      expect(fake.modelRequests()).toHaveLength(2);
    });
  });

  it('falls back when the Ollama model is not pulled', async () => {
    const fake = await FAKE_VENDORS.ollama.start();
    try {
      const { tenant } = await aKnowledgeBase();
      fake.always(citingShipping(0.9));
      const config = loadConfig({
        DATABASE_URL: stack.config.databaseUrl,
        VISITOR_TOKEN_SECRET: 'not-used-here',
        AI_PROVIDER: 'ollama',
        AI_MODEL: 'mistral',
        OLLAMA_BASE_URL: fake.url,
      });

      const answer = await createAnswerEngine(config.ai, stack.dataSource).answer({
        tenantId: tenant.id,
        question: QUESTION,
      });

      expect(answer.engine).toMatch(fallbackFrom('ollama:mistral'));
      expect(answer.text).toContain('Express shipping');
      expect(fake.modelRequests().map((r) => r.body.model)).toEqual(['mistral']);
    } finally {
      await fake.stop();
    }
  });
});

describe('a chat message answered by an LLM through the conversation workflow', () => {
  let fake: FakeLlmServer;
  let stack: TestStack;

  beforeAll(async () => {
    fake = await FAKE_VENDORS.openai.start();
    stack = await startTestStack({ env: FAKE_VENDORS.openai.env(fake.url) });
  });
  afterAll(async () => {
    await stack?.stop();
    await fake?.stop();
  });

  async function askInTheWidget(question: string) {
    return askInTheWidgetAs(await aTenant(stack.dataSource), question);
  }

  async function askInTheWidgetAs(tenant: { id: string; widgetKey: string }, question: string) {
    await anArticle(stack.dataSource, tenant.id, SHIPPING);
    await anArticle(stack.dataSource, tenant.id, REFUNDS);
    const visitor = await aVisitor(stack.http, tenant.widgetKey);
    const sent = await stack.http.post('/widget/messages', {
      token: visitor.token,
      body: { clientMessageId: aClientMessageId(), body: question },
    });
    expect(sent.status).toBe(202);
    return tenant;
  }

  const eventOf = (tenantId: string, type: string) =>
    eventually(
      async () => {
        const [row] = await stack.dataSource.query(
          `SELECT data FROM conversation_events WHERE tenant_id = $1 AND type = $2`,
          [tenantId, type],
        );
        return row?.data;
      },
      { what: `a ${type} event` },
    );

  it("sends the model's answer to the customer with its citations and logs the engine", async () => {
    fake.always(citingShipping(0.83));
    const tenant = await askInTheWidget(QUESTION);

    const answered = await eventOf(tenant.id, 'answered');

    expect(answered).toMatchObject({ engine: 'openai:gpt-4o-mini', confidence: 0.83 });
    const [reply] = await stack.dataSource.query(
      `SELECT body, citations, confidence FROM messages WHERE tenant_id = $1 AND author_kind = 'bot'`,
      [tenant.id],
    );
    expect(reply.body).toBe(LLM_TEXT);
    expect(reply.citations.map((c: { title: string }) => c.title)).toEqual([SHIPPING.title]);
    expect(reply.confidence).toBeCloseTo(0.83);
    expect(fake.prompts().some((p) => p.includes(QUESTION) && p.includes('Express shipping arrives'))).toBe(true);
  });

  /** Shipping and billing topics, and the offline model trained on them (the LLM's fallback). */
  const withTopics = (tenantId: string) =>
    someTopics(stack.dataSource, tenantId, {
      shipping: ['where is my parcel', 'how long does delivery take', 'express shipping times', 'my order is late'],
      billing: ['I was charged twice', 'refund my payment', 'my invoice is wrong', 'update my credit card'],
    });

  const topicOf = (tenantId: string) =>
    eventually(async () => {
      const [row] = await stack.dataSource.query(
        `SELECT topic, topic_engine, topic_confidence FROM conversations WHERE tenant_id = $1 AND triaged_at IS NOT NULL`,
        [tenantId],
      );
      return row;
    });

  it('names the topic with the model through structured output, among the tenant’s categories', async () => {
    const isTopicRequest = (request: RecordedRequest) => request.body?.response_format?.json_schema?.name === 'topic';
    fake.always({
      kind: 'output',
      output: (prompt: string, request: RecordedRequest) =>
        isTopicRequest(request)
          ? { topic: 'billing', confidence: 0.77 }
          : {
              answer: LLM_TEXT,
              confidence: 0.83,
              sources: [sourceNumber(prompt, SHIPPING.title)],
              wantsHuman: false,
            },
    });
    const tenant = await aTenant(stack.dataSource);
    await withTopics(tenant.id);
    await askInTheWidgetAs(tenant, QUESTION);

    // The model's topic wins over the offline model's (which would say shipping), so it came from the vendor.
    const row = await topicOf(tenant.id);
    expect(row).toMatchObject({ topic: 'billing', topic_engine: 'llm' });
    expect(row.topic_confidence).toBeCloseTo(0.77);
    const topicRequest = fake.requests.find(isTopicRequest);
    expect(JSON.stringify(topicRequest?.body.response_format.json_schema.schema)).toContain('shipping');
  });

  it('falls back to the tenant’s offline model when the vendor fails', async () => {
    fake.always({ kind: 'error', status: 500, message: 'upstream exploded' });
    const tenant = await aTenant(stack.dataSource);
    await withTopics(tenant.id);
    await askInTheWidgetAs(tenant, QUESTION);

    expect(await topicOf(tenant.id)).toMatchObject({ topic: 'shipping', topic_engine: 'offline' });
  });

  it("hands the conversation to a person when the model's confidence is below the threshold", async () => {
    fake.always(citingShipping(0.2));
    const tenant = await askInTheWidget(QUESTION);

    const escalated = await eventOf(tenant.id, 'escalated');

    expect(escalated).toMatchObject({
      reason: 'low_confidence',
      aiAttempt: { text: LLM_TEXT, confidence: 0.2 },
    });
    const bot = await stack.dataSource.query(
      `SELECT body FROM messages WHERE tenant_id = $1 AND author_kind = 'bot' AND body = $2`,
      [tenant.id, LLM_TEXT],
    );
    expect(bot).toHaveLength(0);
  });
});

describe('AI provider configuration at boot', () => {
  const run = promisify(execFile);

  it.each([
    [{ AI_PROVIDER: 'openai' }, 'OPENAI_API_KEY is required'],
    [{ AI_PROVIDER: 'anthropic' }, 'ANTHROPIC_API_KEY is required'],
    [{ AI_PROVIDER: 'ollama' }, 'AI_MODEL is required when AI_PROVIDER is ollama'],
    [{ AI_PROVIDER: 'openai', OPENAI_API_KEY: 'sk-x', AI_MAX_RETRIES: 'lots' }, 'AI_MAX_RETRIES must be an integer'],
  ])('refuses %j: "%s"', (env, problem) => {
    expect(() => loadConfig({ DATABASE_URL: 'postgres://x@127.0.0.1/db', VISITOR_TOKEN_SECRET: 's', ...env })).toThrow(
      problem,
    );
  });

  it('stops the worker before it connects to anything when the OpenAI key is missing', async () => {
    const env = {
      PATH: process.env.PATH,
      DATABASE_URL: 'postgres://postgres@127.0.0.1:1/nowhere',
      VISITOR_TOKEN_SECRET: 'unused',
      AI_PROVIDER: 'openai',
    };
    const failure = await run(
      process.execPath,
      ['-r', './scripts/embedded/register-ts.js', 'apps/worker/src/main.ts'],
      { cwd: `${__dirname}/../..`, env },
    ).then(
      () => undefined,
      (error: { code?: number; stderr?: string }) => error,
    );

    expect(failure?.code).toBe(1);
    expect(failure?.stderr).toContain('Invalid configuration');
    expect(failure?.stderr).toContain('OPENAI_API_KEY is required');
  });
});
