import { BusinessHoursEntity } from './business-hours.entity';
import { ClassifierModelEntity } from './classifier-model.entity';
import { RoutingPolicyAuditEntity } from './routing-policy-audit.entity';
import { RoutingPolicyEntity } from './routing-policy.entity';
import { SlaPolicyEntity } from './sla-policy.entity';
import { TopicCategoryEntity } from './topic-category.entity';
import { TopicExampleEntity } from './topic-example.entity';
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
  BusinessHoursEntity,
  ClassifierModelEntity,
  RoutingPolicyAuditEntity,
  RoutingPolicyEntity,
  SlaPolicyEntity,
  TopicCategoryEntity,
  TopicExampleEntity,
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
  BusinessHoursEntity,
  ClassifierModelEntity,
  RoutingPolicyAuditEntity,
  RoutingPolicyEntity,
  SlaPolicyEntity,
  TopicCategoryEntity,
  TopicExampleEntity,
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
