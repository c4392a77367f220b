import { conversationWorkflowId } from '../../workflows/conversation.definitions';
import { aTenant, anAgent } from '../support/factories';
import { recordHistory } from '../support/histories';
import { eventually } from '../support/eventually';
import { aPublishedPolicy, aTeam, anSlaPolicy, eventsOf, someTopics } from '../support/routing-fixtures';
import { useTestStack } from '../support/test-stack';
import { aVisitor, visitorSays, type TestVisitor } from '../support/widget-visitor';

/**
 * Routing and workload through the real path: widget HTTP → conversation workflow → triage and routing activities →
 * the assignment queue in PostgreSQL → agents' REST actions. Timers are seconds, set through the environment.
 */
describe('routing, assignment strategies and SLA timers in the conversation workflow', () => {
  const stack = useTestStack({ env: { FIRST_RESPONSE_TARGET_SECONDS: '3600', QUEUE_RECHECK_SECONDS: '3600' } });

  const say = (visitor: TestVisitor, body: string) => visitorSays(stack.http, visitor, body);

  const conversationRow = async (tenantId: string, id: string) => {
    const [row] = await stack.dataSource.query(
      `SELECT status, assignee_id, team_id, priority, topic_tags, routing_policy_version, routing_rule, sentiment,
              triaged_at, sla_policy_id, first_response_due_at, required_skills, optional_skills
       FROM conversations WHERE tenant_id = $1 AND id = $2`,
      [tenantId, id],
    );
    return row;
  };

  const assigneeOf = (tenantId: string, id: string, expected?: string) =>
    eventually(
      async () => {
        const row = await conversationRow(tenantId, id);
        return row?.assignee_id && (!expected || row.assignee_id === expected)
          ? (row.assignee_id as string)
          : undefined;
      },
      { what: `conversation ${id} assigned${expected ? ` to ${expected}` : ''}` },
    );

  it('routes by the published policy to a team, assigns round robin inside it, and logs version, rule and candidates', async () => {
    const tenant = await aTenant(stack.dataSource);
    const [first, second] = await Promise.all([
      anAgent(stack.dataSource, tenant.id),
      anAgent(stack.dataSource, tenant.id),
    ]);
    const outsider = await anAgent(stack.dataSource, tenant.id, { capacity: { chat: 10 } });
    const billing = await aTeam(stack.dataSource, tenant.id, {
      name: 'Billing',
      strategy: 'round_robin',
      memberIds: [first.agent.id, second.agent.id],
    });
    const sla = await anSlaPolicy(stack.dataSource, tenant.id, {
      firstResponseSeconds: 3600,
      resolutionSeconds: 86400,
    });
    const version = await aPublishedPolicy(stack.dataSource, tenant.id, {
      rules: [
        {
          name: 'Refunds to billing',
          when: { keywords: ['refund'] },
          then: { teamId: billing, priority: 'high', addTags: ['refund'], slaPolicyId: sla },
        },
      ],
      fallback: {},
    });

    const conversations: string[] = [];
    for (let i = 0; i < 4; i++) {
      const visitor = await aVisitor(stack.http, tenant.widgetKey);
      const id = await say(visitor, 'I want to talk to a person about a refund please');
      conversations.push(id);
      await assigneeOf(tenant.id, id);
    }
    const rows = await Promise.all(conversations.map((id) => conversationRow(tenant.id, id)));
    for (const row of rows) {
      expect(row).toMatchObject({
        team_id: billing,
        priority: 'high',
        routing_policy_version: version,
        routing_rule: 'Refunds to billing',
        sla_policy_id: sla,
      });
      expect(row.topic_tags).toContain('refund');
      expect(row.triaged_at).not.toBeNull();
      expect(row.first_response_due_at).not.toBeNull();
      expect([first.agent.id, second.agent.id]).toContain(row.assignee_id);
    }
    // Rotation: the two members alternate, the outsider (not in the team) never gets one.
    const holders = rows.map((row) => row.assignee_id);
    expect(holders.filter((id) => id === first.agent.id)).toHaveLength(2);
    expect(holders.filter((id) => id === second.agent.id)).toHaveLength(2);
    expect(holders).not.toContain(outsider.agent.id);

    const [routed] = await eventsOf(stack.dataSource, tenant.id, conversations[0], 'routed');
    expect(routed.data).toMatchObject({ policyVersion: version, rule: 'Refunds to billing', ruleIndex: 0 });
    const [assigned] = await eventsOf(stack.dataSource, tenant.id, conversations[0], 'assigned');
    expect(assigned.data).toMatchObject({ policy: 'round_robin', teamId: billing });
    expect(String(assigned.data.reason)).toMatch(/round robin/i);
    const candidateIds = (assigned.data.candidates as { agentId: string }[]).map((c) => c.agentId);
    expect(candidateIds).not.toContain(outsider.agent.id);
  });

  it('raises priority and notifies when the SLA first-response target lapses, then drains when an agent comes online', async () => {
    const tenant = await aTenant(stack.dataSource);
    const agent = await anAgent(stack.dataSource, tenant.id, { status: 'offline' });
    const sla = await anSlaPolicy(stack.dataSource, tenant.id, {
      firstResponseSeconds: 1,
      breachActions: { raisePriority: true, notify: true },
    });
    await aPublishedPolicy(stack.dataSource, tenant.id, { rules: [], fallback: { slaPolicyId: sla } });
    const visitor = await aVisitor(stack.http, tenant.widgetKey);
    const id = await say(visitor, 'Please connect me to a human agent');

    const [breach] = await eventually(async () => {
      const events = await eventsOf(stack.dataSource, tenant.id, id, 'sla_breached');
      return events.length > 0 ? events : undefined;
    });
    expect(breach.data).toMatchObject({ target: 'first_response', notify: true, priority: 'high' });
    expect(await conversationRow(tenant.id, id)).toMatchObject({ priority: 'high', assignee_id: null });

    const online = await stack.http.patch('/agents/me/status', { token: agent.token, body: { status: 'online' } });
    expect(online.status).toBe(200);
    expect(await assigneeOf(tenant.id, id)).toBe(agent.agent.id);
    await recordHistory(stack.temporal, conversationWorkflowId(tenant.id, id), 'routed-sla-breach-then-assigned');
  });

  it('reassigns to someone else when the SLA policy says so and the assignee lets the first response lapse', async () => {
    const tenant = await aTenant(stack.dataSource);
    const slow = await anAgent(stack.dataSource, tenant.id);
    // No room for chat yet, so the first assignment must go to `slow`.
    const colleague = await anAgent(stack.dataSource, tenant.id, { capacity: { chat: 0 } });
    const sla = await anSlaPolicy(stack.dataSource, tenant.id, {
      firstResponseSeconds: 1,
      breachActions: { raisePriority: false, reassign: true, notify: true },
    });
    await aPublishedPolicy(stack.dataSource, tenant.id, { rules: [], fallback: { slaPolicyId: sla } });
    const visitor = await aVisitor(stack.http, tenant.widgetKey);
    const id = await say(visitor, 'Please put me through to a person');
    expect(await assigneeOf(tenant.id, id)).toBe(slow.agent.id);
    // Through the API: raising capacity also wakes the queue, so the order of this and the breach does not matter.
    const raised = await stack.http.patch('/agents/me/capacity', { token: colleague.token, body: { chat: 3 } });
    expect(raised.status).toBe(200);

    expect(await assigneeOf(tenant.id, id, colleague.agent.id)).toBe(colleague.agent.id);
    const [breach] = await eventsOf(stack.dataSource, tenant.id, id, 'sla_breached');
    expect(breach.data).toMatchObject({ target: 'first_response', agentId: slow.agent.id, requeued: true });
    expect(await conversationRow(tenant.id, id)).toMatchObject({ priority: 'normal' });
    const [{ excluded }] = await stack.dataSource.query(
      `SELECT excluded_agent_ids AS excluded FROM conversations WHERE tenant_id = $1 AND id = $2`,
      [tenant.id, id],
    );
    expect(excluded).toContain(slow.agent.id);
  });

  it('waits for an agent with the optional skills, then relaxes them after the team’s configured wait', async () => {
    const tenant = await aTenant(stack.dataSource);
    const generalist = await anAgent(stack.dataSource, tenant.id, { skills: ['english'] });
    const team = await aTeam(stack.dataSource, tenant.id, {
      strategy: 'skill',
      skillRelaxAfterSeconds: 2,
      memberIds: [generalist.agent.id],
    });
    await aPublishedPolicy(stack.dataSource, tenant.id, {
      rules: [
        {
          name: 'VIP',
          when: { keywords: ['premium'] },
          then: { teamId: team, requiredSkills: ['english'], optionalSkills: ['vip'] },
        },
      ],
      fallback: {},
    });
    const visitor = await aVisitor(stack.http, tenant.widgetKey);
    const id = await say(visitor, 'I am a premium customer and want a human');
    await eventually(async () =>
      (await eventsOf(stack.dataSource, tenant.id, id, 'routed')).length ? true : undefined,
    );
    expect(await assigneeOf(tenant.id, id)).toBe(generalist.agent.id);
    const [assigned] = await eventsOf(stack.dataSource, tenant.id, id, 'assigned');
    const [routed] = await eventsOf(stack.dataSource, tenant.id, id, 'routed');
    expect(routed.data).toMatchObject({ rule: 'VIP' });
    expect(assigned.data).toMatchObject({ policy: 'skill' });
    // The assignment came only after the relaxation moment: two seconds after the conversation joined the queue
    // (the escalation, which queued it, is logged in the same transaction).
    const [{ relaxed }] = await stack.dataSource.query(
      `SELECT (SELECT created_at FROM assignments WHERE tenant_id = $1 AND conversation_id = $2) >=
              (SELECT created_at FROM conversation_events
               WHERE tenant_id = $1 AND conversation_id = $2 AND type = 'escalated') + interval '2 seconds' AS relaxed`,
      [tenant.id, id],
    );
    expect(relaxed).toBe(true);
  });

  it('returns an away agent’s conversation to the queue when the customer writes again', async () => {
    const tenant = await aTenant(stack.dataSource);
    const away = await anAgent(stack.dataSource, tenant.id);
    const visitor = await aVisitor(stack.http, tenant.widgetKey);
    const id = await say(visitor, 'I need a human please');
    expect(await assigneeOf(tenant.id, id)).toBe(away.agent.id);

    expect((await stack.http.patch('/agents/me/status', { token: away.token, body: { status: 'away' } })).status).toBe(
      200,
    );
    const colleague = await anAgent(stack.dataSource, tenant.id);
    await say(visitor, 'Hello? Is anyone there?');
    expect(await assigneeOf(tenant.id, id, colleague.agent.id)).toBe(colleague.agent.id);
    const [unassigned] = await eventsOf(stack.dataSource, tenant.id, id, 'unassigned');
    expect(String(unassigned.data.reason)).toMatch(/away/);
    await recordHistory(stack.temporal, conversationWorkflowId(tenant.id, id), 'away-assignee-requeued');
  });

  it('frees capacity when an agent marks a conversation pending, and drains the queue into it', async () => {
    const tenant = await aTenant(stack.dataSource);
    const agent = await anAgent(stack.dataSource, tenant.id, { capacity: { chat: 1 } });
    const first = await say(await aVisitor(stack.http, tenant.widgetKey), 'A human please');
    expect(await assigneeOf(tenant.id, first)).toBe(agent.agent.id);
    const second = await say(await aVisitor(stack.http, tenant.widgetKey), 'A human please, it is about my order');
    await eventually(async () => ((await conversationRow(tenant.id, second)).status === 'open' ? true : undefined));
    expect((await conversationRow(tenant.id, second)).assignee_id).toBeNull();

    const pending = await stack.http.post(`/inbox/conversations/${first}/pending`, { token: agent.token });
    expect(pending.status).toBe(200);
    expect(await assigneeOf(tenant.id, second)).toBe(agent.agent.id);
    expect((await conversationRow(tenant.id, first)).status).toBe('pending');
    await recordHistory(stack.temporal, conversationWorkflowId(tenant.id, first), 'pending-frees-capacity');
  });

  it('classifies the topic with the tenant’s trained model and routes on it', async () => {
    const tenant = await aTenant(stack.dataSource);
    const billingAgent = await anAgent(stack.dataSource, tenant.id);
    await anAgent(stack.dataSource, tenant.id, { status: 'offline' });
    const billing = await aTeam(stack.dataSource, tenant.id, { memberIds: [billingAgent.agent.id] });
    await someTopics(stack.dataSource, tenant.id, {
      billing: ['I was charged twice', 'refund my payment', 'my invoice is wrong', 'update my credit card'],
      shipping: ['where is my parcel', 'my order has not arrived', 'tracking number is broken', 'delivery is late'],
    });
    await aPublishedPolicy(stack.dataSource, tenant.id, {
      rules: [{ name: 'Billing', when: { topics: ['billing'], minTopicConfidence: 0.3 }, then: { teamId: billing } }],
      fallback: {},
    });
    const visitor = await aVisitor(stack.http, tenant.widgetKey);
    const id = await say(visitor, 'I need a human, my card was charged twice for one invoice');
    expect(await assigneeOf(tenant.id, id)).toBe(billingAgent.agent.id);
    const [row] = await stack.dataSource.query(
      `SELECT topic, topic_engine, sentiment, team_id, routing_rule FROM conversations WHERE tenant_id = $1 AND id = $2`,
      [tenant.id, id],
    );
    expect(row).toMatchObject({ topic: 'billing', topic_engine: 'offline', team_id: billing, routing_rule: 'Billing' });
    const [triaged] = await eventsOf(stack.dataSource, tenant.id, id, 'triaged');
    expect(triaged.data).toMatchObject({ topic: 'billing', modelVersion: 1 });
  });
});
