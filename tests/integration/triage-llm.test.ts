import { loadConfig } from '../../core/platform/config/app-config';
import type { TopicCategoriesLookup, TopicCategoryDescription } from '../../core/triage/topic-categories';
import { createTopicClassifier } from '../../core/triage/topic-classifier.factory';
import type { TopicClassifier, TopicPrediction } from '../../core/triage/triage.types';
import type { FakeLlmBehaviour, FakeLlmServer, RecordedRequest } from '../fakes/fake-llm.server';
import { FAKE_VENDORS, type FakeVendor } from '../fakes/fake-llm-vendors';

const SHOP = 'tenant-shop';
const SAAS = 'tenant-saas';
const EMPTY = 'tenant-without-categories';

const CATEGORIES: Record<string, TopicCategoryDescription[]> = {
  [SHOP]: [
    { name: 'Billing', description: 'Charges, invoices and refunds', examples: ['I was charged twice for May'] },
    { name: 'Shipping', examples: ['Where is my parcel?', 'Do you ship to Canada?'] },
  ],
  [SAAS]: [
    { name: 'Login', examples: ['I cannot sign in'] },
    { name: 'Integrations', description: 'Slack, Zapier and webhooks', examples: [] },
  ],
  [EMPTY]: [],
};
const categories: TopicCategoriesLookup = async (tenantId) => CATEGORIES[tenantId] ?? [];

const MESSAGE = 'My card got charged two times this month';
const OFFLINE_ANSWER: TopicPrediction = { topic: 'Billing', confidence: 0.55, engine: 'offline', modelVersion: 7 };

/** Stands in for the tenant's trained model, which this test does not load. */
function stubOffline() {
  const calls: { tenantId: string; text: string }[] = [];
  const classifier: TopicClassifier = {
    async classify(input) {
      calls.push(input);
      return OFFLINE_ANSWER;
    },
  };
  return { classifier, calls };
}

interface ProviderCase extends FakeVendor {
  /** Whether the client retries through LangChain's caller (ChatOllama does not). */
  retries: boolean;
  /** The JSON schema the request constrained the answer with, where this vendor's format carries it. */
  schemaOf(request: RecordedRequest): any;
}

const PROVIDERS: ProviderCase[] = [
  {
    ...FAKE_VENDORS.openai,
    retries: true,
    schemaOf(request) {
      // gpt-4o-mini gets OpenAI Structured Outputs (response_format json_schema, strict), not a forced tool call.
      expect(request.body.tools).toBeUndefined();
      expect(request.body.response_format).toMatchObject({ type: 'json_schema', json_schema: { strict: true } });
      return request.body.response_format.json_schema.schema;
    },
  },
  {
    ...FAKE_VENDORS.anthropic,
    retries: true,
    schemaOf(request) {
      expect(request.body.tool_choice).toEqual({ type: 'tool', name: request.body.tools[0].name });
      return request.body.tools[0].input_schema;
    },
  },
  {
    ...FAKE_VENDORS.ollama,
    retries: false,
    schemaOf(request) {
      return request.body.format;
    },
  },
];

const aiConfig = (env: Record<string, string>) =>
  loadConfig({ DATABASE_URL: 'postgres://unused@127.0.0.1/unused', VISITOR_TOKEN_SECRET: 'unused', ...env }).ai;

