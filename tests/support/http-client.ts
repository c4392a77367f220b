export interface RequestOptions {
  /** Sent as `Authorization: Bearer <token>`. */
  token?: string;
  /** Serialised as JSON. */
  body?: unknown;
  /** Sent as is (set the content-type in headers). */
  rawBody?: string | Buffer;
  headers?: Record<string, string>;
}

export interface HttpResponse<T = any> {
  status: number;
  /** Parsed JSON when the response is JSON, else the text. */
  body: T;
  headers: Headers;
}

export interface HttpClient {
  get<T = any>(path: string, options?: RequestOptions): Promise<HttpResponse<T>>;
  post<T = any>(path: string, options?: RequestOptions): Promise<HttpResponse<T>>;
  put<T = any>(path: string, options?: RequestOptions): Promise<HttpResponse<T>>;
  patch<T = any>(path: string, options?: RequestOptions): Promise<HttpResponse<T>>;
  delete<T = any>(path: string, options?: RequestOptions): Promise<HttpResponse<T>>;
}

/** A tiny fetch-based client for the API under test. */
export function httpClient(baseUrl: string): HttpClient {
  const send = async (method: string, path: string, options: RequestOptions = {}): Promise<HttpResponse> => {
    const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
    if (options.token !== undefined) {
      headers.authorization = `Bearer ${options.token}`;
    }
    let body: string | Buffer | undefined;
    if (options.rawBody !== undefined) {
      body = options.rawBody;
    } else if (options.body !== undefined) {
      body = JSON.stringify(options.body);
      headers['content-type'] ??= 'application/json';
    }
    const response = await fetch(new URL(path, baseUrl), { method, headers, body });
    const text = await response.text();
    const isJson = (response.headers.get('content-type') ?? '').includes('json') && text !== '';
    return { status: response.status, body: isJson ? JSON.parse(text) : text, headers: response.headers };
  };
  return {
    get: (path, options) => send('GET', path, options),
    post: (path, options) => send('POST', path, options),
    put: (path, options) => send('PUT', path, options),
    patch: (path, options) => send('PATCH', path, options),
    delete: (path, options) => send('DELETE', path, options),
  };
}
