import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { AssignmentStrategy, ChannelWeights } from '../assignment/assignment.types';

@Entity('teams')
export class TeamEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'tenant_id' }) tenantId!: string;
  @Column('text') name!: string;
  @Column('text', { name: 'assignment_strategy' }) assignmentStrategy!: AssignmentStrategy;
  @Column('integer', { name: 'skill_relax_after_seconds' }) skillRelaxAfterSeconds!: number;
  @Column('jsonb', { name: 'capacity_weights' }) capacityWeights!: ChannelWeights;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
