import { AgentTokenEntity } from './agent-token.entity';
import { AgentEntity } from './agent.entity';
import { AssignmentEntity } from './assignment.entity';
import { ConversationEventEntity } from './conversation-event.entity';
import { ConversationEntity } from './conversation.entity';
import { CustomerIdentityEntity } from './customer-identity.entity';
import { CustomerEntity } from './customer.entity';
import { KbArticleEntity } from './kb-article.entity';
import { KbChunkEntity } from './kb-chunk.entity';
import { MessageEntity } from './message.entity';
import { TeamMemberEntity } from './team-member.entity';
import { TeamEntity } from './team.entity';
import { TenantEntity } from './tenant.entity';

export {
  AgentTokenEntity,
  AgentEntity,
  AssignmentEntity,
  ConversationEventEntity,
  ConversationEntity,
  CustomerIdentityEntity,
  CustomerEntity,
  KbArticleEntity,
  KbChunkEntity,
  MessageEntity,
  TeamMemberEntity,
  TeamEntity,
  TenantEntity,
};

export const ENTITIES = [
  AgentTokenEntity,
  AgentEntity,
  AssignmentEntity,
  ConversationEventEntity,
  ConversationEntity,
  CustomerIdentityEntity,
  CustomerEntity,
  KbArticleEntity,
  KbChunkEntity,
  MessageEntity,
  TeamMemberEntity,
  TeamEntity,
  TenantEntity,
];
