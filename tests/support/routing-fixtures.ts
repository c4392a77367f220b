import type { DataSource } from 'typeorm';
import type { AssignmentStrategy } from '../../core/assignment/assignment.types';
import type { RoutingPolicyDocument } from '../../core/routing/routing-policy.types';
import type { BusinessHoursSchedule } from '../../core/sla/business-hours.types';
import type { SlaBreachActions } from '../../core/sla/sla-policy.types';
import { createTopicModelRetrainer } from '../../core/triage/retrain-topic-model';
import { ClassifierModelRepository } from '../../core/triage/classifier-model.repository';
import { TopicExampleRepository } from '../../core/triage/topic-example.repository';

/** A team with an assignment strategy and members, inserted directly (the admin API has its own tests). */
export async function aTeam(
  dataSource: DataSource,
  tenantId: string,
  options: { name?: string; strategy?: AssignmentStrategy; skillRelaxAfterSeconds?: number; memberIds?: string[] } = {},
): Promise<string> {
  const [{ id }] = await dataSource.query(
    `INSERT INTO teams (tenant_id, name, assignment_strategy, skill_relax_after_seconds)
     VALUES ($1, $2, $3, $4) RETURNING id`,
    [
      tenantId,
      options.name ?? `Team ${Math.random().toString(36).slice(2, 8)}`,
      options.strategy ?? 'capacity',
      options.skillRelaxAfterSeconds ?? 120,
    ],
  );
  for (const agentId of options.memberIds ?? []) {
    await dataSource.query(`INSERT INTO team_members (tenant_id, team_id, agent_id) VALUES ($1, $2, $3)`, [
      tenantId,
      id,
      agentId,
    ]);
  }
  return id;
}

/** Publishes a routing policy version directly. */
export async function aPublishedPolicy(
  dataSource: DataSource,
  tenantId: string,
  document: RoutingPolicyDocument,
): Promise<number> {
  await dataSource.query(
    `UPDATE routing_policies SET status = 'retired' WHERE tenant_id = $1 AND status = 'published'`,
    [tenantId],
  );
  const [{ version }] = await dataSource.query(
    `INSERT INTO routing_policies (tenant_id, version, status, document, published_at)
     SELECT $1, COALESCE(max(version), 0) + 1, 'published', $2, now() FROM routing_policies WHERE tenant_id = $1
     RETURNING version`,
    [tenantId, JSON.stringify(document)],
  );
  return version;
}

export async function anSlaPolicy(
  dataSource: DataSource,
  tenantId: string,
  options: {
    firstResponseSeconds?: number | null;
    nextResponseSeconds?: number | null;
    resolutionSeconds?: number | null;
    businessHoursId?: string | null;
    breachActions?: Partial<SlaBreachActions>;
  },
): Promise<string> {
  const [{ id }] = await dataSource.query(
    `INSERT INTO sla_policies (tenant_id, name, first_response_seconds, next_response_seconds, resolution_seconds,
                               business_hours_id, breach_actions)
     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
    [
      tenantId,
      `SLA ${Math.random().toString(36).slice(2, 8)}`,
      options.firstResponseSeconds ?? null,
      options.nextResponseSeconds ?? null,
      options.resolutionSeconds ?? null,
      options.businessHoursId ?? null,
      JSON.stringify({ raisePriority: true, reassign: false, notify: true, ...options.breachActions }),
    ],
  );
  return id;
}

export async function aBusinessHoursCalendar(
  dataSource: DataSource,
  tenantId: string,
  schedule: BusinessHoursSchedule,
): Promise<string> {
  const [{ id }] = await dataSource.query(
    `INSERT INTO business_hours (tenant_id, name, time_zone, weekly, holidays) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
    [
      tenantId,
      `Hours ${Math.random().toString(36).slice(2, 8)}`,
      schedule.timeZone,
      JSON.stringify(schedule.weekly),
      schedule.holidays,
    ],
  );
  return id;
}

export async function eventsOf(dataSource: DataSource, tenantId: string, conversationId: string, type: string) {
  const rows: { data: Record<string, unknown>; actor: string }[] = await dataSource.query(
    `SELECT data, actor FROM conversation_events WHERE tenant_id = $1 AND conversation_id = $2 AND type = $3 ORDER BY id`,
    [tenantId, conversationId, type],
  );
  return rows;
}

/** Topic categories with example messages, and the trained model the worker loads (training has its own tests). */
export async function someTopics(
  dataSource: DataSource,
  tenantId: string,
  topics: Record<string, string[]>,
): Promise<void> {
  for (const [name, examples] of Object.entries(topics)) {
    const [{ id }] = await dataSource.query(
      `INSERT INTO topic_categories (tenant_id, name) VALUES ($1, $2) RETURNING id`,
      [tenantId, name],
    );
    await dataSource.query(
      `INSERT INTO topic_examples (tenant_id, category_id, text, source)
       SELECT $1, $2, text, 'admin' FROM unnest($3::text[]) AS text`,
      [tenantId, id, examples],
    );
  }
  const stores = {
    models: new ClassifierModelRepository(dataSource),
    examples: new TopicExampleRepository(dataSource),
  };
  await createTopicModelRetrainer(stores)(tenantId);
}
