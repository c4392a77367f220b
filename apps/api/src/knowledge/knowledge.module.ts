import { Module } from '@nestjs/common';
import { KbArticleRepository } from '../../../../core/knowledge/kb-article.repository';
import { repositoryProvider } from '../core/repository.provider';
import { KnowledgeController } from './knowledge.controller';
import { KnowledgeService } from './knowledge.service';
import { articleChangesProviders } from './article-changes.transaction';

@Module({
  controllers: [KnowledgeController],
  providers: [KnowledgeService, repositoryProvider(KbArticleRepository), ...articleChangesProviders],
})
export class KnowledgeModule {}
