import type { DataSource } from 'typeorm';
import type { ConversationStatus } from '../../core/conversations/conversation-status';
import { topicTrainingWorkflowId } from '../../workflows/topic-training.definitions';
import { eventually } from '../support/eventually';
import { aConversation, aCustomer, anAgent, aTenant } from '../support/factories';
import { aTeam, anSlaPolicy, eventsOf } from '../support/routing-fixtures';
import { useTestStack } from '../support/test-stack';
import { aVisitor, visitorSays, type TestVisitor } from '../support/widget-visitor';

interface Triage {
  status?: ConversationStatus;
  topic?: string | null;
  topicConfidence?: number | null;
  sentiment?: 'negative' | 'neutral' | 'positive' | null;
  language?: string | null;
  assigneeId?: string | null;
  queuedAt?: string | null;
  lastActivityAt?: string;
}

/** A conversation with triage columns set directly, as the triage activity would have left them. */
async function aTriagedConversation(dataSource: DataSource, tenantId: string, triage: Triage = {}) {
  const customer = await aCustomer(dataSource, tenantId);
  const conversation = await aConversation(dataSource, tenantId, customer.id);
  await dataSource.query(
    `UPDATE conversations
        SET status = $3, topic = $4, topic_confidence = $5, sentiment = $6, language = $7, assignee_id = $8,
            queued_at = $9, last_activity_at = coalesce($10::timestamptz, last_activity_at)
      WHERE tenant_id = $1 AND id = $2`,
    [
      tenantId,
      conversation.id,
      triage.status ?? 'open',
      triage.topic ?? null,
      triage.topicConfidence ?? null,
      triage.sentiment ?? null,
      triage.language ?? null,
      triage.assigneeId ?? null,
      triage.queuedAt ?? null,
      triage.lastActivityAt ?? null,
    ],
  );
  return conversation;
}

async function aCategory(dataSource: DataSource, tenantId: string, name: string): Promise<string> {
  const [{ id }] = await dataSource.query(
    'INSERT INTO topic_categories (tenant_id, name) VALUES ($1, $2) RETURNING id',
    [tenantId, name],
  );
  return id;
}

