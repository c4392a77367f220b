import type { DataSource, EntityManager } from 'typeorm';
import { AgentTokenEntity } from './agent-token.entity';
import type { AuthenticatedAgent } from '../agents/agent';
import { issueAgentToken, revokeOtherAgentTokens } from './agent-token';

export class AgentTokenRepository {
  constructor(private readonly db: DataSource | EntityManager) {}

  /** Issues a bearer token valid for `ttlHours` and returns it raw (shown once; only its hash is stored). */
  issue(tenantId: string, agentId: string, ttlHours: number): Promise<string> {
    return issueAgentToken(this.db, tenantId, agentId, ttlHours);
  }

  /** Reads a token back by its hash. */
  findByHash(tenantId: string, tokenHash: string): Promise<AgentTokenEntity | null> {
    return this.db.getRepository(AgentTokenEntity).findOneBy({ tenantId, tokenHash });
  }

  /**
   * The agent a token hash belongs to, if the token has not expired and the agent is active.
   * The token itself names the tenant, so this is the one lookup that does not start from a tenant id.
   */
  async findAgentByTokenHash(tokenHash: string): Promise<AuthenticatedAgent | undefined> {
    const rows: AuthenticatedAgent[] = await this.db.query(
      `SELECT a.id, a.tenant_id AS "tenantId", a.role, a.name
         FROM agent_tokens t JOIN agents a ON a.id = t.agent_id AND a.tenant_id = t.tenant_id
        WHERE t.token_hash = $1 AND t.expires_at > now() AND a.active`,
      [tokenHash],
    );
    return rows[0];
  }

  async revoke(tenantId: string, tokenHash: string): Promise<void> {
    await this.db.getRepository(AgentTokenEntity).delete({ tenantId, tokenHash });
  }

  /** Every token of the agent but the one given (the session that changed the password stays signed in). */
  revokeAllButOne(tenantId: string, agentId: string, keepTokenHash: string): Promise<void> {
    return revokeOtherAgentTokens(this.db, tenantId, agentId, keepTokenHash);
  }

  async revokeAllForAgent(tenantId: string, agentId: string): Promise<void> {
    await this.db.getRepository(AgentTokenEntity).delete({ tenantId, agentId });
  }
}
