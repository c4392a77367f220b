import { Module } from '@nestjs/common';
import { KbArticleRepository } from '../../../../core/knowledge/kb-article.repository';
import { repositoryProvider } from '../core/repository.provider';
import { KnowledgeController } from './knowledge.controller';
import { KnowledgeService } from './knowledge.service';
import { articleChangesProviders } from './article-changes.transaction';
import { AnswerPreviewController } from './answer-preview.controller';
import { answerPreviewProviders } from './answer-preview.providers';
import { AnswerPreviewService } from './answer-preview.service';

@Module({
  controllers: [AnswerPreviewController, KnowledgeController],
  providers: [
    KnowledgeService,
    repositoryProvider(KbArticleRepository),
    ...articleChangesProviders,
    AnswerPreviewService,
    ...answerPreviewProviders,
  ],
})
export class KnowledgeModule {}
