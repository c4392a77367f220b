import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Secret } from '../../../../core/platform/config/secret';
import { isUuid } from '../../../../core/platform/ids';
import type { Visitor } from './visitor';

/** The default access-token lifetime (VISITOR_ACCESS_TOKEN_TTL_SECONDS); the session's refresh token lasts longer. */
export const VISITOR_TOKEN_TTL_SECONDS = 15 * 60;

export type VisitorTokenCheck =
  | { valid: true; visitor: Visitor; expiresAt: Date }
  | { valid: false; reason: 'malformed' | 'bad_signature' | 'expired' };

interface Payload {
  tenantId: string;
  customerId: string;
  visitorId: string;
  /** The visitor_sessions row: the token is good only while that session is live. */
  sid: string;
  /** Expiry, in Unix seconds. */
  exp: number;
}

/**
 * Visitor access tokens: base64url(JSON payload) + "." + base64url(HMAC-SHA256 of that text). Verifying one needs
 * no database; it names its session, which VisitorAuthGuard checks is still live (revocation is immediate).
 */
export class VisitorTokenService {
  constructor(
    private readonly secret: Secret,
    private readonly ttlSeconds = VISITOR_TOKEN_TTL_SECONDS,
  ) {}

  sign(visitor: Visitor, now = new Date()): { token: string; expiresAt: Date } {
    const exp = Math.floor(now.getTime() / 1000) + this.ttlSeconds;
    const payload: Payload = {
      tenantId: visitor.tenantId,
      customerId: visitor.customerId,
      visitorId: visitor.visitorId,
      sid: visitor.sessionId,
      exp,
    };
    const encoded = Buffer.from(JSON.stringify(payload)).toString('base64url');
    return { token: `${encoded}.${this.signature(encoded)}`, expiresAt: new Date(exp * 1000) };
  }

  verify(token: string, now = new Date()): VisitorTokenCheck {
    const [encoded, signature, ...rest] = token.split('.');
    if (!encoded || !signature || rest.length > 0) {
      return { valid: false, reason: 'malformed' };
    }
    const expected = Buffer.from(this.signature(encoded), 'base64url');
    const given = Buffer.from(signature, 'base64url');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      return { valid: false, reason: 'bad_signature' };
    }
    const payload = parsePayload(encoded);
    if (!payload) {
      return { valid: false, reason: 'malformed' };
    }
    if (payload.exp * 1000 <= now.getTime()) {
      return { valid: false, reason: 'expired' };
    }
    const { tenantId, customerId, visitorId, sid: sessionId } = payload;
    return {
      valid: true,
      visitor: { tenantId, customerId, visitorId, sessionId },
      expiresAt: new Date(payload.exp * 1000),
    };
  }

  private signature(encodedPayload: string): string {
    return createHmac('sha256', this.secret.reveal()).update(encodedPayload).digest('base64url');
  }
}

function parsePayload(encoded: string): Payload | undefined {
  try {
    const value = JSON.parse(Buffer.from(encoded, 'base64url').toString('utf8')) as Partial<Payload>;
    const { tenantId, customerId, visitorId, sid, exp } = value;
    const named = isUuid(tenantId) && isUuid(customerId) && isUuid(sid) && typeof visitorId === 'string';
    if (named && Number.isInteger(exp)) {
      return { tenantId, customerId, visitorId, sid, exp: exp as number };
    }
    return undefined;
  } catch {
    return undefined;
  }
}
