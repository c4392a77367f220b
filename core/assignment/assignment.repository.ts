import type { DataSource, EntityManager } from 'typeorm';
import { AssignmentEntity } from './assignment.entity';

export class AssignmentRepository {
  constructor(private readonly db: DataSource | EntityManager) {}

  /** Who held these conversations and when, oldest first. */
  listForConversations(tenantId: string, conversationIds: string[]): Promise<AssignmentEntity[]> {
    if (conversationIds.length === 0) {
      return Promise.resolve([]);
    }
    return this.db
      .getRepository(AssignmentEntity)
      .createQueryBuilder('a')
      .where('a.tenant_id = :tenantId AND a.conversation_id IN (:...conversationIds)', { tenantId, conversationIds })
      .orderBy('a.created_at', 'ASC')
      .addOrderBy('a.id', 'ASC')
      .getMany();
  }
}
