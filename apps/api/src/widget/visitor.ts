import type { Request } from 'express';

/** A website visitor, as named by a verified visitor token. */
export interface Visitor {
  tenantId: string;
  customerId: string;
  visitorId: string;
}

/** What VisitorAuthGuard attaches to a request it lets through. */
export interface VisitorRequest extends Request {
  visitor: Visitor;
}
