import { anAgent } from '../support/factories';
import { useAdminStack } from '../support/admin-stack';

const WEEKDAYS_9_TO_5 = {
  mon: [{ start: '09:00', end: '17:00' }],
  tue: [{ start: '09:00', end: '17:00' }],
  wed: [{ start: '09:00', end: '17:00' }],
  thu: [{ start: '09:00', end: '17:00' }],
  fri: [{ start: '09:00', end: '17:00' }],
};

describe('SLA policies and business hours admin routes', () => {
  const { stack, aTenantWithAdmin } = useAdminStack();
  const londonHours = (token: string, name = 'London office') =>
    stack.http.post('/business-hours', {
      token,
      body: { name, timeZone: 'Europe/London', weekly: WEEKDAYS_9_TO_5, holidays: ['2026-12-25'] },
    });

  it('creates, reads, replaces and deletes a business-hours calendar, and answers whether it is open', async () => {
    const { tenant, token } = await aTenantWithAdmin();
    const created = await londonHours(token);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      name: 'London office',
      timeZone: 'Europe/London',
      weekly: WEEKDAYS_9_TO_5,
      holidays: ['2026-12-25'],
    });
    const id = created.body.id;

    // Monday 2026-03-02 08:30 in London (GMT) is before opening; 09:30 is open; Christmas Day (a Friday) is closed.
    const early = await stack.http.get(`/business-hours/${id}/open?at=2026-03-02T08:30:00Z`, { token });
    expect(early.body).toEqual({
      at: '2026-03-02T08:30:00.000Z',
      open: false,
      nextOpening: '2026-03-02T09:00:00.000Z',
    });
    const open = await stack.http.get(`/business-hours/${id}/open?at=2026-03-02T09:30:00Z`, { token });
    expect(open.body).toMatchObject({ open: true, nextOpening: '2026-03-02T09:30:00.000Z' });
    const christmas = await stack.http.get(`/business-hours/${id}/open?at=2026-12-25T10:00:00Z`, { token });
    expect(christmas.body).toMatchObject({ open: false, nextOpening: '2026-12-28T09:00:00.000Z' });
    expect((await stack.http.get(`/business-hours/${id}/open?at=yesterday`, { token })).status).toBe(400);
    expect((await stack.http.get(`/business-hours/${id}/open?at=2026-03-02T09:30:00`, { token })).status).toBe(400);

    const agent = await anAgent(stack.dataSource, tenant.id);
    expect((await stack.http.get('/business-hours', { token: agent.token })).body).toEqual([
      expect.objectContaining({ id, name: 'London office' }),
    ]);

    const replaced = await stack.http.put(`/business-hours/${id}`, {
      token,
      body: { name: 'London weekends', timeZone: 'europe/london', weekly: { sat: [{ start: '10:00', end: '14:00' }] } },
    });
    expect(replaced.status).toBe(200);
    expect(replaced.body).toMatchObject({
      name: 'London weekends',
      timeZone: 'Europe/London',
      weekly: { sat: [{ start: '10:00', end: '14:00' }] },
      holidays: [],
    });
    expect((await stack.http.get(`/business-hours/${id}/open?at=2026-03-02T09:30:00Z`, { token })).body.open).toBe(
      false,
    );

    expect((await stack.http.delete(`/business-hours/${id}`, { token })).status).toBe(204);
    expect((await stack.http.get(`/business-hours/${id}`, { token })).status).toBe(404);
    expect((await stack.http.delete(`/business-hours/${id}`, { token })).status).toBe(404);
  });

  it('rejects malformed calendars with 400 naming each field, and a duplicate name with 409', async () => {
    const { token } = await aTenantWithAdmin();
    const bad = await stack.http.post('/business-hours', {
      token,
      body: {
        name: 'Broken',
        timeZone: 'Mars/Olympus',
        weekly: { mon: [{ start: '09:00', end: '08:00' }], funday: [] },
        holidays: ['2026-02-30'],
      },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toContain('timeZone');
    const fields = bad.body.details.problems.map((problem: { field: string }) => problem.field);
    expect(fields).toEqual(expect.arrayContaining(['timeZone', 'weekly.funday', 'weekly.mon[0].end', 'holidays[0]']));

    const overlapping = await stack.http.post('/business-hours', {
      token,
      body: {
        name: 'Overlap',
        timeZone: 'UTC',
        weekly: {
          tue: [
            { start: '09:00', end: '12:00' },
            { start: '11:00', end: '13:00' },
          ],
        },
      },
    });
    expect(overlapping.status).toBe(400);
    expect(overlapping.body.details.problems).toEqual([expect.objectContaining({ field: 'weekly.tue[1]' })]);

    expect((await stack.http.post('/business-hours', { token, body: { name: 'X', timeZone: 'UTC' } })).status).toBe(
      400,
    );
    expect(
      (await stack.http.post('/business-hours', { token, body: { name: 'X', timeZone: 'UTC', weekly: 'always' } }))
        .status,
    ).toBe(400);
    const extra = await stack.http.post('/business-hours', {
      token,
      body: { name: 'X', timeZone: 'UTC', weekly: WEEKDAYS_9_TO_5, colour: 'red' },
    });
    expect(extra.status).toBe(400);
    expect(extra.body.message).toContain('colour');

    expect((await londonHours(token, 'Main')).status).toBe(201);
    expect((await londonHours(token, 'Main')).status).toBe(409);
    expect((await stack.http.get('/business-hours/not-a-uuid', { token })).status).toBe(400);
  });

  it('creates, reads, replaces and deletes SLA policies with defaults for omitted fields', async () => {
    const { token } = await aTenantWithAdmin();
    const hours = (await londonHours(token)).body;
    const created = await stack.http.post('/sla-policies', {
      token,
      body: {
        name: ' Premium ',
        firstResponseSeconds: 900,
        resolutionSeconds: 86_400,
        businessHoursId: hours.id,
        breachActions: { raisePriority: true, notify: true },
      },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      name: 'Premium',
      firstResponseSeconds: 900,
      nextResponseSeconds: null,
      resolutionSeconds: 86_400,
      businessHoursId: hours.id,
      breachActions: { raisePriority: true, reassign: false, notify: true },
    });
    const id = created.body.id;

    const replaced = await stack.http.put(`/sla-policies/${id}`, {
      token,
      body: { name: 'Premium', nextResponseSeconds: 3600 },
    });
    expect(replaced.status).toBe(200);
    expect(replaced.body).toMatchObject({
      firstResponseSeconds: null,
      nextResponseSeconds: 3600,
      businessHoursId: null,
      breachActions: { raisePriority: false, reassign: false, notify: false },
    });
    expect((await stack.http.get('/sla-policies', { token })).body).toEqual([expect.objectContaining({ id })]);

    expect((await stack.http.delete(`/sla-policies/${id}`, { token })).status).toBe(204);
    expect((await stack.http.get(`/sla-policies/${id}`, { token })).status).toBe(404);
  });

  it('rejects bad SLA policies with 400 naming the field, and a duplicate name with 409', async () => {
    const { token } = await aTenantWithAdmin();
    const post = (body: unknown) => stack.http.post('/sla-policies', { token, body });

    const noTargets = await post({ name: 'Empty' });
    expect(noTargets.status).toBe(400);
    expect(noTargets.body.details.problems).toEqual([expect.objectContaining({ field: 'firstResponseSeconds' })]);

    const wrongTypes = await post({
      name: 'Bad',
      firstResponseSeconds: -5,
      resolutionSeconds: '3600',
      breachActions: { raisePriority: 'yes', escalate: true },
    });
    expect(wrongTypes.status).toBe(400);
    expect(wrongTypes.body.details.problems.map((problem: { field: string }) => problem.field)).toEqual(
      expect.arrayContaining([
        'firstResponseSeconds',
        'resolutionSeconds',
        'breachActions.raisePriority',
        'breachActions.escalate',
      ]),
    );

    for (const businessHoursId of ['00000000-0000-4000-8000-000000000000', 'office']) {
      const unknown = await post({ name: 'Calendar', firstResponseSeconds: 60, businessHoursId });
      expect(unknown.status).toBe(400);
      expect(unknown.body.message).toContain('businessHoursId');
    }
    expect((await post({ name: 'Extra', firstResponseSeconds: 60, colour: 'red' })).status).toBe(400);
    expect((await post({ name: 'Twice', firstResponseSeconds: 60 })).status).toBe(201);
    expect((await post({ name: 'Twice', firstResponseSeconds: 120 })).status).toBe(409);
  });

  it('refuses to delete a calendar an SLA policy counts on, or one the published routing policy tests (409)', async () => {
    const { token } = await aTenantWithAdmin();
    const hours = (await londonHours(token)).body;
    const sla = (
      await stack.http.post('/sla-policies', {
        token,
        body: { name: 'Office hours', firstResponseSeconds: 600, businessHoursId: hours.id },
      })
    ).body;

    const inUse = await stack.http.delete(`/business-hours/${hours.id}`, { token });
    expect(inUse.status).toBe(409);
    expect(inUse.body.message).toContain("'Office hours'");

    const document = {
      rules: [
        { name: 'Closed', when: { businessHours: { calendarId: hours.id, open: false } }, then: { priority: 'high' } },
      ],
      fallback: { slaPolicyId: sla.id },
    };
    expect((await stack.http.put('/routing/policy/draft', { token, body: { document } })).status).toBe(200);
    expect((await stack.http.post('/routing/policy/draft/publish', { token, body: {} })).status).toBe(200);

    const slaInPolicy = await stack.http.delete(`/sla-policies/${sla.id}`, { token });
    expect(slaInPolicy.status).toBe(409);
    expect(slaInPolicy.body.message).toContain('fallback.slaPolicyId');
    expect((await stack.http.get(`/sla-policies/${sla.id}`, { token })).status).toBe(200);

    // Moving the SLA policy to wall-clock time frees the calendar from it, but the routing policy still tests it.
    await stack.http.put(`/sla-policies/${sla.id}`, {
      token,
      body: { name: 'Office hours', firstResponseSeconds: 600 },
    });
    const calendarInPolicy = await stack.http.delete(`/business-hours/${hours.id}`, { token });
    expect(calendarInPolicy.status).toBe(409);
    expect(calendarInPolicy.body.message).toContain("rules[0] 'Closed' when.businessHours");

    const withoutThem = { rules: [], fallback: {} };
    await stack.http.put('/routing/policy/draft', { token, body: { document: withoutThem } });
    await stack.http.post('/routing/policy/draft/publish', { token, body: {} });
    expect((await stack.http.delete(`/business-hours/${hours.id}`, { token })).status).toBe(204);
    expect((await stack.http.delete(`/sla-policies/${sla.id}`, { token })).status).toBe(204);
  });

  it("keeps another tenant's calendars and SLA policies out of reach, and lets only admins change them", async () => {
    const { tenant, token } = await aTenantWithAdmin();
    const other = await aTenantWithAdmin();
    const theirHours = (await londonHours(other.token)).body;
    const theirSla = (
      await stack.http.post('/sla-policies', { token: other.token, body: { name: 'Theirs', firstResponseSeconds: 60 } })
    ).body;

    expect((await stack.http.get(`/business-hours/${theirHours.id}`, { token })).status).toBe(404);
    expect((await stack.http.get(`/business-hours/${theirHours.id}/open`, { token })).status).toBe(404);
    expect((await stack.http.delete(`/business-hours/${theirHours.id}`, { token })).status).toBe(404);
    expect(
      (
        await stack.http.put(`/business-hours/${theirHours.id}`, {
          token,
          body: { name: 'Stolen', timeZone: 'UTC', weekly: WEEKDAYS_9_TO_5 },
        })
      ).status,
    ).toBe(404);
    expect((await stack.http.get(`/sla-policies/${theirSla.id}`, { token })).status).toBe(404);
    expect((await stack.http.delete(`/sla-policies/${theirSla.id}`, { token })).status).toBe(404);
    const borrowed = await stack.http.post('/sla-policies', {
      token,
      body: { name: 'Borrowed', firstResponseSeconds: 60, businessHoursId: theirHours.id },
    });
    expect(borrowed.status).toBe(400);
    expect((await stack.http.get('/sla-policies', { token })).body).toEqual([]);

    const agent = await anAgent(stack.dataSource, tenant.id, { role: 'agent' });
    expect((await londonHours(agent.token)).status).toBe(403);
    const agentSla = await stack.http.post('/sla-policies', {
      token: agent.token,
      body: { name: 'Mine', firstResponseSeconds: 60 },
    });
    expect(agentSla.status).toBe(403);
    expect((await stack.http.get('/sla-policies', { token: agent.token })).status).toBe(200);
    expect((await stack.http.get(`/sla-policies/${theirSla.id}`, { token: other.token })).body.name).toBe('Theirs');
  });
});
