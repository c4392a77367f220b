import type { DataSource } from 'typeorm';
import { ConversationRepository } from '../../../../core/conversations/conversation.repository';
import type { ConversationOpenerDeps } from '../../../../core/conversations/conversation-opener';
import { typeormUnitOfWork } from '../../../../core/platform/db/unit-of-work';

/** The opener's repositories over PostgreSQL: one for the first look, one per opening transaction. */
export function conversationOpenerDeps(dataSource: DataSource): ConversationOpenerDeps {
  return {
    conversations: new ConversationRepository(dataSource),
    opening: typeormUnitOfWork(dataSource, (tx) => ({ conversations: new ConversationRepository(tx) })),
  };
}
