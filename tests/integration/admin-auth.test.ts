import { createAdmin } from '../../scripts/create-admin';
import { aTenant, anAgent } from '../support/factories';
import { useTestStack } from '../support/test-stack';

describe('auth: login, logout, guard and roles', () => {
  const stack = useTestStack({ worker: false });

  const login = (body: Record<string, unknown>) => stack.http.post('/auth/login', { body });

  it('logs in with email (any case), password and tenant slug, and the token authenticates /auth/me', async () => {
    const tenant = await aTenant(stack.dataSource);
    const { agent, password } = await anAgent(stack.dataSource, tenant.id, {
      email: 'Ana@Example.test',
      role: 'admin',
    });

    const response = await login({ email: 'ana@example.test', password, tenant: tenant.slug });

    expect(response.status).toBe(200);
    expect(response.body.agent).toMatchObject({ id: agent.id, role: 'admin', email: agent.email });
    expect(response.body.agent).not.toHaveProperty('passwordHash');
    expect(new Date(response.body.expiresAt).getTime()).toBeGreaterThan(Date.now());
    const me = await stack.http.get('/auth/me', { token: response.body.token });
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ id: agent.id, name: agent.name });
  });

  it('answers 401 with one message for a wrong password, an unknown email, another tenant or a deactivated agent', async () => {
    const tenant = await aTenant(stack.dataSource);
    const other = await aTenant(stack.dataSource);
    const { agent, password } = await anAgent(stack.dataSource, tenant.id);
    const inactive = await anAgent(stack.dataSource, tenant.id, { active: false });

    const attempts = [
      { email: agent.email, password: `${password}x`, tenant: tenant.slug },
      { email: 'nobody@example.test', password, tenant: tenant.slug },
      { email: agent.email, password, tenant: other.slug },
      { email: agent.email, password, tenant: 'no-such-tenant' },
      { email: inactive.agent.email, password: inactive.password, tenant: tenant.slug },
    ];
    for (const attempt of attempts) {
      const response = await login(attempt);
      expect({ attempt, status: response.status, message: response.body.message }).toEqual({
        attempt,
        status: 401,
        message: 'Invalid tenant, email or password',
      });
      expect(response.body).not.toHaveProperty('token');
    }
  });

  it('rejects a login body with missing or unknown fields with 400', async () => {
    expect((await login({ email: 'a@b.c', password: 'x' })).status).toBe(400);
    expect((await login({ email: 'a@b.c', password: 'x', tenant: 't', admin: true })).status).toBe(400);
  });

  it('answers 401 without a token, with an unknown token and with an expired token', async () => {
    const tenant = await aTenant(stack.dataSource);
    const { token } = await anAgent(stack.dataSource, tenant.id);

    const missing = await stack.http.get('/auth/me');
    expect(missing.status).toBe(401);
    expect(missing.body.message).toMatch(/bearer token/i);
    expect((await stack.http.get('/auth/me', { headers: { authorization: token } })).status).toBe(401);
    expect((await stack.http.get('/auth/me', { token: `${token}x` })).status).toBe(401);

    expect((await stack.http.get('/auth/me', { token })).status).toBe(200);
    await stack.dataSource.query(
      `UPDATE agent_tokens SET expires_at = now() - interval '1 second' WHERE tenant_id = $1`,
      [tenant.id],
    );
    const expired = await stack.http.get('/auth/me', { token });
    expect(expired.status).toBe(401);
    expect(expired.body.message).toMatch(/expired/);
  });

  it('logout revokes only the token it was called with', async () => {
    const tenant = await aTenant(stack.dataSource);
    const { agent, token, password } = await anAgent(stack.dataSource, tenant.id);
    const second = (await login({ email: agent.email, password, tenant: tenant.slug })).body.token as string;

    expect((await stack.http.post('/auth/logout', { token })).status).toBe(204);

    expect((await stack.http.get('/auth/me', { token })).status).toBe(401);
    expect((await stack.http.get('/auth/me', { token: second })).status).toBe(200);
  });

  it('answers 403 "admin role required" when an agent calls an admin route', async () => {
    const tenant = await aTenant(stack.dataSource);
    const { token } = await anAgent(stack.dataSource, tenant.id, { role: 'agent' });
    const admin = await anAgent(stack.dataSource, tenant.id, { role: 'admin' });

    const response = await stack.http.get('/agents', { token });

    expect(response.status).toBe(403);
    expect(response.body.message).toBe('admin role required');
    expect((await stack.http.get('/agents', { token: admin.token })).status).toBe(200);
  });

  it('create-admin creates the tenant and an admin who can log in, and a re-run updates that admin', async () => {
    const slug = `created-${Date.now().toString(36)}`;
    const input = { tenant: slug, email: 'Boss@Example.test', password: 'first-password', name: 'Boss' };

    const first = await createAdmin(stack.dataSource, input);
    expect(first).toMatchObject({ tenantCreated: true, agent: 'created' });
    const firstLogin = await login({ email: 'boss@example.test', password: 'first-password', tenant: slug });
    expect(firstLogin.status).toBe(200);
    expect(firstLogin.body.agent.role).toBe('admin');

    const second = await createAdmin(stack.dataSource, { ...input, password: 'second-password', name: 'Big Boss' });
    expect(second).toEqual({ ...first, tenantCreated: false, agent: 'updated' });
    expect((await login({ email: input.email, password: 'first-password', tenant: slug })).status).toBe(401);
    const secondLogin = await login({ email: input.email, password: 'second-password', tenant: slug });
    expect(secondLogin.body.agent).toMatchObject({ id: first.agentId, name: 'Big Boss', role: 'admin' });
    const [{ count }] = await stack.dataSource.query('SELECT count(*)::int AS count FROM agents WHERE tenant_id = $1', [
      first.tenantId,
    ]);
    expect(count).toBe(1);
  });

  it('documents the auth and admin DTOs at /docs-json', async () => {
    const response = await stack.http.get('/docs-json');

    expect(response.status).toBe(200);
    const { schemas } = response.body.components;
    expect(Object.keys(schemas.LoginDto.properties)).toEqual(['email', 'password', 'tenant']);
    expect(schemas.CreateAgentDto.required).toEqual(expect.arrayContaining(['email', 'name', 'role', 'password']));
    expect(schemas.CapacityDto.properties.chat).toMatchObject({ minimum: 0, maximum: 100 });
    expect(response.body.paths['/agents/{id}'].patch.security).toEqual([{ agent: [] }]);
    expect(response.body.paths).toHaveProperty(['/teams/{id}/members']);
    expect(response.body.paths).toHaveProperty(['/knowledge/articles']);
  });
});
