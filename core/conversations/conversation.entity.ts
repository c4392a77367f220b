import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { Channel } from '../channels/channel';
import type { ConversationStatus, Priority } from './conversation-status';
import type { RoutingFacts } from '../routing/routing-policy.types';
import type { SlaBreachActions } from '../sla/sla-policy.types';
import type { Sentiment, TopicEngine, TriageResult } from '../triage/triage.types';

@Entity('conversations')
export class ConversationEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'tenant_id' }) tenantId!: string;
  @Column('uuid', { name: 'customer_id' }) customerId!: string;
  @Column('text') channel!: Channel;
  @Column('text') status!: ConversationStatus;
  @Column('text') priority!: Priority;
  @Column('text', { name: 'topic_tags', array: true }) topicTags!: string[];
  @Column('text', { nullable: true }) subject!: string | null;
  @Column('uuid', { name: 'team_id', nullable: true }) teamId!: string | null;
  @Column('uuid', { name: 'assignee_id', nullable: true }) assigneeId!: string | null;
  @Column('text', { name: 'workflow_id' }) workflowId!: string;
  @Column('integer', { name: 'bot_turns' }) botTurns!: number;
  @Column('timestamptz', { name: 'queued_at', nullable: true }) queuedAt!: Date | null;
  @Column('uuid', { name: 'excluded_agent_ids', array: true }) excludedAgentIds!: string[];
  @Column('timestamptz', { name: 'snoozed_until', nullable: true }) snoozedUntil!: Date | null;
  @Column('timestamptz', { name: 'last_activity_at' }) lastActivityAt!: Date;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @Column('timestamptz', { name: 'first_response_at', nullable: true }) firstResponseAt!: Date | null;
  @Column('timestamptz', { name: 'resolved_at', nullable: true }) resolvedAt!: Date | null;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
  @Column('text', { nullable: true }) topic!: string | null;
  @Column('real', { name: 'topic_confidence', nullable: true }) topicConfidence!: number | null;
  @Column('text', { name: 'topic_engine', nullable: true }) topicEngine!: TopicEngine | null;
  @Column('text', { nullable: true }) sentiment!: Sentiment | null;
  @Column('real', { name: 'sentiment_score', nullable: true }) sentimentScore!: number | null;
  @Column('text', { nullable: true }) language!: string | null;
  @Column('jsonb', { nullable: true }) triage!: TriageResult | null;
  @Column('timestamptz', { name: 'triaged_at', nullable: true }) triagedAt!: Date | null;
  @Column('integer', { name: 'routing_policy_version', nullable: true }) routingPolicyVersion!: number | null;
  @Column('text', { name: 'routing_rule', nullable: true }) routingRule!: string | null;
  @Column('jsonb', { name: 'routing_facts', nullable: true }) routingFacts!: RoutingFacts | null;
  @Column('timestamptz', { name: 'routed_at', nullable: true }) routedAt!: Date | null;
  @Column('text', { name: 'required_skills', array: true }) requiredSkills!: string[];
  @Column('text', { name: 'optional_skills', array: true }) optionalSkills!: string[];
  @Column('uuid', { name: 'sla_policy_id', nullable: true }) slaPolicyId!: string | null;
  @Column('jsonb', { name: 'sla_breach_actions', nullable: true }) slaBreachActions!: SlaBreachActions | null;
  @Column('timestamptz', { name: 'first_response_due_at', nullable: true }) firstResponseDueAt!: Date | null;
  @Column('timestamptz', { name: 'next_response_due_at', nullable: true }) nextResponseDueAt!: Date | null;
  @Column('timestamptz', { name: 'resolution_due_at', nullable: true }) resolutionDueAt!: Date | null;
}
