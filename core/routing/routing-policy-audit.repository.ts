import type { DataSource, EntityManager } from 'typeorm';

export const ROUTING_POLICY_ACTIONS = ['draft_saved', 'draft_discarded', 'published', 'rolled_back'] as const;
export type RoutingPolicyAction = (typeof ROUTING_POLICY_ACTIONS)[number];

export interface RoutingPolicyAuditEntry {
  version: number;
  action: RoutingPolicyAction;
  actorAgentId: string | null;
  /** The actor's name now; null when the agent row is gone. */
  actorName: string | null;
  details: Record<string, unknown>;
  createdAt: Date;
}

/** Who changed a tenant's routing policy and how (table routing_policy_audit); written in the change's transaction. */
export class RoutingPolicyAuditRepository {
  constructor(private readonly db: DataSource | EntityManager) {}

  async record(
    tenantId: string,
    entry: { version: number; action: RoutingPolicyAction; actorAgentId: string; details?: Record<string, unknown> },
  ): Promise<void> {
    await this.db.query(
      `INSERT INTO routing_policy_audit (tenant_id, version, action, actor_agent_id, details)
       VALUES ($1, $2, $3, $4, $5::jsonb)`,
      [tenantId, entry.version, entry.action, entry.actorAgentId, JSON.stringify(entry.details ?? {})],
    );
  }

  /** Newest first. */
  async list(tenantId: string, limit: number): Promise<RoutingPolicyAuditEntry[]> {
    const rows = await this.db.query<
      {
        version: number;
        action: RoutingPolicyAction;
        actor_agent_id: string | null;
        actor_name: string | null;
        details: Record<string, unknown>;
        created_at: Date;
      }[]
    >(
      `SELECT audit.version, audit.action, audit.actor_agent_id, agents.name AS actor_name, audit.details,
              audit.created_at
         FROM routing_policy_audit audit
         LEFT JOIN agents ON agents.tenant_id = audit.tenant_id AND agents.id = audit.actor_agent_id
        WHERE audit.tenant_id = $1
        ORDER BY audit.id DESC
        LIMIT $2`,
      [tenantId, limit],
    );
    return rows.map((row) => ({
      version: row.version,
      action: row.action,
      actorAgentId: row.actor_agent_id,
      actorName: row.actor_name,
      details: row.details,
      createdAt: row.created_at,
    }));
  }
}
