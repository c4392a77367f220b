// The admin screens' fetch: the session's bearer token, JSON in and out, and on a 4xx the API's message together with
// the problems it names by field (details.problems of a domain error, or class-validator's "field must …" sentences),
// so each form can show a message next to the field it is about.
import { api, authHeaders } from '../../api/http';
import { problemsOf, type FieldProblem } from './field-problems';

export { problemsAt, problemsElsewhere, type FieldProblem } from './field-problems';

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
