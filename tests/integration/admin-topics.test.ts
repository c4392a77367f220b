import { defaultPayloadConverter } from '@temporalio/common';
import { ClassifierModelRepository } from '../../core/triage/classifier-model.repository';
import { TopicExampleRepository } from '../../core/triage/topic-example.repository';
import { TopicTrainingGateway } from '../../apps/api/src/temporal/topic-training.gateway';
import { OfflineTopicClassifier } from '../../core/triage/offline-topic-classifier';
import type { TrainingOutcome } from '../../activities/topic-training.activities';
import { topicTrainingWorkflowId } from '../../workflows/topic-training.definitions';
import { eventually } from '../support/eventually';
import { aConversation, aCustomer, anAgent } from '../support/factories';
import { useAdminStack } from '../support/admin-stack';

const EXAMPLES = {
  billing: [
    'I was charged twice for my subscription this month',
    'Can I get a refund for the last invoice?',
    'My credit card payment was declined',
    'Why is my invoice higher than usual?',
    'Please send me a copy of my receipt',
    'The payment failed but the money left my bank account',
    'How do I update the card you charge?',
    'I want my money back for the annual plan',
  ],
  shipping: [
    'Where is my parcel? It has not arrived yet',
    'The tracking number does not work',
    'My package was delivered to the wrong address',
    'How long does delivery take to Canada?',
    'The courier lost my order',
    'Can I change the delivery address of my order?',
    'My parcel arrived damaged in the box',
    'When will my order ship?',
  ],
  account: [
    'I forgot my password and cannot log in',
    'How do I reset my password?',
    'My account is locked after too many login attempts',
    'I want to change the email address on my account',
    'Please delete my account and my data',
    'The two factor code never arrives when I sign in',
    'I cannot sign in to my profile',
    'How do I change my username?',
  ],
};

/** Messages none of the examples contain, each clearly about one topic. */
const HELD_OUT = [
  { text: 'I was charged twice, please refund the payment', topic: 'billing' },
  { text: 'my parcel still has not arrived, where is the delivery?', topic: 'shipping' },
  { text: 'I cannot log in, how do I reset my password', topic: 'account' },
];

/** Short timings for the training workflow, so a retrain follows a change within a fraction of a second. */
const FAST_TRAINING = { debounceSeconds: 0.2, maxDelaySeconds: 5, idleSeconds: 60 };

