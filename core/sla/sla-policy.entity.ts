import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { SlaBreachActions } from './sla-policy.types';

@Entity('sla_policies')
export class SlaPolicyEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'tenant_id' }) tenantId!: string;
  @Column('text') name!: string;
  @Column('integer', { name: 'first_response_seconds', nullable: true }) firstResponseSeconds!: number | null;
  @Column('integer', { name: 'next_response_seconds', nullable: true }) nextResponseSeconds!: number | null;
  @Column('integer', { name: 'resolution_seconds', nullable: true }) resolutionSeconds!: number | null;
  @Column('uuid', { name: 'business_hours_id', nullable: true }) businessHoursId!: string | null;
  @Column('jsonb', { name: 'breach_actions' }) breachActions!: SlaBreachActions;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
