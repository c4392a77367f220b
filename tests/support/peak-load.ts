import type { DataSource } from 'typeorm';

/** One row of the assignments table: an agent held a conversation from `from` until `until` (null = still holds it). */
export interface AssignmentSpan {
  agentId: string;
  conversationId: string;
  /** Microseconds since the epoch: PostgreSQL's own resolution, so a claim and a release never look simultaneous. */
  from: number;
  until: number | null;
}

/**
 * A tenant's assignment history, optionally only the spans that began before `before` (a Date taken from the
 * database clock): the peak over those is the peak up to that instant, since a later end only lowers a load.
 */
export async function assignmentSpans(
  dataSource: DataSource,
  tenantId: string,
  before?: Date,
): Promise<AssignmentSpan[]> {
  const rows: { agent_id: string; conversation_id: string; from_us: string; until_us: string | null }[] =
    await dataSource.query(
      `SELECT agent_id, conversation_id,
              (extract(epoch FROM created_at) * 1000000)::bigint::text AS from_us,
              (extract(epoch FROM ended_at) * 1000000)::bigint::text AS until_us
       FROM assignments
       WHERE tenant_id = $1 AND agent_id IS NOT NULL AND ($2::timestamptz IS NULL OR created_at < $2)`,
      [tenantId, before ?? null],
    );
  return rows.map((row) => ({
    agentId: row.agent_id,
    conversationId: row.conversation_id,
    from: Number(row.from_us),
    until: row.until_us === null ? null : Number(row.until_us),
  }));
}

/** The most conversations each agent held at the same moment, from the assignment history. */
export function peakConcurrentLoad(spans: readonly AssignmentSpan[]): Map<string, number> {
  const byAgent = new Map<string, AssignmentSpan[]>();
  for (const span of spans) {
    const held = byAgent.get(span.agentId);
    if (held) {
      held.push(span);
    } else {
      byAgent.set(span.agentId, [span]);
    }
  }
  const peaks = new Map<string, number>();
  for (const [agentId, held] of byAgent) {
    const edges = held.flatMap((span) => [
      { at: span.from, delta: 1 },
      ...(span.until === null ? [] : [{ at: span.until, delta: -1 }]),
    ]);
    // Releases at the same instant as a claim happen first: the claim could only see the freed slot after it.
    edges.sort((a, b) => a.at - b.at || a.delta - b.delta);
    let load = 0;
    let peak = 0;
    for (const edge of edges) {
      load += edge.delta;
      peak = Math.max(peak, load);
    }
    peaks.set(agentId, peak);
  }
  return peaks;
}

export interface OverCapacity {
  agentId: string;
  peak: number;
  capacity: number;
}

/** Agents whose peak load exceeded their capacity, with both numbers; empty when nobody ever did. */
export function overCapacity(
  peaks: ReadonlyMap<string, number>,
  capacityOf: (agentId: string) => number,
): OverCapacity[] {
  return [...peaks]
    .map(([agentId, peak]) => ({ agentId, peak, capacity: capacityOf(agentId) }))
    .filter(({ peak, capacity }) => peak > capacity);
}
