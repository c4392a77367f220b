export interface ClassificationScores {
  accuracy: number;
  /** Unweighted mean of per-label F1 over every label that occurs in the truth or the predictions. */
  macroF1: number;
}

/**
 * Accuracy and macro-F1 of `predicted` against `actual` (same length, same order). A label with no true and no
 * predicted positives never appears; one with precision or recall undefined scores F1 = 0, as scikit-learn does.
 */
export function classificationScores(actual: readonly string[], predicted: readonly string[]): ClassificationScores {
  if (actual.length !== predicted.length) {
    throw new Error(`Cannot score ${predicted.length} predictions against ${actual.length} labels`);
  }
  if (actual.length === 0) {
    return { accuracy: 0, macroF1: 0 };
  }
  const truePositives = new Map<string, number>();
  const actualCounts = new Map<string, number>();
  const predictedCounts = new Map<string, number>();
  const increment = (counts: Map<string, number>, label: string) => counts.set(label, (counts.get(label) ?? 0) + 1);
  let correct = 0;
  actual.forEach((label, i) => {
    increment(actualCounts, label);
    increment(predictedCounts, predicted[i]);
    if (predicted[i] === label) {
      correct++;
      increment(truePositives, label);
    }
  });
  const labels = new Set([...actualCounts.keys(), ...predictedCounts.keys()]);
  let f1Sum = 0;
  for (const label of labels) {
    const hits = truePositives.get(label) ?? 0;
    // F1 = 2·TP / (actual + predicted), the harmonic mean of precision and recall without dividing by zero.
    f1Sum += (2 * hits) / ((actualCounts.get(label) ?? 0) + (predictedCounts.get(label) ?? 0));
  }
  return { accuracy: correct / actual.length, macroF1: f1Sum / labels.size };
}
