import type { Request } from 'express';

/** A website visitor, as named by a verified visitor access token. */
export interface Visitor {
  tenantId: string;
  customerId: string;
  visitorId: string;
  /** The visitor_sessions row the token belongs to; revoking it ends the token. */
  sessionId: string;
}

/** What VisitorAuthGuard attaches to a request it lets through. */
export interface VisitorRequest extends Request {
  visitor: Visitor;
  /** When the access token the request came with expires (a stream ends then). */
  visitorTokenExpiresAt: Date;
}
