import { aCustomer, anAgent } from '../support/factories';
import { useAdminStack } from '../support/admin-stack';

describe('customer profile routes', () => {
  const { stack, aTenantWithAdmin } = useAdminStack();

  it('sets the tier and merges attributes; null deletes a key; supervisors may do it too, agents only read', async () => {
    const { tenant, token } = await aTenantWithAdmin();
    const agent = await anAgent(stack.dataSource, tenant.id, { role: 'agent' });
    const supervisor = await anAgent(stack.dataSource, tenant.id, { role: 'supervisor' });
    const customer = await aCustomer(stack.dataSource, tenant.id, { name: 'Ada', email: 'ada@example.test' });

    expect((await stack.http.get(`/customers/${customer.id}`, { token: agent.token })).body).toEqual({
      id: customer.id,
      name: 'Ada',
      email: 'ada@example.test',
      phone: null,
      tier: null,
      attributes: {},
    });

    const first = await stack.http.patch(`/customers/${customer.id}`, {
      token,
      body: { tier: 'vip', attributes: { plan: 'enterprise', seats: 40, trial: false } },
    });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({
      tier: 'vip',
      attributes: { tier: 'vip', plan: 'enterprise', seats: 40, trial: false },
    });

    const byAgent = await stack.http.patch(`/customers/${customer.id}`, {
      token: agent.token,
      body: { attributes: { seats: 1 } },
    });
    expect([byAgent.status, byAgent.body.message]).toEqual([403, 'supervisor or admin role required']);

    const second = await stack.http.patch(`/customers/${customer.id}`, {
      token: supervisor.token,
      body: { attributes: { seats: 45, trial: null, region: 'emea' } },
    });
    expect(second.body.attributes).toEqual({ tier: 'vip', plan: 'enterprise', seats: 45, region: 'emea' });

    const cleared = await stack.http.patch(`/customers/${customer.id}`, {
      token: supervisor.token,
      body: { tier: null },
    });
    expect(cleared.body).toMatchObject({ tier: null, attributes: { plan: 'enterprise', seats: 45, region: 'emea' } });
    expect(cleared.body.attributes).not.toHaveProperty('tier');

    const viaAttributes = await stack.http.patch(`/customers/${customer.id}`, {
      token,
      body: { attributes: { tier: 'gold' } },
    });
    expect(viaAttributes.body.tier).toBe('gold');
    const [row] = await stack.dataSource.query(`SELECT attributes FROM customers WHERE id = $1`, [customer.id]);
    expect(row.attributes).toEqual({ tier: 'gold', plan: 'enterprise', seats: 45, region: 'emea' });
  });

  it('rejects bad keys, values and sizes with 400 naming the field, and changes nothing', async () => {
    const { tenant, token } = await aTenantWithAdmin();
    const customer = await aCustomer(stack.dataSource, tenant.id);
    await stack.http.patch(`/customers/${customer.id}`, { token, body: { attributes: { plan: 'pro' } } });
    const patch = (body: unknown) => stack.http.patch(`/customers/${customer.id}`, { token, body });

    const cases: { body: unknown; field: string }[] = [
      { body: { attributes: { '1st': 'x' } }, field: 'attributes.1st' },
      { body: { attributes: { 'has-dash': 'x' } }, field: 'attributes.has-dash' },
      { body: { attributes: { [`a${'b'.repeat(40)}`]: 'x' } }, field: `attributes.a${'b'.repeat(40)}` },
      { body: { attributes: { nested: { a: 1 } } }, field: 'attributes.nested' },
      { body: { attributes: { list: [1, 2] } }, field: 'attributes.list' },
      { body: { attributes: { long: 'x'.repeat(501) } }, field: 'attributes.long' },
      { body: { attributes: { tier: 3 } }, field: 'attributes.tier' },
      { body: { tier: 'vip', attributes: { tier: 'gold' } }, field: 'tier' },
    ];
    for (const { body, field } of cases) {
      const response = await patch(body);
      expect(response.status).toBe(400);
      expect(response.body.message).toContain(`${field}: `);
      expect(response.body.details.problems).toEqual([expect.objectContaining({ field })]);
    }

    const fifty = Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`key_${i}`, i]));
    const tooMany = await patch({ attributes: fifty });
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.message).toContain('At most 50 attributes (would be 51)');
    const { plan: _plan, ...fortyNine } = { plan: null, ...Object.fromEntries(Object.entries(fifty).slice(0, 49)) };
    expect((await patch({ attributes: { ...fortyNine, plan: null, key_49: 49 } })).status).toBe(200);

    for (const body of [
      { tier: 7 },
      { tier: '' },
      { tier: '  ' },
      { attributes: 'vip' },
      { attributes: null },
      { colour: 'red' },
    ]) {
      expect((await patch(body)).status).toBe(400);
    }
    expect((await stack.http.patch('/customers/not-a-uuid', { token, body: { tier: 'vip' } })).status).toBe(400);
    expect((await stack.http.get('/customers/00000000-0000-4000-8000-000000000000', { token })).status).toBe(404);
    const stored = (await stack.http.get(`/customers/${customer.id}`, { token })).body.attributes;
    expect(Object.keys(stored)).toHaveLength(50);
    expect(stored).not.toHaveProperty('plan');
  });

  it("keeps another tenant's customers out of reach (404)", async () => {
    const { token } = await aTenantWithAdmin();
    const other = await aTenantWithAdmin();
    const theirs = await aCustomer(stack.dataSource, other.tenant.id, { name: 'Theirs' });

    expect((await stack.http.get(`/customers/${theirs.id}`, { token })).status).toBe(404);
    const change = await stack.http.patch(`/customers/${theirs.id}`, { token, body: { tier: 'stolen' } });
    expect(change.status).toBe(404);
    expect((await stack.http.get(`/customers/${theirs.id}`, { token: other.token })).body).toMatchObject({
      name: 'Theirs',
      tier: null,
      attributes: {},
    });
  });
});
