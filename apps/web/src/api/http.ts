// One fetch wrapper for the API: the session's bearer token, JSON in and out, and the API's 4xx message as the error.

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

let bearerToken: string | null = null;
let onUnauthenticated: () => void = () => undefined;

export function setBearerToken(token: string | null, whenRejected: () => void): void {
  bearerToken = token;
  onUnauthenticated = whenRejected;
}

export function authHeaders(): Record<string, string> {
  return bearerToken ? { authorization: `Bearer ${bearerToken}` } : {};
}

export async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(path, {
    method,
    headers: { ...authHeaders(), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (response.status === 204) {
    return undefined as T;
  }
  const text = await response.text();
  const parsed: unknown = text ? safeJson(text) : undefined;
  if (!response.ok) {
    if (response.status === 401) {
      onUnauthenticated();
    }
    throw new ApiError(response.status, messageOf(parsed) ?? `${response.status} ${response.statusText}`);
  }
  return parsed as T;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function messageOf(body: unknown): string | undefined {
  if (body && typeof body === 'object' && 'message' in body) {
    const message = (body as { message: unknown }).message;
    return Array.isArray(message) ? message.join('; ') : String(message);
  }
  return typeof body === 'string' && body ? body : undefined;
}
