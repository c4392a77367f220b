import { defineSignal } from '@temporalio/workflow';

export interface TopicTrainingSettings {
  /** Train once no request has arrived for this long, so a burst of edits costs one training run. */
  debounceSeconds: number;
  /** ...but never wait longer than this after the first request of a burst (steady re-tags would starve it). */
  maxDelaySeconds: number;
  /** The workflow ends after this long without requests; the next request starts it again. */
  idleSeconds: number;
}

export interface TopicTrainingInput {
  tenantId: string;
  settings: TopicTrainingSettings;
  /** Carried across continue-as-new: a request arrived that the previous run did not serve. */
  pending?: boolean;
}

export const DEFAULT_TOPIC_TRAINING_SETTINGS: TopicTrainingSettings = {
  debounceSeconds: 2,
  maxDelaySeconds: 60,
  idleSeconds: 600,
};

/** The tenant's categories or examples changed (or an admin asked): retrain soon. */
export const trainingRequestedSignal = defineSignal<[]>('trainingRequested');

export function topicTrainingWorkflowId(tenantId: string): string {
  return `topic-training:${tenantId}`;
}
