import { decodeModel } from '../../../core/triage/classifier';
import { decideTraining, trainingSetFingerprint, trainTopicModel } from '../../../core/triage/classifier-training';

const SET = [
  { label: 'billing', text: 'I was charged twice' },
  { label: 'billing', text: 'refund my invoice please' },
  { label: 'shipping', text: 'where is my parcel' },
  { label: 'shipping', text: 'the delivery is late' },
];

describe('training set fingerprint', () => {
  it('ignores order but not content', () => {
    const fingerprint = trainingSetFingerprint(SET);
    expect(trainingSetFingerprint([...SET].reverse())).toBe(fingerprint);
    expect(trainingSetFingerprint(SET.slice(1))).not.toBe(fingerprint);
    expect(trainingSetFingerprint([...SET.slice(1), { label: 'shipping', text: 'I was charged twice' }])).not.toBe(
      fingerprint,
    );
    expect(trainingSetFingerprint([{ label: 'a b', text: 'c' }])).not.toBe(
      trainingSetFingerprint([{ label: 'a', text: 'b c' }]),
    );
  });
});

describe('decideTraining', () => {
  it('skips a set the current model already learned', () => {
    const current = { fingerprint: trainingSetFingerprint(SET) };
    expect(decideTraining([...SET].reverse(), current)).toEqual({
      train: false,
      fingerprint: current.fingerprint,
      reason: 'unchanged',
    });
    expect(decideTraining(SET.slice(1), current)).toMatchObject({ train: true });
  });

  it('trains on an empty set only to replace a model that knows deleted categories', () => {
    expect(decideTraining([], null)).toMatchObject({ train: false, reason: 'nothing_to_learn' });
    expect(decideTraining([], { fingerprint: trainingSetFingerprint(SET) })).toMatchObject({ train: true });
    expect(decideTraining([], { fingerprint: trainingSetFingerprint([]) })).toMatchObject({
      train: false,
      reason: 'unchanged',
    });
  });
});

describe('trainTopicModel', () => {
  it('encodes a model that decodes to the same predictions, with metrics', () => {
    let now = 1000;
    const model = trainTopicModel(SET, { clock: () => (now += 250) });

    expect(model).toMatchObject({
      fingerprint: trainingSetFingerprint(SET),
      labels: ['billing', 'shipping'],
      examples: 4,
      metrics: { trainingAccuracy: 1, examples: 4, labels: 2, trainMs: 250 },
    });
    const decoded = decodeModel(model.params);
    expect(decoded.predict('charged twice on my invoice').label).toBe('billing');
    expect(decoded.predict('parcel delivery late').label).toBe('shipping');
  });

  it('always answers the only category there is', () => {
    const model = trainTopicModel(SET.slice(0, 2));
    expect(model.labels).toEqual(['billing']);
    expect(decodeModel(model.params).predict('where is my parcel')).toMatchObject({ label: 'billing', confidence: 1 });
  });

  it('stores an empty model (no labels, no parameters) for an empty set', () => {
    expect(trainTopicModel([])).toEqual({
      fingerprint: trainingSetFingerprint([]),
      labels: [],
      examples: 0,
      params: Buffer.alloc(0),
      metrics: { trainingAccuracy: 0, examples: 0, labels: 0, trainMs: 0 },
    });
  });
});
