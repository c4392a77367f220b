/** How the per-tenant topic retraining workflow batches changes to topic examples. */
export interface TopicTrainingSettings {
  /** Train once no request has arrived for this long, so a burst of edits costs one training run. */
  debounceSeconds: number;
  /** ...but never wait longer than this after the first request of a burst (steady re-tags would starve it). */
  maxDelaySeconds: number;
  /** The workflow ends after this long without requests; the next request starts it again. */
  idleSeconds: number;
}

export const DEFAULT_TOPIC_TRAINING_SETTINGS: TopicTrainingSettings = {
  debounceSeconds: 2,
  maxDelaySeconds: 60,
  idleSeconds: 600,
};