/** Everything answered before the conversation's workflow is asked: no worker runs, so reaching it would hang. */
describe('inbox triage: filters, views, explanations and refusals', () => {
  const stack = useTestStack({ worker: false });

  /** Offline agents by default, so no dispatcher could assign anything behind a test's back. */
  async function aTenantWithAgent() {
    const tenant = await aTenant(stack.dataSource);
    const { agent, token } = await anAgent(stack.dataSource, tenant.id, { status: 'offline' });
    return { tenant, agent, token };
  }

  const ids = async (token: string, query: string) => {
    const response = await stack.http.get(`/inbox/conversations${query}`, { token });
    expect({ query, status: response.status }).toEqual({ query, status: 200 });
    return response.body.items.map((item: { id: string }) => item.id) as string[];
  };

  it('filters by topic, sentiment, minimum topic confidence, language and the pending status', async () => {
    const { tenant, token } = await aTenantWithAgent();
    const at = (minute: number) => `2025-05-01T10:0${minute}:00Z`;
    const angryBilling = await aTriagedConversation(stack.dataSource, tenant.id, {
      topic: 'Billing',
      topicConfidence: 0.7,
      sentiment: 'negative',
      language: 'en',
      lastActivityAt: at(1),
    });
    const pendingBilling = await aTriagedConversation(stack.dataSource, tenant.id, {
      status: 'pending',
      topic: 'Billing',
      topicConfidence: 0.4,
      sentiment: 'positive',
      language: 'fr',
      lastActivityAt: at(2),
    });
    const shipping = await aTriagedConversation(stack.dataSource, tenant.id, {
      topic: 'Shipping',
      topicConfidence: 0.95,
      sentiment: 'neutral',
      language: 'en',
      lastActivityAt: at(3),
    });
    const untriaged = await aTriagedConversation(stack.dataSource, tenant.id, { lastActivityAt: at(4) });
    const elsewhere = await aTenantWithAgent();
    await aTriagedConversation(stack.dataSource, elsewhere.tenant.id, { topic: 'Billing', topicConfidence: 0.99 });

    const expectations: [string, string[]][] = [
      ['', [untriaged.id, shipping.id, pendingBilling.id, angryBilling.id]],
      ['?topic=Billing', [pendingBilling.id, angryBilling.id]],
      ['?topic=Billing,Shipping', [shipping.id, pendingBilling.id, angryBilling.id]],
      ['?topic=billing', []],
      ['?sentiment=negative,neutral', [shipping.id, angryBilling.id]],
      // 0.7 is stored as a real; the boundary still matches.
      ['?minTopicConfidence=0.7', [shipping.id, angryBilling.id]],
      ['?minTopicConfidence=0', [shipping.id, pendingBilling.id, angryBilling.id]],
      ['?language=EN', [shipping.id, angryBilling.id]],
      ['?status=pending', [pendingBilling.id]],
      ['?status=open&topic=Billing', [angryBilling.id]],
      ['?topic=Billing&minTopicConfidence=0.5&sentiment=negative&language=en', [angryBilling.id]],
    ];
    for (const [query, expected] of expectations) {
      expect({ query, ids: await ids(token, query) }).toEqual({ query, ids: expected });
    }
  });

  it('rejects malformed triage filters with 400', async () => {
    const { token } = await aTenantWithAgent();
    const queries = [
      '?sentiment=angry',
      '?minTopicConfidence=1.5',
      '?minTopicConfidence=-0.1',
      '?minTopicConfidence=high',
      '?language=english',
      '?topic=',
      `?topic=${'x'.repeat(101)}`,
      '?status=waiting',
    ];
    for (const query of queries) {
      const response = await stack.http.get(`/inbox/conversations${query}`, { token });
      expect({ query, status: response.status, error: response.body.error }).toEqual({
        query,
        status: 400,
        error: 'validation_failed',
      });
    }
  });

  it('shows triage, routing and SLA on list rows and in the conversation detail', async () => {
    const { tenant, agent, token } = await aTenantWithAgent();
    // A member of the team: an agent outside it would not see the team's conversations.
    const team = await aTeam(stack.dataSource, tenant.id, { name: 'Billing', memberIds: [agent.id] });
    const sla = await anSlaPolicy(stack.dataSource, tenant.id, { firstResponseSeconds: 600 });
    const conversation = await aTriagedConversation(stack.dataSource, tenant.id);
    const triage = {
      topic: 'Billing',
      topicConfidence: 0.75,
      topicEngine: 'offline',
      modelVersion: 3,
      priority: 'high',
      priorityReasons: ['urgency word "urgent"', '3 contacts in 7 days'],
      sentiment: 'negative',
      sentimentScore: -0.5,
      language: 'en',
    };
    await stack.dataSource.query(
      `UPDATE conversations
          SET topic = 'Billing', topic_confidence = 0.75, topic_engine = 'offline', sentiment = 'negative',
              sentiment_score = -0.5, language = 'en', triage = $3, triaged_at = now(), team_id = $4,
              routing_policy_version = 2, routing_rule = 'Refunds to billing', routed_at = '2025-05-02T08:00:00Z',
              required_skills = '{english}', optional_skills = '{vip}', sla_policy_id = $5,
              first_response_due_at = '2025-05-02T08:10:00Z', resolution_due_at = '2025-05-03T08:00:00Z'
        WHERE tenant_id = $1 AND id = $2`,
      [tenant.id, conversation.id, JSON.stringify(triage), team, sla],
    );
    const expected = {
      triage: {
        topic: 'Billing',
        topicConfidence: 0.75,
        topicEngine: 'offline',
        sentiment: 'negative',
        sentimentScore: -0.5,
        language: 'en',
        priorityReasons: ['urgency word "urgent"', '3 contacts in 7 days'],
      },
      routing: {
        teamId: team,
        policyVersion: 2,
        rule: 'Refunds to billing',
        routedAt: '2025-05-02T08:00:00.000Z',
        requiredSkills: ['english'],
        optionalSkills: ['vip'],
      },
      sla: {
        policyId: sla,
        firstResponseDueAt: '2025-05-02T08:10:00.000Z',
        nextResponseDueAt: null,
        resolutionDueAt: '2025-05-03T08:00:00.000Z',
      },
    };

    const list = await stack.http.get('/inbox/conversations', { token });
    const detail = await stack.http.get(`/inbox/conversations/${conversation.id}`, { token });

    expect(list.body.items).toEqual([expect.objectContaining({ id: conversation.id, ...expected })]);
    expect(detail.body.conversation).toMatchObject({ id: conversation.id, ...expected });
  });

  it('refuses a re-tag to a topic the tenant has no category for with 400 naming the known topics', async () => {
    const { tenant, token } = await aTenantWithAgent();
    const bare = await aTenantWithAgent();
    await aCategory(stack.dataSource, tenant.id, 'Billing');
    await aCategory(stack.dataSource, tenant.id, 'Shipping');
    const conversation = await aTriagedConversation(stack.dataSource, tenant.id);
    const bareConversation = await aTriagedConversation(stack.dataSource, bare.tenant.id);

    const unknown = await stack.http.put(`/inbox/conversations/${conversation.id}/topic`, {
      token,
      body: { topic: 'Refunds' },
    });
    const noCategories = await stack.http.put(`/inbox/conversations/${bareConversation.id}/topic`, {
      token: bare.token,
      body: { topic: 'Refunds' },
    });

    expect([unknown.status, unknown.body.error]).toEqual([400, 'validation_failed']);
    expect(unknown.body.message).toContain('Billing, Shipping');
    expect(unknown.body.details).toEqual({ knownTopics: ['Billing', 'Shipping'] });
    expect([noCategories.status, noCategories.body.details]).toEqual([400, { knownTopics: [] }]);
    for (const body of [{}, { topic: '' }, { topic: '   ' }, { topic: 7 }, { topic: 'Billing', extra: 1 }]) {
      const response = await stack.http.put(`/inbox/conversations/${conversation.id}/topic`, { token, body });
      expect({ body, status: response.status }).toEqual({ body, status: 400 });
    }
    const [row] = await stack.dataSource.query('SELECT topic FROM conversations WHERE id = $1', [conversation.id]);
    expect(row.topic).toBeNull();
  });

  it("answers 404 to the new routes for another tenant's or an unknown conversation", async () => {
    const ours = await aTenantWithAgent();
    const theirs = await aTenantWithAgent();
    await aCategory(stack.dataSource, ours.tenant.id, 'Billing');
    const theirConversation = await aTriagedConversation(stack.dataSource, theirs.tenant.id, { topic: 'Other' });
    for (const id of [theirConversation.id, '00000000-0000-4000-8000-000000000000']) {
      const base = `/inbox/conversations/${id}`;
      const explanation = await stack.http.get(`${base}/assignment`, { token: ours.token });
      const pending = await stack.http.post(`${base}/pending`, { token: ours.token });
      const retag = await stack.http.put(`${base}/topic`, { token: ours.token, body: { topic: 'Billing' } });
      expect({ id, statuses: [explanation.status, pending.status, retag.status] }).toEqual({
        id,
        statuses: [404, 404, 404],
      });
    }
    const [row] = await stack.dataSource.query('SELECT status, topic FROM conversations WHERE id = $1', [
      theirConversation.id,
    ]);
    expect(row).toEqual({ status: 'open', topic: 'Other' });
    expect((await stack.http.get(`/inbox/conversations/${theirConversation.id}/assignment`)).status).toBe(401);
  });

  it('explains why an open, unassigned conversation still waits, or who the queue would give it to now', async () => {
    const { tenant, token } = await aTenantWithAgent();
    await anAgent(stack.dataSource, tenant.id, { channels: ['email'] });
    const waiting = await aTriagedConversation(stack.dataSource, tenant.id, { queuedAt: '2025-05-01T10:00:00Z' });

    const before = await stack.http.get(`/inbox/conversations/${waiting.id}/assignment`, { token });

    expect(before.status).toBe(200);
    expect(before.body).toMatchObject({
      conversationId: waiting.id,
      status: 'open',
      assigneeId: null,
      current: null,
      history: [],
      waiting: { outcome: 'waiting', agentId: null },
    });
    expect(before.body.waiting.reason).toContain('serves chat');

    const chatAgent = await anAgent(stack.dataSource, tenant.id, { name: 'Casey Chat', channels: ['chat'] });
    const after = await stack.http.get(`/inbox/conversations/${waiting.id}/assignment`, { token });

    expect(after.body.waiting).toMatchObject({ outcome: 'assignable_now', agentId: chatAgent.agent.id });
    expect(after.body.waiting.reason).toContain('Casey Chat');
    const [row] = await stack.dataSource.query('SELECT assignee_id FROM conversations WHERE id = $1', [waiting.id]);
    expect(row.assignee_id).toBeNull(); // a dry run: nothing was assigned
  });

  it('gives no waiting reason for a conversation that is not waiting for an agent', async () => {
    const { tenant, agent, token } = await aTenantWithAgent();
    const held = await aTriagedConversation(stack.dataSource, tenant.id, { assigneeId: agent.id });
    const pending = await aTriagedConversation(stack.dataSource, tenant.id, { status: 'pending' });

    const explanations = await Promise.all(
      [held, pending].map((c) => stack.http.get(`/inbox/conversations/${c.id}/assignment`, { token })),
    );

    expect(explanations.map((response) => response.body.waiting)).toEqual([null, null]);
    // Held, but by no logged assignment: nothing to explain rather than a guess.
    expect(explanations[0].body).toMatchObject({ assigneeId: agent.id, current: null });
  });
});

