import type { Provider } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { typeormUnitOfWork, type UnitOfWork } from '../../../../core/platform/db/unit-of-work';
import { KbArticleRepository } from '../../../../core/knowledge/kb-article.repository';
import { refitRetrievalModel } from '../../../../core/knowledge/hybrid-article-search';

/** An article and its searchable chunks are written in one transaction, so search never sees half an edit. */
export interface ArticleChangeRepositories {
  articles: Pick<KbArticleRepository, 'create' | 'findById' | 'update' | 'replaceChunks'>;
}

export type ArticleChanges = UnitOfWork<ArticleChangeRepositories>;
export const ARTICLE_CHANGES = Symbol('ArticleChanges');

/** Refits and stores a tenant's retrieval model after its articles changed. */
export type RetrievalModelRefit = (tenantId: string) => Promise<void>;
export const RETRIEVAL_MODEL_REFIT = Symbol('RetrievalModelRefit');

/** The article transaction over PostgreSQL (the module's provider and scripts that load articles build it alike). */
export const articleChangesOver = (dataSource: DataSource): ArticleChanges =>
  typeormUnitOfWork(dataSource, (tx) => ({ articles: new KbArticleRepository(tx) }));

export const refitOver =
  (dataSource: DataSource): RetrievalModelRefit =>
  (tenantId) =>
    refitRetrievalModel(dataSource, tenantId);

export const articleChangesProviders: Provider[] = [
  { provide: ARTICLE_CHANGES, useFactory: articleChangesOver, inject: [DataSource] },
  { provide: RETRIEVAL_MODEL_REFIT, useFactory: refitOver, inject: [DataSource] },
];
