import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { AssignmentStrategy } from '../assignment/assignment.types';

@Entity('tenants')
export class TenantEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('text') slug!: string;
  @Column('text') name!: string;
  @Column('text', { name: 'widget_key' }) widgetKey!: string;
  @Column('text', { name: 'default_assignment_strategy' }) defaultAssignmentStrategy!: AssignmentStrategy;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
