import { anAgent } from '../support/factories';
import { useAdminStack } from '../support/admin-stack';

describe('teams admin routes', () => {
  const { stack, aTenantWithAdmin } = useAdminStack();

  it('creates a team, sets its members, and agents of the tenant can read it', async () => {
    const { tenant, token } = await aTenantWithAdmin();
    const alice = await anAgent(stack.dataSource, tenant.id);
    const bob = await anAgent(stack.dataSource, tenant.id);

    const created = await stack.http.post('/teams', { token, body: { name: 'Billing' } });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: 'Billing', memberIds: [] });

    const members = await stack.http.put(`/teams/${created.body.id}/members`, {
      token,
      body: { agentIds: [alice.agent.id, bob.agent.id] },
    });
    expect(members.status).toBe(200);
    expect(members.body.memberIds).toEqual([alice.agent.id, bob.agent.id].sort());

    const replaced = await stack.http.put(`/teams/${created.body.id}/members`, {
      token,
      body: { agentIds: [bob.agent.id] },
    });
    expect(replaced.body.memberIds).toEqual([bob.agent.id]);

    const asAgent = await stack.http.get('/teams', { token: alice.token });
    expect(asAgent.status).toBe(200);
    expect(asAgent.body).toEqual([expect.objectContaining({ id: created.body.id, memberIds: [bob.agent.id] })]);
    expect((await stack.http.get(`/teams/${created.body.id}`, { token: alice.token })).body.name).toBe('Billing');
  });

  it('renames and deletes a team; a duplicate name is 409', async () => {
    const { token } = await aTenantWithAdmin();
    const billing = (await stack.http.post('/teams', { token, body: { name: 'Billing' } })).body;
    await stack.http.post('/teams', { token, body: { name: 'Sales' } });

    expect((await stack.http.post('/teams', { token, body: { name: 'Billing' } })).status).toBe(409);
    expect((await stack.http.patch(`/teams/${billing.id}`, { token, body: { name: 'Sales' } })).status).toBe(409);
    const renamed = await stack.http.patch(`/teams/${billing.id}`, { token, body: { name: 'Payments' } });
    expect(renamed.body).toMatchObject({ id: billing.id, name: 'Payments' });

    expect((await stack.http.delete(`/teams/${billing.id}`, { token })).status).toBe(204);
    expect((await stack.http.get(`/teams/${billing.id}`, { token })).status).toBe(404);
    expect((await stack.http.get('/teams', { token })).body.map((team: { name: string }) => team.name)).toEqual([
      'Sales',
    ]);
  });

  it('forbids agents from changing teams', async () => {
    const { tenant, token } = await aTenantWithAdmin();
    const agent = await anAgent(stack.dataSource, tenant.id, { role: 'agent' });
    const team = (await stack.http.post('/teams', { token, body: { name: 'Billing' } })).body;

    expect((await stack.http.post('/teams', { token: agent.token, body: { name: 'Mine' } })).status).toBe(403);
    const join = await stack.http.put(`/teams/${team.id}/members`, {
      token: agent.token,
      body: { agentIds: [agent.agent.id] },
    });
    expect(join.status).toBe(403);
    expect((await stack.http.delete(`/teams/${team.id}`, { token: agent.token })).status).toBe(403);
    expect((await stack.http.get(`/teams/${team.id}`, { token })).body.memberIds).toEqual([]);
  });

  it('keeps teams and agents of another tenant out of reach (404)', async () => {
    const { token } = await aTenantWithAdmin();
    const other = await aTenantWithAdmin();
    const foreignAgent = await anAgent(stack.dataSource, other.tenant.id);
    const foreignTeam = (await stack.http.post('/teams', { token: other.token, body: { name: 'Theirs' } })).body;
    const mine = (await stack.http.post('/teams', { token, body: { name: 'Mine' } })).body;

    expect((await stack.http.get(`/teams/${foreignTeam.id}`, { token })).status).toBe(404);
    expect((await stack.http.patch(`/teams/${foreignTeam.id}`, { token, body: { name: 'Stolen' } })).status).toBe(404);
    expect((await stack.http.delete(`/teams/${foreignTeam.id}`, { token })).status).toBe(404);
    expect((await stack.http.put(`/teams/${foreignTeam.id}/members`, { token, body: { agentIds: [] } })).status).toBe(
      404,
    );
    const poach = await stack.http.put(`/teams/${mine.id}/members`, {
      token,
      body: { agentIds: [foreignAgent.agent.id] },
    });
    expect(poach.status).toBe(404);
    expect(poach.body.message).toContain(foreignAgent.agent.id);

    expect((await stack.http.get('/teams', { token })).body.map((team: { id: string }) => team.id)).toEqual([mine.id]);
    expect((await stack.http.get(`/teams/${foreignTeam.id}`, { token: other.token })).body.name).toBe('Theirs');
  });

  it('validates team bodies and ids with 400', async () => {
    const { token } = await aTenantWithAdmin();
    const team = (await stack.http.post('/teams', { token, body: { name: 'Billing' } })).body;

    expect((await stack.http.post('/teams', { token, body: { name: '' } })).status).toBe(400);
    expect((await stack.http.post('/teams', { token, body: { name: 'X', colour: 'red' } })).status).toBe(400);
    expect((await stack.http.put(`/teams/${team.id}/members`, { token, body: { agentIds: ['nope'] } })).status).toBe(
      400,
    );
    expect((await stack.http.put(`/teams/${team.id}/members`, { token, body: {} })).status).toBe(400);
    expect((await stack.http.get('/teams/42', { token })).status).toBe(400);
  });
});