describe.each(PROVIDERS)('topic classification by an LLM ($name)', (provider) => {
  let fake: FakeLlmServer;

  beforeAll(async () => {
    fake = await provider.start();
  });
  afterAll(() => fake.stop());
  beforeEach(() => fake.reset());

  function classifierWith(env: Record<string, string> = {}) {
    const offline = stubOffline();
    const warnings: string[] = [];
    const classifier = createTopicClassifier(
      aiConfig({ AI_MAX_RETRIES: '0', ...provider.env(fake.url), ...env }),
      offline.classifier,
      categories,
      { warn: (message) => void warnings.push(message) },
    );
    return { classifier, offline, warnings };
  }

  it("returns the model's topic and confidence, validated against the tenant's categories", async () => {
    fake.next({ kind: 'output', output: { topic: 'Billing', confidence: 0.87 } });
    const { classifier, offline, warnings } = classifierWith();

    const prediction = await classifier.classify({ tenantId: SHOP, text: MESSAGE });

    expect(prediction).toEqual({ topic: 'Billing', confidence: 0.87, engine: 'llm', modelVersion: null });
    expect(offline.calls).toEqual([]);
    expect(warnings).toEqual([]);
    expect(fake.modelRequests()).toHaveLength(1);
  });

  it("constrains the answer to the tenant's category names and shows the model their descriptions and examples", async () => {
    fake.next({ kind: 'output', output: { topic: 'Shipping', confidence: 0.6 } });
    const { classifier } = classifierWith();

    await classifier.classify({ tenantId: SHOP, text: MESSAGE });

    const schema = provider.schemaOf(fake.modelRequests()[0]);
    expect(schema).toMatchObject({
      type: 'object',
      required: ['topic', 'confidence'],
      properties: { topic: { enum: ['Billing', 'Shipping'] }, confidence: { type: 'number' } },
    });
    const [prompt] = fake.prompts();
    expect(prompt).toContain('Category: Billing\nDescription: Charges, invoices and refunds');
    expect(prompt).toContain('Example: I was charged twice for May');
    expect(prompt).toContain('Example: Do you ship to Canada?');
    expect(prompt).toContain(MESSAGE);
  });

  it('builds the schema per tenant', async () => {
    fake.next({ kind: 'output', output: { topic: 'Integrations', confidence: 0.7 } });
    const { classifier } = classifierWith();

    const prediction = await classifier.classify({ tenantId: SAAS, text: 'The Slack webhook stopped firing' });

    expect(prediction.topic).toBe('Integrations');
    expect(provider.schemaOf(fake.modelRequests()[0]).properties.topic.enum).toEqual(['Login', 'Integrations']);
    expect(fake.prompts()[0]).not.toContain('Billing');
  });

  it.each<[string, FakeLlmBehaviour]>([
    ['a 500', { kind: 'error', status: 500 }],
    ['a 429 rate limit', { kind: 'error', status: 429 }],
    ['text that is not JSON', { kind: 'text', text: 'Billing, I would say.' }],
    ['a topic that is not one of the categories', { kind: 'output', output: { topic: 'Refunds', confidence: 0.9 } }],
    ['a confidence outside 0..1', { kind: 'output', output: { topic: 'Billing', confidence: 7 } }],
  ])('falls back to the offline classifier when the vendor answers %s', async (_, behaviour) => {
    fake.always(behaviour);
    const { classifier, offline, warnings } = classifierWith();

    const prediction = await classifier.classify({ tenantId: SHOP, text: MESSAGE });

    expect(prediction).toEqual(OFFLINE_ANSWER);
    expect(offline.calls).toEqual([{ tenantId: SHOP, text: MESSAGE }]);
    expect(fake.modelRequests()).toHaveLength(1); // AI_MAX_RETRIES=0
    expect(warnings).toHaveLength(1);
  });

  it('logs a failing vendor once, not once per message', async () => {
    fake.always({ kind: 'error', status: 500 });
    const { classifier, warnings } = classifierWith();

    for (let i = 0; i < 3; i += 1) {
      await expect(classifier.classify({ tenantId: SHOP, text: MESSAGE })).resolves.toEqual(OFFLINE_ANSWER);
    }

    expect(fake.modelRequests()).toHaveLength(3);
    expect(warnings).toHaveLength(1);
  });

  it('does not call the vendor for a tenant without categories', async () => {
    fake.always({ kind: 'output', output: { topic: 'Billing', confidence: 0.9 } });
    const { classifier, offline } = classifierWith();

    const prediction = await classifier.classify({ tenantId: EMPTY, text: MESSAGE });

    expect(prediction).toEqual({ topic: null, confidence: 0, engine: 'llm', modelVersion: null });
    expect(fake.requests).toHaveLength(0);
    expect(offline.calls).toEqual([]);
  });

  if (provider.retries) {
    it('retries a failed call AI_MAX_RETRIES times before falling back', async () => {
      fake
        .next({ kind: 'error', status: 500 })
        .next({ kind: 'output', output: { topic: 'Shipping', confidence: 0.8 } });
      const { classifier, offline } = classifierWith({ AI_MAX_RETRIES: '1' });

      const prediction = await classifier.classify({ tenantId: SHOP, text: 'Where is my parcel?' });

      expect(prediction).toMatchObject({ topic: 'Shipping', engine: 'llm' });
      expect(fake.modelRequests()).toHaveLength(2);
      expect(offline.calls).toEqual([]);
    });
  }
});

describe('topic classification without an LLM', () => {
  it('is the offline classifier itself when AI_PROVIDER is offline', () => {
    const offline = stubOffline();

    expect(createTopicClassifier(aiConfig({}), offline.classifier, categories)).toBe(offline.classifier);
  });
});
