import type { DataSource, EntityManager } from 'typeorm';
import { RoutingPolicyEntity } from './routing-policy.entity';
import type { RoutingPolicyStatus } from './routing-policy.entity';
import type { DryRunSample } from './routing-dry-run';
import type { RoutingFacts, RoutingPolicyDocument } from './routing-policy.types';

/** Everything a policy may refer to in one tenant, with display names for teams and SLA policies. */
export interface RoutingReferences {
  teams: Map<string, string>;
  slaPolicies: Map<string, string>;
  calendarIds: Set<string>;
  topics: Set<string>;
}

export interface NewPolicyVersion {
  version: number;
  status: 'draft' | 'published';
  document: RoutingPolicyDocument;
  note: string | null;
  basedOnVersion: number | null;
  rolledBackFrom?: number | null;
  actorId: string;
}

export interface PolicyActor {
  id: string;
  /** Null when the agent row is gone. */
  name: string | null;
}

/** One version as the API shows it: who wrote and published it, by name. */
export interface PolicyVersionRecord {
  version: number;
  status: RoutingPolicyStatus;
  /** Null when listed without documents. */
  document: RoutingPolicyDocument | null;
  note: string | null;
  basedOnVersion: number | null;
  rolledBackFrom: number | null;
  createdBy: PolicyActor | null;
  createdAt: Date;
  updatedBy: PolicyActor | null;
  updatedAt: Date;
  publishedBy: PolicyActor | null;
  publishedAt: Date | null;
}

interface VersionRow {
  version: number;
  status: RoutingPolicyStatus;
  document: RoutingPolicyDocument | null;
  note: string | null;
  based_on_version: number | null;
  rolled_back_from: number | null;
  created_at: Date;
  updated_at: Date;
  published_at: Date | null;
  created_by: string | null;
  created_by_name: string | null;
  updated_by: string | null;
  updated_by_name: string | null;
  published_by: string | null;
  published_by_name: string | null;
}

/**
 * Versions of a tenant's routing policy. Writers run inside a transaction that first calls `lock`, so two admins
 * never interleave a publish, a rollback or a draft save (and a referenced SLA policy is not deleted mid-publish).
 */
export class RoutingPolicyRepository {
  constructor(private readonly db: DataSource | EntityManager) {}

  /** Serialises changes to one tenant's routing policy until the surrounding transaction ends. */
  async lock(tenantId: string): Promise<void> {
    await this.db.query(`SELECT pg_advisory_xact_lock(hashtextextended('routing-policy:' || $1, 0))`, [tenantId]);
  }

  /** The policy the router applies: the published version and its document, or null when none was published. */
  async published(tenantId: string): Promise<{ version: number; document: RoutingPolicyDocument } | null> {
    const row = await this.db
      .getRepository(RoutingPolicyEntity)
      .findOne({ select: { version: true, document: true }, where: { tenantId, status: 'published' } });
    return row ? { version: row.version, document: row.document } : null;
  }

  findPublished(tenantId: string): Promise<RoutingPolicyEntity | null> {
    return this.db.getRepository(RoutingPolicyEntity).findOneBy({ tenantId, status: 'published' });
  }

  findDraft(tenantId: string): Promise<RoutingPolicyEntity | null> {
    return this.db.getRepository(RoutingPolicyEntity).findOneBy({ tenantId, status: 'draft' });
  }

  findVersion(tenantId: string, version: number): Promise<RoutingPolicyEntity | null> {
    return this.db.getRepository(RoutingPolicyEntity).findOneBy({ tenantId, version });
  }

  /** The published version and the draft with their documents and the names of who wrote them. */
  async current(
    tenantId: string,
  ): Promise<{ published: PolicyVersionRecord | null; draft: PolicyVersionRecord | null }> {
    const rows = await this.read(tenantId, `policy.status IN ('published', 'draft')`, [], {
      withDocument: true,
    });
    return {
      published: rows.find((row) => row.status === 'published') ?? null,
      draft: rows.find((row) => row.status === 'draft') ?? null,
    };
  }

  async describeVersion(tenantId: string, version: number): Promise<PolicyVersionRecord | null> {
    const [row] = await this.read(tenantId, 'policy.version = $2', [version], { withDocument: true });
    return row ?? null;
  }

  /** Published and retired versions, newest first, without documents; `before` pages past a version number. */
  listVersions(tenantId: string, limit: number, before?: number): Promise<PolicyVersionRecord[]> {
    const page = before === undefined ? '' : 'AND policy.version < $3';
    const condition = `policy.status <> 'draft' ${page} ORDER BY policy.version DESC LIMIT $2`;
    return this.read(tenantId, condition, before === undefined ? [limit] : [limit, before], { withDocument: false });
  }

  /** `condition` follows WHERE with the tenant already matched ($1); the row alias is `policy`. */
  private async read(
    tenantId: string,
    condition: string,
    params: unknown[],
    { withDocument }: { withDocument: boolean },
  ): Promise<PolicyVersionRecord[]> {
    const rows = await this.db.query<VersionRow[]>(
      `SELECT policy.version, policy.status, ${withDocument ? 'policy.document' : 'NULL AS document'}, policy.note,
              policy.based_on_version, policy.rolled_back_from, policy.created_at, policy.updated_at,
              policy.published_at, policy.created_by, creator.name AS created_by_name, policy.updated_by,
              updater.name AS updated_by_name, policy.published_by, publisher.name AS published_by_name
         FROM routing_policies policy
         LEFT JOIN agents creator ON creator.tenant_id = policy.tenant_id AND creator.id = policy.created_by
         LEFT JOIN agents updater ON updater.tenant_id = policy.tenant_id AND updater.id = policy.updated_by
         LEFT JOIN agents publisher ON publisher.tenant_id = policy.tenant_id AND publisher.id = policy.published_by
        WHERE policy.tenant_id = $1 AND ${condition}`,
      [tenantId, ...params],
    );
    return rows.map(toVersionRecord);
  }

