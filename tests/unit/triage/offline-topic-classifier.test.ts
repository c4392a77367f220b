import type { DataSource } from 'typeorm';
import {
  ClassifierModelRepository,
  type StoredClassifierModel,
} from '../../../core/triage/classifier-model.repository';
import { trainTopicModel } from '../../../core/triage/classifier-training';
import { OfflineTopicClassifier } from '../../../core/triage/offline-topic-classifier';

const BILLING_SHIPPING = trainTopicModel([
  { label: 'billing', text: 'I was charged twice' },
  { label: 'billing', text: 'refund my invoice please' },
  { label: 'shipping', text: 'where is my parcel' },
  { label: 'shipping', text: 'the delivery is late' },
]);
const ACCOUNT_ONLY = trainTopicModel([{ label: 'account', text: 'reset my password' }]);

/**
 * Answers the two queries ClassifierModelRepository makes (current version; one version with params) from an
 * in-memory table, and counts the model loads.
 */
function fakeModels() {
  const table = new Map<string, StoredClassifierModel[]>();
  const loads: string[] = [];
  let failNextLoad = false;
  const dataSource = {
    query: async (sql: string, [tenantId, version]: [string, number?]) => {
      const rows = table.get(tenantId) ?? [];
      if (sql.includes('max(version)')) {
        return [{ version: rows.length > 0 ? Math.max(...rows.map((row) => row.version)) : null }];
      }
      loads.push(`${tenantId}@${version}`);
      if (failNextLoad) {
        failNextLoad = false;
        throw new Error('connection reset');
      }
      const row = rows.find((candidate) => candidate.version === version);
      return row ? [{ ...row, trained_at: row.trainedAt }] : [];
    },
  } as unknown as DataSource;
  const store = (tenantId: string, version: number, model: ReturnType<typeof trainTopicModel>) =>
    table.set(tenantId, [...(table.get(tenantId) ?? []), { ...model, version, trainedAt: new Date() }]);
  return { dataSource, store, loads, failOnce: () => (failNextLoad = true) };
}

describe('OfflineTopicClassifier', () => {
  it('answers no topic for a tenant without a model', async () => {
    const { dataSource, loads } = fakeModels();
    const classifier = new OfflineTopicClassifier(new ClassifierModelRepository(dataSource));

    expect(await classifier.classify({ tenantId: 't1', text: 'hello' })).toEqual({
      topic: null,
      confidence: 0,
      engine: 'offline',
      modelVersion: null,
    });
    expect(loads).toEqual([]);
  });

  it('loads a model once per version and reloads when a new version appears', async () => {
    const { dataSource, store, loads } = fakeModels();
    const classifier = new OfflineTopicClassifier(new ClassifierModelRepository(dataSource));
    store('t1', 1, BILLING_SHIPPING);

    const first = await classifier.classify({ tenantId: 't1', text: 'my parcel is late' });
    const second = await classifier.classify({ tenantId: 't1', text: 'charged twice, refund please' });
    expect(first).toMatchObject({ topic: 'shipping', engine: 'offline', modelVersion: 1 });
    expect(second).toMatchObject({ topic: 'billing', modelVersion: 1 });
    expect(first.confidence).toBeGreaterThan(0.5);
    expect(loads).toEqual(['t1@1']);

    store('t1', 2, ACCOUNT_ONLY);
    expect(await classifier.classify({ tenantId: 't1', text: 'my parcel is late' })).toEqual({
      topic: 'account',
      confidence: 1,
      engine: 'offline',
      modelVersion: 2,
    });
    expect(loads).toEqual(['t1@1', 't1@2']);
  });

  it('answers no topic (with the version) when the current model learned nothing', async () => {
    const { dataSource, store } = fakeModels();
    store('t1', 3, trainTopicModel([]));

    expect(
      await new OfflineTopicClassifier(new ClassifierModelRepository(dataSource)).classify({
        tenantId: 't1',
        text: 'hi',
      }),
    ).toEqual({
      topic: null,
      confidence: 0,
      engine: 'offline',
      modelVersion: 3,
    });
  });

  it('shares one load between concurrent calls and retries a failed load', async () => {
    const { dataSource, store, loads, failOnce } = fakeModels();
    const classifier = new OfflineTopicClassifier(new ClassifierModelRepository(dataSource));
    store('t1', 1, BILLING_SHIPPING);

    const predictions = await Promise.all(
      ['parcel', 'refund', 'delivery'].map((text) => classifier.classify({ tenantId: 't1', text })),
    );
    expect(predictions.map((prediction) => prediction.topic)).toEqual(['shipping', 'billing', 'shipping']);
    expect(loads).toEqual(['t1@1']);

    store('t1', 2, ACCOUNT_ONLY);
    failOnce();
    await expect(classifier.classify({ tenantId: 't1', text: 'x' })).rejects.toThrow('connection reset');
    expect((await classifier.classify({ tenantId: 't1', text: 'x' })).topic).toBe('account');
    expect(loads).toEqual(['t1@1', 't1@2', 't1@2']);
  });

  it('keeps only the most recently used tenants', async () => {
    const { dataSource, store, loads } = fakeModels();
    const classifier = new OfflineTopicClassifier(new ClassifierModelRepository(dataSource), 2);
    for (const tenantId of ['a', 'b', 'c']) {
      store(tenantId, 1, ACCOUNT_ONLY);
    }
    const classify = (tenantId: string) => classifier.classify({ tenantId, text: 'hi' });

    await classify('a');
    await classify('b');
    await classify('a'); // a is now more recent than b
    await classify('c'); // evicts b
    await classify('a');
    await classify('b');
    expect(loads).toEqual(['a@1', 'b@1', 'c@1', 'b@1']);
  });
});
