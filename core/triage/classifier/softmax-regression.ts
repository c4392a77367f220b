import { seededRandom, shuffleInPlace } from './seeded-random';
import type { SparseVector } from './sparse-vector';

/** Weights of a multinomial logistic regression; `weights` is feature-major: feature j's class scores are contiguous. */
export interface SoftmaxModel {
  readonly featureCount: number;
  readonly classCount: number;
  /** featureCount × classCount. */
  readonly weights: Float32Array;
  readonly bias: Float32Array;
}

export interface SoftmaxTrainingSettings {
  readonly epochs: number;
  /** Small sets get more epochs so that the optimiser sees at least this many examples in all. */
  readonly minSteps: number;
  /** AdaGrad base step; it also decays linearly to zero over the run so the last epochs settle. */
  readonly learningRate: number;
  /** L2 penalty on the weights (not the biases), applied to the rows an example touches. */
  readonly l2: number;
  readonly seed: number;
  /** Optional per-class loss weights, indexed by class. */
  readonly classWeights?: Float64Array;
}

const ACCUMULATOR_START = 1e-2;
/**
 * Classes whose gradient for an example is smaller than this (probability < 0.001 for a wrong class) are not updated:
 * once the model has learnt, most of the classes are negligible for any one message, so this roughly halves training
 * time at no measured cost in accuracy on Banking77. L2 shrinkage applies to the weights that are updated.
 */
const NEGLIGIBLE_GRADIENT = 1e-3;

/**
 * Stochastic gradient descent on the softmax cross-entropy, one example at a time, with an AdaGrad step size per
 * feature row (shared by the row's class weights). Rare features keep large steps while frequent ones settle, and
 * since the row's squared gradient is value² × |class gradient|², the adaptive step costs O(1) per non-zero: an epoch
 * costs one pass over non-zeros × classes for the scores plus one over non-zeros × non-negligible classes for the
 * update, with no per-weight square roots.
 */
export function trainSoftmaxRegression(
  rows: readonly SparseVector[],
  targets: Int32Array,
  featureCount: number,
  classCount: number,
  settings: SoftmaxTrainingSettings,
): SoftmaxModel {
  const K = classCount;
  const weights = new Float32Array(featureCount * K);
  const bias = new Float32Array(K);
  if (rows.length === 0 || K < 2) {
    return { featureCount, classCount, weights, bias };
  }
  const rowAccumulator = new Float64Array(featureCount).fill(ACCUMULATOR_START);
  const biasAccumulator = new Float64Array(K).fill(ACCUMULATOR_START);
  const gradient = new Float64Array(K);
  const active = new Int32Array(K);

  const epochs = Math.max(settings.epochs, Math.ceil(settings.minSteps / rows.length));
  const totalSteps = epochs * rows.length;
  const random = seededRandom(settings.seed);
  const order = Int32Array.from(rows, (_, i) => i);
  let step = 0;

  for (let epoch = 0; epoch < epochs; epoch++) {
    shuffleInPlace(order, random);
    for (let position = 0; position < order.length; position++) {
      const row = rows[order[position]];
      const target = targets[order[position]];
      classScores(weights, bias, row, K, gradient);
      softmaxInPlace(gradient);
      const rowWeight = settings.classWeights ? settings.classWeights[target] : 1;
      let gradientNorm = 0;
      let activeCount = 0;
      for (let k = 0; k < K; k++) {
        const g = (gradient[k] - (k === target ? 1 : 0)) * rowWeight;
        gradient[k] = g;
        gradientNorm += g * g;
        if (g > NEGLIGIBLE_GRADIENT || g < -NEGLIGIBLE_GRADIENT) {
          active[activeCount++] = k;
        }
      }
      const rate = (settings.learningRate * (totalSteps - step)) / totalSteps;
      step++;
      for (let k = 0; k < K; k++) {
        biasAccumulator[k] += gradient[k] * gradient[k];
        bias[k] -= (rate * gradient[k]) / Math.sqrt(biasAccumulator[k]);
      }
      const { indices, values } = row;
      for (let p = 0; p < indices.length; p++) {
        const feature = indices[p];
        const value = values[p];
        rowAccumulator[feature] += value * value * gradientNorm;
        const featureRate = rate / Math.sqrt(rowAccumulator[feature]);
        const shrink = 1 - featureRate * settings.l2;
        const scaled = featureRate * value;
        const base = feature * K;
        for (let a = 0; a < activeCount; a++) {
          const k = active[a];
          weights[base + k] = weights[base + k] * shrink - scaled * gradient[k];
        }
      }
    }
  }
  return { featureCount, classCount, weights, bias };
}

/** Class probabilities for one vector. */
export function softmaxProbabilities(model: SoftmaxModel, vector: SparseVector): Float64Array {
  const scores = new Float64Array(model.classCount);
  classScores(model.weights, model.bias, vector, model.classCount, scores);
  return softmaxInPlace(scores);
}

function classScores(
  weights: Float32Array,
  bias: Float32Array,
  { indices, values }: SparseVector,
  K: number,
  scores: Float64Array,
): void {
  for (let k = 0; k < K; k++) {
    scores[k] = bias[k];
  }
  for (let p = 0; p < indices.length; p++) {
    const value = values[p];
    const base = indices[p] * K;
    for (let k = 0; k < K; k++) {
      scores[k] += value * weights[base + k];
    }
  }
}

function softmaxInPlace(scores: Float64Array): Float64Array {
  let max = -Infinity;
  for (let k = 0; k < scores.length; k++) {
    max = Math.max(max, scores[k]);
  }
  let sum = 0;
  for (let k = 0; k < scores.length; k++) {
    scores[k] = Math.exp(scores[k] - max);
    sum += scores[k];
  }
  for (let k = 0; k < scores.length; k++) {
    scores[k] /= sum;
  }
  return scores;
}
