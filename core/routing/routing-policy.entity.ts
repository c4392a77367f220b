import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { RoutingPolicyDocument } from './routing-policy.types';

export type RoutingPolicyStatus = 'draft' | 'published' | 'retired';

/** One version of a tenant's routing policy: at most one draft and one published at a time; published ones never change. */
@Entity('routing_policies')
export class RoutingPolicyEntity {
  @PrimaryColumn('uuid', { name: 'tenant_id' }) tenantId!: string;
  @PrimaryColumn('integer') version!: number;
  @Column('text') status!: RoutingPolicyStatus;
  @Column('jsonb') document!: RoutingPolicyDocument;
  @Column('text', { nullable: true }) note!: string | null;
  @Column('integer', { name: 'based_on_version', nullable: true }) basedOnVersion!: number | null;
  @Column('integer', { name: 'rolled_back_from', nullable: true }) rolledBackFrom!: number | null;
  @Column('uuid', { name: 'created_by', nullable: true }) createdBy!: string | null;
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
  @Column('uuid', { name: 'updated_by', nullable: true }) updatedBy!: string | null;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt!: Date;
  @Column('uuid', { name: 'published_by', nullable: true }) publishedBy!: string | null;
  @Column('timestamptz', { name: 'published_at', nullable: true }) publishedAt!: Date | null;
}
