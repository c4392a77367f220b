import { SseConnection } from '../support/sse-client';
import { aTenant, aTenantWithAdmin, anAgent } from '../support/factories';
import { useTestStack } from '../support/test-stack';

describe('agent tokens are revoked on password change and deactivation', () => {
  const stack = useTestStack({ worker: false });

  const login = async (email: string, password: string, tenant: string) => {
    const response = await stack.http.post('/auth/login', { body: { email, password, tenant } });
    return response;
  };
  const me = (token: string) => stack.http.get('/auth/me', { token });

  /** An agent signed in twice (two devices): the factory's token and one from POST /auth/login. */
  const anAgentOnTwoDevices = async (tenantId: string, slug: string) => {
    const { agent, token, password } = await anAgent(stack.dataSource, tenantId);
    const second = await login(agent.email, password, slug);
    expect(second.status).toBe(200);
    return { agent, password, laptop: token, phone: second.body.token as string };
  };

  it('POST /auth/password changes the password and revokes every other token of the caller', async () => {
    const tenant = await aTenant(stack.dataSource);
    const { agent, password, laptop, phone } = await anAgentOnTwoDevices(tenant.id, tenant.slug);

    const changed = await stack.http.post('/auth/password', {
      token: laptop,
      body: { currentPassword: password, newPassword: 'a brand new passphrase' },
    });

    expect(changed.status).toBe(204);
    expect((await me(laptop)).status).toBe(200);
    const revoked = await me(phone);
    expect(revoked.status).toBe(401);
    expect(revoked.body.message).toMatch(/invalid, expired or revoked/);
    expect((await login(agent.email, password, tenant.slug)).status).toBe(401);
    expect((await login(agent.email, 'a brand new passphrase', tenant.slug)).status).toBe(200);
  });

  it('refuses a wrong current password (403) or a short new one (400), changing nothing', async () => {
    const tenant = await aTenant(stack.dataSource);
    const { agent, password, laptop, phone } = await anAgentOnTwoDevices(tenant.id, tenant.slug);

    const wrong = await stack.http.post('/auth/password', {
      token: laptop,
      body: { currentPassword: 'not it', newPassword: 'a brand new passphrase' },
    });
    const short = await stack.http.post('/auth/password', {
      token: laptop,
      body: { currentPassword: password, newPassword: 'short' },
    });
    const anonymous = await stack.http.post('/auth/password', {
      body: { currentPassword: password, newPassword: 'a brand new passphrase' },
    });

    expect(wrong.status).toBe(403);
    expect(wrong.body.message).toBe('Current password is incorrect');
    expect(short.status).toBe(400);
    expect(anonymous.status).toBe(401);
    expect((await me(phone)).status).toBe(200);
    expect((await login(agent.email, password, tenant.slug)).status).toBe(200);
  });

  it('throttles repeated wrong current passwords, so a stolen token cannot guess the password', async () => {
    const tenant = await aTenant(stack.dataSource);
    const { password, laptop } = await anAgentOnTwoDevices(tenant.id, tenant.slug);
    const change = (currentPassword: string) =>
      stack.http.post('/auth/password', {
        token: laptop,
        body: { currentPassword, newPassword: 'a brand new passphrase' },
      });

    const statuses = [];
    for (let i = 0; i < stack.config.accounts.loginMaxFailuresPerAccount; i += 1) {
      statuses.push((await change(`guess ${i}`)).status);
    }
    const refused = await change(password);

    expect(new Set(statuses)).toEqual(new Set([403]));
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
  });

  it("an admin's password reset revokes all of the agent's tokens", async () => {
    const { tenant, token: adminToken } = await aTenantWithAdmin(stack.dataSource);
    const { agent, laptop, phone } = await anAgentOnTwoDevices(tenant.id, tenant.slug);

    const reset = await stack.http.patch(`/agents/${agent.id}`, {
      token: adminToken,
      body: { password: 'reset by the admin' },
    });

    expect(reset.status).toBe(200);
    expect((await me(laptop)).status).toBe(401);
    expect((await me(phone)).status).toBe(401);
    expect((await me(adminToken)).status).toBe(200);
  });

  it('deactivation revokes the tokens, and reactivation does not bring them back', async () => {
    const { tenant, token: adminToken } = await aTenantWithAdmin(stack.dataSource);
    const deleted = await anAgentOnTwoDevices(tenant.id, tenant.slug);
    const patched = await anAgentOnTwoDevices(tenant.id, tenant.slug);

    expect((await stack.http.delete(`/agents/${deleted.agent.id}`, { token: adminToken })).status).toBe(200);
    const deactivate = await stack.http.patch(`/agents/${patched.agent.id}`, {
      token: adminToken,
      body: { active: false },
    });
    expect(deactivate.status).toBe(200);
    for (const { agent } of [deleted, patched]) {
      const reactivated = await stack.http.patch(`/agents/${agent.id}`, { token: adminToken, body: { active: true } });
      expect(reactivated.status).toBe(200);
    }

    for (const token of [deleted.laptop, deleted.phone, patched.laptop, patched.phone]) {
      expect((await me(token)).status).toBe(401);
    }
    expect((await login(deleted.agent.email, deleted.password, tenant.slug)).status).toBe(200);
  });

  it("ends the agent's open event streams once another device changes the password", async () => {
    const tenant = await aTenant(stack.dataSource);
    const { password, laptop, phone } = await anAgentOnTwoDevices(tenant.id, tenant.slug);
    const stream = await SseConnection.open(`${stack.baseUrl}/events/stream`, { authorization: `Bearer ${phone}` });
    try {
      expect(stream.status).toBe(200);

      const changed = await stack.http.post('/auth/password', {
        token: laptop,
        body: { currentPassword: password, newPassword: 'a brand new passphrase' },
      });
      expect(changed.status).toBe(204);

      await stream.finished;
      const reconnect = await SseConnection.open(`${stack.baseUrl}/events/stream`, {
        authorization: `Bearer ${phone}`,
      });
      expect(reconnect.status).toBe(401);
    } finally {
      stream.close();
    }
  });
});
