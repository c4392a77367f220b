import { VisitorTokenService } from '../../apps/api/src/widget/visitor-token.service';
import { aTenant, aTenantWithAdmin, anAgent } from '../support/factories';
import { SseConnection } from '../support/sse-client';
import { startTestStack, type TestStack } from '../support/test-stack';
import { aVisitor, refreshVisitor, type TestVisitor } from '../support/widget-visitor';

describe('visitor sessions', () => {
  let stack: TestStack;
  const streams: SseConnection[] = [];

  beforeAll(async () => {
    stack = await startTestStack({ worker: false });
  });
  afterEach(() => {
    streams.splice(0).forEach((stream) => stream.close());
  });
  afterAll(async () => {
    await stack?.stop();
  });

  const conversations = (token: string) => stack.http.get('/widget/conversations', { token });
  const refresh = (refreshToken: string) => stack.http.post('/widget/sessions/refresh', { body: { refreshToken } });
  const openStream = async (token: string) => {
    const stream = await SseConnection.open(`${stack.baseUrl}/widget/stream?token=${encodeURIComponent(token)}`);
    streams.push(stream);
    return stream;
  };
  const aSiteVisitor = async () => aVisitor(stack.http, (await aTenant(stack.dataSource)).widgetKey);

  it('starts a session with a short-lived access token and a refresh token', async () => {
    const tenant = await aTenant(stack.dataSource);

    const response = await stack.http.post('/widget/sessions', { body: { widgetKey: tenant.widgetKey } });

    expect(response.status).toBe(201);
    const { visitorToken, refreshToken, expiresAt, refreshTokenExpiresAt } = response.body;
    expect(refreshToken).toMatch(/^tlr_/);
    expect(refreshToken).not.toBe(visitorToken);
    const accessTtl = new Date(expiresAt).getTime() - Date.now();
    expect(accessTtl).toBeGreaterThan(0);
    expect(accessTtl).toBeLessThanOrEqual(stack.config.widget.accessTokenTtlSeconds * 1000);
    expect(new Date(refreshTokenExpiresAt).getTime()).toBeGreaterThan(new Date(expiresAt).getTime());
    const [row] = await stack.dataSource.query('SELECT refresh_token_hash FROM visitor_sessions WHERE id = $1', [
      response.body.sessionId,
    ]);
    expect(row.refresh_token_hash).not.toContain(refreshToken);
  });

  it('rotates the refresh token on use: the new pair works, the old refresh token is refused', async () => {
    const visitor = await aSiteVisitor();

    const refreshed = await refresh(visitor.refreshToken);
    const reused = await refresh(visitor.refreshToken);

    expect(refreshed.status).toBe(200);
    expect(refreshed.body).toMatchObject({
      visitorId: visitor.visitorId,
      customerId: visitor.customerId,
      sessionId: visitor.sessionId,
    });
    expect(refreshed.body.refreshToken).not.toBe(visitor.refreshToken);
    expect((await conversations(refreshed.body.visitorToken)).status).toBe(200);
    expect(reused.status).toBe(401);
    expect(reused.body.message).toMatch(/already used/);
    expect((await refresh(refreshed.body.refreshToken)).status).toBe(200);
  });

  it('lets only one of two concurrent refreshes with the same token win', async () => {
    const visitor = await aSiteVisitor();

    const statuses = (await Promise.all([refresh(visitor.refreshToken), refresh(visitor.refreshToken)])).map(
      (response) => response.status,
    );

    expect(statuses.sort()).toEqual([200, 401]);
  });

  it('refuses an expired access token, which a refresh replaces', async () => {
    const visitor = await aSiteVisitor();
    const tenantId = (
      await stack.dataSource.query('SELECT tenant_id FROM visitor_sessions WHERE id = $1', [visitor.sessionId])
    )[0].tenant_id as string;
    const expired = new VisitorTokenService(stack.config.widget.visitorTokenSecret, 60).sign(
      { tenantId, customerId: visitor.customerId, visitorId: visitor.visitorId, sessionId: visitor.sessionId },
      new Date(Date.now() - 3600_000),
    ).token;

    const refused = await conversations(expired);
    const renewed = await refreshVisitor(stack.http, visitor);

    expect(refused.status).toBe(401);
    expect(refused.body.message).toMatch(/expired.*POST \/widget\/sessions\/refresh/);
    expect((await conversations(renewed.token)).status).toBe(200);
  });

  it('never takes the refresh token as an access token, in the header or in the stream URL', async () => {
    const visitor = await aSiteVisitor();

    const asBearer = await conversations(visitor.refreshToken);
    const inStreamUrl = await openStream(visitor.refreshToken);

    expect(asBearer.status).toBe(401);
    expect(inStreamUrl.status).toBe(401);
  });

  it('DELETE /widget/sessions/current signs the visitor out: access and refresh tokens stop at once', async () => {
    const visitor = await aSiteVisitor();

    const signedOut = await stack.http.delete('/widget/sessions/current', { token: visitor.token });

    expect(signedOut.status).toBe(204);
    const afterwards = await conversations(visitor.token);
    expect(afterwards.status).toBe(401);
    expect(afterwards.body.message).toMatch(/session has ended/);
    expect((await refresh(visitor.refreshToken)).status).toBe(401);
    const resumed = await stack.http.post('/widget/sessions', {
      token: visitor.token,
      body: { widgetKey: (await tenantOf(visitor)).widgetKey },
    });
    expect(resumed.status).toBe(201);
    expect(resumed.body.customerId).not.toBe(visitor.customerId);
  });

  it('ends an open stream once its session is revoked', async () => {
    const visitor = await aSiteVisitor();
    const stream = await openStream(visitor.token);
    expect(stream.status).toBe(200);

    expect((await stack.http.delete('/widget/sessions/current', { token: visitor.token })).status).toBe(204);

    await stream.finished;
    expect((await openStream(visitor.token)).status).toBe(401);
  });

  it("lets a supervisor or admin revoke a customer's sessions, not an agent or another tenant", async () => {
    const { tenant, token: adminToken } = await aTenantWithAdmin(stack.dataSource);
    const { token: agentToken } = await anAgent(stack.dataSource, tenant.id, { role: 'agent' });
    const other = await aTenantWithAdmin(stack.dataSource);
    const visitor = await aVisitor(stack.http, tenant.widgetKey);
    const secondTab = await stack.http.post('/widget/sessions', {
      token: visitor.token,
      body: { widgetKey: tenant.widgetKey },
    });
    const stream = await openStream(visitor.token);
    const path = `/customers/${visitor.customerId}/visitor-sessions`;

    const byAgent = await stack.http.delete(path, { token: agentToken });
    const byOtherTenant = await stack.http.delete(path, { token: other.token });
    const byAdmin = await stack.http.delete(path, { token: adminToken });

    expect(byAgent.status).toBe(403);
    expect(byOtherTenant.status).toBe(404);
    expect(byAdmin.status).toBe(200);
    expect(byAdmin.body).toEqual({ revoked: 2 });
    expect((await conversations(visitor.token)).status).toBe(401);
    expect((await conversations(secondTab.body.visitorToken)).status).toBe(401);
    expect((await refresh(secondTab.body.refreshToken)).status).toBe(401);
    await stream.finished;
  });

  const tenantOf = async (visitor: TestVisitor) => {
    const [row] = await stack.dataSource.query(
      'SELECT t.widget_key AS "widgetKey" FROM visitor_sessions s JOIN tenants t ON t.id = s.tenant_id WHERE s.id = $1',
      [visitor.sessionId],
    );
    return row as { widgetKey: string };
  };
});

describe('visitor access tokens that expire while a stream is open', () => {
  let stack: TestStack;

  beforeAll(async () => {
    stack = await startTestStack({ worker: false, env: { VISITOR_ACCESS_TOKEN_TTL_SECONDS: '4' } });
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('ends the stream after the token expires; a reconnect needs a refreshed token', async () => {
    const tenant = await aTenant(stack.dataSource);
    const visitor = await aVisitor(stack.http, tenant.widgetKey);
    const url = (token: string) => `${stack.baseUrl}/widget/stream?token=${encodeURIComponent(token)}`;
    const stream = await SseConnection.open(url(visitor.token));
    try {
      expect(stream.status).toBe(200);

      await stream.finished;
      const stale = await SseConnection.open(url(visitor.token));
      const renewed = await refreshVisitor(stack.http, visitor);
      const fresh = await SseConnection.open(url(renewed.token));
      fresh.close();

      expect(stale.status).toBe(401);
      expect(fresh.status).toBe(200);
    } finally {
      stream.close();
    }
  });
});
