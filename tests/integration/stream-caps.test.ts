import { aTenant, anAgent } from '../support/factories';
import { eventually } from '../support/eventually';
import { SseConnection } from '../support/sse-client';
import { useTestStack } from '../support/test-stack';
import { aVisitor } from '../support/widget-visitor';

describe('caps on concurrent streams', () => {
  const stack = useTestStack({ worker: false, env: { MAX_STREAMS_PER_VISITOR: '2', MAX_STREAMS_PER_AGENT: '3' } });
  const streams: SseConnection[] = [];

  afterEach(() => {
    streams.splice(0).forEach((stream) => stream.close());
  });

  const open = async (path: string, headers: Record<string, string> = {}) => {
    const stream = await SseConnection.open(`${stack.baseUrl}${path}`, headers);
    streams.push(stream);
    return stream;
  };
  const visitorStream = (token: string) => open(`/widget/stream?token=${encodeURIComponent(token)}`);
  const agentStream = (token: string) => open('/events/stream', { authorization: `Bearer ${token}` });

  it('refuses a visitor stream beyond the cap with 429, counting every session of the visitor', async () => {
    const tenant = await aTenant(stack.dataSource);
    const visitor = await aVisitor(stack.http, tenant.widgetKey);
    const secondSession = await stack.http.post('/widget/sessions', {
      token: visitor.token,
      body: { widgetKey: tenant.widgetKey },
    });
    const other = await aVisitor(stack.http, tenant.widgetKey);

    const first = await visitorStream(visitor.token);
    const second = await visitorStream(secondSession.body.visitorToken);
    const third = await visitorStream(visitor.token);
    const others = await visitorStream(other.token);

    expect([first.status, second.status, others.status]).toEqual([200, 200, 200]);
    expect(third.status).toBe(429);
  });

  it('says why in the 429, and lets a stream open again once one closes', async () => {
    const tenant = await aTenant(stack.dataSource);
    const visitor = await aVisitor(stack.http, tenant.widgetKey);
    const first = await visitorStream(visitor.token);
    await visitorStream(visitor.token);

    const refused = await stack.http.get('/widget/stream', { token: visitor.token });
    first.close();

    expect(refused.status).toBe(429);
    expect(refused.body).toMatchObject({ error: 'rate_limited' });
    expect(refused.body.message).toMatch(/at most 2 per visitor/);
    const reopened = await eventually(
      async () => {
        const stream = await visitorStream(visitor.token);
        return stream.status === 200 ? stream : undefined;
      },
      { what: 'a stream after one closed' },
    );
    expect(reopened.status).toBe(200);
  });

  it('refuses an agent stream beyond the cap with 429, whichever token opens it', async () => {
    const tenant = await aTenant(stack.dataSource);
    const { agent, token, password } = await anAgent(stack.dataSource, tenant.id);
    const login = await stack.http.post('/auth/login', {
      body: { email: agent.email, password, tenant: tenant.slug },
    });
    const colleague = await anAgent(stack.dataSource, tenant.id);

    const opened = [await agentStream(token), await agentStream(token), await agentStream(login.body.token)];
    const refused = await agentStream(login.body.token);
    const colleagues = await agentStream(colleague.token);

    expect(opened.map((stream) => stream.status)).toEqual([200, 200, 200]);
    expect(refused.status).toBe(429);
    expect(colleagues.status).toBe(200);
  });
});
