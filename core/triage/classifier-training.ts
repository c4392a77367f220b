import { createHash } from 'node:crypto';
import {
  encodeModel,
  MODEL_FORMAT_VERSION,
  trainTextClassifier,
  type LabelledText,
  type TrainingOptions,
} from './classifier';

/** A type alias (not an interface) so it is storable as a JSON record. */
export type TopicModelMetrics = {
  /** Share of the training examples the trained model labels correctly (a sanity check, not a generalisation estimate). */
  trainingAccuracy: number;
  examples: number;
  labels: number;
  trainMs: number;
};

/** What gets stored as a classifier_models row. */
export interface TrainedTopicModel {
  fingerprint: string;
  /** Empty when there is nothing to learn from: the tenant then has no topics until examples are added. */
  labels: string[];
  examples: number;
  params: Buffer;
  metrics: TopicModelMetrics;
}

export type TrainingDecision =
  | { train: true; fingerprint: string }
  | { train: false; fingerprint: string; reason: 'unchanged' | 'nothing_to_learn' };

/**
 * sha256 over the sorted (label, text) pairs and the model format, so the same examples in any order give the same
 * fingerprint, and a new model format makes every tenant retrain on its next request.
 */
export function trainingSetFingerprint(examples: readonly LabelledText[]): string {
  const pairs = examples.map(({ label, text }) => [label, text] as const).sort(comparePairs);
  return createHash('sha256')
    .update(JSON.stringify({ format: MODEL_FORMAT_VERSION, pairs }))
    .digest('hex');
}

/**
 * Train unless the current model already learned exactly this set. An empty set needs a model only to replace one
 * that still knows deleted categories; a tenant that never had examples gets none.
 */
export function decideTraining(
  examples: readonly LabelledText[],
  current: { fingerprint: string } | null,
): TrainingDecision {
  const fingerprint = trainingSetFingerprint(examples);
  if (current?.fingerprint === fingerprint) {
    return { train: false, fingerprint, reason: 'unchanged' };
  }
  if (examples.length === 0 && current === null) {
    return { train: false, fingerprint, reason: 'nothing_to_learn' };
  }
  return { train: true, fingerprint };
}

/** Trains and encodes a tenant's model (CPU-bound: seconds for thousands of examples). */
export function trainTopicModel(
  examples: readonly LabelledText[],
  options: { clock?: () => number; training?: Partial<TrainingOptions> } = {},
): TrainedTopicModel {
  const clock = options.clock ?? (() => performance.now());
  const fingerprint = trainingSetFingerprint(examples);
  if (examples.length === 0) {
    return {
      fingerprint,
      labels: [],
      examples: 0,
      params: Buffer.alloc(0),
      metrics: { trainingAccuracy: 0, examples: 0, labels: 0, trainMs: 0 },
    };
  }
  const started = clock();
  const classifier = trainTextClassifier(examples, options.training);
  const trainMs = Math.round(clock() - started);
  const correct = examples.filter((example) => classifier.predict(example.text).label === example.label).length;
  const labels = [...classifier.labels];
  return {
    fingerprint,
    labels,
    examples: examples.length,
    params: encodeModel(classifier),
    metrics: {
      trainingAccuracy: round(correct / examples.length),
      examples: examples.length,
      labels: labels.length,
      trainMs,
    },
  };
}

function comparePairs(a: readonly [string, string], b: readonly [string, string]): number {
  return compareStrings(a[0], b[0]) || compareStrings(a[1], b[1]);
}

/** Code-unit order, independent of locale. */
function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function round(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}
