import { aTenantWithAdmin, anAgent } from '../support/factories';
import { eventually } from '../support/eventually';
import { aPublishedPolicy, aTeam } from '../support/routing-fixtures';
import { useTestStack } from '../support/test-stack';
import { aVisitor, visitorSays } from '../support/widget-visitor';

/**
 * PUT /teams/:id/members over real HTTP with a worker: a new member frees capacity for the team's queue like an
 * agent coming online does. The periodic rechecks are an hour away, so only the membership change can drain.
 */
describe('team membership and the assignment queue', () => {
  const stack = useTestStack({ env: { QUEUE_RECHECK_SECONDS: '3600' } });

  const conversationRow = async (tenantId: string, id: string) => {
    const [row] = await stack.dataSource.query(
      `SELECT assignee_id, team_id, queued_at FROM conversations WHERE tenant_id = $1 AND id = $2`,
      [tenantId, id],
    );
    return row as { assignee_id: string | null; team_id: string | null; queued_at: Date | null } | undefined;
  };

  const assigneeOf = (tenantId: string, id: string) =>
    eventually(async () => (await conversationRow(tenantId, id))?.assignee_id ?? undefined, {
      what: `conversation ${id} assigned`,
    });

  it('assigns a waiting team conversation to the agent PUT /teams/:id/members adds', async () => {
    const { tenant, token } = await aTenantWithAdmin(stack.dataSource);
    const joiner = await anAgent(stack.dataSource, tenant.id, { capacity: { chat: 5 } });
    const billing = await aTeam(stack.dataSource, tenant.id, { name: 'Billing' });
    await aPublishedPolicy(stack.dataSource, tenant.id, {
      rules: [{ name: 'Refunds to billing', when: { keywords: ['refund'] }, then: { teamId: billing } }],
      fallback: {},
    });

    const waiting = await visitorSays(
      stack.http,
      await aVisitor(stack.http, tenant.widgetKey),
      'I want to talk to a person about a refund please',
    );
    await eventually(async () => ((await conversationRow(tenant.id, waiting))?.queued_at ? true : undefined), {
      what: 'the refund conversation queued for the team',
    });
    // A later conversation for the tenant-wide queue is assigned by a drain that also saw the team's empty pool.
    const control = await visitorSays(stack.http, await aVisitor(stack.http, tenant.widgetKey), 'A human please');
    await assigneeOf(tenant.id, control);
    expect(await conversationRow(tenant.id, waiting)).toMatchObject({ team_id: billing, assignee_id: null });

    const joined = await stack.http.put(`/teams/${billing}/members`, { token, body: { agentIds: [joiner.agent.id] } });
    expect(joined.status).toBe(200);
    expect(joined.body.memberIds).toEqual([joiner.agent.id]);
    expect(await assigneeOf(tenant.id, waiting)).toBe(joiner.agent.id);
  });
});
