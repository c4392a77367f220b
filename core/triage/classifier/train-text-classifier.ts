import { DomainError } from '../../platform/errors/domain-error';
import { pickFeatureSettings } from './feature-settings';
import { trainSoftmaxRegression } from './softmax-regression';
import { TextClassifier } from './text-classifier';
import { fitTfidfVectorizer } from './tfidf-vectorizer';
import { DEFAULT_TRAINING_OPTIONS, type TrainingOptions } from './training-options';

export interface LabelledText {
  text: string;
  label: string;
}

/** Learns a topic classifier from labelled messages; deterministic for a given set, order and seed. */
export function trainTextClassifier(
  examples: readonly LabelledText[],
  options: Partial<TrainingOptions> = {},
): TextClassifier {
  if (examples.length === 0) {
    throw new DomainError('validation_failed', 'Cannot train a topic classifier without any labelled examples');
  }
  // An option passed as undefined means "use the default", not "unset".
  const given = Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined));
  const settings: TrainingOptions = { ...DEFAULT_TRAINING_OPTIONS, ...given };
  const labels = [...new Set(examples.map((example) => example.label))].sort();
  if (labels.some((label) => label.trim() === '')) {
    throw new DomainError('validation_failed', 'Every training example needs a non-empty label');
  }
  const labelIndex = new Map(labels.map((label, i) => [label, i]));
  const targets = Int32Array.from(examples, (example) => labelIndex.get(example.label) ?? 0);

  const minDf = examples.length >= settings.minDfFromExamples ? settings.minDf : 1;
  const { vectorizer, vectors } = fitTfidfVectorizer(
    examples.map((example) => example.text),
    pickFeatureSettings(settings),
    minDf,
  );
  const model = trainSoftmaxRegression(vectors, targets, vectorizer.featureCount, labels.length, {
    ...settings,
    classWeights: settings.classWeighting === 'balanced' ? balancedClassWeights(targets, labels.length) : undefined,
  });
  return new TextClassifier(labels, vectorizer, model);
}

function balancedClassWeights(targets: Int32Array, classCount: number): Float64Array {
  const sizes = new Float64Array(classCount);
  for (const target of targets) {
    sizes[target]++;
  }
  return sizes.map((size) => targets.length / (classCount * size));
}
