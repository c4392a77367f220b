import { createHash, randomBytes } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';

/** Tokens are stored only as their SHA-256, so a leaked table cannot be replayed. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Issues a new bearer token for an agent, valid for `ttlHours`; returns the raw token (shown once). */
export async function issueAgentToken(
  db: DataSource | EntityManager,
  tenantId: string,
  agentId: string,
  ttlHours: number,
): Promise<string> {
  const token = `tla_${randomBytes(32).toString('base64url')}`;
  await db.query(
    `INSERT INTO agent_tokens (token_hash, tenant_id, agent_id, expires_at)
     VALUES ($1, $2, $3, now() + make_interval(secs => $4))`,
    [hashToken(token), tenantId, agentId, ttlHours * 3600],
  );
  return token;
}

/** Revokes every token of an agent but the one given (the session that changed the password stays signed in). */
export async function revokeOtherAgentTokens(
  db: DataSource | EntityManager,
  tenantId: string,
  agentId: string,
  keepTokenHash: string,
): Promise<void> {
  await db.query(`DELETE FROM agent_tokens WHERE tenant_id = $1 AND agent_id = $2 AND token_hash <> $3`, [
    tenantId,
    agentId,
    keepTokenHash,
  ]);
}
