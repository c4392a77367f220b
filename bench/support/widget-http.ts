import { Agent, request, type IncomingMessage } from 'node:http';

/** Keep-alive requests to the API over node:http (cheaper than fetch, and the bench shares its CPU with the API). */
export class WidgetHttp {
  private readonly agent = new Agent({ keepAlive: true, maxSockets: 256 });
  /** Streams stay open for the whole run, so they get sockets of their own. */
  private readonly streamAgent = new Agent({ keepAlive: false, maxSockets: Infinity });

  constructor(private readonly baseUrl: string) {}

  /**
   * A request on a kept-alive socket can meet the server closing that socket as idle (its keep-alive timeout) at the
   * same moment: "socket hang up" before the server read anything. That happens here when the shared event loop
   * stalls past the timeout (1,000 workflows starting at once), so such a request is sent again, once, on a fresh
   * socket, as Node's documentation advises (`request.reusedSocket`).
   */
  async post<T>(path: string, body: unknown, token?: string): Promise<{ status: number; body: T }> {
    try {
      return await this.postOnce<T>(path, body, token);
    } catch (error) {
      if (!(error instanceof StaleSocketError)) {
        throw error;
      }
      return this.postOnce<T>(path, body, token);
    }
  }

  private postOnce<T>(path: string, body: unknown, token?: string): Promise<{ status: number; body: T }> {
    const payload = JSON.stringify(body);
    return new Promise((resolve, reject) => {
      const req = request(
        `${this.baseUrl}${path}`,
        {
          method: 'POST',
          agent: this.agent,
          headers: {
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(payload),
            ...(token ? { authorization: `Bearer ${token}` } : {}),
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            try {
              resolve({ status: res.statusCode ?? 0, body: (text === '' ? undefined : JSON.parse(text)) as T });
            } catch (error) {
              reject(
                new Error(`POST ${path} answered ${res.statusCode} with non-JSON ${text.slice(0, 200)}`, {
                  cause: error,
                }),
              );
            }
          });
          res.on('error', reject);
        },
      );
      req.on('error', (error: NodeJS.ErrnoException) => {
        reject(req.reusedSocket && error.code === 'ECONNRESET' ? new StaleSocketError(path, error) : error);
      });
      req.end(payload);
    });
  }

  /** Opens GET `path` as an event stream; resolves with the response once its headers arrived. */
  openStream(path: string): Promise<{ response: IncomingMessage; close: () => void }> {
    return new Promise((resolve, reject) => {
      const req = request(`${this.baseUrl}${path}`, {
        method: 'GET',
        agent: this.streamAgent,
        headers: { accept: 'text/event-stream' },
      });
      req.on('response', (response) => {
        if (response.statusCode !== 200) {
          response.resume();
          reject(new Error(`GET ${path.split('?')[0]} answered ${response.statusCode}`));
          return;
        }
        resolve({ response, close: () => req.destroy() });
      });
      req.on('error', reject);
      req.end();
    });
  }

  close(): void {
    this.agent.destroy();
    this.streamAgent.destroy();
  }
}

/** The server closed a kept-alive socket as idle just as this request was written to it. */
class StaleSocketError extends Error {
  constructor(path: string, cause: Error) {
    super(`POST ${path}: the kept-alive socket was closed by the server (${cause.message})`, { cause });
  }
}
