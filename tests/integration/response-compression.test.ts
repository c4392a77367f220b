import { gunzipSync } from 'node:zlib';
import { anAgent, aTenant } from '../support/factories';
import { SseConnection } from '../support/sse-client';
import { startTestStack, type TestStack } from '../support/test-stack';

/** Large responses go out compressed when the client accepts it; small ones and event streams never are. */
describe('response compression', () => {
  let stack: TestStack;
  const streams: SseConnection[] = [];

  beforeAll(async () => {
    stack = await startTestStack({ worker: false });
  });
  afterEach(() => streams.splice(0).forEach((stream) => stream.close()));
  afterAll(async () => {
    await stack?.stop();
  });

  const get = (path: string, headers: Record<string, string>) =>
    fetch(`${stack.baseUrl}${path}`, { headers: { 'accept-encoding': 'identity', ...headers } });

  it('gzips a large JSON response for a client that accepts gzip, and it decodes to the same document', async () => {
    const plain = await get('/docs-json', {});
    const plainBody = await plain.text();
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(plainBody.length).toBeGreaterThan(1024);

    // node:http leaves the body as sent, so the test sees the compressed bytes themselves.
    const { request } = await import('node:http');
    const compressed = await new Promise<{ encoding?: string; body: Buffer }>((resolve, reject) => {
      request(`${stack.baseUrl}/docs-json`, { headers: { 'accept-encoding': 'gzip' } }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({ encoding: response.headers['content-encoding'], body: Buffer.concat(chunks) }),
        );
      })
        .on('error', reject)
        .end();
    });
    expect(compressed.encoding).toBe('gzip');
    expect(compressed.body.length).toBeLessThan(plainBody.length / 2);
    expect(gunzipSync(compressed.body).toString('utf8')).toBe(plainBody);
  });

  it('leaves a small response uncompressed', async () => {
    const tenant = await aTenant(stack.dataSource);
    const { token } = await anAgent(stack.dataSource, tenant.id);
    const response = await get('/auth/me', { 'accept-encoding': 'gzip', authorization: `Bearer ${token}` });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-encoding')).toBeNull();
  });

  it('never compresses an event stream, so each event arrives as it is written', async () => {
    const tenant = await aTenant(stack.dataSource);
    const { token } = await anAgent(stack.dataSource, tenant.id);
    // What a browser's fetch() sends: any content type, compressed if possible.
    const stream = await SseConnection.open(`${stack.baseUrl}/events/stream`, {
      authorization: `Bearer ${token}`,
      accept: '*/*',
      'accept-encoding': 'gzip, deflate, br',
    });
    streams.push(stream);
    expect(stream.status).toBe(200);
    expect(stream.headers.get('content-type')).toMatch(/^text\/event-stream/);
    expect(stream.headers.get('content-encoding')).toBeNull();
  });
});
