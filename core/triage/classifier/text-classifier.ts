import { softmaxProbabilities, type SoftmaxModel } from './softmax-regression';
import type { TfidfVectorizer } from './tfidf-vectorizer';

export interface LabelProbability {
  label: string;
  probability: number;
}

export interface TextPrediction {
  label: string;
  /** The winning label's probability, in (0, 1]. */
  confidence: number;
  /** The (up to) three most probable labels, most probable first. */
  scores: LabelProbability[];
}

const TOP_SCORES = 3;

/** A trained topic model: TF-IDF features fed to a softmax regression over `labels`. */
export class TextClassifier {
  constructor(
    readonly labels: readonly string[],
    readonly vectorizer: TfidfVectorizer,
    readonly model: SoftmaxModel,
  ) {
    if (labels.length === 0 || model.classCount !== labels.length) {
      throw new Error(`A classifier needs one weight column per label (${labels.length} labels, ${model.classCount})`);
    }
    if (model.featureCount !== vectorizer.featureCount) {
      throw new Error(`Model has ${model.featureCount} features but the vectorizer makes ${vectorizer.featureCount}`);
    }
  }

  predict(text: string): TextPrediction {
    const probabilities = softmaxProbabilities(this.model, this.vectorizer.transform(text));
    const scores = topIndices(probabilities, TOP_SCORES).map((index) => ({
      label: this.labels[index],
      probability: probabilities[index],
    }));
    return { label: scores[0].label, confidence: scores[0].probability, scores };
  }
}

/** Indices of the `count` largest values, largest first; ties go to the earlier index so rankings are stable. */
function topIndices(values: Float64Array, count: number): number[] {
  const top: number[] = [];
  for (let i = 0; i < values.length; i++) {
    let slot = top.length;
    while (slot > 0 && values[top[slot - 1]] < values[i]) {
      slot--;
    }
    if (slot < count) {
      top.splice(slot, 0, i);
      top.length = Math.min(top.length, count);
    }
  }
  return top;
}
