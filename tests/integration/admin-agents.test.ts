import { WorkflowNotFoundError } from '@temporalio/client';
import { assignmentDispatcherWorkflowId } from '../../workflows/assignment-dispatcher.definitions';
import { issueAgentToken } from '../../core/auth/agent-token';
import { aTenant, anAgent } from '../support/factories';
import { useAdminStack } from '../support/admin-stack';

describe('agents admin routes', () => {
  const { stack, aTenantWithAdmin } = useAdminStack();

  /** Whether the tenant's assignment dispatcher was ever signalled (started by signal-with-start). */
  async function dispatcherWasSignalled(tenantId: string): Promise<boolean> {
    try {
      await stack.temporal.workflow.getHandle(assignmentDispatcherWorkflowId(tenantId)).describe();
      return true;
    } catch (error) {
      if (error instanceof WorkflowNotFoundError) {
        return false;
      }
      throw error;
    }
  }

  const newAgent = {
    email: 'Maria@Example.test',
    name: 'Maria',
    role: 'agent',
    password: 'maria-password',
    skills: ['billing'],
    channels: ['chat', 'email'],
    capacity: { chat: 2 },
  };

  it('creates an agent who can then log in, and lists and reads it', async () => {
    const { tenant, token } = await aTenantWithAdmin();

    const created = await stack.http.post('/agents', { token, body: newAgent });

    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      email: 'maria@example.test',
      role: 'agent',
      status: 'offline',
      active: true,
      skills: ['billing'],
      channels: ['chat', 'email'],
      capacity: { chat: 2, email: 10, sms: 5 },
    });
    expect(created.body).not.toHaveProperty('password');
    expect(created.body).not.toHaveProperty('passwordHash');
    const login = await stack.http.post('/auth/login', {
      body: { email: 'maria@example.test', password: 'maria-password', tenant: tenant.slug },
    });
    expect(login.status).toBe(200);
    const list = await stack.http.get('/agents', { token });
    expect(list.body.map((agent: { id: string }) => agent.id)).toContain(created.body.id);
    expect((await stack.http.get(`/agents/${created.body.id}`, { token })).body).toEqual(created.body);
  });

  it('answers 409 for a second agent with the same email in the tenant', async () => {
    const { token } = await aTenantWithAdmin();
    expect((await stack.http.post('/agents', { token, body: newAgent })).status).toBe(201);
    const duplicate = await stack.http.post('/agents', { token, body: { ...newAgent, email: 'maria@example.TEST' } });
    expect(duplicate.status).toBe(409);
  });

  it.each([
    ['an unknown channel', { channels: ['chat', 'fax'] }],
    ['a negative capacity', { capacity: { chat: -1 } }],
    ['a capacity above 100', { capacity: { email: 101 } }],
    ['a fractional capacity', { capacity: { sms: 1.5 } }],
    ['an unknown capacity channel', { capacity: { fax: 1 } }],
    ['an unknown field', { superpowers: true }],
    ['an unknown role', { role: 'owner' }],
    ['an unknown status', { status: 'busy' }],
    ['a null status', { status: null }],
    ['a bad email', { email: 'not-an-email' }],
    ['a short password', { password: 'short' }],
  ])('rejects a create with %s with 400 and stores nothing', async (_case, override) => {
    const { tenant, token } = await aTenantWithAdmin();

    const response = await stack.http.post('/agents', { token, body: { ...newAgent, ...override } });

    expect(response.status).toBe(400);
    expect(response.body.error).toBe('validation_failed');
    const [{ count }] = await stack.dataSource.query('SELECT count(*)::int AS count FROM agents WHERE tenant_id = $1', [
      tenant.id,
    ]);
    expect(count).toBe(1);
  });

  it('answers 400 for a malformed agent id', async () => {
    const { token } = await aTenantWithAdmin();
    for (const response of [
      await stack.http.get('/agents/not-a-uuid', { token }),
      await stack.http.patch('/agents/123', { token, body: { name: 'x' } }),
      await stack.http.delete('/agents/me', { token }),
    ]) {
      expect(response.status).toBe(400);
      expect(response.body.message).toMatch(/id must be a UUID/);
    }
  });

  it("answers 404 for another tenant's agent and leaves it untouched", async () => {
    const { token } = await aTenantWithAdmin();
    const other = await aTenant(stack.dataSource);
    const { agent: foreign, token: foreignToken } = await anAgent(stack.dataSource, other.id, { name: 'Foreign' });

    expect((await stack.http.get(`/agents/${foreign.id}`, { token })).status).toBe(404);
    expect((await stack.http.patch(`/agents/${foreign.id}`, { token, body: { name: 'Hijacked' } })).status).toBe(404);
    expect((await stack.http.delete(`/agents/${foreign.id}`, { token })).status).toBe(404);
    const list = await stack.http.get('/agents', { token });
    expect(list.body.map((agent: { id: string }) => agent.id)).not.toContain(foreign.id);

    const [row] = await stack.dataSource.query('SELECT name, active FROM agents WHERE id = $1', [foreign.id]);
    expect(row).toEqual({ name: 'Foreign', active: true });
    expect((await stack.http.get('/auth/me', { token: foreignToken })).status).toBe(200);
  });

  it('updates any field of an agent, merging a partial capacity', async () => {
    const { token } = await aTenantWithAdmin();
    const created = (await stack.http.post('/agents', { token, body: newAgent })).body;

    const response = await stack.http.patch(`/agents/${created.id}`, {
      token,
      body: {
        name: 'Maria S.',
        role: 'admin',
        skills: ['vip'],
        channels: ['sms'],
        capacity: { sms: 7 },
        status: 'away',
      },
    });

    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      name: 'Maria S.',
      role: 'admin',
      skills: ['vip'],
      channels: ['sms'],
      capacity: { chat: 2, email: 10, sms: 7 },
      status: 'away',
    });
    expect((await stack.http.patch(`/agents/${created.id}`, { token, body: { capacity: { chat: -3 } } })).status).toBe(
      400,
    );
  });

  it('delete deactivates the agent and revokes its tokens; it can no longer log in', async () => {
    const { tenant, token, admin } = await aTenantWithAdmin();
    const target = await anAgent(stack.dataSource, tenant.id);

    const response = await stack.http.delete(`/agents/${target.agent.id}`, { token });

    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ id: target.agent.id, active: false, status: 'offline' });
    expect((await stack.http.get('/auth/me', { token: target.token })).status).toBe(401);
    const login = await stack.http.post('/auth/login', {
      body: { email: target.agent.email, password: target.password, tenant: tenant.slug },
    });
    expect(login.status).toBe(401);
    const [{ count }] = await stack.dataSource.query(
      'SELECT count(*)::int AS count FROM agent_tokens WHERE agent_id = $1',
      [target.agent.id],
    );
    expect(count).toBe(0);
    expect((await stack.http.delete(`/agents/${admin.agent.id}`, { token })).status).toBe(409);
  });

  it('lets an agent change their own status and capacity, and signals the queue only when capacity is freed', async () => {
    const tenant = await aTenant(stack.dataSource);
    const { agent, token } = await anAgent(stack.dataSource, tenant.id, { status: 'offline' });

    const away = await stack.http.patch('/agents/me/status', { token, body: { status: 'away' } });
    expect(away.status).toBe(200);
    expect(away.body).toMatchObject({ id: agent.id, status: 'away' });
    expect(await dispatcherWasSignalled(tenant.id)).toBe(false);

    const online = await stack.http.patch('/agents/me/status', { token, body: { status: 'online' } });
    expect(online.body.status).toBe('online');
    expect(await dispatcherWasSignalled(tenant.id)).toBe(true);

    const capacity = await stack.http.patch('/agents/me/capacity', { token, body: { chat: 6, sms: 0 } });
    expect(capacity.status).toBe(200);
    expect(capacity.body.capacity).toEqual({ chat: 6, email: 10, sms: 0 });
    const [row] = await stack.dataSource.query('SELECT status, capacity FROM agents WHERE id = $1', [agent.id]);
    expect(row).toEqual({ status: 'online', capacity: { chat: 6, email: 10, sms: 0 } });
  });

  it("answers each of an agent's racing sessions with the status it wrote, not the other's", async () => {
    const tenant = await aTenant(stack.dataSource);
    const { agent, token } = await anAgent(stack.dataSource, tenant.id, { status: 'offline' });
    const otherSession = await issueAgentToken(stack.dataSource, tenant.id, agent.id, 1);

    for (let round = 0; round < 10; round++) {
      const [away, offline] = await Promise.all([
        stack.http.patch('/agents/me/status', { token, body: { status: 'away' } }),
        stack.http.patch('/agents/me/status', { token: otherSession, body: { status: 'offline' } }),
      ]);
      expect([away.status, away.body.status]).toEqual([200, 'away']);
      expect([offline.status, offline.body.status]).toEqual([200, 'offline']);
    }
  });

  it('signals the queue when an online agent gains capacity, not when it loses some', async () => {
    const tenant = await aTenant(stack.dataSource);
    const { token } = await anAgent(stack.dataSource, tenant.id, { status: 'online', capacity: { chat: 3 } });

    expect((await stack.http.patch('/agents/me/capacity', { token, body: { chat: 1 } })).status).toBe(200);
    expect(await dispatcherWasSignalled(tenant.id)).toBe(false);

    expect((await stack.http.patch('/agents/me/capacity', { token, body: { chat: 4 } })).status).toBe(200);
    expect(await dispatcherWasSignalled(tenant.id)).toBe(true);
  });

  it('signals the queue when an admin sets another agent online', async () => {
    const { tenant, token } = await aTenantWithAdmin();
    const { agent } = await anAgent(stack.dataSource, tenant.id, { status: 'away' });
    expect(await dispatcherWasSignalled(tenant.id)).toBe(false);

    const response = await stack.http.patch(`/agents/${agent.id}`, { token, body: { status: 'online' } });

    expect(response.body.status).toBe('online');
    expect(await dispatcherWasSignalled(tenant.id)).toBe(true);
  });

  it('rejects bad own-status and own-capacity bodies with 400, and an agent cannot PATCH /agents/:id', async () => {
    const tenant = await aTenant(stack.dataSource);
    const { agent, token } = await anAgent(stack.dataSource, tenant.id, { role: 'agent' });

    expect((await stack.http.patch('/agents/me/status', { token, body: { status: 'sleeping' } })).status).toBe(400);
    expect((await stack.http.patch('/agents/me/capacity', { token, body: { chat: -1 } })).status).toBe(400);
    expect((await stack.http.patch('/agents/me/capacity', { token, body: { chat: 5, fax: 1 } })).status).toBe(400);
    const escalate = await stack.http.patch(`/agents/${agent.id}`, { token, body: { role: 'admin' } });
    expect(escalate.status).toBe(403);
    const [row] = await stack.dataSource.query('SELECT role FROM agents WHERE id = $1', [agent.id]);
    expect(row.role).toBe('agent');
  });
});
