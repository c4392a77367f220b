import { NativeConnection, Worker } from '@temporalio/worker';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '../../../core/config/app-config';
import { createAnswerEngine } from '../../../core/ai/answer-engine.factory';
import { createConversationActivities } from '../../../activities/conversation.activities';
import { createAssignmentActivities } from '../../../activities/assignment.activities';
import { createTopicTrainingActivities } from '../../../activities/topic-training.activities';
import { createRoutingActivities } from '../../../activities/routing.activities';
import { ConversationTriage } from '../../../core/triage/conversation-triage';
import { OfflineTopicClassifier } from '../../../core/triage/offline-topic-classifier';
import { createTopicClassifier } from '../../../core/triage/topic-classifier.factory';
import { TopicCategoryRepository } from '../../../core/db/repositories/topic-category.repository';
import { SentimentAnalyzer } from '../../../core/triage/sentiment-analyzer';

export interface ConversationWorkerOptions {
  connection: NativeConnection;
  namespace: string;
  taskQueue: string;
  dataSource: DataSource;
  config: AppConfig;
  /** A prebuilt bundle (production and tests); without it the worker bundles workflows/ at start. */
  workflowBundle?: { code: string } | { codePath: string };
  /** Tuning knobs for benchmarks; defaults suit a small machine. */
  tuning?: Partial<WorkerTuning>;
}

export interface WorkerTuning {
  maxConcurrentWorkflowTaskExecutions: number;
  maxConcurrentLocalActivityExecutions: number;
  maxCachedWorkflows: number;
}

export const DEFAULT_WORKER_TUNING: WorkerTuning = {
  maxConcurrentWorkflowTaskExecutions: 100,
  maxConcurrentLocalActivityExecutions: 100,
  maxCachedWorkflows: 2000,
};

/** Builds the Temporal worker that runs conversation and dispatcher workflows and their activities. */
export async function createConversationWorker(options: ConversationWorkerOptions): Promise<Worker> {
  const answerEngine = createAnswerEngine(options.config.ai, options.dataSource);
  const categories = new TopicCategoryRepository(options.dataSource);
  const topicClassifier = createTopicClassifier(
    options.config.ai,
    new OfflineTopicClassifier(options.dataSource),
    (tenantId) => categories.describe(tenantId),
  );
  const triage = new ConversationTriage(topicClassifier, new SentimentAnalyzer());
  const activities = {
    ...createConversationActivities({ dataSource: options.dataSource, answerEngine }),
    ...createAssignmentActivities({ dataSource: options.dataSource }),
    ...createTopicTrainingActivities({ dataSource: options.dataSource }),
    ...createRoutingActivities({ dataSource: options.dataSource, triage }),
  };
  const tuning = { ...DEFAULT_WORKER_TUNING, ...options.tuning };
  return Worker.create({
    connection: options.connection,
    namespace: options.namespace,
    taskQueue: options.taskQueue,
    activities,
    ...(options.workflowBundle
      ? { workflowBundle: options.workflowBundle }
      : { workflowsPath: require.resolve('../../../workflows') }),
    ...tuning,
  });
}

export { NativeConnection };
