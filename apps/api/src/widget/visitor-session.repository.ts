import type { DataSource, EntityManager } from 'typeorm';
import type { Visitor } from './visitor';

export interface StoredVisitorSession {
  visitor: Visitor;
  expiresAt: Date;
}

interface SessionRow {
  id: string;
  tenant_id: string;
  customer_id: string;
  visitor_id: string;
  expires_at: Date;
}

const RETURNED = 'id, tenant_id, customer_id, visitor_id, expires_at';

/**
 * Widget sessions (visitor_sessions): the revocable half of a visitor's credentials. A session is live until its
 * refresh token's expiry or its revocation; refresh tokens are stored only as their SHA-256.
 */
export class VisitorSessionRepository {
  constructor(private readonly db: DataSource | EntityManager) {}

  async create(
    visitor: Omit<Visitor, 'sessionId'>,
    refreshTokenHash: string,
    ttlSeconds: number,
  ): Promise<StoredVisitorSession> {
    const rows: SessionRow[] = await this.db.query(
      `INSERT INTO visitor_sessions (tenant_id, customer_id, visitor_id, refresh_token_hash, expires_at)
       VALUES ($1, $2, $3, $4, now() + make_interval(secs => $5))
       RETURNING ${RETURNED}`,
      [visitor.tenantId, visitor.customerId, visitor.visitorId, refreshTokenHash, ttlSeconds],
    );
    return toSession(rows[0]);
  }

  /**
   * Swaps a live session's refresh token for a new one and restarts its expiry, in one statement: of two refreshes
   * with the same token only one wins, and the old token never works again.
   */
  async rotate(refreshTokenHash: string, nextHash: string, ttlSeconds: number): Promise<StoredVisitorSession | null> {
    const [rows]: [SessionRow[], number] = await this.db.query(
      `UPDATE visitor_sessions
          SET refresh_token_hash = $2, refreshed_at = now(), expires_at = now() + make_interval(secs => $3)
        WHERE refresh_token_hash = $1 AND revoked_at IS NULL AND expires_at > now()
        RETURNING ${RETURNED}`,
      [refreshTokenHash, nextHash, ttlSeconds],
    );
    return rows[0] ? toSession(rows[0]) : null;
  }

  /** Whether the session is neither revoked nor expired: a primary-key lookup, made on every widget request. */
  async isLive(sessionId: string): Promise<boolean> {
    const rows: unknown[] = await this.db.query(
      `SELECT 1 FROM visitor_sessions WHERE id = $1 AND revoked_at IS NULL AND expires_at > now()`,
      [sessionId],
    );
    return rows.length > 0;
  }

  /** Of these session ids, the ones still live (one query for every open stream). */
  async liveAmong(sessionIds: string[]): Promise<Set<string>> {
    const rows: { id: string }[] = await this.db.query(
      `SELECT id FROM visitor_sessions WHERE id = ANY($1::uuid[]) AND revoked_at IS NULL AND expires_at > now()`,
      [sessionIds],
    );
    return new Set(rows.map((row) => row.id));
  }

  async revoke(tenantId: string, sessionId: string): Promise<void> {
    await this.db.query(
      `UPDATE visitor_sessions SET revoked_at = now() WHERE tenant_id = $1 AND id = $2 AND revoked_at IS NULL`,
      [tenantId, sessionId],
    );
  }

  /** Deletes sessions that expired more than a day ago (a revoked one goes once its expiry passes too). */
  async deleteExpired(): Promise<void> {
    await this.db.query(`DELETE FROM visitor_sessions WHERE expires_at < now() - interval '1 day'`);
  }

  /** Revokes every live session of a customer; returns how many there were. */
  async revokeAllForCustomer(tenantId: string, customerId: string): Promise<number> {
    const [, count]: [unknown[], number] = await this.db.query(
      `UPDATE visitor_sessions SET revoked_at = now()
        WHERE tenant_id = $1 AND customer_id = $2 AND revoked_at IS NULL AND expires_at > now()`,
      [tenantId, customerId],
    );
    return count;
  }
}

function toSession(row: SessionRow): StoredVisitorSession {
  return {
    visitor: { tenantId: row.tenant_id, customerId: row.customer_id, visitorId: row.visitor_id, sessionId: row.id },
    expiresAt: new Date(row.expires_at),
  };
}
