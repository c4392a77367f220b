import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** Who changed the routing policy, when, and how. */
@Entity('routing_policy_audit')
export class RoutingPolicyAuditEntity {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' }) id!: string;
  @Column('uuid', { name: 'tenant_id' }) tenantId!: string;
  @Column('integer') version!: number;
  @Column('text') action!: string;
  @Column('uuid', { name: 'actor_agent_id', nullable: true }) actorAgentId!: string | null;
  @Column('jsonb') details!: Record<string, unknown>;
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
}
