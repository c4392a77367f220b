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
    // Ties go to the earlier label, so the ranking is deterministic.
    const ranked = [...probabilities.keys()].sort((a, b) => probabilities[b] - probabilities[a] || a - b);
    const scores = ranked
      .slice(0, TOP_SCORES)
      .map((index) => ({ label: this.labels[index], probability: probabilities[index] }));
    return { label: scores[0].label, confidence: scores[0].probability, scores };
  }
}
