import { NativeConnection, Worker } from '@temporalio/worker';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '../../../core/platform/config/app-config';
import { createAnswerEngine } from '../../../core/knowledge/answer/answer-engine.factory';
import { createConversationActivities } from '../../../activities/conversation.activities';
import { createAssignmentActivities } from '../../../activities/assignment.activities';
import { createTopicTrainingActivities } from '../../../activities/topic-training.activities';
import { createRoutingActivities } from '../../../activities/routing.activities';
import { ConversationTriage } from '../../../core/triage/conversation-triage';
import { OfflineTopicClassifier } from '../../../core/triage/offline-topic-classifier';
import { createTopicClassifier } from '../../../core/triage/topic-classifier.factory';
import { TopicCategoryRepository } from '../../../core/triage/topic-category.repository';
import { SentimentAnalyzer } from '../../../core/triage/sentiment-analyzer';
import { AssignmentDrainThread } from '../../../core/assignment/drain/drain-thread';
import { TopicTrainingThread } from '../../../core/triage/topic-training-thread';
import { createFailedMessageActivities } from '../../../activities/failed-message.activities';
import { createDeliveryActivities } from '../../../activities/delivery.activities';
import { MessageDeliveryRepository } from '../../../core/channels/delivery/message-delivery.repository';
import { createChannelAdapterRegistry } from '../../../core/channels/channel-adapter.registry';
import type { ChannelAdapter } from '../../../core/channels/channel-adapter';
import { createActivityObserverInterceptor } from './activity-interceptor/activity-observer.interceptor';
import type { ActivityTimingSink } from './activity-interceptor/activity-timing';
import { observedDrainer, type DrainObserver } from './drain-observer';
import type { AnswerEngine } from '../../../core/knowledge/answer/ai-answer';
import { typeormUnitOfWork } from '../../../core/platform/db/unit-of-work';
import { MessageRepository } from '../../../core/conversations/message.repository';
import { ConversationEventRepository } from '../../../core/conversations/conversation-event.repository';
import { ConversationLifecycleRepository } from '../../../core/conversations/conversation-lifecycle.repository';
import { ConversationTurnRepository } from '../../../core/conversations/conversation-turn.repository';
import { FailedMessageRepository } from '../../../core/conversations/failed-message.repository';
import { AssignmentQueueRepository } from '../../../core/assignment/assignment-queue.repository';
import type { TenantDrainer } from '../../../core/assignment/drain/drain-tenant';
import { ConversationRouter } from '../../../core/routing/conversation-router';
import { ConversationRoutingRepository } from '../../../core/routing/conversation-routing.repository';
import { RoutingPolicyRepository } from '../../../core/routing/routing-policy.repository';
import { SlaPolicyRepository } from '../../../core/sla/sla-policy.repository';
import { BusinessHoursRepository } from '../../../core/sla/business-hours.repository';
import { ConversationTriageRepository } from '../../../core/triage/conversation-triage.repository';
import { TopicExampleRepository } from '../../../core/triage/topic-example.repository';
import { ClassifierModelRepository } from '../../../core/triage/classifier-model.repository';
import { createTopicModelRetrainer, type TopicModelTrainer } from '../../../core/triage/retrain-topic-model';

export interface ConversationWorkerOptions {
  connection: NativeConnection;
  namespace: string;
  taskQueue: string;
  dataSource: DataSource;
  config: AppConfig;
  /** A prebuilt bundle (production and tests); without it the worker bundles workflows/ at start. */
  workflowBundle?: { code: string } | { codePath: string };
  /** Start the assignment drain thread before polling (production); otherwise it starts with the first drain. */
  prestartDrainThread?: boolean;
  /** Channel adapters beside the configured ones (a deployment's own vendor; tests' fakes); they send for their channel. */
  channelAdapters?: readonly ChannelAdapter[];
  /** Tuning knobs for benchmarks; defaults suit a small machine. */
  tuning?: Partial<WorkerTuning>;
  /** Receives every activity attempt's timing (benchmarks); none by default. */
  activityTimings?: ActivityTimingSink;
  /** Receives every drain of the drain thread with its lock and step timings (benchmarks); none by default. */
  drainObserver?: DrainObserver;
}

export interface WorkerTuning {
  maxConcurrentWorkflowTaskExecutions: number;
  maxConcurrentLocalActivityExecutions: number;
  maxCachedWorkflows: number;
}

/** After the grace time, how long cancelled activities and workflow tasks get before the worker gives up on them. */
const SHUTDOWN_FORCE_AFTER_GRACE_MS = 5_000;

/** One connection per tenant draining at the same moment; drains of one tenant are serialised by its lock anyway. */
const DRAIN_THREAD_POOL_SIZE = 4;

export const DEFAULT_WORKER_TUNING: WorkerTuning = {
  maxConcurrentWorkflowTaskExecutions: 100,
  maxConcurrentLocalActivityExecutions: 100,
  maxCachedWorkflows: 2000,
};

/** The Temporal worker and what it owns beside it. */
export interface ConversationWorker {
  worker: Worker;
  /** Polls until the worker shuts down (SIGINT/SIGTERM or worker.shutdown()), then stops its threads. */
  run(): Promise<void>;
}

