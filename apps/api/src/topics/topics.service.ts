import { Inject, Injectable } from '@nestjs/common';
import {
  TopicCategoryRepository,
  type TopicCategoryChanges,
  type TopicCategoryWithCount,
} from '../../../../core/triage/topic-category.repository';
import { TopicExampleRepository } from '../../../../core/triage/topic-example.repository';
import { isUniqueViolation } from '../../../../core/platform/db/unique-violation';
import type { TopicExampleEntity } from '../../../../core/triage/topic-example.entity';
import type { AuthenticatedAgent } from '../../../../core/agents/agent';
import { nameTaken, notFound, throwNotFound } from '../../../../core/platform/errors/domain-error';
import type { CreateTopicDto, TopicExamplesPageQuery, UpdateTopicDto } from './topic.dto';
import type { ExamplesAddedView, TopicChangeView, TopicDetailView, TopicExampleView, TopicView } from './topic.views';
import { TrainingRequests } from './training-requests';
import { TOPIC_CHANGES, type TopicChanges } from './topic-changes.transaction';

const DEFAULT_PAGE = 100;

/** Topic categories and their examples; every change asks for the tenant's classifier to be retrained. */
@Injectable()
export class TopicsService {
  constructor(
    private readonly categories: TopicCategoryRepository,
    private readonly examples: TopicExampleRepository,
    private readonly training: TrainingRequests,
    @Inject(TOPIC_CHANGES) private readonly changes: TopicChanges,
  ) {}

  list(caller: AuthenticatedAgent): Promise<TopicView[]> {
    return this.categories.list(caller.tenantId);
  }

  async get(caller: AuthenticatedAgent, id: string, page: TopicExamplesPageQuery): Promise<TopicDetailView> {
    const category = await this.find(caller.tenantId, id);
    const limit = page.limit ?? DEFAULT_PAGE;
    const offset = page.offset ?? 0;
    const examples = await this.examples.list(caller.tenantId, id, { limit, offset });
    return { ...category, examples: examples.map(toExampleView), limit, offset };
  }

  /** Stores the category and its first examples in one transaction. */
  async create(admin: AuthenticatedAgent, dto: CreateTopicDto): Promise<TopicChangeView> {
    await this.assertNameFree(admin.tenantId, dto.name);
    let id: string;
    try {
      id = await this.changes.run(async ({ categories, examples }) => {
        const created = await categories.create(admin.tenantId, {
          name: dto.name,
          description: dto.description || null,
        });
        await examples.add(admin.tenantId, created, dto.examples ?? [], admin.id);
        return created;
      });
    } catch (error) {
      throw isUniqueViolation(error) ? nameTaken('A topic', dto.name, error) : error;
    }
    return this.changed(admin.tenantId, id);
  }

  async update(admin: AuthenticatedAgent, id: string, dto: UpdateTopicDto): Promise<TopicChangeView> {
    await this.find(admin.tenantId, id);
    const changes: TopicCategoryChanges = {};
    if (dto.name !== undefined) {
      await this.assertNameFree(admin.tenantId, dto.name, id);
      changes.name = dto.name;
    }
    if (dto.description !== undefined) {
      changes.description = dto.description || null;
    }
    try {
      if (!(await this.categories.update(admin.tenantId, id, changes))) {
        throw notFound('topic', id);
      }
    } catch (error) {
      throw isUniqueViolation(error) && dto.name ? nameTaken('A topic', dto.name, error) : error;
    }
    return this.changed(admin.tenantId, id);
  }

  async delete(admin: AuthenticatedAgent, id: string): Promise<void> {
    if (!(await this.categories.delete(admin.tenantId, id))) {
      throw notFound('topic', id);
    }
    await this.training.afterChange(admin.tenantId);
  }

  async addExamples(admin: AuthenticatedAgent, id: string, texts: string[]): Promise<ExamplesAddedView> {
    await this.find(admin.tenantId, id);
    const added = await this.examples.add(admin.tenantId, id, texts, admin.id);
    const training = await this.training.afterChange(admin.tenantId);
    const { exampleCount } = await this.find(admin.tenantId, id);
    return { added, exampleCount, training };
  }

  async removeExample(admin: AuthenticatedAgent, id: string, exampleId: string): Promise<void> {
    if (!(await this.examples.remove(admin.tenantId, id, exampleId))) {
      throw notFound('topic example', exampleId);
    }
    await this.training.afterChange(admin.tenantId);
  }

  /** Re-reads the category after a change and asks for a retrain. */
  private async changed(tenantId: string, id: string): Promise<TopicChangeView> {
    const training = await this.training.afterChange(tenantId);
    return { ...(await this.find(tenantId, id)), training };
  }

  private async find(tenantId: string, id: string): Promise<TopicCategoryWithCount> {
    return (await this.categories.findById(tenantId, id)) ?? throwNotFound('topic', id);
  }

  /** Checked up front for a clear answer; the unique index still decides an exact-name race (also 409). */
  private async assertNameFree(tenantId: string, name: string, exceptId?: string): Promise<void> {
    const holder = await this.categories.findByName(tenantId, name);
    if (holder && holder.id !== exceptId) {
      throw nameTaken('A topic', name);
    }
  }
}

function toExampleView(example: TopicExampleEntity): TopicExampleView {
  const { id, text, source, conversationId, createdBy, createdAt } = example;
  return { id, text, source, conversationId, createdBy, createdAt };
}
