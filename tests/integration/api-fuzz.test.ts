import { issueAgentToken } from '../../core/auth/agent-token';
import { anAgent, aTenantWithAdmin } from '../support/factories';
import {
  fuzzRequests,
  operationsOf,
  type FuzzRequest,
  type OpenApiDocument,
  type OpenApiOperation,
} from '../support/openapi-fuzz';
import { useTestStack } from '../support/test-stack';
import { aVisitor, visitorSays, type TestVisitor } from '../support/widget-visitor';

const SEED = 20_261_203;
/** A well-formed id of nothing, for path parameters without a real resource behind them. */
const UNKNOWN_ID = '7e57f0a1-0000-4000-8000-000000000000';
const CONCURRENCY = 4;
/** The fuzz is part of `npm test`: it must stay a few thousand requests. */
const MAX_REQUESTS = 5000;

interface Sent {
  request: FuzzRequest;
  status: number;
  body: string;
}

/** Sends one request as is (raw path and body); an event stream is closed as soon as its headers arrive. */
async function send(baseUrl: string, request: FuzzRequest, token: string | undefined): Promise<Sent> {
  const headers: Record<string, string> = { accept: 'application/json', ...request.headers };
  if (token) {
    headers.authorization = `Bearer ${token}`;
  }
  if (request.contentType) {
    headers['content-type'] = request.contentType;
  }
  const abort = new AbortController();
  try {
    const response = await fetch(`${baseUrl}${request.path}`, {
      method: request.method,
      headers,
      body: request.rawBody,
      signal: abort.signal,
    });
    if ((response.headers.get('content-type') ?? '').includes('text/event-stream')) {
      abort.abort();
      return { request, status: response.status, body: '(event stream)' };
    }
    return { request, status: response.status, body: await response.text() };
  } catch (error) {
    return { request, status: 0, body: `request failed: ${(error as Error).message}` };
  }
}

async function inPool<T, R>(items: T[], size: number, run: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const lanes = Array.from({ length: Math.min(size, items.length) }, async () => {
    for (let index = next++; index < items.length; index = next++) {
      results[index] = await run(items[index]);
    }
  });
  await Promise.all(lanes);
  return results;
}

/** Requests that end the caller's session or delete things run last, so they do not hide the others' answers. */
const runsLast = (operation: OpenApiOperation) =>
  operation.method === 'DELETE' || operation.template === '/auth/logout' || operation.template === '/auth/password';

/** Routes that start a session: any bearer token there is taken as the session to continue. */
const tokenFree = (operation: OpenApiOperation) =>
  ['/auth/login', '/widget/sessions', '/widget/sessions/refresh'].includes(operation.template);

const isVisitorRoute = (operation: OpenApiOperation) => operation.template.startsWith('/widget/');

