import { FEATURE_NAMES, type AnswerabilityFeatures } from './answerability.features';

/**
 * Logistic-regression coefficients of the answerability score, fitted offline by scripts/fit-answerability.ts on
 * the development data (CovidFAQ as the knowledge base, its user questions as answerable, CLINC150 oos_val and
 * questions of intents it does not cover as must-hand-off). The label is "the cited article is one that answers the
 * question", so the score is the estimated probability of that, which is what HANDOFF_CONFIDENCE_THRESHOLD compares.
 * 2-fold cross-validated on those 1,841 questions its expected calibration error is 0.04 (reliability bins in the
 * README); at the default threshold 0.35 it answered 79% of the answerable questions and 3% of the out-of-scope ones.
 */
export const ANSWERABILITY_MODEL = {
  bias: -2.7974,
  weights: {
    fieldSimilarity: 5.5097,
    articleSimilarity: 0.8478,
    margin: -0.2905,
    unknownWeight: -2.1545,
    fieldCoverage: 0.1915,
    articleCoverage: -0.1422,
    fullTextFound: 1.023,
    length: 0.7208,
  } satisfies Record<keyof AnswerabilityFeatures, number>,
};

/** The estimated probability (0..1) that the cited article answers the question. */
export function answerability(
  features: AnswerabilityFeatures,
  model: { bias: number; weights: Record<keyof AnswerabilityFeatures, number> } = ANSWERABILITY_MODEL,
): number {
  let z = model.bias;
  for (const name of FEATURE_NAMES) {
    z += model.weights[name] * features[name];
  }
  return 1 / (1 + Math.exp(-z));
}
