import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Login throttling and revocable visitor sessions.
 *
 * login_failures: one row per throttling bucket (an account or a client IP, named by the SHA-256 of its key so no
 * email or address is stored), counting failed logins in a fixed window that ends at expires_at. Written with one
 * UPSERT per attempt, so every API process shares the counts and they survive restarts.
 *
 * visitor_sessions: one row per widget session. The access token is a stateless HMAC token naming the session id;
 * the refresh token is stored only as its SHA-256 and replaced on every refresh.
 */
export class AccountSecurity1764500000000 implements MigrationInterface {
  name = 'AccountSecurity1764500000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE login_failures (
        bucket text PRIMARY KEY,
        failures integer NOT NULL,
        expires_at timestamptz NOT NULL
      )`);
    await db.query(`CREATE INDEX login_failures_expiry_idx ON login_failures (expires_at)`);
    await db.query(`
      CREATE TABLE visitor_sessions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL REFERENCES tenants(id),
        customer_id uuid NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
        visitor_id text NOT NULL,
        refresh_token_hash text NOT NULL UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now(),
        refreshed_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        revoked_at timestamptz
      )`);
    await db.query(`CREATE INDEX visitor_sessions_customer_idx ON visitor_sessions (tenant_id, customer_id)`);
    await db.query(`CREATE INDEX visitor_sessions_expiry_idx ON visitor_sessions (expires_at)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE visitor_sessions`);
    await db.query(`DROP TABLE login_failures`);
  }
}
