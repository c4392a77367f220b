import type { DataSource } from 'typeorm';
import { retrainTopicModel, type TrainingOutcome } from '../core/triage/retrain-topic-model';

export type { TrainingOutcome };

/** Retrains a tenant's topic classifier from its examples. */
export const createTopicTrainingActivities = ({ dataSource }: { dataSource: DataSource }) => ({
  /** Idempotent: a retry (or a request with no change) finds the fingerprint already stored and writes nothing. */
  trainTopicClassifier: ({ tenantId }: { tenantId: string }): Promise<TrainingOutcome> =>
    retrainTopicModel(dataSource, tenantId),
});

export type TopicTrainingActivities = ReturnType<typeof createTopicTrainingActivities>;
