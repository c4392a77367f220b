import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { chunkArticle } from '../../../../core/knowledge/chunk-article';
import { refitRetrievalModel } from '../../../../core/knowledge/hybrid-article-search';
import { KbArticleRepository, type ArticleFields } from '../../../../core/knowledge/kb-article.repository';
import type { KbArticleEntity } from '../../../../core/knowledge/kb-article.entity';
import type { AuthenticatedAgent } from '../../../../core/agents/agent';
import { notFound } from '../../../../core/platform/errors/domain-error';
import type { ArticleView, CreateArticleDto, UpdateArticleDto } from './article.dto';

@Injectable()
export class KnowledgeService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly articles: KbArticleRepository,
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
    const view = await this.dataSource.transaction(async (manager) => {
      const articles = new KbArticleRepository(manager);
      const article = await articles.create(admin.tenantId, fields);
      await articles.replaceChunks(admin.tenantId, article.id, chunkArticle(article.title, article.body));
      return toArticleView(article);
    });
    await refitRetrievalModel(this.dataSource, admin.tenantId);
    return view;
  }

  /** Updates the article and rebuilds its chunks in one transaction, so search never sees a half-edited article. */
  async update(admin: AuthenticatedAgent, id: string, dto: UpdateArticleDto): Promise<ArticleView> {
    const view = await this.dataSource.transaction(async (manager) => {
      const articles = new KbArticleRepository(manager);
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
    await refitRetrievalModel(this.dataSource, admin.tenantId);
    return view;
  }

  async delete(admin: AuthenticatedAgent, id: string): Promise<void> {
    if (!(await this.articles.delete(admin.tenantId, id))) {
      throw notFound('article', id);
    }
    await refitRetrievalModel(this.dataSource, admin.tenantId);
  }

  private async find(articles: KbArticleRepository, tenantId: string, id: string): Promise<KbArticleEntity> {
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
