import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Outbound delivery as its own step: every outbound message is stored `queued` and sent through its channel's
 * adapter, which records the vendor's message id; vendor status reports (receipts) are kept as they arrive, even
 * before the message they name is known, and folded into the message's one delivery status. Inbound messages keep
 * their sender, provider id and the rest of the channel's envelope. Channel inboxes map a webhook URL's
 * unguessable token to a tenant.
 */
export class OutboundDelivery1764800000000 implements MigrationInterface {
  name = 'OutboundDelivery1764800000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE messages DROP CONSTRAINT messages_delivery_status_check`);
    await db.query(`UPDATE messages SET delivery_status = 'queued' WHERE delivery_status = 'pending'`);
    await db.query(`
      ALTER TABLE messages
        ADD CONSTRAINT messages_delivery_status_check CHECK (delivery_status IN
          ('received', 'queued', 'sent', 'delivered', 'read', 'failed', 'bounced', 'undelivered')),
        ADD COLUMN provider text,
        ADD COLUMN provider_message_id text,
        ADD COLUMN sender_address text,
        ADD COLUMN envelope jsonb NOT NULL DEFAULT '{}',
        ADD COLUMN delivery_failure_reason text,
        ADD COLUMN delivery_status_at timestamptz`);
    await db.query(`
      CREATE UNIQUE INDEX messages_provider_message_idx ON messages (tenant_id, channel, provider, provider_message_id, direction)
      WHERE provider_message_id IS NOT NULL`);
    await db.query(`
      CREATE TABLE delivery_receipts (
        id bigserial PRIMARY KEY,
        tenant_id uuid NOT NULL REFERENCES tenants(id),
        channel text NOT NULL CHECK (channel IN ('chat', 'email', 'sms')),
        provider text NOT NULL,
        provider_message_id text NOT NULL,
        status text NOT NULL CHECK (status IN ('queued', 'sent', 'delivered', 'read', 'failed', 'bounced', 'undelivered')),
        reason text,
        occurred_at timestamptz NOT NULL,
        received_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (tenant_id, channel, provider, provider_message_id, status)
      )`);
    await db.query(`
      CREATE TABLE channel_inboxes (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL REFERENCES tenants(id),
        channel text NOT NULL CHECK (channel IN ('chat', 'email', 'sms')),
        provider text NOT NULL,
        name text NOT NULL,
        address text,
        webhook_token_hash text NOT NULL UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX channel_inboxes_tenant_idx ON channel_inboxes (tenant_id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE channel_inboxes`);
    await db.query(`DROP TABLE delivery_receipts`);
    await db.query(`DROP INDEX messages_provider_message_idx`);
    await db.query(`ALTER TABLE messages DROP CONSTRAINT messages_delivery_status_check`);
    await db.query(`
      UPDATE messages SET delivery_status = CASE delivery_status
        WHEN 'queued' THEN 'pending' WHEN 'read' THEN 'delivered' WHEN 'undelivered' THEN 'failed'
        ELSE delivery_status END`);
    await db.query(`
      ALTER TABLE messages
        ADD CONSTRAINT messages_delivery_status_check CHECK (delivery_status IN
          ('received', 'pending', 'sent', 'delivered', 'failed', 'bounced')),
        DROP COLUMN provider,
        DROP COLUMN provider_message_id,
        DROP COLUMN sender_address,
        DROP COLUMN envelope,
        DROP COLUMN delivery_failure_reason,
        DROP COLUMN delivery_status_at`);
  }
}
