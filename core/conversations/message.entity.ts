import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { Channel } from '../channels/channel';
import type { InboundEnvelope } from '../channels/inbound-message';
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
  /** Why the channel could not deliver it (the vendor's words), when its status is a failure. */
  @Column('text', { name: 'delivery_failure_reason', nullable: true }) deliveryFailureReason!: string | null;
  @Column('timestamptz', { name: 'delivery_status_at', nullable: true }) deliveryStatusAt!: Date | null;
  /** The vendor that carried it and the vendor's id for it (null for chat and before it is sent). */
  @Column('text', { nullable: true }) provider!: string | null;
  @Column('text', { name: 'provider_message_id', nullable: true }) providerMessageId!: string | null;
  /** The customer's address the message came from (inbound email and SMS). */
  @Column('text', { name: 'sender_address', nullable: true }) senderAddress!: string | null;
  @Column('jsonb') envelope!: InboundEnvelope;
  @Column('jsonb') citations!: Citation[];
  @Column('real', { nullable: true }) confidence!: number | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
