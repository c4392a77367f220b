import type { UnitOfWork } from '../../../../core/platform/db/unit-of-work';
import { TopicCategoryRepository } from '../../../../core/triage/topic-category.repository';
import { TopicExampleRepository } from '../../../../core/triage/topic-example.repository';
import { unitOfWorkProvider } from '../core/unit-of-work.provider';

/** What creating a topic commits together: the category and its first examples. */
export interface TopicChangeRepositories {
  categories: Pick<TopicCategoryRepository, 'create'>;
  examples: Pick<TopicExampleRepository, 'add'>;
}

export type TopicChanges = UnitOfWork<TopicChangeRepositories>;
export const TOPIC_CHANGES = Symbol('TopicChanges');

export const topicChangesProvider = unitOfWorkProvider<TopicChangeRepositories>(TOPIC_CHANGES, (tx) => ({
  categories: new TopicCategoryRepository(tx),
  examples: new TopicExampleRepository(tx),
}));
