import { DomainError } from '../../../core/platform/errors/domain-error';
import { trainTextClassifier, type LabelledText } from '../../../core/triage/classifier';
import topics from '../../fixtures/classifier/support-topics.json';

const training: LabelledText[] = topics.train;
const heldOut: LabelledText[] = topics.heldOut;
const bytesOf = (values: Float32Array) => Buffer.from(values.buffer, values.byteOffset, values.byteLength);

describe('offline topic classifier', () => {
  const classifier = trainTextClassifier(training);

  it('learns four support topics from a handful of examples and names held-out phrasings correctly', () => {
    expect(classifier.labels).toEqual(['billing', 'general', 'sales', 'technical']);
    for (const { text, label } of heldOut) {
      expect({ text, predicted: classifier.predict(text).label }).toEqual({ text, predicted: label });
    }
  });

  it('reports the winning probability as confidence and ranks the top three labels', () => {
    const prediction = classifier.predict('I was charged twice, please refund the payment');
    expect(prediction.label).toBe('billing');
    expect(prediction.scores).toHaveLength(3);
    expect(prediction.scores[0]).toEqual({ label: 'billing', probability: prediction.confidence });
    expect(prediction.confidence).toBeGreaterThan(0.5);
    expect(prediction.confidence).toBeLessThanOrEqual(1);
    const probabilities = prediction.scores.map((score) => score.probability);
    expect(probabilities).toEqual([...probabilities].sort((a, b) => b - a));
    expect(new Set(prediction.scores.map((score) => score.label)).size).toBe(3);
  });

  it('is unsure about text that shares nothing with the training set', () => {
    for (const text of ['', 'zzzz qqqq']) {
      const prediction = classifier.predict(text);
      expect(prediction.confidence).toBeGreaterThan(0);
      expect(prediction.confidence).toBeLessThan(0.6);
    }
  });

  it('refuses to train without examples', () => {
    expect(() => trainTextClassifier([])).toThrow(DomainError);
    expect(() => trainTextClassifier([])).toThrow(/without any labelled examples/);
  });

  it('refuses a blank label', () => {
    expect(() => trainTextClassifier([{ text: 'hello', label: '  ' }])).toThrow(/non-empty label/);
  });

  it('predicts the only label of a single-label set with confidence 1', () => {
    const single = trainTextClassifier([
      { text: 'where is my parcel', label: 'shipping' },
      { text: 'my order has not arrived', label: 'shipping' },
    ]);
    expect(single.labels).toEqual(['shipping']);
    expect(single.predict('anything at all')).toEqual({
      label: 'shipping',
      confidence: 1,
      scores: [{ label: 'shipping', probability: 1 }],
    });
  });

  it('trains the same model twice from the same examples and seed, and a different one from another seed', () => {
    const probe = heldOut.map((example) => example.text);
    const again = trainTextClassifier(training);
    expect(probe.map((text) => again.predict(text))).toEqual(probe.map((text) => classifier.predict(text)));
    expect(bytesOf(again.model.weights).equals(bytesOf(classifier.model.weights))).toBe(true);
    const reseeded = trainTextClassifier(training, { seed: 12345 });
    expect(bytesOf(reseeded.model.weights).equals(bytesOf(classifier.model.weights))).toBe(false);
  });

  it('keeps rare terms in a tiny set but drops them once the set is large enough for min-df', () => {
    expect(classifier.vectorizer.wordBlock.terms).toContain('nonprofits');
    const repeated = Array.from({ length: 10 }, () => training).flat();
    const large = trainTextClassifier([...repeated, { text: 'xylophone', label: 'general' }], {
      minDfFromExamples: 100,
      epochs: 1,
      minSteps: 0,
    });
    expect(large.vectorizer.wordBlock.terms).toContain('nonprofits');
    expect(large.vectorizer.wordBlock.terms).not.toContain('xylophone');
  });
});
