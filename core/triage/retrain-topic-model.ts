import type { ClassifierModelRepository } from './classifier-model.repository';
import type { TopicExampleRepository } from './topic-example.repository';
import type { LabelledText } from './classifier';
import { decideTraining, trainTopicModel, type TrainedTopicModel } from './classifier-training';

/** Trains a model from examples; the worker passes its training thread's, tests may train in-process. */
export type TopicModelTrainer = (examples: readonly LabelledText[]) => Promise<TrainedTopicModel>;

const trainHere: TopicModelTrainer = (examples) => Promise.resolve(trainTopicModel(examples));

export interface TrainingOutcome {
  /** The tenant's current model version afterwards; null when it has never had examples. */
  version: number | null;
  /** True when nothing was trained: the current model already learned this exact set, or there is nothing to learn. */
  skipped: boolean;
}

/** Where a retrain reads its examples and stores its models. */
export interface TopicModelStores {
  models: Pick<ClassifierModelRepository, 'current' | 'save'>;
  examples: Pick<TopicExampleRepository, 'trainingSet'>;
}

export type TopicModelRetrainer = (tenantId: string) => Promise<TrainingOutcome>;

/**
 * Retrains a tenant's topic classifier from its examples and stores it as the next version. Idempotent: an unchanged
 * training set (same fingerprint as the current model) writes nothing.
 */
export const createTopicModelRetrainer =
  ({ models, examples }: TopicModelStores, train: TopicModelTrainer = trainHere): TopicModelRetrainer =>
  async (tenantId) => {
    const set = await examples.trainingSet(tenantId);
    const current = await models.current(tenantId);
    if (!decideTraining(set, current).train) {
      return { version: current?.version ?? null, skipped: true };
    }
    const { version, inserted } = await models.save(tenantId, await train(set));
    return { version, skipped: !inserted };
  };
