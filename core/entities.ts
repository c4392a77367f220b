import { BusinessHoursEntity } from './sla/business-hours.entity';
import { ClassifierModelEntity } from './triage/classifier-model.entity';
import { RoutingPolicyAuditEntity } from './routing/routing-policy-audit.entity';
import { RoutingPolicyEntity } from './routing/routing-policy.entity';
import { SlaPolicyEntity } from './sla/sla-policy.entity';
import { TopicCategoryEntity } from './triage/topic-category.entity';
import { TopicExampleEntity } from './triage/topic-example.entity';
import { AgentTokenEntity } from './auth/agent-token.entity';
import { AgentEntity } from './agents/agent.entity';
import { AssignmentEntity } from './assignment/assignment.entity';
import { ConversationEventEntity } from './conversations/conversation-event.entity';
import { ConversationEntity } from './conversations/conversation.entity';
import { CustomerIdentityEntity } from './customers/customer-identity.entity';
import { CustomerEntity } from './customers/customer.entity';
import { KbArticleEntity } from './knowledge/kb-article.entity';
import { KbChunkEntity } from './knowledge/kb-chunk.entity';
import { MessageEntity } from './conversations/message.entity';
import { TeamMemberEntity } from './agents/team-member.entity';
import { TeamEntity } from './agents/team.entity';
import { TenantEntity } from './tenants/tenant.entity';

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
