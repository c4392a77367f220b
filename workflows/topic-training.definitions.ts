import { defineSignal } from '@temporalio/workflow';
import type { TopicTrainingSettings } from '../core/platform/config/topic-training-settings';

export type { TopicTrainingSettings };
export { DEFAULT_TOPIC_TRAINING_SETTINGS } from '../core/platform/config/topic-training-settings';

export interface TopicTrainingInput {
  tenantId: string;
  settings: TopicTrainingSettings;
  /** Carried across continue-as-new: a request arrived that the previous run did not serve. */
  pending?: boolean;
}

/** The tenant's categories or examples changed (or an admin asked): retrain soon. */
export const trainingRequestedSignal = defineSignal<[]>('trainingRequested');

export function topicTrainingWorkflowId(tenantId: string): string {
  return `topic-training:${tenantId}`;
}