/** The actions run inside the conversation workflow, so this stack has a worker. */
describe('inbox triage: actions through the conversation workflow', () => {
  const stack = useTestStack({ env: { FIRST_RESPONSE_TARGET_SECONDS: '3600', QUEUE_RECHECK_SECONDS: '3600' } });

  const say = (visitor: TestVisitor, body: string) => visitorSays(stack.http, visitor, body);

  const rowOf = async (id: string) => {
    const [row] = await stack.dataSource.query(
      'SELECT status, assignee_id, topic, topic_engine FROM conversations WHERE id = $1',
      [id],
    );
    return row as { status: string; assignee_id: string | null; topic: string | null; topic_engine: string | null };
  };

  const assignedTo = (id: string) =>
    eventually(async () => (await rowOf(id)).assignee_id ?? undefined, { what: `conversation ${id} assigned` });

  it('explains a queue assignment with its strategy, candidates with scores and the rejected agents', async () => {
    const tenant = await aTenant(stack.dataSource);
    const agent = await anAgent(stack.dataSource, tenant.id, { channels: ['chat'] });
    const emailOnly = await anAgent(stack.dataSource, tenant.id, { channels: ['email'] });
    const visitor = await aVisitor(stack.http, tenant.widgetKey);
    const id = await say(visitor, 'Please connect me to a human agent');
    expect(await assignedTo(id)).toBe(agent.agent.id);

    const response = await stack.http.get(`/inbox/conversations/${id}/assignment`, { token: agent.token });

    expect(response.status).toBe(200);
    const { current, history, waiting, assigneeId } = response.body;
    expect(assigneeId).toBe(agent.agent.id);
    expect(waiting).toBeNull();
    expect(current).toMatchObject({ agentId: agent.agent.id, actor: 'assignment-queue', teamId: null });
    expect(typeof current.policy).toBe('string');
    expect(current.reason).toEqual(expect.any(String));
    expect(current.candidates).toEqual([
      expect.objectContaining({ agentId: agent.agent.id, score: expect.any(Number) }),
    ]);
    expect(current.rejected).toEqual([{ agentId: emailOnly.agent.id, reasons: ['does not serve chat'] }]);
    expect(history[0]).toMatchObject({ id: current.eventId, type: 'assigned' });
    const historyIds = history.map((event: { id: string }) => Number(event.id));
    expect(historyIds).toEqual([...historyIds].sort((a, b) => b - a));
  });

  it('puts an open conversation on pending until the customer writes back, and refuses it when not open (409)', async () => {
    const tenant = await aTenant(stack.dataSource);
    const agent = await anAgent(stack.dataSource, tenant.id);
    const visitor = await aVisitor(stack.http, tenant.widgetKey);
    const id = await say(visitor, 'Please connect me to a human agent');
    await assignedTo(id);
    const path = `/inbox/conversations/${id}/pending`;

    const pended = await stack.http.post(path, { token: agent.token });

    expect([pended.status, pended.body]).toEqual([200, expect.objectContaining({ id, status: 'pending' })]);
    expect((await rowOf(id)).status).toBe('pending');
    const listed = await stack.http.get('/inbox/conversations?status=pending', { token: agent.token });
    expect(listed.body.items.map((item: { id: string }) => item.id)).toEqual([id]);
    const again = await stack.http.post(path, { token: agent.token });
    expect([again.status, again.body.error]).toEqual([409, 'invalid_state']);

    await say(visitor, 'Here is the order number you asked for: 4711');
    const reopened = await eventually(async () => ((await rowOf(id)).status === 'open' ? rowOf(id) : undefined), {
      what: 'the conversation back to open',
    });
    expect(reopened.assignee_id).toBe(agent.agent.id);
  });

  it('re-tags to a known topic under its canonical name, learns the example, logs it and asks for a retrain', async () => {
    const tenant = await aTenant(stack.dataSource);
    const agent = await anAgent(stack.dataSource, tenant.id, { status: 'offline' });
    await aCategory(stack.dataSource, tenant.id, 'Billing');
    const conversation = await aTriagedConversation(stack.dataSource, tenant.id, {
      topic: 'Shipping',
      topicConfidence: 0.4,
      queuedAt: new Date().toISOString(),
    });

    const response = await stack.http.put(`/inbox/conversations/${conversation.id}/topic`, {
      token: agent.token,
      body: { topic: 'billing' },
    });

    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ id: conversation.id, status: 'open', topic: 'Billing' });
    expect(await rowOf(conversation.id)).toMatchObject({ topic: 'Billing', topic_engine: 'agent' });
    const examples = await stack.dataSource.query(
      `SELECT e.source, e.created_by, c.name FROM topic_examples e JOIN topic_categories c ON c.id = e.category_id
       WHERE e.tenant_id = $1 AND e.conversation_id = $2`,
      [tenant.id, conversation.id],
    );
    expect(examples).toEqual([{ source: 'agent_retag', created_by: agent.agent.id, name: 'Billing' }]);
    const [retagged] = await eventsOf(stack.dataSource, tenant.id, conversation.id, 'retagged');
    expect(retagged).toMatchObject({ actor: `agent:${agent.agent.id}`, data: { topic: 'Billing' } });
    const training = await stack.temporal.workflow.getHandle(topicTrainingWorkflowId(tenant.id)).describe();
    expect(training.type).toBe('topicTrainingWorkflow');
  });
});
