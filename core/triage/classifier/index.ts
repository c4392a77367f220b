export { classificationScores, type ClassificationScores } from './classification-metrics';
export type { FeatureSettings } from './feature-settings';
export { labelledTextsFromCsv, parseCsv } from './labelled-text-csv';
export { decodeModel, encodeModel, MODEL_FORMAT_VERSION } from './model-codec';
export { stratifiedKFold, type Fold } from './stratified-k-fold';
export { TextClassifier, type LabelProbability, type TextPrediction } from './text-classifier';
export { trainTextClassifier, type LabelledText } from './train-text-classifier';
export { DEFAULT_TRAINING_OPTIONS, type TrainingOptions } from './training-options';