  /**
   * The number for a new version: above every version ever stored or audited, so a discarded draft's number is
   * never reused and an audit entry always means one document.
   */
  async nextVersion(tenantId: string): Promise<number> {
    const [row] = await this.db.query<{ max: number | null }[]>(
      `SELECT GREATEST(
         (SELECT max(version) FROM routing_policies WHERE tenant_id = $1),
         (SELECT max(version) FROM routing_policy_audit WHERE tenant_id = $1)
       ) AS max`,
      [tenantId],
    );
    return (row?.max ?? 0) + 1;
  }

  async insert(tenantId: string, version: NewPolicyVersion): Promise<void> {
    const publishing = version.status === 'published';
    await this.db.getRepository(RoutingPolicyEntity).insert({
      tenantId,
      version: version.version,
      status: version.status,
      document: version.document,
      note: version.note,
      basedOnVersion: version.basedOnVersion,
      rolledBackFrom: version.rolledBackFrom ?? null,
      createdBy: version.actorId,
      updatedBy: version.actorId,
      publishedBy: publishing ? version.actorId : null,
      publishedAt: publishing ? () => 'now()' : null,
    });
  }

  async replaceDraft(tenantId: string, document: RoutingPolicyDocument, note: string | null, actorId: string) {
    await this.db
      .getRepository(RoutingPolicyEntity)
      .update({ tenantId, status: 'draft' }, { document, note, updatedBy: actorId, updatedAt: () => 'now()' });
  }

  async deleteDraft(tenantId: string): Promise<boolean> {
    const result = await this.db.getRepository(RoutingPolicyEntity).delete({ tenantId, status: 'draft' });
    return (result.affected ?? 0) > 0;
  }

  async renumberDraft(tenantId: string, version: number): Promise<void> {
    await this.db.getRepository(RoutingPolicyEntity).update({ tenantId, status: 'draft' }, { version });
  }

  /** Retires the published version, if any (before another is published: one published version per tenant). */
  async retirePublished(tenantId: string): Promise<void> {
    await this.db.getRepository(RoutingPolicyEntity).update({ tenantId, status: 'published' }, { status: 'retired' });
  }

  /** Publishes the draft as it is stored, overwriting its document and note with the re-validated ones. */
  async publishDraft(tenantId: string, document: RoutingPolicyDocument, note: string | null, actorId: string) {
    await this.db.getRepository(RoutingPolicyEntity).update(
      { tenantId, status: 'draft' },
      {
        status: 'published',
        document,
        note,
        updatedBy: actorId,
        updatedAt: () => 'now()',
        publishedBy: actorId,
        publishedAt: () => 'now()',
      },
    );
  }

  /**
   * Conversations routed in [from, to) (open ends when null), newest first, up to `limit`, with the facts they were
   * routed on: what a dry run replays.
   */
  async routedSamples(
    tenantId: string,
    { from, to, limit }: { from: Date | null; to: Date | null; limit: number },
  ): Promise<DryRunSample[]> {
    const rows = await this.db.query<{ id: string; routing_facts: RoutingFacts; created_at: Date }[]>(
      `SELECT id, routing_facts, created_at
         FROM conversations
        WHERE tenant_id = $1 AND routed_at IS NOT NULL AND routing_facts IS NOT NULL
          AND routed_at >= COALESCE($2::timestamptz, '-infinity') AND routed_at < COALESCE($3::timestamptz, 'infinity')
        ORDER BY routed_at DESC, id DESC
        LIMIT $4`,
      [tenantId, from, to, limit],
    );
    return rows.map((row) => ({
      conversationId: row.id,
      facts: row.routing_facts,
      createdAt: row.created_at.toISOString(),
    }));
  }

  /** What a policy of this tenant may refer to: teams, SLA policies, business-hours calendars and topics. */
  async references(tenantId: string): Promise<RoutingReferences> {
    const named = (table: string) =>
      this.db.query<{ id: string; name: string }[]>(`SELECT id, name FROM ${table} WHERE tenant_id = $1`, [tenantId]);
    // One after another: inside a transaction these share a single connection.
    const teams = await named('teams');
    const slaPolicies = await named('sla_policies');
    const calendars = await named('business_hours');
    const topics = await this.db.query<{ name: string }[]>(`SELECT name FROM topic_categories WHERE tenant_id = $1`, [
      tenantId,
    ]);
    return {
      teams: new Map(teams.map((row) => [row.id, row.name])),
      slaPolicies: new Map(slaPolicies.map((row) => [row.id, row.name])),
      calendarIds: new Set(calendars.map((row) => row.id)),
      topics: new Set(topics.map((row) => row.name)),
    };
  }
}

const actor = (id: string | null, name: string | null): PolicyActor | null => (id === null ? null : { id, name });

function toVersionRecord(row: VersionRow): PolicyVersionRecord {
  return {
    version: row.version,
    status: row.status,
    document: row.document,
    note: row.note,
    basedOnVersion: row.based_on_version,
    rolledBackFrom: row.rolled_back_from,
    createdBy: actor(row.created_by, row.created_by_name),
    createdAt: row.created_at,
    updatedBy: actor(row.updated_by, row.updated_by_name),
    updatedAt: row.updated_at,
    publishedBy: actor(row.published_by, row.published_by_name),
    publishedAt: row.published_at,
  };
}
