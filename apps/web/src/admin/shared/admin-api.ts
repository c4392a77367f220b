// The admin screens' fetch: the session's bearer token, JSON in and out, and on a 4xx the API's message together with
// the problems it names by field (details.problems of a domain error, or class-validator's "field must …" sentences),
// so each form can show a message next to the field it is about.
import { api, authHeaders } from '../../api/http';

export interface FieldProblem {
  /** Field path as the API names it: 'capacity.chat', 'weekly.mon[0].end', 'when.topics[1]'. '' = the whole input. */
  field: string;
  message: string;
  /** Routing policies: the rule the problem is in; null for the document and the fallback. */
  ruleIndex?: number | null;
}

export class AdminApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly problems: FieldProblem[],
  ) {
    super(message);
  }
}

export async function adminApi<T>(method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(path, {
    method,
    headers: { ...authHeaders(), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (response.status === 204) {
    return undefined as T;
  }
  const text = await response.text();
  const parsed = parseJson(text);
  if (!response.ok) {
    if (response.status === 401) {
      // The session's own call signs out on a rejected token.
      void api('GET', '/auth/me').catch(() => undefined);
    }
    const message = messageOf(parsed) ?? `${response.status} ${response.statusText}`;
    throw new AdminApiError(response.status, message, problemsOf(parsed, message));
  }
  return parsed as T;
}

function parseJson(text: string): unknown {
  if (!text) {
    return undefined;
  }
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function messageOf(body: unknown): string | undefined {
  if (body && typeof body === 'object' && 'message' in body) {
    return String((body as { message: unknown }).message);
  }
  return typeof body === 'string' && body ? body : undefined;
}

const FIELD_SENTENCE = /^([A-Za-z_][\w.[\]]*) (must|should|each|has|is)\b/;

function problemsOf(body: unknown, message: string): FieldProblem[] {
  const details = body && typeof body === 'object' ? (body as { details?: { problems?: unknown } }).details : undefined;
  if (Array.isArray(details?.problems)) {
    return details.problems
      .filter((p): p is FieldProblem => Boolean(p) && typeof p === 'object' && typeof p.message === 'string')
      .map((p) => ({ field: typeof p.field === 'string' ? p.field : '', message: p.message, ruleIndex: p.ruleIndex }));
  }
  // class-validator joins its sentences with '; ', each starting with the property's path.
  return message
    .split('; ')
    .map((sentence) => FIELD_SENTENCE.exec(sentence) && { field: FIELD_SENTENCE.exec(sentence)![1], message: sentence })
    .filter((p): p is FieldProblem => Boolean(p));
}

/** The problems about `field` or anything inside it ('capacity' covers 'capacity.chat'; 'weekly.mon' 'weekly.mon[0]'). */
export function problemsAt(problems: readonly FieldProblem[], field: string): FieldProblem[] {
  return problems.filter(
    (p) => p.field === field || p.field.startsWith(`${field}.`) || p.field.startsWith(`${field}[`),
  );
}

/** Problems no field of the form shows, so the form shows them at its top. */
export function problemsElsewhere(problems: readonly FieldProblem[], shown: readonly string[]): FieldProblem[] {
  return problems.filter((p) => !shown.some((field) => problemsAt([p], field).length > 0));
}
