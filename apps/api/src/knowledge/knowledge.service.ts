import { Inject, Injectable } from '@nestjs/common';
import { chunkArticle } from '../../../../core/knowledge/chunk-article';
import { KbArticleRepository, type ArticleFields } from '../../../../core/knowledge/kb-article.repository';
import type { KbArticleEntity } from '../../../../core/knowledge/kb-article.entity';
import type { AuthenticatedAgent } from '../../../../core/agents/agent';
import { notFound } from '../../../../core/platform/errors/domain-error';
import type { ArticleView, CreateArticleDto, UpdateArticleDto } from './article.dto';
import {
  ARTICLE_CHANGES,
  RETRIEVAL_MODEL_REFIT,
  type ArticleChangeRepositories,
  type ArticleChanges,
  type RetrievalModelRefit,
} from './article-changes.transaction';

@Injectable()
export class KnowledgeService {
  constructor(
    private readonly articles: KbArticleRepository,
    @Inject(ARTICLE_CHANGES) private readonly changes: ArticleChanges,
    @Inject(RETRIEVAL_MODEL_REFIT) private readonly refit: RetrievalModelRefit,
  ) {}

  async list(caller: AuthenticatedAgent): Promise<ArticleView[]> {
    return (await this.articles.list(caller.tenantId)).map(toArticleView);
  }

  async get(caller: AuthenticatedAgent, id: string): Promise<ArticleView> {
    return toArticleView(await this.find(this.articles, caller.tenantId, id));
  }

  /** Stores the article and its searchable chunks in one transaction, then refits the tenant's retrieval model. */
  async create(admin: AuthenticatedAgent, dto: CreateArticleDto): Promise<ArticleView> {
    const fields: ArticleFields = {
      title: dto.title,
      body: dto.body,
      tags: dto.tags ?? [],
      published: dto.published ?? true,
    };
    const view = await this.changes.run(async ({ articles }) => {
      const article = await articles.create(admin.tenantId, fields);
      await articles.replaceChunks(admin.tenantId, article.id, chunkArticle(article.title, article.body));
      return toArticleView(article);
    });
    await this.refit(admin.tenantId);
    return view;
  }

  /** Updates the article and rebuilds its chunks in one transaction, so search never sees a half-edited article. */
  async update(admin: AuthenticatedAgent, id: string, dto: UpdateArticleDto): Promise<ArticleView> {
    const view = await this.changes.run(async ({ articles }) => {
      await this.find(articles, admin.tenantId, id);
      const changes: Partial<ArticleFields> = Object.fromEntries(
        Object.entries({ title: dto.title, body: dto.body, tags: dto.tags, published: dto.published }).filter(
          ([, value]) => value !== undefined,
        ),
      );
      const article = (await articles.update(admin.tenantId, id, changes))!;
      await articles.replaceChunks(admin.tenantId, id, chunkArticle(article.title, article.body));
      return toArticleView(article);
    });
    await this.refit(admin.tenantId);
    return view;
  }

  async delete(admin: AuthenticatedAgent, id: string): Promise<void> {
    if (!(await this.articles.delete(admin.tenantId, id))) {
      throw notFound('article', id);
    }
    await this.refit(admin.tenantId);
  }

  private async find(
    articles: ArticleChangeRepositories['articles'],
    tenantId: string,
    id: string,
  ): Promise<KbArticleEntity> {
    const article = await articles.findById(tenantId, id);
    if (!article) {
      throw notFound('article', id);
    }
    return article;
  }
}

function toArticleView(article: KbArticleEntity): ArticleView {
  const { id, title, body, tags, published, createdAt, updatedAt } = article;
  return { id, title, body, tags, published, createdAt, updatedAt };
}
