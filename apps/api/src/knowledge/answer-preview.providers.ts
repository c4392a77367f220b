import type { Provider } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../../../../core/platform/config/app-config';
import { createAnswerEngine } from '../../../../core/knowledge/answer/answer-engine.factory';
import { APP_CONFIG } from '../core/tokens';
import { HANDOFF_CONFIDENCE_THRESHOLD, PREVIEW_ANSWER_ENGINE } from './answer-preview.service';

/** The answer engine the worker's bot turn uses, chosen from the same configuration, and its hand-off threshold. */
export const answerPreviewProviders: Provider[] = [
  {
    provide: PREVIEW_ANSWER_ENGINE,
    useFactory: (config: AppConfig, dataSource: DataSource) => createAnswerEngine(config.ai, dataSource),
    inject: [APP_CONFIG, DataSource],
  },
  {
    provide: HANDOFF_CONFIDENCE_THRESHOLD,
    useFactory: (config: AppConfig) => config.conversation.handoffConfidenceThreshold,
    inject: [APP_CONFIG],
  },
];
