import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { Channel } from '../../domain/channel';
import type { ConversationStatus, Priority } from '../../domain/conversation-status';

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
}
