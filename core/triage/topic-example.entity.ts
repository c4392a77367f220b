import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type TopicExampleSource = 'admin' | 'agent_retag';

/** One labelled message: written by an admin, or an agent's manual re-tag of a conversation. */
@Entity('topic_examples')
export class TopicExampleEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'tenant_id' }) tenantId!: string;
  @Column('uuid', { name: 'category_id' }) categoryId!: string;
  @Column('text') text!: string;
  @Column('text') source!: TopicExampleSource;
  @Column('uuid', { name: 'conversation_id', nullable: true }) conversationId!: string | null;
  @Column('uuid', { name: 'created_by', nullable: true }) createdBy!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
