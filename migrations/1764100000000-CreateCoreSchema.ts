import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateCoreSchema1764100000000 implements MigrationInterface {
  name = 'CreateCoreSchema1764100000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE tenants (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        slug text NOT NULL UNIQUE,
        name text NOT NULL,
        widget_key text NOT NULL UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`
      CREATE TABLE customers (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL REFERENCES tenants(id),
        name text,
        email text,
        phone text,
        attributes jsonb NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX customers_tenant_idx ON customers (tenant_id, created_at)`);
    await db.query(`
      CREATE TABLE customer_identities (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL REFERENCES tenants(id),
        customer_id uuid NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
        channel text NOT NULL CHECK (channel IN ('chat', 'email', 'sms')),
        address text NOT NULL,
        verified boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (tenant_id, channel, address)
      )`);
    await db.query(`CREATE INDEX customer_identities_customer_idx ON customer_identities (tenant_id, customer_id)`);
    await db.query(`
      CREATE TABLE teams (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL REFERENCES tenants(id),
        name text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (tenant_id, name)
      )`);
    await db.query(`
      CREATE TABLE agents (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL REFERENCES tenants(id),
        email text NOT NULL,
        name text NOT NULL,
        role text NOT NULL CHECK (role IN ('agent', 'admin')),
        status text NOT NULL DEFAULT 'offline' CHECK (status IN ('online', 'away', 'offline')),
        skills text[] NOT NULL DEFAULT '{}',
        channels text[] NOT NULL DEFAULT '{chat,email,sms}',
        capacity jsonb NOT NULL DEFAULT '{"chat": 3, "email": 10, "sms": 5}',
        password_hash text,
        active boolean NOT NULL DEFAULT true,
        last_assigned_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (tenant_id, email)
      )`);
    await db.query(`
      CREATE TABLE team_members (
        tenant_id uuid NOT NULL REFERENCES tenants(id),
        team_id uuid NOT NULL REFERENCES teams(id) ON DELETE CASCADE,
        agent_id uuid NOT NULL REFERENCES agents(id) ON DELETE CASCADE,
        PRIMARY KEY (team_id, agent_id)
      )`);
    await db.query(`
      CREATE TABLE agent_tokens (
        token_hash text PRIMARY KEY,
        tenant_id uuid NOT NULL REFERENCES tenants(id),
        agent_id uuid NOT NULL REFERENCES agents(id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL
      )`);
    await db.query(`
      CREATE TABLE conversations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL REFERENCES tenants(id),
        customer_id uuid NOT NULL REFERENCES customers(id),
        channel text NOT NULL CHECK (channel IN ('chat', 'email', 'sms')),
        status text NOT NULL DEFAULT 'bot' CHECK (status IN ('bot', 'open', 'snoozed', 'resolved')),
        priority text NOT NULL DEFAULT 'normal' CHECK (priority IN ('low', 'normal', 'high', 'urgent')),
        topic_tags text[] NOT NULL DEFAULT '{}',
        subject text,
        team_id uuid REFERENCES teams(id) ON DELETE SET NULL,
        assignee_id uuid REFERENCES agents(id) ON DELETE SET NULL,
        workflow_id text NOT NULL UNIQUE,
        bot_turns integer NOT NULL DEFAULT 0,
        queued_at timestamptz,
        excluded_agent_ids uuid[] NOT NULL DEFAULT '{}',
        snoozed_until timestamptz,
        last_activity_at timestamptz NOT NULL DEFAULT now(),
        created_at timestamptz NOT NULL DEFAULT now(),
        first_response_at timestamptz,
        resolved_at timestamptz,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX conversations_inbox_idx ON conversations (tenant_id, last_activity_at DESC, id DESC)`);
    await db.query(`CREATE INDEX conversations_assignee_idx ON conversations (tenant_id, assignee_id, status)`);
    await db.query(`CREATE INDEX conversations_customer_idx ON conversations (tenant_id, customer_id, created_at)`);
    await db.query(`
      CREATE INDEX conversations_queue_idx ON conversations (tenant_id, queued_at)
      WHERE status = 'open' AND assignee_id IS NULL`);
    await db.query(`
      CREATE TABLE messages (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        seq bigserial NOT NULL UNIQUE,
        tenant_id uuid NOT NULL REFERENCES tenants(id),
        conversation_id uuid NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
        customer_id uuid NOT NULL REFERENCES customers(id),
        direction text NOT NULL CHECK (direction IN ('inbound', 'outbound')),
        author_kind text NOT NULL CHECK (author_kind IN ('customer', 'bot', 'agent', 'system')),
        author_agent_id uuid REFERENCES agents(id) ON DELETE SET NULL,
        channel text NOT NULL CHECK (channel IN ('chat', 'email', 'sms')),
        body text NOT NULL,
        external_id text NOT NULL,
        delivery_status text NOT NULL CHECK (delivery_status IN ('received', 'pending', 'sent', 'delivered', 'failed', 'bounced')),
        citations jsonb NOT NULL DEFAULT '[]',
        confidence real,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (tenant_id, channel, external_id)
      )`);
    await db.query(`CREATE INDEX messages_conversation_idx ON messages (tenant_id, conversation_id, seq)`);
    await db.query(`CREATE INDEX messages_customer_idx ON messages (tenant_id, customer_id, created_at)`);
    // Every stored message wakes the API's live streams (SSE); the payload is a pointer, the row is read back.
    await db.query(`
      CREATE FUNCTION notify_message_stored() RETURNS trigger AS $$
      BEGIN
        PERFORM pg_notify('threadline_messages', json_build_object(
          'tenantId', NEW.tenant_id, 'conversationId', NEW.conversation_id,
          'customerId', NEW.customer_id, 'seq', NEW.seq)::text);
        RETURN NEW;
      END $$ LANGUAGE plpgsql`);
    await db.query(`
      CREATE TRIGGER messages_notify AFTER INSERT ON messages
      FOR EACH ROW EXECUTE FUNCTION notify_message_stored()`);
    await db.query(`
      CREATE TABLE assignments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL REFERENCES tenants(id),
        conversation_id uuid NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
        agent_id uuid REFERENCES agents(id) ON DELETE SET NULL,
        assigned_by text NOT NULL,
        policy text NOT NULL,
        reason text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        ended_at timestamptz,
        end_reason text
      )`);
    await db.query(`CREATE INDEX assignments_conversation_idx ON assignments (tenant_id, conversation_id, created_at)`);
    await db.query(`
      CREATE TABLE kb_articles (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL REFERENCES tenants(id),
        title text NOT NULL,
        body text NOT NULL,
        tags text[] NOT NULL DEFAULT '{}',
        published boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`
      CREATE TABLE kb_chunks (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL REFERENCES tenants(id),
        article_id uuid NOT NULL REFERENCES kb_articles(id) ON DELETE CASCADE,
        position integer NOT NULL,
        title text NOT NULL,
        content text NOT NULL,
        search tsvector GENERATED ALWAYS AS (
          setweight(to_tsvector('english', title), 'A') || setweight(to_tsvector('english', content), 'B')
        ) STORED,
        UNIQUE (article_id, position)
      )`);
    await db.query(`CREATE INDEX kb_chunks_search_idx ON kb_chunks USING gin (search)`);
    await db.query(`CREATE INDEX kb_chunks_tenant_idx ON kb_chunks (tenant_id)`);
    await db.query(`
      CREATE TABLE conversation_events (
        id bigserial PRIMARY KEY,
        tenant_id uuid NOT NULL REFERENCES tenants(id),
        conversation_id uuid NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
        type text NOT NULL,
        actor text NOT NULL,
        data jsonb NOT NULL DEFAULT '{}',
        event_key text,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (tenant_id, event_key)
      )`);
    await db.query(
      `CREATE INDEX conversation_events_conversation_idx ON conversation_events (tenant_id, conversation_id, id)`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of [
      'conversation_events',
      'kb_chunks',
      'kb_articles',
      'assignments',
      'messages',
      'conversations',
      'agent_tokens',
      'team_members',
      'agents',
      'teams',
      'customer_identities',
      'customers',
      'tenants',
    ]) {
      await db.query(`DROP TABLE ${table}`);
    }
    await db.query(`DROP FUNCTION notify_message_stored()`);
  }
}
