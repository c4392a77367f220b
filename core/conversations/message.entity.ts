import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { Channel } from '../channels/channel';
import type { AuthorKind, Citation, DeliveryStatus, MessageDirection } from './message';

@Entity('messages')
export class MessageEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  /** Global insertion order; streams resume from it (SSE Last-Event-ID). */
  @Column({ type: 'bigint', insert: false, update: false }) seq!: string;
  @Column('uuid', { name: 'tenant_id' }) tenantId!: string;
  @Column('uuid', { name: 'conversation_id' }) conversationId!: string;
  @Column('uuid', { name: 'customer_id' }) customerId!: string;
  @Column('text') direction!: MessageDirection;
  @Column('text', { name: 'author_kind' }) authorKind!: AuthorKind;
  @Column('uuid', { name: 'author_agent_id', nullable: true }) authorAgentId!: string | null;
  @Column('text') channel!: Channel;
  @Column('text') body!: string;
  @Column('text', { name: 'external_id' }) externalId!: string;
  @Column('text', { name: 'delivery_status' }) deliveryStatus!: DeliveryStatus;
  @Column('jsonb') citations!: Citation[];
  @Column('real', { nullable: true }) confidence!: number | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
