import { aTenant } from '../support/factories';
import { useTestStack } from '../support/test-stack';
import { aVisitor } from '../support/widget-visitor';

describe('rate limits on widget reads', () => {
  const stack = useTestStack({
    worker: false,
    env: { WIDGET_READ_RATE_PER_VISITOR_PER_MIN: '3', WIDGET_READ_RATE_PER_IP_PER_MIN: '1000' },
  });

  it('limits GET /widget/... per visitor with 429 and Retry-After, apart from the write limit', async () => {
    const tenant = await aTenant(stack.dataSource);
    const visitor = await aVisitor(stack.http, tenant.widgetKey);
    const other = await aVisitor(stack.http, tenant.widgetKey);

    const statuses = [];
    for (let i = 0; i < 3; i += 1) {
      statuses.push((await stack.http.get('/widget/conversations', { token: visitor.token })).status);
    }
    const limited = await stack.http.get('/widget/conversations', { token: visitor.token });
    const limitedStream = await stack.http.get('/widget/stream', { token: visitor.token });
    const othersRead = await stack.http.get('/widget/conversations', { token: other.token });
    const write = await stack.http.post('/widget/sessions', {
      token: visitor.token,
      body: { widgetKey: tenant.widgetKey },
    });

    expect(statuses).toEqual([200, 200, 200]);
    expect(limited.status).toBe(429);
    expect(limited.body.message).toMatch(/retry in \d+ s/);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(limitedStream.status).toBe(429);
    expect(othersRead.status).toBe(200);
    expect(write.status).toBe(201);
  });
});

describe('TRUST_PROXY', () => {
  const rotatingForwardedFor = async (stack: ReturnType<typeof useTestStack>) => {
    const tenant = await aTenant(stack.dataSource);
    const statuses = [];
    for (let i = 1; i <= 4; i += 1) {
      const response = await stack.http.post('/widget/sessions', {
        body: { widgetKey: tenant.widgetKey },
        headers: { 'x-forwarded-for': `203.0.113.${i}` },
      });
      statuses.push(response.status);
    }
    return statuses;
  };

  describe('by default, trusting nobody', () => {
    const stack = useTestStack({ worker: false, env: { WIDGET_RATE_PER_IP_PER_MIN: '3' } });

    it('does not let a rotating X-Forwarded-For escape the per-IP limit', async () => {
      expect(stack.config.api.trustProxy).toBe(false);
      expect(await rotatingForwardedFor(stack)).toEqual([201, 201, 201, 429]);
    });
  });

  describe('TRUST_PROXY=loopback, behind a local proxy', () => {
    const stack = useTestStack({ worker: false, env: { WIDGET_RATE_PER_IP_PER_MIN: '3', TRUST_PROXY: 'loopback' } });

    it('takes the client from X-Forwarded-For', async () => {
      expect(await rotatingForwardedFor(stack)).toEqual([201, 201, 201, 201]);
    });
  });
});