describe('topic admin routes and classifier training', () => {
  const { stack, aTenantWithAdmin } = useAdminStack({ worker: true });
  let models: ClassifierModelRepository;
  let classifier: OfflineTopicClassifier;
  let fastTraining: TopicTrainingGateway;

  beforeAll(() => {
    models = new ClassifierModelRepository(stack.dataSource);
    classifier = new OfflineTopicClassifier(new ClassifierModelRepository(stack.dataSource));
    fastTraining = new TopicTrainingGateway(stack.temporal, stack.config.temporal.taskQueue, FAST_TRAINING);
  });

  /**
   * A tenant whose training workflow is already running with FAST_TRAINING: the API's later requests signal this run
   * (signal-with-start only starts a workflow that is not running), so its changes retrain quickly.
   */
  async function aTenantWithFastTraining() {
    const tenant = await aTenantWithAdmin();
    await fastTraining.requestTraining(tenant.tenant.id);
    await eventually(async () => ((await trainingRuns(tenant.tenant.id)).length > 0 ? true : undefined), {
      what: 'the first (empty) training run',
    });
    return tenant;
  }

  /** Results of the trainTopicClassifier activities the tenant's current workflow run completed, in order. */
  async function trainingRuns(tenantId: string): Promise<TrainingOutcome[]> {
    const history = await stack.temporal.workflow.getHandle(topicTrainingWorkflowId(tenantId)).fetchHistory();
    return (history.events ?? []).flatMap((event) => {
      const payload = event.activityTaskCompletedEventAttributes?.result?.payloads?.[0];
      return payload ? [defaultPayloadConverter.fromPayload<TrainingOutcome>(payload)] : [];
    });
  }

  function createTopic(token: string, name: keyof typeof EXAMPLES, examples: string[] = EXAMPLES[name]) {
    return stack.http.post('/topics', { token, body: { name, description: `About ${name}`, examples } });
  }

  /** Waits until the tenant's current model knows exactly these labels. */
  function modelWithLabels(tenantId: string, labels: string[]) {
    return eventually(
      async () => {
        const model = await models.current(tenantId);
        return model && JSON.stringify(model.labels) === JSON.stringify(labels) ? model : undefined;
      },
      { what: `a model with labels ${labels.join(', ') || '(none)'}` },
    );
  }

  it('trains a model from the categories and names the topic of messages it has not seen', async () => {
    const { tenant, token } = await aTenantWithAdmin();
    expect((await stack.http.get('/topics/classifier', { token })).body).toEqual({ version: null, training: 'idle' });

    for (const name of ['billing', 'shipping', 'account'] as const) {
      const created = await createTopic(token, name);
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({
        name,
        description: `About ${name}`,
        exampleCount: 8,
        training: 'requested',
      });
    }

    const model = await modelWithLabels(tenant.id, ['account', 'billing', 'shipping']);
    for (const { text, topic } of HELD_OUT) {
      const prediction = await classifier.classify({ tenantId: tenant.id, text });
      expect({ text, topic: prediction.topic }).toEqual({ text, topic });
      expect(prediction).toMatchObject({ engine: 'offline', modelVersion: model.version });
      expect(prediction.confidence).toBeGreaterThan(1 / 3);
    }
    const described = await stack.http.get('/topics/classifier', { token });
    expect(described.status).toBe(200);
    expect(described.body).toMatchObject({
      version: model.version,
      labels: ['account', 'billing', 'shipping'],
      examples: 24,
      training: 'idle',
      metrics: { examples: 24, labels: 3, trainingAccuracy: 1 },
    });
    expect(typeof described.body.metrics.trainMs).toBe('number');
    const list = await stack.http.get('/topics', { token });
    expect(
      list.body.map(({ name, exampleCount }: { name: string; exampleCount: number }) => [name, exampleCount]),
    ).toEqual([
      ['account', 8],
      ['billing', 8],
      ['shipping', 8],
    ]);
  });

  it('retrains when examples are added, and keeps the model when nothing changed', async () => {
    const { tenant, token } = await aTenantWithFastTraining();
    const billing = (await createTopic(token, 'billing')).body;
    await createTopic(token, 'shipping');
    const first = await modelWithLabels(tenant.id, ['billing', 'shipping']);
    expect(first.examples).toBe(16);

    const added = await stack.http.post(`/topics/${billing.id}/examples`, {
      token,
      body: { examples: ['  The VAT on my bill is wrong  ', 'The VAT on my bill is wrong', EXAMPLES.billing[0]] },
    });
    expect(added.status).toBe(201);
    expect(added.body).toEqual({ added: 1, exampleCount: 9, training: 'requested' });
    const second = await eventually(async () => {
      const model = await models.current(tenant.id);
      return model && model.version > first.version ? model : undefined;
    });
    expect(second.examples).toBe(17);

    const runsBefore = (await trainingRuns(tenant.id)).length;
    const train = await stack.http.post('/topics/classifier/train', { token });
    expect(train.status).toBe(202);
    expect(train.body).toEqual({ training: 'requested' });
    const runs = await eventually(async () => {
      const all = await trainingRuns(tenant.id);
      return all.length > runsBefore ? all : undefined;
    });
    expect(runs[runs.length - 1]).toEqual({ version: second.version, skipped: true });
    expect((await models.current(tenant.id))?.version).toBe(second.version);
  });

  it('retrains without a deleted category, and with none left predicts no topic', async () => {
    const { tenant, token } = await aTenantWithFastTraining();
    const ids: Record<string, string> = {};
    for (const name of ['billing', 'shipping', 'account'] as const) {
      ids[name] = (await createTopic(token, name)).body.id;
    }
    await modelWithLabels(tenant.id, ['account', 'billing', 'shipping']);

    expect((await stack.http.delete(`/topics/${ids.shipping}`, { token })).status).toBe(204);
    const withoutShipping = await modelWithLabels(tenant.id, ['account', 'billing']);
    expect(withoutShipping.examples).toBe(16);
    const prediction = await classifier.classify({ tenantId: tenant.id, text: HELD_OUT[1].text });
    expect(prediction).toMatchObject({ modelVersion: withoutShipping.version });
    expect(['account', 'billing']).toContain(prediction.topic);
    expect((await stack.http.get(`/topics/${ids.shipping}`, { token })).status).toBe(404);
    const [{ count }] = await stack.dataSource.query(
      'SELECT count(*)::int AS count FROM topic_examples WHERE category_id = $1',
      [ids.shipping],
    );
    expect(count).toBe(0);

    await stack.http.delete(`/topics/${ids.billing}`, { token });
    const accountOnly = await modelWithLabels(tenant.id, ['account']);
    expect(await classifier.classify({ tenantId: tenant.id, text: HELD_OUT[0].text })).toEqual({
      topic: 'account',
      confidence: 1,
      engine: 'offline',
      modelVersion: accountOnly.version,
    });

    await stack.http.delete(`/topics/${ids.account}`, { token });
    const empty = await modelWithLabels(tenant.id, []);
    expect(await classifier.classify({ tenantId: tenant.id, text: HELD_OUT[2].text })).toEqual({
      topic: null,
      confidence: 0,
      engine: 'offline',
      modelVersion: empty.version,
    });
    expect((await stack.http.get('/topics/classifier', { token })).body).toMatchObject({
      version: empty.version,
      labels: [],
      examples: 0,
      training: 'idle',
    });
  });

  it("stores an agent's re-tag as one example per conversation, and re-tagging moves it", async () => {
    const { tenant, token } = await aTenantWithAdmin();
    const agent = await anAgent(stack.dataSource, tenant.id);
    const billing = (await createTopic(token, 'billing')).body;
    const shipping = (await createTopic(token, 'shipping')).body;
    const conversation = await aConversation(
      stack.dataSource,
      tenant.id,
      (await aCustomer(stack.dataSource, tenant.id)).id,
    );
    const examples = new TopicExampleRepository(stack.dataSource);
    const retag = (categoryName: string, text = 'Is the parcel insured when it gets lost?') =>
      examples.recordRetag(tenant.id, { conversationId: conversation.id, categoryName, text, agentId: agent.agent.id });
    const retags = () =>
      stack.dataSource.query(
        `SELECT category_id, text, created_by FROM topic_examples
         WHERE tenant_id = $1 AND source = 'agent_retag' AND conversation_id = $2`,
        [tenant.id, conversation.id],
      );

    expect(await retag('billing')).toBe(true);
    expect(await retags()).toEqual([
      { category_id: billing.id, text: 'Is the parcel insured when it gets lost?', created_by: agent.agent.id },
    ]);
    expect(await retag('billing')).toBe(false);

    expect(await retag('Shipping')).toBe(true);
    expect(await retags()).toEqual([
      { category_id: shipping.id, text: 'Is the parcel insured when it gets lost?', created_by: agent.agent.id },
    ]);
    expect(await examples.trainingSet(tenant.id)).toContainEqual({
      label: 'shipping',
      text: 'Is the parcel insured when it gets lost?',
    });
    const detail = await stack.http.get(`/topics/${shipping.id}`, { token });
    expect(detail.body.exampleCount).toBe(9);
    expect(detail.body.examples).toContainEqual(
      expect.objectContaining({ source: 'agent_retag', conversationId: conversation.id, createdBy: agent.agent.id }),
    );

    // The same text already is an admin example of billing: the re-tag moves away and adds nothing.
    expect(await retag('billing', EXAMPLES.billing[0])).toBe(true);
    expect(await retags()).toEqual([]);
    expect(await retag('billing', EXAMPLES.billing[0])).toBe(false);
    expect(
      (await stack.http.get('/topics', { token })).body.map((topic: { exampleCount: number }) => topic.exampleCount),
    ).toEqual([8, 8]);

    await expect(retag('returns')).rejects.toMatchObject({ code: 'not_found' });
    const other = await aTenantWithAdmin();
    await expect(
      examples.recordRetag(other.tenant.id, {
        conversationId: conversation.id,
        categoryName: 'billing',
        text: 'hello',
        agentId: agent.agent.id,
      }),
    ).rejects.toMatchObject({ code: 'not_found' });
  });

  it('shows a page of examples and stores names trimmed; a duplicate name is 409 whatever its case', async () => {
    const { token } = await aTenantWithAdmin();
    const created = await stack.http.post('/topics', {
      token,
      body: { name: '  Billing  ', examples: ['one', 'two', 'three', 'two'] },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: 'Billing', description: null, exampleCount: 3 });
    await createTopic(token, 'shipping', ['where is it']);

    const page = await stack.http.get(`/topics/${created.body.id}?limit=2&offset=1`, { token });
    expect(page.status).toBe(200);
    expect(page.body).toMatchObject({ limit: 2, offset: 1, exampleCount: 3 });
    expect(page.body.examples).toHaveLength(2);
    const all = (await stack.http.get(`/topics/${created.body.id}`, { token })).body.examples;
    expect(all.map((example: { text: string }) => example.text).sort()).toEqual(['one', 'three', 'two']);

    expect((await stack.http.post('/topics', { token, body: { name: 'billing' } })).status).toBe(409);
    const renameClash = await stack.http.patch(`/topics/${created.body.id}`, { token, body: { name: 'SHIPPING' } });
    expect(renameClash.status).toBe(409);
    const renamed = await stack.http.patch(`/topics/${created.body.id}`, {
      token,
      body: { name: 'payments', description: 'Money matters' },
    });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ name: 'payments', description: 'Money matters', exampleCount: 3 });
    const cleared = await stack.http.patch(`/topics/${created.body.id}`, { token, body: { description: null } });
    expect(cleared.body).toMatchObject({ name: 'payments', description: null });

    const oneExample = all[0] as { id: string };
    const removed = await stack.http.delete(`/topics/${created.body.id}/examples/${oneExample.id}`, { token });
    expect(removed.status).toBe(204);
    expect((await stack.http.get(`/topics/${created.body.id}`, { token })).body.exampleCount).toBe(2);
    expect((await stack.http.delete(`/topics/${created.body.id}/examples/${oneExample.id}`, { token })).status).toBe(
      404,
    );
  });

  it('lets agents read topics and the classifier but not change them', async () => {
    const { tenant, token } = await aTenantWithAdmin();
    const agent = await anAgent(stack.dataSource, tenant.id, { role: 'agent' });
    const billing = (await createTopic(token, 'billing')).body;
    const exampleId = (await stack.http.get(`/topics/${billing.id}`, { token })).body.examples[0].id;

    expect((await stack.http.get('/topics', { token: agent.token })).status).toBe(200);
    expect((await stack.http.get(`/topics/${billing.id}`, { token: agent.token })).body.name).toBe('billing');
    expect((await stack.http.get('/topics/classifier', { token: agent.token })).status).toBe(200);

    const as = { token: agent.token };
    expect((await stack.http.post('/topics', { ...as, body: { name: 'mine' } })).status).toBe(403);
    expect((await stack.http.patch(`/topics/${billing.id}`, { ...as, body: { name: 'x' } })).status).toBe(403);
    expect((await stack.http.delete(`/topics/${billing.id}`, as)).status).toBe(403);
    expect((await stack.http.post(`/topics/${billing.id}/examples`, { ...as, body: { examples: ['x'] } })).status).toBe(
      403,
    );
    expect((await stack.http.delete(`/topics/${billing.id}/examples/${exampleId}`, as)).status).toBe(403);
    expect((await stack.http.post('/topics/classifier/train', as)).status).toBe(403);
    expect((await stack.http.get('/topics')).status).toBe(401);
    expect((await stack.http.get(`/topics/${billing.id}`, { token })).body).toMatchObject({
      name: 'billing',
      exampleCount: 8,
    });
  });

  it("keeps another tenant's topics and examples out of reach (404)", async () => {
    const mine = await aTenantWithAdmin();
    const theirs = await aTenantWithAdmin();
    const foreign = (await createTopic(theirs.token, 'billing')).body;
    const foreignExample = (await stack.http.get(`/topics/${foreign.id}`, { token: theirs.token })).body.examples[0];
    const own = (await createTopic(mine.token, 'shipping')).body;
    const as = { token: mine.token };

    expect((await stack.http.get(`/topics/${foreign.id}`, as)).status).toBe(404);
    expect((await stack.http.patch(`/topics/${foreign.id}`, { ...as, body: { name: 'mine' } })).status).toBe(404);
    expect((await stack.http.delete(`/topics/${foreign.id}`, as)).status).toBe(404);
    expect((await stack.http.post(`/topics/${foreign.id}/examples`, { ...as, body: { examples: ['x'] } })).status).toBe(
      404,
    );
    expect((await stack.http.delete(`/topics/${foreign.id}/examples/${foreignExample.id}`, as)).status).toBe(404);
    // An example id of another category (here another tenant's) under one's own category is not found either.
    expect((await stack.http.delete(`/topics/${own.id}/examples/${foreignExample.id}`, as)).status).toBe(404);
    expect((await stack.http.get('/topics', as)).body.map((topic: { id: string }) => topic.id)).toEqual([own.id]);
    expect((await stack.http.get(`/topics/${foreign.id}`, { token: theirs.token })).body.exampleCount).toBe(8);
  });

  it('rejects malformed topics, examples, ids and pages with 400', async () => {
    const { tenant, token } = await aTenantWithAdmin();
    for (const body of [
      {},
      { name: '' },
      { name: '   ' },
      { name: '-billing' },
      { name: 'billing/refunds' },
      { name: 'x'.repeat(51) },
      { name: 42 },
      { name: 'billing', description: 7 },
      { name: 'billing', examples: 'refund please' },
      { name: 'billing', examples: ['fine', ''] },
      { name: 'billing', examples: ['fine', '   '] },
      { name: 'billing', examples: ['fine', 3] },
      { name: 'billing', examples: ['x'.repeat(2001)] },
      { name: 'billing', examples: Array.from({ length: 1001 }, (_, i) => `e${i}`) },
      { name: 'billing', colour: 'red' },
    ]) {
      const response = await stack.http.post('/topics', { token, body });
      expect({ body, status: response.status }).toEqual({ body, status: 400 });
    }
    const invalid = await stack.http.post('/topics', { token, body: { name: 'billing', examples: ['ok', ''] } });
    expect(invalid.body.message).toMatch(/example/);

    const billing = (await createTopic(token, 'billing', ['refund please'])).body;
    for (const body of [{}, { examples: 'x' }, { examples: [''] }, { examples: ['ok'], source: 'agent_retag' }]) {
      const response = await stack.http.post(`/topics/${billing.id}/examples`, { token, body });
      expect({ body, status: response.status }).toEqual({ body, status: 400 });
    }
    expect((await stack.http.patch(`/topics/${billing.id}`, { token, body: { name: '' } })).status).toBe(400);
    expect((await stack.http.patch(`/topics/${billing.id}`, { token, body: { name: null } })).status).toBe(400);
    expect((await stack.http.get('/topics/abc', { token })).status).toBe(400);
    expect((await stack.http.delete(`/topics/${billing.id}/examples/abc`, { token })).status).toBe(400);
    expect((await stack.http.get(`/topics/${billing.id}?limit=0`, { token })).status).toBe(400);
    expect((await stack.http.get(`/topics/${billing.id}?limit=1001`, { token })).status).toBe(400);
    expect((await stack.http.get(`/topics/${billing.id}?offset=-1`, { token })).status).toBe(400);
    const [{ count }] = await stack.dataSource.query(
      'SELECT count(*)::int AS count FROM topic_categories WHERE tenant_id = $1',
      [tenant.id],
    );
    expect(count).toBe(1);
  });
});
