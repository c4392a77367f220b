import { DomainError } from '../errors/domain-error';
import { toStorableText } from './storable-text';

/** An error that retrying the same step with the same input cannot fix. */
export interface PermanentFailure {
  /** PostgreSQL's SQLSTATE when the database refused the data; null for a failed validation. */
  sqlState: string | null;
  /** What went wrong, in plain words, safe to store and show. */
  message: string;
}

/**
 * SQLSTATE classes whose errors depend on the data, not on the moment: 22 data exception (a NUL byte, an unpaired
 * surrogate in jsonb, a value out of range), 23 integrity constraint violation, 54 program limit exceeded (a value too
 * large for an index). Serialization failures, deadlocks (40) and lost connections (08) stay retryable.
 */
const PERMANENT_SQLSTATE_CLASSES: Record<string, string> = {
  '22': 'The database cannot store this data',
  '23': 'The data breaks a database rule',
  '54': 'The data exceeds a database limit',
};

const MAX_MESSAGE_CHARS = 500;

/**
 * Classifies an error escaping an activity: permanent (bad data, a broken constraint, a failed validation) or not
 * (undefined: retry it). Reads pg errors (`code`), TypeORM's QueryFailedError (`driverError.code`) and causes.
 */
export function classifyPermanentFailure(error: unknown): PermanentFailure | undefined {
  for (let current = error, depth = 0; current && depth < 5; current = causeOf(current), depth++) {
    if (current instanceof DomainError) {
      return current.code === 'validation_failed' ? { sqlState: null, message: storable(current.message) } : undefined;
    }
    const sqlState = sqlStateOf(current);
    const kind = sqlState ? PERMANENT_SQLSTATE_CLASSES[sqlState.slice(0, 2)] : undefined;
    if (sqlState && kind) {
      return { sqlState, message: storable(`${kind}: ${messageOf(current)} (SQLSTATE ${sqlState})`) };
    }
  }
  return undefined;
}

function sqlStateOf(error: unknown): string | undefined {
  const candidate = error as { code?: unknown; driverError?: { code?: unknown } };
  for (const code of [candidate.code, candidate.driverError?.code]) {
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) {
      return code;
    }
  }
  return undefined;
}

function causeOf(error: unknown): unknown {
  return typeof error === 'object' && error !== null ? (error as { cause?: unknown }).cause : undefined;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function storable(message: string): string {
  const text = message.trim();
  // Cut first, then clean: a cut through a surrogate pair leaves half of it, which the cleaning replaces.
  return toStorableText(text.length > MAX_MESSAGE_CHARS ? `${text.slice(0, MAX_MESSAGE_CHARS - 1)}…` : text);
}
