import type { TopicModelRetrainer, TrainingOutcome } from '../core/triage/retrain-topic-model';

export type { TrainingOutcome };

export interface TopicTrainingActivityDeps {
  retrain: TopicModelRetrainer;
}

/** Retrains a tenant's topic classifier from its examples. */
export const createTopicTrainingActivities = ({ retrain }: TopicTrainingActivityDeps) => ({
  /** Idempotent: a retry (or a request with no change) finds the fingerprint already stored and writes nothing. */
  trainTopicClassifier: ({ tenantId }: { tenantId: string }): Promise<TrainingOutcome> => retrain(tenantId),
});

export type TopicTrainingActivities = ReturnType<typeof createTopicTrainingActivities>;
