import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A `supervisor` role between agent and admin: supervisors take over, resolve, snooze, pend and reopen colleagues'
 * conversations, see every conversation of the tenant and edit customers' tier and attributes, but do not administer
 * the tenant (core/auth/conversation-permissions.ts). Only the role column's CHECK constraint changes.
 */
export class SupervisorRole1764600000000 implements MigrationInterface {
  name = 'SupervisorRole1764600000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE agents DROP CONSTRAINT agents_role_check`);
    await db.query(
      `ALTER TABLE agents ADD CONSTRAINT agents_role_check CHECK (role IN ('agent', 'supervisor', 'admin'))`,
    );
  }

  /** Supervisors become agents again: the narrower role, so nobody gains a permission on the way down. */
  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE agents DROP CONSTRAINT agents_role_check`);
    await db.query(`UPDATE agents SET role = 'agent' WHERE role = 'supervisor'`);
    await db.query(`ALTER TABLE agents ADD CONSTRAINT agents_role_check CHECK (role IN ('agent', 'admin'))`);
  }
}
