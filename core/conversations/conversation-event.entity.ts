import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** Append-only log of what happened to a conversation and why. */
@Entity('conversation_events')
export class ConversationEventEntity {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' }) id!: string;
  @Column('uuid', { name: 'tenant_id' }) tenantId!: string;
  @Column('uuid', { name: 'conversation_id' }) conversationId!: string;
  @Column('text') type!: string;
  @Column('text') actor!: string;
  @Column('jsonb') data!: Record<string, unknown>;
  @Column('text', { name: 'event_key', nullable: true }) eventKey!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
