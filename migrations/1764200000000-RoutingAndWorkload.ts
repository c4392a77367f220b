import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Routing and workload: topic categories and their trained classifier, business hours, SLA policies, versioned
 * routing policies, per-team assignment strategies, triage and SLA columns on conversations, the pending status,
 * and a notification for every conversation event (the agents' event stream).
 */
export class RoutingAndWorkload1764200000000 implements MigrationInterface {
  name = 'RoutingAndWorkload1764200000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE topic_categories (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL REFERENCES tenants(id),
        name text NOT NULL,
        description text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (tenant_id, name)
      )`);
    await db.query(`
      CREATE TABLE topic_examples (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL REFERENCES tenants(id),
        category_id uuid NOT NULL REFERENCES topic_categories(id) ON DELETE CASCADE,
        text text NOT NULL,
        source text NOT NULL CHECK (source IN ('admin', 'agent_retag')),
        conversation_id uuid REFERENCES conversations(id) ON DELETE SET NULL,
        created_by uuid REFERENCES agents(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (tenant_id, category_id, text)
      )`);
    // An agent's re-tag of a conversation is one labelled example; re-tagging again moves it.
    await db.query(`
      CREATE UNIQUE INDEX topic_examples_retag_idx ON topic_examples (tenant_id, conversation_id)
      WHERE source = 'agent_retag'`);
    await db.query(`
      CREATE TABLE classifier_models (
        tenant_id uuid NOT NULL REFERENCES tenants(id),
        version integer NOT NULL,
        fingerprint text NOT NULL,
        labels text[] NOT NULL,
        examples integer NOT NULL,
        params bytea NOT NULL,
        metrics jsonb NOT NULL DEFAULT '{}',
        trained_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, version)
      )`);
    await db.query(`
      CREATE TABLE business_hours (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL REFERENCES tenants(id),
        name text NOT NULL,
        time_zone text NOT NULL,
        weekly jsonb NOT NULL,
        holidays text[] NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (tenant_id, name)
      )`);
    await db.query(`
      CREATE TABLE sla_policies (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL REFERENCES tenants(id),
        name text NOT NULL,
        first_response_seconds integer CHECK (first_response_seconds > 0),
        next_response_seconds integer CHECK (next_response_seconds > 0),
        resolution_seconds integer CHECK (resolution_seconds > 0),
        business_hours_id uuid REFERENCES business_hours(id) ON DELETE RESTRICT,
        breach_actions jsonb NOT NULL DEFAULT '{"raisePriority": true, "reassign": false, "notify": true}',
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (tenant_id, name)
      )`);
    await db.query(`
      CREATE TABLE routing_policies (
        tenant_id uuid NOT NULL REFERENCES tenants(id),
        version integer NOT NULL,
        status text NOT NULL CHECK (status IN ('draft', 'published', 'retired')),
        document jsonb NOT NULL,
        note text,
        based_on_version integer,
        rolled_back_from integer,
        created_by uuid REFERENCES agents(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_by uuid REFERENCES agents(id) ON DELETE SET NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        published_by uuid REFERENCES agents(id) ON DELETE SET NULL,
        published_at timestamptz,
        PRIMARY KEY (tenant_id, version)
      )`);
    await db.query(
      `CREATE UNIQUE INDEX routing_policies_draft_idx ON routing_policies (tenant_id) WHERE status = 'draft'`,
    );
    await db.query(
      `CREATE UNIQUE INDEX routing_policies_published_idx ON routing_policies (tenant_id) WHERE status = 'published'`,
    );
    await db.query(`
      CREATE TABLE routing_policy_audit (
        id bigserial PRIMARY KEY,
        tenant_id uuid NOT NULL REFERENCES tenants(id),
        version integer NOT NULL,
        action text NOT NULL,
        actor_agent_id uuid REFERENCES agents(id) ON DELETE SET NULL,
        details jsonb NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT clock_timestamp()
      )`);
    await db.query(`CREATE INDEX routing_policy_audit_tenant_idx ON routing_policy_audit (tenant_id, id)`);

    await db.query(`
      ALTER TABLE tenants
        ADD COLUMN default_assignment_strategy text NOT NULL DEFAULT 'capacity'
          CHECK (default_assignment_strategy IN ('round_robin', 'capacity', 'skill', 'channel'))`);
    await db.query(`
      ALTER TABLE teams
        ADD COLUMN assignment_strategy text NOT NULL DEFAULT 'capacity'
          CHECK (assignment_strategy IN ('round_robin', 'capacity', 'skill', 'channel')),
        ADD COLUMN skill_relax_after_seconds integer NOT NULL DEFAULT 120 CHECK (skill_relax_after_seconds >= 0),
        ADD COLUMN capacity_weights jsonb NOT NULL DEFAULT '{"chat": 1, "email": 1, "sms": 1}'`);
    await db.query(`ALTER TABLE team_members ADD COLUMN last_assigned_at timestamptz`);

    await db.query(`ALTER TABLE conversations DROP CONSTRAINT conversations_status_check`);
    await db.query(`
      ALTER TABLE conversations
        ADD CONSTRAINT conversations_status_check CHECK (status IN ('bot', 'open', 'pending', 'snoozed', 'resolved')),
        ADD COLUMN topic text,
        ADD COLUMN topic_confidence real,
        ADD COLUMN topic_engine text,
        ADD COLUMN sentiment text CHECK (sentiment IN ('negative', 'neutral', 'positive')),
        ADD COLUMN sentiment_score real,
        ADD COLUMN language text,
        ADD COLUMN triage jsonb,
        ADD COLUMN triaged_at timestamptz,
        ADD COLUMN routing_policy_version integer,
        ADD COLUMN routing_rule text,
        ADD COLUMN routing_facts jsonb,
        ADD COLUMN routed_at timestamptz,
        ADD COLUMN required_skills text[] NOT NULL DEFAULT '{}',
        ADD COLUMN optional_skills text[] NOT NULL DEFAULT '{}',
        ADD COLUMN sla_policy_id uuid REFERENCES sla_policies(id) ON DELETE SET NULL,
        ADD COLUMN sla_breach_actions jsonb,
        ADD COLUMN first_response_due_at timestamptz,
        ADD COLUMN next_response_due_at timestamptz,
        ADD COLUMN resolution_due_at timestamptz`);
    await db.query(`CREATE INDEX conversations_topic_idx ON conversations (tenant_id, topic, last_activity_at DESC)`);
    await db.query(
      `CREATE INDEX conversations_routed_idx ON conversations (tenant_id, routed_at DESC) WHERE routed_at IS NOT NULL`,
    );

    // Conversation events wake the agents' event streams (SLA breaches, assignments). One notice per tenant per
    // statement, carrying the highest new id: a drain logging hundreds of decisions sends one, not hundreds (NOTIFY
    // work is serialised across sessions at commit).
    await db.query(`
      CREATE FUNCTION notify_conversation_events() RETURNS trigger AS $$
      BEGIN
        PERFORM pg_notify('threadline_events', json_build_object('tenantId', tenant_id, 'id', max_id)::text)
        FROM (SELECT tenant_id, max(id) AS max_id FROM inserted GROUP BY tenant_id) per_tenant;
        RETURN NULL;
      END $$ LANGUAGE plpgsql`);
    await db.query(`
      CREATE TRIGGER conversation_events_notify AFTER INSERT ON conversation_events
      REFERENCING NEW TABLE AS inserted
      FOR EACH STATEMENT EXECUTE FUNCTION notify_conversation_events()`);
    await db.query(`CREATE INDEX conversation_events_tenant_idx ON conversation_events (tenant_id, id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX conversation_events_tenant_idx`);
    await db.query(`DROP TRIGGER conversation_events_notify ON conversation_events`);
    await db.query(`DROP FUNCTION notify_conversation_events()`);
    await db.query(`UPDATE conversations SET status = 'open' WHERE status = 'pending'`);
    await db.query(`ALTER TABLE conversations DROP CONSTRAINT conversations_status_check`);
    await db.query(`
      ALTER TABLE conversations
        ADD CONSTRAINT conversations_status_check CHECK (status IN ('bot', 'open', 'snoozed', 'resolved')),
        DROP COLUMN topic, DROP COLUMN topic_confidence, DROP COLUMN topic_engine, DROP COLUMN sentiment,
        DROP COLUMN sentiment_score, DROP COLUMN language, DROP COLUMN triage, DROP COLUMN triaged_at,
        DROP COLUMN routing_policy_version, DROP COLUMN routing_rule, DROP COLUMN routing_facts, DROP COLUMN routed_at,
        DROP COLUMN required_skills, DROP COLUMN optional_skills, DROP COLUMN sla_policy_id, DROP COLUMN sla_breach_actions,
        DROP COLUMN first_response_due_at, DROP COLUMN next_response_due_at, DROP COLUMN resolution_due_at`);
    await db.query(`ALTER TABLE team_members DROP COLUMN last_assigned_at`);
    await db.query(
      `ALTER TABLE teams DROP COLUMN assignment_strategy, DROP COLUMN skill_relax_after_seconds, DROP COLUMN capacity_weights`,
    );
    await db.query(`ALTER TABLE tenants DROP COLUMN default_assignment_strategy`);
    for (const table of [
      'routing_policy_audit',
      'routing_policies',
      'sla_policies',
      'business_hours',
      'classifier_models',
      'topic_examples',
      'topic_categories',
    ]) {
      await db.query(`DROP TABLE ${table}`);
    }
  }
}
