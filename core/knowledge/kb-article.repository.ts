import type { DataSource, EntityManager } from 'typeorm';
import { KbArticleEntity } from './kb-article.entity';
import { KbChunkEntity } from './kb-chunk.entity';

export interface ArticleFields {
  title: string;
  body: string;
  tags: string[];
  published: boolean;
}

export interface NewChunk {
  position: number;
  title: string;
  content: string;
}

export class KbArticleRepository {
  constructor(private readonly db: DataSource | EntityManager) {}

  findById(tenantId: string, id: string): Promise<KbArticleEntity | null> {
    return this.db.getRepository(KbArticleEntity).findOneBy({ tenantId, id });
  }

  list(tenantId: string, { publishedOnly = false } = {}): Promise<KbArticleEntity[]> {
    return this.db.getRepository(KbArticleEntity).find({
      where: publishedOnly ? { tenantId, published: true } : { tenantId },
      order: { updatedAt: 'DESC', id: 'ASC' },
    });
  }

  async create(tenantId: string, fields: ArticleFields): Promise<KbArticleEntity> {
    const repository = this.db.getRepository(KbArticleEntity);
    const result = await repository.insert({ tenantId, ...fields });
    const id = (result.identifiers[0] as { id: string }).id;
    return repository.findOneByOrFail({ tenantId, id });
  }

  async update(tenantId: string, id: string, fields: Partial<ArticleFields>): Promise<KbArticleEntity | null> {
    await this.db.getRepository(KbArticleEntity).update({ tenantId, id }, { ...fields, updatedAt: () => 'now()' });
    return this.findById(tenantId, id);
  }

  /** Deletes the article; its chunks cascade. Returns false when no such article exists in this tenant. */
  async delete(tenantId: string, id: string): Promise<boolean> {
    const result = await this.db.getRepository(KbArticleEntity).delete({ tenantId, id });
    return (result.affected ?? 0) > 0;
  }

  /** Replaces an article's searchable chunks; call inside the transaction that wrote the article. */
  async replaceChunks(tenantId: string, articleId: string, chunks: NewChunk[]): Promise<void> {
    const repository = this.db.getRepository(KbChunkEntity);
    await repository.delete({ tenantId, articleId });
    if (chunks.length > 0) {
      await repository.insert(chunks.map((chunk) => ({ tenantId, articleId, ...chunk })));
    }
  }

  listChunks(tenantId: string, articleId: string): Promise<KbChunkEntity[]> {
    return this.db.getRepository(KbChunkEntity).find({ where: { tenantId, articleId }, order: { position: 'ASC' } });
  }
}
