import { CustomerEntity } from '../../core/customers/customer.entity';
import { CustomerIdentityEntity } from '../../core/customers/customer-identity.entity';
import { Secret } from '../../core/platform/config/secret';
import { VisitorTokenService } from '../../apps/api/src/widget/visitor-token.service';
import { aTenant } from '../support/factories';
import { startTestStack, type TestStack } from '../support/test-stack';
import { aClientMessageId, aVisitor } from '../support/widget-visitor';

// One stack for the file: both groups need the same app and the same token secret.
let stack: TestStack;
let tokens: VisitorTokenService;

beforeAll(async () => {
  stack = await startTestStack({ worker: false });
  tokens = new VisitorTokenService(stack.config.widget.visitorTokenSecret);
});

afterAll(async () => {
  await stack?.stop();
});

describe('widget sessions', () => {
  it('creates a customer with an unverified chat identity named by the visitor id', async () => {
    const tenant = await aTenant(stack.dataSource);

    const response = await stack.http.post('/widget/sessions', {
      body: { widgetKey: tenant.widgetKey, name: 'Ada', email: 'ada@example.test' },
    });

    expect(response.status).toBe(201);
    const { visitorToken, visitorId, customerId, expiresAt } = response.body;
    expect(typeof visitorToken).toBe('string');
    expect(new Date(expiresAt).getTime()).toBeGreaterThan(Date.now());
    const customer = await stack.dataSource.getRepository(CustomerEntity).findOneByOrFail({ id: customerId });
    expect(customer).toMatchObject({ tenantId: tenant.id, name: 'Ada', email: 'ada@example.test' });
    const identities = await stack.dataSource.getRepository(CustomerIdentityEntity).findBy({ customerId });
    expect(identities).toEqual([
      expect.objectContaining({ tenantId: tenant.id, channel: 'chat', address: visitorId, verified: false }),
    ]);
  });

  it('gives each new session its own visitor and customer', async () => {
    const tenant = await aTenant(stack.dataSource);

    const first = await aVisitor(stack.http, tenant.widgetKey);
    const second = await aVisitor(stack.http, tenant.widgetKey);

    expect(second.visitorId).not.toBe(first.visitorId);
    expect(second.customerId).not.toBe(first.customerId);
  });

  it('resumes the visitor named by a still-valid token, keeping its customer', async () => {
    const tenant = await aTenant(stack.dataSource);
    const visitor = await aVisitor(stack.http, tenant.widgetKey);

    const response = await stack.http.post('/widget/sessions', {
      token: visitor.token,
      body: { widgetKey: tenant.widgetKey, name: 'Grace' },
    });

    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({ visitorId: visitor.visitorId, customerId: visitor.customerId });
    const customers = await stack.dataSource.getRepository(CustomerEntity).findBy({ tenantId: tenant.id });
    expect(customers).toEqual([expect.objectContaining({ id: visitor.customerId, name: 'Grace' })]);
  });

  it("starts a fresh visitor when the presented token is expired or belongs to another site's widget", async () => {
    const tenant = await aTenant(stack.dataSource);
    const otherTenant = await aTenant(stack.dataSource);
    const visitor = await aVisitor(stack.http, tenant.widgetKey);
    const expired = tokens.sign(
      {
        tenantId: tenant.id,
        customerId: visitor.customerId,
        visitorId: visitor.visitorId,
        sessionId: visitor.sessionId,
      },
      new Date(Date.now() - 60 * 24 * 3600 * 1000),
    ).token;

    const afterExpiry = await stack.http.post('/widget/sessions', {
      token: expired,
      body: { widgetKey: tenant.widgetKey },
    });
    const onOtherSite = await stack.http.post('/widget/sessions', {
      token: visitor.token,
      body: { widgetKey: otherTenant.widgetKey },
    });

    expect(afterExpiry.status).toBe(201);
    expect(afterExpiry.body.customerId).not.toBe(visitor.customerId);
    expect(onOtherSite.status).toBe(201);
    expect(onOtherSite.body.customerId).not.toBe(visitor.customerId);
    const onOther = await stack.dataSource
      .getRepository(CustomerEntity)
      .findOneByOrFail({ id: onOtherSite.body.customerId });
    expect(onOther.tenantId).toBe(otherTenant.id);
  });

  it('refuses to resume with a forged token', async () => {
    const tenant = await aTenant(stack.dataSource);
    const visitor = await aVisitor(stack.http, tenant.widgetKey);
    const forged = new VisitorTokenService(new Secret('not the server secret')).sign({
      tenantId: tenant.id,
      customerId: visitor.customerId,
      visitorId: visitor.visitorId,
      sessionId: visitor.sessionId,
    }).token;

    const response = await stack.http.post('/widget/sessions', {
      token: forged,
      body: { widgetKey: tenant.widgetKey },
    });

    expect(response.status).toBe(401);
  });

  it('answers 404 for an unknown widget key and 400 for a malformed request', async () => {
    const unknown = await stack.http.post('/widget/sessions', { body: { widgetKey: 'wk_does_not_exist' } });
    const missingKey = await stack.http.post('/widget/sessions', { body: {} });
    const badEmail = await stack.http.post('/widget/sessions', { body: { widgetKey: 'wk_x', email: 'not-an-email' } });
    const extraField = await stack.http.post('/widget/sessions', { body: { widgetKey: 'wk_x', tenantId: 'x' } });

    expect(unknown.status).toBe(404);
    expect(unknown.body.error).toBe('not_found');
    expect([missingKey.status, badEmail.status, extraField.status]).toEqual([400, 400, 400]);
    expect(badEmail.body.message).toContain('email');
  });

  it('answers 400 for malformed JSON and 413 for a body over the limit', async () => {
    const malformed = await stack.http.post('/widget/sessions', {
      rawBody: '{"widgetKey": ',
      headers: { 'content-type': 'application/json' },
    });
    const huge = await stack.http.post('/widget/sessions', {
      body: { widgetKey: 'wk_x', name: 'x'.repeat(stack.config.api.bodyLimitBytes + 1) },
    });

    expect(malformed.status).toBe(400);
    expect(huge.status).toBe(413);
    expect(huge.body.statusCode).toBe(413);
  });
});

