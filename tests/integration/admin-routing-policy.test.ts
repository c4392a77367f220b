import type { RoutingFacts } from '../../core/routing/routing-policy.types';
import { aConversation, aCustomer, anAgent } from '../support/factories';
import { useAdminStack } from '../support/admin-stack';
import { someFacts } from '../unit/routing/routing.fixtures';

interface Problem {
  ruleIndex: number | null;
  field: string;
  message: string;
}

describe('routing policy admin routes', () => {
  const { stack, aTenantWithAdmin } = useAdminStack();

  /** A tenant with an admin, teams Billing and Tech, and topic categories billing and technical. */
  async function aRoutingTenant() {
    const { tenant, admin, token } = await aTenantWithAdmin();
    const billing = (await stack.http.post('/teams', { token, body: { name: 'Billing' } })).body;
    const tech = (await stack.http.post('/teams', { token, body: { name: 'Tech' } })).body;
    await stack.dataSource.query(
      `INSERT INTO topic_categories (tenant_id, name) VALUES ($1, 'billing'), ($1, 'technical')`,
      [tenant.id],
    );
    return { tenant, admin, token, billing, tech };
  }

  const billingTo = (teamId: string, then: Record<string, unknown> = {}) => ({
    rules: [{ name: 'Billing', when: { topics: ['billing'] }, then: { teamId, ...then } }],
    fallback: {},
  });

  const saveDraft = (token: string, document: unknown, note?: string) =>
    stack.http.put('/routing/policy/draft', { token, body: note === undefined ? { document } : { document, note } });
  const publish = (token: string, note?: string) =>
    stack.http.post('/routing/policy/draft/publish', { token, body: note === undefined ? {} : { note } });

  it('saves, validates and publishes drafts, rolls back with a new version, and audits every step', async () => {
    const { tenant, admin, token, billing, tech } = await aRoutingTenant();
    const colleague = await anAgent(stack.dataSource, tenant.id, { role: 'admin', name: 'Second Admin' });
    expect((await stack.http.get('/routing/policy', { token })).body).toEqual({ published: null, draft: null });

    const v1 = billingTo(billing.id);
    const draft1 = await saveDraft(token, v1, 'first cut');
    expect(draft1.status).toBe(200);
    expect(draft1.body).toMatchObject({ version: 1, note: 'first cut', basedOnVersion: null });
    expect(draft1.body.updatedBy).toEqual({ id: admin.agent.id, name: admin.agent.name });
    expect((await stack.http.post('/routing/policy/draft/validate', { token })).body).toEqual({
      valid: true,
      problems: [],
    });

    const published1 = await publish(token);
    expect(published1.status).toBe(200);
    expect(published1.body).toMatchObject({ version: 1, note: 'first cut', rolledBackFrom: null });
    expect(published1.body.document).toEqual({
      rules: [{ name: 'Billing', enabled: true, when: { topics: ['billing'] }, then: { teamId: billing.id } }],
      fallback: {},
    });
    expect((await stack.http.get('/routing/policy', { token })).body).toMatchObject({
      published: { version: 1 },
      draft: null,
    });

    // The colleague edits and publishes version 2.
    const v2 = { ...billingTo(tech.id, { priority: 'high' }), fallback: { teamId: billing.id } };
    const draft2 = await saveDraft(colleague.token, v2);
    expect(draft2.body).toMatchObject({ version: 2, basedOnVersion: 1, note: null });
    const published2 = await publish(colleague.token, 'billing to tech');
    expect(published2.body).toMatchObject({
      version: 2,
      note: 'billing to tech',
      publishedBy: { id: colleague.agent.id, name: 'Second Admin' },
    });

    const rolledBack = await stack.http.post('/routing/policy/rollback', { token, body: { version: 1 } });
    expect(rolledBack.status).toBe(200);
    expect(rolledBack.body).toMatchObject({ version: 3, rolledBackFrom: 1, note: 'Rollback to version 1' });
    expect(rolledBack.body.document).toEqual(published1.body.document);

    const again = await stack.http.post('/routing/policy/rollback', { token, body: { version: 1 } });
    expect(again.status).toBe(409);
    expect(again.body.message).toContain('already the published policy (version 3)');
    expect((await stack.http.post('/routing/policy/rollback', { token, body: { version: 3 } })).status).toBe(409);
    expect((await stack.http.post('/routing/policy/rollback', { token, body: { version: 99 } })).status).toBe(404);

    const versions = await stack.http.get('/routing/policy/versions', { token });
    expect(versions.body.map((v: { version: number; status: string }) => [v.version, v.status])).toEqual([
      [3, 'published'],
      [2, 'retired'],
      [1, 'retired'],
    ]);
    expect(versions.body[0]).not.toHaveProperty('document');
    expect(versions.body[1].publishedBy).toEqual({ id: colleague.agent.id, name: 'Second Admin' });
    const page = await stack.http.get('/routing/policy/versions?limit=2', { token });
    expect(page.body.map((v: { version: number }) => v.version)).toEqual([3, 2]);
    const next = await stack.http.get('/routing/policy/versions?limit=2&before=2', { token });
    expect(next.body.map((v: { version: number }) => v.version)).toEqual([1]);
    const version2 = await stack.http.get('/routing/policy/versions/2', { token });
    expect(version2.body).toMatchObject({ version: 2, status: 'retired', basedOnVersion: 1 });
    expect(version2.body.document.fallback).toEqual({ teamId: billing.id });

    const audit = await stack.http.get('/routing/policy/audit', { token });
    expect(audit.status).toBe(200);
    const trail = audit.body.map((entry: { version: number; action: string; actorName: string }) => [
      entry.version,
      entry.action,
      entry.actorName,
    ]);
    expect(trail).toEqual([
      [3, 'rolled_back', admin.agent.name],
      [2, 'published', 'Second Admin'],
      [2, 'draft_saved', 'Second Admin'],
      [1, 'published', admin.agent.name],
      [1, 'draft_saved', admin.agent.name],
    ]);
    expect(audit.body[0]).toMatchObject({
      actorAgentId: admin.agent.id,
      details: { rolledBackFrom: 1, previousVersion: 2, draftRenumbered: null },
    });
    expect(new Date(audit.body[0].createdAt).getTime()).toBeGreaterThanOrEqual(
      new Date(audit.body[4].createdAt).getTime(),
    );
    expect((await stack.http.get('/routing/policy/audit?limit=1', { token })).body).toHaveLength(1);
  });

  it('keeps a draft in progress through a rollback, renumbered after the new version', async () => {
    const { token, billing, tech } = await aRoutingTenant();
    await saveDraft(token, billingTo(billing.id));
    await publish(token);
    await saveDraft(token, billingTo(tech.id));
    await publish(token);
    const wip = billingTo(tech.id, { priority: 'urgent' });
    expect((await saveDraft(token, wip, 'work in progress')).body.version).toBe(3);

    const rolledBack = await stack.http.post('/routing/policy/rollback', { token, body: { version: 1, note: 'oops' } });
    expect(rolledBack.body).toMatchObject({ version: 4, rolledBackFrom: 1, note: 'oops' });
    const state = (await stack.http.get('/routing/policy', { token })).body;
    expect(state.published.version).toBe(4);
    expect(state.draft).toMatchObject({ version: 5, note: 'work in progress', basedOnVersion: 2 });
    expect(state.draft.document.rules[0].then).toEqual({ teamId: tech.id, priority: 'urgent' });
    const [entry] = (await stack.http.get('/routing/policy/audit', { token })).body;
    expect(entry.details.draftRenumbered).toEqual({ from: 3, to: 5 });

    // Saving again keeps the draft's number and note; publishing makes it the newest version.
    expect((await saveDraft(token, billingTo(tech.id))).body).toMatchObject({ version: 5, note: 'work in progress' });
    expect((await publish(token)).body.version).toBe(5);
  });

  it('discards a draft; a draft number is never reused; publishing without a draft is 409', async () => {
    const { token, billing } = await aRoutingTenant();
    await saveDraft(token, billingTo(billing.id));
    expect((await stack.http.delete('/routing/policy/draft', { token })).status).toBe(204);
    expect((await stack.http.delete('/routing/policy/draft', { token })).status).toBe(404);
    expect((await stack.http.post('/routing/policy/draft/validate', { token })).status).toBe(404);
    const nothing = await publish(token);
    expect(nothing.status).toBe(409);
    expect(nothing.body.message).toContain('no routing policy draft');

    expect((await saveDraft(token, billingTo(billing.id))).body.version).toBe(2);
    const audit = (await stack.http.get('/routing/policy/audit', { token })).body;
    expect(audit.map((entry: { version: number; action: string }) => [entry.version, entry.action])).toEqual([
      [2, 'draft_saved'],
      [1, 'draft_discarded'],
      [1, 'draft_saved'],
    ]);
  });

  it('rejects invalid policies with 400 naming the rule index and field', async () => {
    const { token, billing } = await aRoutingTenant();
    const unknownTeam = '00000000-0000-4000-8000-000000001234';
    const cases: { rule: Record<string, unknown>; field: string; message: string }[] = [
      { rule: { name: 'R', when: {}, then: { teamId: unknownTeam } }, field: 'then.teamId', message: unknownTeam },
      { rule: { name: 'R', when: {}, then: { priority: 'critical' } }, field: 'then.priority', message: 'critical' },
      {
        rule: { name: 'R', when: { channels: ['fax'] }, then: { priority: 'high' } },
        field: 'when.channels[0]',
        message: 'fax',
      },
      {
        rule: { name: 'R', when: { topic: 'billing' }, then: { priority: 'high' } },
        field: 'when.topic',
        message: 'topics',
      },
      {
        rule: { name: 'R', when: { topics: ['billing'], minTopicConfidence: 1.5 }, then: { priority: 'high' } },
        field: 'when.minTopicConfidence',
        message: '',
      },
      {
        rule: { name: 'R', when: { topics: ['shipping'] }, then: { priority: 'high' } },
        field: 'when.topics[0]',
        message: 'shipping',
      },
    ];
    for (const { rule, field, message } of cases) {
      const document = {
        rules: [
          { name: 'Fine', when: { topics: ['billing'] }, then: { teamId: billing.id } },
          { name: 'Also fine', when: { channels: ['email'] }, then: { priority: 'low' } },
          rule,
        ],
        fallback: {},
      };
      const response = await saveDraft(token, document);
      expect(response.status).toBe(400);
      expect(response.body.message).toContain(`rules[2].${field}: `);
      expect(response.body.message).toContain(message);
      expect(response.body.details.problems).toEqual([expect.objectContaining({ ruleIndex: 2, field })]);

      const validated = await stack.http.post('/routing/policy/validate', { token, body: { document } });
      expect(validated.status).toBe(200);
      expect(validated.body.valid).toBe(false);
      expect(validated.body.problems.map((problem: Problem) => problem.ruleIndex)).toEqual([2]);
    }
    expect((await stack.http.get('/routing/policy', { token })).body.draft).toBeNull();

    const several = await stack.http.post('/routing/policy/validate', {
      token,
      body: {
        document: {
          rules: [{ name: 'A', when: { sentiments: ['grumpy'] }, then: {} }],
          fallback: { slaPolicyId: unknownTeam },
          extra: true,
        },
      },
    });
    const fields = several.body.problems.map((problem: Problem) => [problem.ruleIndex, problem.field]);
    expect(fields).toEqual(
      expect.arrayContaining([
        [0, 'when.sentiments[0]'],
        [0, 'then'],
        [null, 'fallback.slaPolicyId'],
        [null, 'extra'],
      ]),
    );

    for (const body of [{}, { document: [] }, { document: 'rules' }, { document: { rules: [] }, colour: 'red' }]) {
      const response = await stack.http.put('/routing/policy/draft', { token, body });
      expect(response.status).toBe(400);
    }
    const noFallback = await saveDraft(token, { rules: [] });
    expect(noFallback.status).toBe(400);
    expect(noFallback.body.message).toContain('fallback');
    expect((await stack.http.get('/routing/policy/versions/abc', { token })).status).toBe(400);
    expect((await stack.http.get('/routing/policy/versions/0', { token })).status).toBe(400);
    expect((await stack.http.get('/routing/policy/versions/7', { token })).status).toBe(404);
    expect((await stack.http.get('/routing/policy/versions?limit=1000', { token })).status).toBe(400);
    expect((await stack.http.post('/routing/policy/rollback', { token, body: { version: 'one' } })).status).toBe(400);
  });

  it('re-checks references when publishing and rolling back: a team deleted since is a 400', async () => {
    const { token, billing, tech } = await aRoutingTenant();
    await saveDraft(token, billingTo(tech.id));
    await publish(token);

    // The published policy routes to Tech, so Tech cannot be deleted.
    const inUse = await stack.http.delete(`/teams/${tech.id}`, { token });
    expect(inUse.status).toBe(409);
    expect(inUse.body.message).toContain("rules[0] 'Billing' then.teamId");

    await saveDraft(token, billingTo(billing.id));
    expect((await stack.http.delete(`/teams/${billing.id}`, { token })).status).toBe(204);
    const stale = await publish(token);
    expect(stale.status).toBe(400);
    expect(stale.body.message).toContain(`rules[0].then.teamId: Unknown team '${billing.id}'`);
    expect((await stack.http.post('/routing/policy/draft/validate', { token })).body.valid).toBe(false);

    await saveDraft(token, { rules: [], fallback: {} });
    expect((await publish(token)).body.version).toBe(2);
    expect((await stack.http.delete(`/teams/${tech.id}`, { token })).status).toBe(204);
    const rollback = await stack.http.post('/routing/policy/rollback', { token, body: { version: 1 } });
    expect(rollback.status).toBe(400);
    expect(rollback.body.message).toContain('Version 1 cannot be restored: rules[0].then.teamId');
    expect((await stack.http.get('/routing/policy', { token })).body.published.version).toBe(2);
  });

  it("lets agents read the policy but not change it, and keeps each tenant's policy its own", async () => {
    const { tenant, token, billing } = await aRoutingTenant();
    await saveDraft(token, billingTo(billing.id));
    await publish(token);
    await saveDraft(token, billingTo(billing.id, { priority: 'high' }));

    const agent = await anAgent(stack.dataSource, tenant.id, { role: 'agent' });
    const seen = await stack.http.get('/routing/policy', { token: agent.token });
    expect(seen.status).toBe(200);
    expect(seen.body.published.version).toBe(1);
    expect((await stack.http.get('/routing/policy/versions/1', { token: agent.token })).status).toBe(200);
    const forbidden = [
      stack.http.put('/routing/policy/draft', { token: agent.token, body: { document: billingTo(billing.id) } }),
      stack.http.post('/routing/policy/draft/publish', { token: agent.token, body: {} }),
      stack.http.delete('/routing/policy/draft', { token: agent.token }),
      stack.http.post('/routing/policy/rollback', { token: agent.token, body: { version: 1 } }),
      stack.http.post('/routing/policy/validate', { token: agent.token, body: { document: {} } }),
      stack.http.post('/routing/policy/dry-run', { token: agent.token, body: {} }),
      stack.http.get('/routing/policy/audit', { token: agent.token }),
    ];
    for (const response of await Promise.all(forbidden)) {
      expect(response.status).toBe(403);
    }
    expect((await stack.http.get('/routing/policy', { token })).body.draft.version).toBe(2);

    const other = await aTenantWithAdmin();
    expect((await stack.http.get('/routing/policy', { token: other.token })).body).toEqual({
      published: null,
      draft: null,
    });
    expect((await stack.http.get('/routing/policy/versions/1', { token: other.token })).status).toBe(404);
    expect((await stack.http.get('/routing/policy/audit', { token: other.token })).body).toEqual([]);
    expect((await stack.http.delete('/routing/policy/draft', { token: other.token })).status).toBe(404);
    const borrowed = await saveDraft(other.token, {
      rules: [{ name: 'Theirs', when: {}, then: { teamId: billing.id } }],
      fallback: {},
    });
    expect(borrowed.status).toBe(400);
    expect(borrowed.body.message).toContain('rules[0].then.teamId');
    expect((await stack.http.get('/routing/policy', { token })).body.draft.version).toBe(2);
  });

  describe('dry run', () => {
    async function aRoutedConversation(tenantId: string, routedAt: string, facts: Partial<RoutingFacts>) {
      const customer = await aCustomer(stack.dataSource, tenantId);
      const conversation = await aConversation(stack.dataSource, tenantId, customer.id);
      await stack.dataSource.query(
        `UPDATE conversations SET routing_facts = $3::jsonb, routed_at = $4 WHERE tenant_id = $1 AND id = $2`,
        [tenantId, conversation.id, JSON.stringify(someFacts({ ...facts, at: routedAt })), routedAt],
      );
      return conversation.id;
    }

    /** Published: billing → Billing. Draft adds technical → Tech and 'refund' → Billing at high priority. */
    async function aTenantWithTraffic() {
      const routing = await aRoutingTenant();
      const { tenant, token, billing, tech } = routing;
      await saveDraft(token, billingTo(billing.id));
      await publish(token);
      await saveDraft(token, {
        rules: [
          { name: 'Billing', when: { topics: ['billing'] }, then: { teamId: billing.id } },
          { name: 'Technical', when: { topics: ['technical'], minTopicConfidence: 0.5 }, then: { teamId: tech.id } },
          { name: 'Refunds', when: { keywords: ['refund'] }, then: { teamId: billing.id, priority: 'high' } },
        ],
        fallback: {},
      });
      const ids = {
        billing: await aRoutedConversation(tenant.id, '2026-03-02T10:00:00Z', {
          topic: 'billing',
          topicConfidence: 0.9,
        }),
        tech1: await aRoutedConversation(tenant.id, '2026-03-02T11:00:00Z', {
          topic: 'technical',
          topicConfidence: 0.8,
        }),
        tech2: await aRoutedConversation(tenant.id, '2026-03-02T12:00:00Z', {
          topic: 'technical',
          topicConfidence: 0.7,
        }),
        refund: await aRoutedConversation(tenant.id, '2026-03-02T13:00:00Z', { text: 'I want a REFUND please' }),
        // Unsure topic: the Technical rule needs confidence 0.5.
        unsure: await aRoutedConversation(tenant.id, '2026-03-02T14:00:00Z', {
          topic: 'technical',
          topicConfidence: 0.2,
        }),
      };
      // Never routed: not part of any dry run.
      const customer = await aCustomer(stack.dataSource, tenant.id);
      await aConversation(stack.dataSource, tenant.id, customer.id);
      return { ...routing, ids };
    }

    const dryRun = (token: string, body: Record<string, unknown> = {}) =>
      stack.http.post('/routing/policy/dry-run', { token, body });

    it('compares the saved draft with the published policy over the last routed conversations', async () => {
      const { token, billing, tech, ids } = await aTenantWithTraffic();
      // Another tenant's traffic never shows up.
      const other = await aRoutingTenant();
      await aRoutedConversation(other.tenant.id, '2026-03-02T12:30:00Z', { topic: 'technical', topicConfidence: 0.9 });

      const report = await dryRun(token);
      expect(report.status).toBe(200);
      expect(report.body).toMatchObject({
        sample: { mode: 'last', last: 200, from: null, to: null, truncated: false },
        policies: { draftVersion: 2, currentVersion: 1 },
        evaluated: 5,
        changed: 3,
        unchanged: 2,
        changesTruncated: false,
      });
      const toTech = {
        from: {
          rule: 'fallback',
          teamId: null,
          teamName: null,
          priority: 'normal',
          slaPolicyId: null,
          slaPolicyName: null,
        },
        to: {
          rule: 'Technical',
          teamId: tech.id,
          teamName: 'Tech',
          priority: 'normal',
          slaPolicyId: null,
          slaPolicyName: null,
        },
        count: 2,
      };
      const toRefunds = {
        from: expect.objectContaining({ rule: 'fallback', teamId: null, priority: 'normal' }),
        to: expect.objectContaining({ rule: 'Refunds', teamId: billing.id, teamName: 'Billing', priority: 'high' }),
        count: 1,
        sampleConversationIds: [ids.refund],
      };
      expect(report.body.transitions).toEqual([expect.objectContaining(toTech), expect.objectContaining(toRefunds)]);
      expect([...report.body.transitions[0].sampleConversationIds].sort()).toEqual([ids.tech1, ids.tech2].sort());
      expect(
        report.body.ruleHits.draft.map((hit: { ruleName: string; count: number }) => [hit.ruleName, hit.count]),
      ).toEqual([
        ['Billing', 1],
        ['Technical', 2],
        ['Refunds', 1],
        ['fallback', 1],
      ]);
      expect(report.body.ruleHits.current.map((hit: { count: number }) => hit.count)).toEqual([1, 4]);
      const refund = report.body.changes.find(
        (change: { conversationId: string }) => change.conversationId === ids.refund,
      );
      expect(refund.differences).toEqual(['team', 'priority']);

      const lastTwo = await dryRun(token, { last: 2 });
      expect(lastTwo.body).toMatchObject({ sample: { mode: 'last', last: 2 }, evaluated: 2, changed: 1 });
      expect(lastTwo.body.changes.map((change: { conversationId: string }) => change.conversationId)).toEqual([
        ids.refund,
      ]);
    });

    it('samples a date range, or replays a document sent in the body without saving it', async () => {
      const { token, tech, ids } = await aTenantWithTraffic();
      const range = await dryRun(token, { from: '2026-03-02T10:30:00Z', to: '2026-03-02T12:00:00+00:00' });
      expect(range.status).toBe(200);
      expect(range.body).toMatchObject({
        sample: { mode: 'range', last: null, from: '2026-03-02T10:30:00.000Z', to: '2026-03-02T12:00:00.000Z' },
        evaluated: 1,
        changed: 1,
      });
      expect(range.body.changes[0].conversationId).toBe(ids.tech1);
      expect((await dryRun(token, { from: '2026-03-02T11:30:00Z' })).body).toMatchObject({ evaluated: 3, changed: 2 });
      expect((await dryRun(token, { to: '2026-03-01T00:00:00Z' })).body).toMatchObject({ evaluated: 0, changed: 0 });

      const everythingToTech = { rules: [], fallback: { teamId: tech.id } };
      const adhoc = await dryRun(token, { document: everythingToTech });
      expect(adhoc.body).toMatchObject({
        policies: { draftVersion: null, currentVersion: 1 },
        evaluated: 5,
        changed: 5,
      });
      expect((await stack.http.get('/routing/policy', { token })).body.draft.version).toBe(2);
    });

    it('rejects bad dry-run requests', async () => {
      const { token } = await aTenantWithTraffic();
      const both = await dryRun(token, { last: 10, from: '2026-03-02T10:30:00Z' });
      expect(both.status).toBe(400);
      expect(both.body.message).toContain('either last or from/to');
      expect((await dryRun(token, { from: '2026-03-03T00:00:00Z', to: '2026-03-02T00:00:00Z' })).status).toBe(400);
      for (const last of [0, 5001, 2.5, '10']) {
        expect((await dryRun(token, { last })).status).toBe(400);
      }
      expect((await dryRun(token, { from: 'last tuesday' })).status).toBe(400);
      expect((await dryRun(token, { from: '2026-03-02T10:30:00' })).status).toBe(400);
      const invalid = await dryRun(token, { document: { rules: [{ name: 'X', when: { topic: 'x' }, then: {} }] } });
      expect(invalid.status).toBe(400);
      expect(invalid.body.message).toContain('rules[0].');

      await stack.http.delete('/routing/policy/draft', { token });
      const nothing = await dryRun(token);
      expect(nothing.status).toBe(409);
      expect(nothing.body.message).toContain('Nothing to dry-run');
    });
  });
});
