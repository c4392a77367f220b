import type { DataSource } from 'typeorm';
import { retrainTopicModel, type TopicModelTrainer, type TrainingOutcome } from '../core/triage/retrain-topic-model';

export type { TrainingOutcome };

/** Retrains a tenant's topic classifier from its examples. */
export const createTopicTrainingActivities = ({
  dataSource,
  train,
}: {
  dataSource: DataSource;
  train?: TopicModelTrainer;
}) => ({
  /** Idempotent: a retry (or a request with no change) finds the fingerprint already stored and writes nothing. */
  trainTopicClassifier: ({ tenantId }: { tenantId: string }): Promise<TrainingOutcome> =>
    retrainTopicModel(dataSource, tenantId, train),
});

export type TopicTrainingActivities = ReturnType<typeof createTopicTrainingActivities>;
