import { DomainError } from '../../../../core/platform/errors/domain-error';
import { isUuid } from '../../../../core/platform/ids';
import type { InboxKey, InboxSort } from '../../../../core/conversations/conversation-inbox.repository';

/** Microsecond UTC timestamps as the inbox query prints them; years PostgreSQL and JS agree on. */
const TIMESTAMP = /^(19[7-9]\d|[2-9]\d{3})-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;
const BASE64URL = /^[A-Za-z0-9_-]+$/;
export const MAX_CURSOR_LENGTH = 4096;

type CursorJson =
  { s: 'last_activity'; t: string; i: string } | { s: 'customer'; k: string; c: string; t: string; i: string };

/** An opaque page token: base64url JSON of the last row's sort key and id. */
export function encodeCursor(key: InboxKey): string {
  const json: CursorJson =
    key.sort === 'last_activity'
      ? { s: key.sort, t: key.lastActivityAt, i: key.id }
      : { s: key.sort, k: key.customerKey, c: key.customerId, t: key.lastActivityAt, i: key.id };
  return Buffer.from(JSON.stringify(json), 'utf8').toString('base64url');
}

/** Decodes a cursor made by encodeCursor for the same sort; anything else is a 400, never a query error. */
export function decodeCursor(cursor: string, sort: InboxSort): InboxKey {
  const json = parse(cursor);
  if (!json || json.s !== sort || !isTimestamp(json.t) || !isUuid(json.i)) {
    throw malformed();
  }
  if (sort === 'last_activity') {
    return { sort, lastActivityAt: json.t, id: json.i };
  }
  if (typeof json.k !== 'string' || json.k.includes('\u0000') || !isUuid(json.c)) {
    throw malformed();
  }
  return { sort, customerKey: json.k, customerId: json.c, lastActivityAt: json.t, id: json.i };
}

function parse(cursor: string): Record<string, unknown> | undefined {
  if (cursor.length > MAX_CURSOR_LENGTH || !BASE64URL.test(cursor)) {
    return undefined;
  }
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

function isTimestamp(value: unknown): value is string {
  if (typeof value !== 'string' || !TIMESTAMP.test(value)) {
    return false;
  }
  const milliseconds = `${value.slice(0, 23)}Z`;
  const parsed = new Date(milliseconds);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString() === milliseconds;
}

const malformed = () =>
  new DomainError('validation_failed', 'cursor is malformed or belongs to another sort: pass back nextCursor as given');
