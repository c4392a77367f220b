import { Module } from '@nestjs/common';
import { Client } from '@temporalio/client';
import type { AppConfig } from '../../../../core/platform/config/app-config';
import { ClassifierModelRepository } from '../../../../core/triage/classifier-model.repository';
import { TopicCategoryRepository } from '../../../../core/triage/topic-category.repository';
import { TopicExampleRepository } from '../../../../core/triage/topic-example.repository';
import { TopicTrainingGateway } from '../temporal/topic-training.gateway';
import { repositoryProvider } from '../core/repository.provider';
import { APP_CONFIG } from '../core/tokens';
import { TopicClassifierController } from './topic-classifier.controller';
import { TopicClassifierService } from './topic-classifier.service';
import { TopicsController } from './topics.controller';
import { TopicsService } from './topics.service';
import { TrainingRequests } from './training-requests';
import { topicChangesProvider } from './topic-changes.transaction';

/** Topic categories, their examples, and the tenant's classifier (retrained by a Temporal workflow). */
@Module({
  // TopicClassifierController first: Express matches in registration order, and /topics/:id would take "classifier".
  controllers: [TopicClassifierController, TopicsController],
  providers: [
    TopicsService,
    TopicClassifierService,
    TrainingRequests,
    repositoryProvider(TopicCategoryRepository),
    repositoryProvider(TopicExampleRepository),
    repositoryProvider(ClassifierModelRepository),
    topicChangesProvider,
    {
      provide: TopicTrainingGateway,
      useFactory: (temporal: Client, config: AppConfig) =>
        new TopicTrainingGateway(temporal, config.temporal.taskQueue, config.topicTraining),
      inject: [Client, APP_CONFIG],
    },
  ],
  exports: [TopicTrainingGateway],
})
export class TopicsModule {}
