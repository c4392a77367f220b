import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Dead letters: inbound messages whose handling still failed after the activity's retries, so the conversation could
 * go on with the next one. `payload` is a clean copy (U+0000 and unpaired surrogates, which text and jsonb refuse,
 * replaced by U+FFFD); `original_payload` is the message exactly as received, as JSON text, which an admin retry
 * re-delivers. `delivery` is the receivedAt of the delivery that failed last, so a re-run of it counts once.
 */
export class FailedMessages1764400000000 implements MigrationInterface {
  name = 'FailedMessages1764400000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE failed_messages (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL REFERENCES tenants(id),
        conversation_id uuid NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
        external_id text NOT NULL,
        payload jsonb NOT NULL,
        original_payload text NOT NULL,
        delivery text NOT NULL,
        step text NOT NULL,
        error_type text NOT NULL,
        reason text NOT NULL,
        attempts integer NOT NULL,
        failure_count integer NOT NULL DEFAULT 1,
        status text NOT NULL DEFAULT 'failed' CHECK (status IN ('failed', 'retried')),
        retry_count integer NOT NULL DEFAULT 0,
        retried_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (tenant_id, conversation_id, external_id)
      )`);
    await db.query(`CREATE INDEX failed_messages_newest_idx ON failed_messages (tenant_id, created_at DESC, id DESC)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE failed_messages`);
  }
}