describe('visitor tokens on protected widget routes', () => {
  it('answers 401 without a token, with a tampered one and with an expired one', async () => {
    const tenant = await aTenant(stack.dataSource);
    const visitor = await aVisitor(stack.http, tenant.widgetKey);
    const [payload, signature] = visitor.token.split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    const tampered = `${Buffer.from(JSON.stringify({ ...claims, customerId: '00000000-0000-4000-8000-000000000000' })).toString('base64url')}.${signature}`;
    const expired = tokens.sign(
      {
        tenantId: tenant.id,
        customerId: visitor.customerId,
        visitorId: visitor.visitorId,
        sessionId: visitor.sessionId,
      },
      new Date(Date.now() - 60 * 24 * 3600 * 1000),
    ).token;

    const responses = await Promise.all([
      stack.http.get('/widget/conversations'),
      stack.http.get('/widget/conversations', { token: tampered }),
      stack.http.get('/widget/conversations', { token: expired }),
      stack.http.get('/widget/conversations', { token: 'garbage' }),
      stack.http.post('/widget/messages', {
        token: tampered,
        body: { clientMessageId: aClientMessageId(), body: 'hi' },
      }),
      stack.http.get('/widget/conversations', { token: visitor.token }),
    ]);

    expect(responses.map((r) => r.status)).toEqual([401, 401, 401, 401, 401, 200]);
    expect(responses[2].body.message).toContain('expired');
  });

  it('accepts the token as ?token= only on the stream', async () => {
    const tenant = await aTenant(stack.dataSource);
    const visitor = await aVisitor(stack.http, tenant.widgetKey);

    const list = await stack.http.get(`/widget/conversations?token=${encodeURIComponent(visitor.token)}`);

    expect(list.status).toBe(401);
  });

  it('documents the widget routes in the OpenAPI document', async () => {
    const { body } = await stack.http.get('/docs-json');

    expect(Object.keys(body.paths)).toEqual(
      expect.arrayContaining([
        '/widget/sessions',
        '/widget/messages',
        '/widget/conversations',
        '/widget/conversations/{id}/messages',
        '/widget/stream',
      ]),
    );
    expect(body.paths['/widget/messages'].post.requestBody).toBeDefined();
    expect(body.components.schemas.SendMessageDto.required).toEqual(['clientMessageId', 'body']);
  });

  it('serves the demo page', async () => {
    const response = await stack.http.get('/widget/demo?key=wk_demo');

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/html');
    expect(response.body).toContain('/widget/stream');
  });
});

describe('widget rate limits', () => {
  let stack: TestStack;

  beforeAll(async () => {
    stack = await startTestStack({
      worker: false,
      // Behind a local proxy that names the client in X-Forwarded-For.
      env: { WIDGET_RATE_PER_VISITOR_PER_MIN: '2', WIDGET_RATE_PER_IP_PER_MIN: '4', TRUST_PROXY: 'loopback' },
    });
  });

  afterAll(async () => {
    await stack?.stop();
  });

  it('limits session creation per client IP, with Retry-After', async () => {
    const tenant = await aTenant(stack.dataSource);
    const start = (ip: string) =>
      stack.http.post('/widget/sessions', {
        body: { widgetKey: tenant.widgetKey },
        headers: { 'x-forwarded-for': ip },
      });

    const statuses: number[] = [];
    for (let i = 0; i < 5; i += 1) {
      statuses.push((await start('203.0.113.7')).status);
    }
    const limited = await start('203.0.113.7');
    const otherIp = await start('203.0.113.8');

    expect(statuses).toEqual([201, 201, 201, 201, 429]);
    expect(limited.status).toBe(429);
    expect(limited.body.error).toBe('rate_limited');
    expect(limited.body.message).toMatch(/retry in \d+ s/);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(otherIp.status).toBe(201);
  });

  it('limits sending per visitor, whatever IP it comes from', async () => {
    const tenant = await aTenant(stack.dataSource);
    const first = await aVisitor(stack.http, tenant.widgetKey, { ip: '198.51.100.1' });
    const second = await aVisitor(stack.http, tenant.widgetKey, { ip: '198.51.100.2' });
    const send = (token: string, ip: string) =>
      stack.http.post('/widget/messages', {
        token,
        headers: { 'x-forwarded-for': ip },
        body: { clientMessageId: aClientMessageId(), body: 'hello' },
      });

    const statuses = [
      (await send(first.token, '198.51.100.10')).status,
      (await send(first.token, '198.51.100.11')).status,
    ];
    const limited = await send(first.token, '198.51.100.12');
    const other = await send(second.token, '198.51.100.12');

    expect(statuses).toEqual([202, 202]);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(other.status).toBe(202);
  });
});