/** Builds the Temporal worker that runs conversation and dispatcher workflows and their activities. */
export async function createConversationWorker(options: ConversationWorkerOptions): Promise<ConversationWorker> {
  const answerEngine = createAnswerEngine(options.config.ai, options.dataSource);
  const categories = new TopicCategoryRepository(options.dataSource);
  const topicClassifier = createTopicClassifier(
    options.config.ai,
    new OfflineTopicClassifier(new ClassifierModelRepository(options.dataSource)),
    (tenantId) => categories.describe(tenantId),
  );
  const triage = new ConversationTriage(topicClassifier, new SentimentAnalyzer());
  const drainThread = new AssignmentDrainThread({
    databaseUrl: options.config.databaseUrl,
    poolSize: DRAIN_THREAD_POOL_SIZE,
    applicationName: 'threadline-worker-drains',
    preparedStatements: options.config.databasePreparedStatements,
  });
  const trainingThread = new TopicTrainingThread();
  const closeThreads = () => Promise.all([drainThread.close(), trainingThread.close()]).then(() => undefined);
  const activities = workerActivities(options, {
    answerEngine,
    triage,
    drainer: observedDrainer((tenantId) => drainThread.drain(tenantId), options.drainObserver),
    train: (examples) => trainingThread.train(examples),
  });
  const graceMs = options.config.worker.shutdownGraceSeconds * 1000;
  const tuning = { ...DEFAULT_WORKER_TUNING, ...options.tuning };
  let worker: Worker;
  try {
    if (options.prestartDrainThread) {
      await drainThread.start();
    }
    worker = await Worker.create({
      connection: options.connection,
      namespace: options.namespace,
      taskQueue: options.taskQueue,
      activities,
      ...(options.workflowBundle
        ? { workflowBundle: options.workflowBundle }
        : { workflowsPath: require.resolve('../../../workflows') }),
      ...tuning,
      // Cancellation, error classification, timing and logging of every attempt (see the interceptor).
      interceptors: { activity: [createActivityObserverInterceptor({ timings: options.activityTimings })] },
      // In-flight activities are cancelled after the grace time; past the force time run() rejects whatever is left.
      shutdownGraceTime: graceMs,
      shutdownForceTime: graceMs + SHUTDOWN_FORCE_AFTER_GRACE_MS,
    });
  } catch (error) {
    await closeThreads();
    throw error;
  }
  return {
    worker,
    run: () => worker.run().finally(closeThreads),
  };
}

/** What the activities get beside their repositories: the engines and the threads' entry points. */
interface ActivityEngines {
  answerEngine: AnswerEngine;
  triage: ConversationTriage;
  drainer: TenantDrainer;
  train: TopicModelTrainer;
}

/** The conversation activities' repositories: each once over the DataSource, and the hand-off's over its transaction. */
export function conversationActivityDeps(dataSource: DataSource, answerEngine: AnswerEngine) {
  const messages = new MessageRepository(dataSource);
  return {
    messages,
    events: new ConversationEventRepository(dataSource),
    lifecycle: new ConversationLifecycleRepository(dataSource),
    turns: new ConversationTurnRepository(dataSource, messages),
    transaction: typeormUnitOfWork(dataSource, (tx) => ({
      messages: new MessageRepository(tx),
      events: new ConversationEventRepository(tx),
      lifecycle: new ConversationLifecycleRepository(tx),
    })),
    answerEngine,
  };
}

/** Every activity with its collaborators, each built once here: the activities themselves never see a DataSource. */
function workerActivities(
  { dataSource, config, channelAdapters }: ConversationWorkerOptions,
  engines: ActivityEngines,
) {
  const conversation = conversationActivityDeps(dataSource, engines.answerEngine);
  const { events, lifecycle } = conversation;
  const queue = new AssignmentQueueRepository(dataSource, engines.drainer);
  const router = new ConversationRouter({
    conversations: new ConversationRoutingRepository(dataSource),
    policies: new RoutingPolicyRepository(dataSource),
    slaPolicies: new SlaPolicyRepository(dataSource),
    hours: new BusinessHoursRepository(dataSource),
  });
  const examples = new TopicExampleRepository(dataSource);
  const retrain = createTopicModelRetrainer(
    { models: new ClassifierModelRepository(dataSource), examples },
    engines.train,
  );
  return {
    ...createConversationActivities(conversation),
    ...createAssignmentActivities({ queue, events, lifecycle }),
    ...createTopicTrainingActivities({ retrain }),
    ...createRoutingActivities({
      triage: engines.triage,
      router,
      triageRows: new ConversationTriageRepository(dataSource),
      routingRows: new ConversationRoutingRepository(dataSource),
      queue,
      events,
      examples,
    }),
    ...createFailedMessageActivities({
      transaction: typeormUnitOfWork(dataSource, (tx) => ({
        failedMessages: new FailedMessageRepository(tx),
        events: new ConversationEventRepository(tx),
      })),
    }),
    ...createDeliveryActivities({
      deliveries: new MessageDeliveryRepository(dataSource),
      channels: createChannelAdapterRegistry(config.channels, channelAdapters),
    }),
  };
}

export { NativeConnection };