describe('OpenAPI-driven fuzz: no input answers 5xx', () => {
  const stack = useTestStack();
  let document: OpenApiDocument;
  let tenant: Awaited<ReturnType<typeof aTenantWithAdmin>>;
  let visitor: TestVisitor;
  let ids: Record<string, string>;

  const adminToken = () => issueAgentToken(stack.dataSource, tenant.tenant.id, tenant.admin.agent.id, 24);
  const created = async (path: string, body: unknown) => {
    const response = await stack.http.post(path, { token: tenant.token, body });
    if (typeof response.body?.id !== 'string') {
      throw new Error(`POST ${path} answered ${response.status}: ${JSON.stringify(response.body)}`);
    }
    return response.body.id as string;
  };

  beforeAll(async () => {
    document = (await stack.http.get<OpenApiDocument>('/docs-json')).body;
    tenant = await aTenantWithAdmin(stack.dataSource);
    const colleague = await anAgent(stack.dataSource, tenant.tenant.id);
    visitor = await aVisitor(stack.http, tenant.tenant.widgetKey);
    const conversationId = await visitorSays(stack.http, visitor, 'Hello, my invoice is wrong');
    const topicId = await created('/topics', { name: 'billing', examples: ['I was charged twice'] });
    ids = {
      '/inbox/conversations/': conversationId,
      '/widget/conversations/': conversationId,
      '/agents/': colleague.agent.id,
      '/customers/': visitor.customerId,
      '/teams/': await created('/teams', { name: 'Billing' }),
      '/topics/': topicId,
      '/knowledge/articles/': await created('/knowledge/articles', { title: 'Refunds', body: 'Within 5 days.' }),
      '/sla-policies/': await created('/sla-policies', { name: 'Standard', firstResponseSeconds: 900 }),
      '/business-hours/': await created('/business-hours', {
        name: 'Office',
        timeZone: 'Europe/London',
        weekly: { mon: [{ start: '09:00', end: '17:00' }] },
      }),
    };
    const topic = await stack.http.get(`/topics/${topicId}`, { token: tenant.token });
    ids.exampleId = (topic.body.examples as { id: string }[])[0].id;
  });

  const bodyOverrides = (operation: OpenApiOperation): Record<string, unknown> => {
    const widgetKey = tenant.tenant.widgetKey;
    switch (operation.template) {
      case '/auth/login':
        return { tenant: tenant.tenant.slug, email: tenant.admin.agent.email, password: 'not the password' };
      case '/inbox/conversations/{id}/assign':
        return { agentId: tenant.admin.agent.id };
      case '/inbox/conversations/{id}/snooze':
        return { until: '2030-01-01T00:00:00Z' };
      case '/agents':
      case '/agents/{id}':
      case '/widget/sessions':
        return { email: 'fuzz@example.test', ...(operation.template === '/widget/sessions' ? { widgetKey } : {}) };
      case '/topics/{id}':
        return { description: 'Invoices and refunds' };
      case '/teams/{id}/members':
        return { agentIds: [tenant.admin.agent.id] };
      case '/widget/messages':
        return { conversationId: ids['/inbox/conversations/'] };
      case '/sla-policies':
      case '/sla-policies/{id}':
        return { businessHoursId: ids['/business-hours/'] };
      case '/routing/policy/draft':
      case '/routing/policy/validate':
        return { document: routingDocument() };
      case '/routing/policy/dry-run':
        return { document: routingDocument(), from: undefined, to: undefined };
      default:
        return {};
    }
  };

  /** A policy whose references exist, so its mutations get past the reference checks to the database. */
  const routingDocument = () => ({
    rules: [
      {
        name: 'VIP billing',
        when: { topics: ['billing'], minTopicConfidence: 0.6, customerTiers: ['vip'], keywords: ['refund'] },
        then: { teamId: ids['/teams/'], priority: 'high', slaPolicyId: ids['/sla-policies/'], addTags: ['vip'] },
      },
      {
        name: 'After hours',
        when: { businessHours: { calendarId: ids['/business-hours/'], open: false } },
        then: { priority: 'urgent', addTags: ['after-hours'] },
      },
    ],
    fallback: { teamId: null },
  });

  const pathValue = (operation: OpenApiOperation, parameter: string) => {
    const prefix = Object.keys(ids).find((candidate) => operation.template.startsWith(candidate));
    if (parameter === 'exampleId' || parameter === 'version') {
      return parameter === 'version' ? '1' : ids.exampleId;
    }
    return parameter === 'id' && prefix ? ids[prefix] : UNKNOWN_ID;
  };

  // These run before the fuzz, whose last requests log out and delete things.
  describe('names the field it refuses', () => {
    const refusal = (response: { status: number; body: { error?: string; message?: string } }) => ({
      status: response.status,
      error: response.body.error,
      message: response.body.message,
    });

    it('a NUL byte in a widget message body, before the message is accepted', async () => {
      const response = await stack.http.post('/widget/messages', {
        token: visitor.token,
        body: { clientMessageId: 'nul-body', body: 'a\u0000b' },
      });
      expect(refusal(response)).toEqual({
        status: 400,
        error: 'validation_failed',
        message: 'body.body contains a NUL byte',
      });
    });

    it('a NUL byte in the tenant or email of a login, without a token', async () => {
      const tenantNul = await stack.http.post('/auth/login', {
        body: { tenant: 'ac\u0000me', email: 'a@b.test', password: 'whatever1' },
      });
      expect(refusal(tenantNul)).toMatchObject({ status: 400, message: 'body.tenant contains a NUL byte' });
      const emailSurrogate = await stack.http.post('/auth/login', {
        body: { tenant: 'acme', email: '\ud800@b.test', password: 'whatever1' },
      });
      expect(refusal(emailSurrogate)).toMatchObject({
        status: 400,
        message: 'body.email contains an unpaired surrogate',
      });
    });

    it('a lone surrogate in a key of customer attributes', async () => {
      const response = await stack.http.patch(`/customers/${visitor.customerId}`, {
        token: tenant.token,
        rawBody: '{"attributes":{"pl\\udc00an":"pro"}}',
        headers: { 'content-type': 'application/json' },
      });
      expect(refusal(response)).toMatchObject({
        status: 400,
        message: 'a key of body.attributes ("pl\\udc00an") contains an unpaired surrogate',
      });
    });

    it('a NUL byte in a routing rule name, by its place in the document', async () => {
      const document = routingDocument();
      document.rules[1].name = 'After\u0000hours';
      const response = await stack.http.put('/routing/policy/draft', { token: tenant.token, body: { document } });
      expect(refusal(response)).toMatchObject({
        status: 400,
        message: 'body.document.rules[1].name contains a NUL byte',
      });
    });

    it('a NUL byte in a query or path parameter', async () => {
      const query = await stack.http.get('/inbox/conversations?tag=%00', { token: tenant.token });
      expect(refusal(query)).toMatchObject({ status: 400, message: 'query.tag contains a NUL byte' });
      const path = await stack.http.get('/inbox/conversations/a%00b', { token: tenant.token });
      expect(refusal(path)).toMatchObject({ status: 400, message: 'path.id contains a NUL byte' });
    });

    it('an offset beyond the bound', async () => {
      const response = await stack.http.get(`/topics/${ids['/topics/']}?offset=999999999999999999999`, {
        token: tenant.token,
      });
      expect(refusal(response)).toMatchObject({ status: 400, error: 'validation_failed' });
      expect(response.body.message).toContain('offset must not be greater than 1000000');
    });

    it('a body nested 20,000 levels deep, and an array of more than 1,000 items', async () => {
      const deep = await stack.http.post('/teams', {
        token: tenant.token,
        rawBody: `{"name":${'['.repeat(20_000)}${']'.repeat(20_000)}}`,
        headers: { 'content-type': 'application/json' },
      });
      expect(refusal(deep)).toEqual({
        status: 400,
        error: 'validation_failed',
        message: 'body nests deeper than 32 levels',
      });
      const long = await stack.http.put(`/teams/${ids['/teams/']}/members`, {
        token: tenant.token,
        body: { agentIds: new Array(1001).fill(tenant.admin.agent.id) },
      });
      expect(refusal(long)).toMatchObject({
        status: 400,
        message: 'body.agentIds has 1001 items; at most 1000 are allowed',
      });
    });

    it('keeps malformed JSON a 400 malformed_json and an oversize body a 413', async () => {
      const malformed = await stack.http.post('/teams', {
        token: tenant.token,
        rawBody: '{"name":',
        headers: { 'content-type': 'application/json' },
      });
      expect(refusal(malformed)).toMatchObject({ status: 400, error: 'malformed_json' });
      const oversize = await stack.http.post('/teams', {
        token: tenant.token,
        body: { name: 'x'.repeat(stack.config.api.bodyLimitBytes) },
      });
      expect(oversize.status).toBe(413);
    });
  });

  it('answers every generated request of every operation in /docs-json with something other than 5xx', async () => {
    const operations = operationsOf(document).sort((a, b) => Number(runsLast(a)) - Number(runsLast(b)));
    expect(operations.length).toBeGreaterThan(60);
    const answers: Sent[] = [];
    for (const [index, operation] of operations.entries()) {
      const overrides = bodyOverrides(operation);
      const requests = fuzzRequests(document, operation, {
        pathValue,
        bodyLimitBytes: stack.config.api.bodyLimitBytes,
        seed: SEED + index,
        baseBody: (sample) => ({ ...sample, ...overrides }),
      });
      const token = tokenFree(operation) ? undefined : isVisitorRoute(operation) ? visitor.token : await adminToken();
      answers.push(...(await inPool(requests, CONCURRENCY, (request) => send(stack.baseUrl, request, token))));
    }

    const statuses = answers.reduce<Record<number, number>>(
      (counts, { status }) => ({ ...counts, [status]: (counts[status] ?? 0) + 1 }),
      {},
    );
    console.log(
      `API fuzz: ${answers.length} requests over ${operations.length} operations; statuses ${JSON.stringify(statuses)}`,
    );
    const failures = answers.filter(({ status }) => status >= 500 || status === 0);
    const report = failures.map(
      ({ request, status, body }) =>
        `${request.method} ${request.path.slice(0, 120)} [${request.summary}] -> ${status} ${body.slice(0, 300)}`,
    );
    if (report.length > 0) {
      console.log(`${failures.length} of ${answers.length} fuzz requests failed:\n${report.join('\n')}`);
    }
    expect(report).toEqual([]);
    expect(answers.length).toBeGreaterThan(1000);
    expect(answers.length).toBeLessThanOrEqual(MAX_REQUESTS);
  });
});
