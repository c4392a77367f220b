import { anAgent } from '../support/factories';
import { useAdminStack } from '../support/admin-stack';

describe('team assignment strategy settings', () => {
  const { stack, aTenantWithAdmin } = useAdminStack();

  it('shows the defaults, then changes strategy, skill relaxation and merged capacity weights', async () => {
    const { tenant, token } = await aTenantWithAdmin();
    const team = (await stack.http.post('/teams', { token, body: { name: 'Billing' } })).body;
    expect(team).toMatchObject({
      assignmentStrategy: 'capacity',
      skillRelaxAfterSeconds: 120,
      capacityWeights: { chat: 1, email: 1, sms: 1 },
    });

    const changed = await stack.http.patch(`/teams/${team.id}`, {
      token,
      body: { assignmentStrategy: 'skill', skillRelaxAfterSeconds: 300, capacityWeights: { email: 0.5 } },
    });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({
      id: team.id,
      name: 'Billing',
      assignmentStrategy: 'skill',
      skillRelaxAfterSeconds: 300,
      capacityWeights: { chat: 1, email: 0.5, sms: 1 },
    });

    const renamed = await stack.http.patch(`/teams/${team.id}`, {
      token,
      body: { name: 'Payments', capacityWeights: { sms: 0 } },
    });
    expect(renamed.body).toMatchObject({
      name: 'Payments',
      assignmentStrategy: 'skill',
      capacityWeights: { chat: 1, email: 0.5, sms: 0 },
    });

    const agent = await anAgent(stack.dataSource, tenant.id);
    const asAgent = await stack.http.get('/teams', { token: agent.token });
    expect(asAgent.body).toEqual([expect.objectContaining({ id: team.id, assignmentStrategy: 'skill' })]);
    const [stored] = await stack.dataSource.query(
      `SELECT assignment_strategy, skill_relax_after_seconds, capacity_weights FROM teams WHERE id = $1`,
      [team.id],
    );
    expect(stored).toEqual({
      assignment_strategy: 'skill',
      skill_relax_after_seconds: 300,
      capacity_weights: { chat: 1, email: 0.5, sms: 0 },
    });
  });

  it('rejects bad settings with 400 and leaves the team unchanged', async () => {
    const { token } = await aTenantWithAdmin();
    const team = (await stack.http.post('/teams', { token, body: { name: 'Billing' } })).body;
    const bad = [
      { assignmentStrategy: 'random' },
      { assignmentStrategy: null },
      { skillRelaxAfterSeconds: -1 },
      { skillRelaxAfterSeconds: 86_401 },
      { skillRelaxAfterSeconds: 1.5 },
      { skillRelaxAfterSeconds: '60' },
      { capacityWeights: { chat: 101 } },
      { capacityWeights: { fax: 1 } },
      { capacityWeights: [1, 2, 3] },
      { capacityWeights: null },
      { name: null },
      { colour: 'red' },
    ];
    for (const body of bad) {
      const response = await stack.http.patch(`/teams/${team.id}`, { token, body });
      expect({ body, status: response.status }).toEqual({ body, status: 400 });
    }
    const strategy = await stack.http.patch(`/teams/${team.id}`, { token, body: { assignmentStrategy: 'random' } });
    expect(strategy.body.message).toContain('assignmentStrategy must be one of the following values');
    expect((await stack.http.get(`/teams/${team.id}`, { token })).body).toMatchObject({
      name: 'Billing',
      assignmentStrategy: 'capacity',
      skillRelaxAfterSeconds: 120,
      capacityWeights: { chat: 1, email: 1, sms: 1 },
    });
  });

  it('reads and sets the tenant-wide queue strategy; only admins may change it', async () => {
    const { tenant, token } = await aTenantWithAdmin();
    const other = await aTenantWithAdmin();
    const agent = await anAgent(stack.dataSource, tenant.id, { role: 'agent' });

    expect((await stack.http.get('/assignment/settings', { token: agent.token })).body).toEqual({
      defaultStrategy: 'capacity',
    });
    const set = await stack.http.put('/assignment/settings', { token, body: { defaultStrategy: 'round_robin' } });
    expect(set.status).toBe(200);
    expect(set.body).toEqual({ defaultStrategy: 'round_robin' });
    expect((await stack.http.get('/assignment/settings', { token: agent.token })).body.defaultStrategy).toBe(
      'round_robin',
    );
    expect((await stack.http.get('/assignment/settings', { token: other.token })).body.defaultStrategy).toBe(
      'capacity',
    );

    const byAgent = await stack.http.put('/assignment/settings', {
      token: agent.token,
      body: { defaultStrategy: 'skill' },
    });
    expect(byAgent.status).toBe(403);
    for (const body of [{}, { defaultStrategy: 'random' }, { defaultStrategy: 'skill', extra: 1 }]) {
      expect((await stack.http.put('/assignment/settings', { token, body })).status).toBe(400);
    }
    const [row] = await stack.dataSource.query(`SELECT default_assignment_strategy FROM tenants WHERE id = $1`, [
      tenant.id,
    ]);
    expect(row.default_assignment_strategy).toBe('round_robin');
  });

  it("forbids agents from changing a team's strategy and keeps other tenants' teams out of reach", async () => {
    const { tenant, token } = await aTenantWithAdmin();
    const other = await aTenantWithAdmin();
    const agent = await anAgent(stack.dataSource, tenant.id, { role: 'agent' });
    const mine = (await stack.http.post('/teams', { token, body: { name: 'Mine' } })).body;
    const theirs = (await stack.http.post('/teams', { token: other.token, body: { name: 'Theirs' } })).body;

    const byAgent = await stack.http.patch(`/teams/${mine.id}`, {
      token: agent.token,
      body: { assignmentStrategy: 'round_robin' },
    });
    expect(byAgent.status).toBe(403);
    const foreign = await stack.http.patch(`/teams/${theirs.id}`, {
      token,
      body: { assignmentStrategy: 'round_robin' },
    });
    expect(foreign.status).toBe(404);
    expect((await stack.http.get(`/teams/${theirs.id}`, { token: other.token })).body.assignmentStrategy).toBe(
      'capacity',
    );
    expect((await stack.http.get(`/teams/${mine.id}`, { token })).body.assignmentStrategy).toBe('capacity');
  });
});
