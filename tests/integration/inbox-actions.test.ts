import { ConversationRepository } from '../../core/conversations/conversation.repository';
import { MessageRepository } from '../../core/conversations/message.repository';
import type { ConversationStatus } from '../../core/conversations/conversation-status';
import { aConversation, aCustomer, anAgent, aTenant } from '../support/factories';
import { startTestStack, type TestStack } from '../support/test-stack';
import { eventually } from '../support/eventually';
import { recordHistory } from '../support/histories';
import { temporal } from '@temporalio/proto';
import { assignmentDispatcherWorkflowId } from '../../workflows/assignment-dispatcher.definitions';

const EventType = temporal.api.enums.v1.EventType;

const MAX_CHARS = 20;
const inAnHour = () => new Date(Date.now() + 3600_000).toISOString();

async function aConversationIn(
  stack: TestStack,
  tenantId: string,
  state: { status?: ConversationStatus; assigneeId?: string | null } = {},
) {
  const customer = await aCustomer(stack.dataSource, tenantId);
  const conversation = await aConversation(stack.dataSource, tenantId, customer.id);
  await stack.dataSource.query(
    'UPDATE conversations SET status = $3, assignee_id = $4 WHERE tenant_id = $1 AND id = $2',
    [tenantId, conversation.id, state.status ?? 'open', state.assigneeId ?? null],
  );
  return conversation;
}

/** Offline agents, so the assignment dispatcher never hands a queued conversation to one behind a test's back. */
async function aTeam(stack: TestStack) {
  const tenant = await aTenant(stack.dataSource);
  const [agent, colleague, admin] = await Promise.all([
    anAgent(stack.dataSource, tenant.id, { status: 'offline' }),
    anAgent(stack.dataSource, tenant.id, { status: 'offline' }),
    anAgent(stack.dataSource, tenant.id, { role: 'admin', status: 'offline' }),
  ]);
  return { tenant, agent, colleague, admin };
}

/** Requests refused before the conversation's workflow is asked: no worker runs, so reaching it would hang. */
describe('inbox actions: validation and authorisation', () => {
  let stack: TestStack;

  beforeAll(async () => {
    stack = await startTestStack({ worker: false, env: { MESSAGE_MAX_CHARS: String(MAX_CHARS) } });
  });
  afterAll(() => stack?.stop());

  const post = (token: string, path: string, body?: unknown) => stack.http.post(path, { token, body });

  it('rejects a malformed reply with 400', async () => {
    const { tenant, agent } = await aTeam(stack);
    const conversation = await aConversationIn(stack, tenant.id, { assigneeId: agent.agent.id });
    const path = `/inbox/conversations/${conversation.id}/replies`;
    const bodies: unknown[] = [
      {},
      { clientMessageId: 'c1' },
      { body: '', clientMessageId: 'c1' },
      { body: ' \n\t ', clientMessageId: 'c1' },
      { body: 42, clientMessageId: 'c1' },
      { body: 'x'.repeat(MAX_CHARS + 1), clientMessageId: 'c1' },
      { body: 'nul \u0000 byte', clientMessageId: 'c1' },
      { body: 'Hello' },
      { body: 'Hello', clientMessageId: '' },
      { body: 'Hello', clientMessageId: 'has space' },
      { body: 'Hello', clientMessageId: 'c'.repeat(101) },
      { body: 'Hello', clientMessageId: 7 },
      { body: 'Hello', clientMessageId: 'c1', agentId: agent.agent.id },
    ];
    for (const body of bodies) {
      const response = await post(agent.token, path, body);
      expect({ body, status: response.status, error: response.body.error }).toEqual({
        body,
        status: 400,
        error: 'validation_failed',
      });
    }
    const messages = await new MessageRepository(stack.dataSource).listForConversation(tenant.id, conversation.id);
    expect(messages).toEqual([]);
  });

  it('rejects a snooze without a future ISO date with 400', async () => {
    const { tenant, agent } = await aTeam(stack);
    const conversation = await aConversationIn(stack, tenant.id, { assigneeId: agent.agent.id });
    const path = `/inbox/conversations/${conversation.id}/snooze`;
    const bodies: unknown[] = [
      {},
      { until: null },
      { until: Date.now() + 3600_000 },
      { until: 'tomorrow' },
      { until: '2020-01-01T00:00:00Z' },
      { until: new Date(Date.now() - 60_000).toISOString() },
      { until: '2999-01-01T10:00:00' },
      { until: '2999-02-30T10:00:00Z' },
      { until: inAnHour(), extra: true },
    ];
    for (const body of bodies) {
      const response = await post(agent.token, path, body);
      expect({ body, status: response.status }).toEqual({ body, status: 400 });
    }
  });

  it('rejects a malformed assignment with 400', async () => {
    const { tenant, admin } = await aTeam(stack);
    const conversation = await aConversationIn(stack, tenant.id);
    const path = `/inbox/conversations/${conversation.id}/assign`;
    for (const body of [{}, { agentId: 'bob' }, { agentId: 12 }, { agentId: admin.agent.id, reason: '' }]) {
      const response = await post(admin.token, path, body);
      expect({ body, status: response.status }).toEqual({ body, status: 400 });
    }
  });

  it('lets only an admin assign a conversation to someone else or unassign a colleague (403)', async () => {
    const { tenant, agent, colleague } = await aTeam(stack);
    const unassigned = await aConversationIn(stack, tenant.id);
    const colleagues = await aConversationIn(stack, tenant.id, { assigneeId: colleague.agent.id });

    const toColleague = await post(agent.token, `/inbox/conversations/${unassigned.id}/assign`, {
      agentId: colleague.agent.id,
    });
    const unassignColleague = await post(agent.token, `/inbox/conversations/${colleagues.id}/assign`, {
      agentId: null,
    });

    expect([toColleague.status, toColleague.body.error]).toEqual([403, 'forbidden']);
    expect([unassignColleague.status, unassignColleague.body.error]).toEqual([403, 'forbidden']);
    const rows = await Promise.all(
      [unassigned, colleagues].map((row) => new ConversationRepository(stack.dataSource).findById(tenant.id, row.id)),
    );
    expect(rows.map((row) => row?.assigneeId)).toEqual([null, colleague.agent.id]);
  });

  it('answers 404 when the target agent is not in the tenant, 409 when deactivated', async () => {
    const { tenant, admin } = await aTeam(stack);
    const elsewhere = await aTeam(stack);
    const retired = await anAgent(stack.dataSource, tenant.id, { active: false });
    const conversation = await aConversationIn(stack, tenant.id);
    const path = `/inbox/conversations/${conversation.id}/assign`;

    const foreign = await post(admin.token, path, { agentId: elsewhere.agent.agent.id });
    const unknown = await post(admin.token, path, { agentId: '00000000-0000-4000-8000-000000000000' });
    const deactivated = await post(admin.token, path, { agentId: retired.agent.id });

    expect([foreign.status, unknown.status, deactivated.status]).toEqual([404, 404, 409]);
  });

  it("answers 404 to every action on another tenant's or an unknown conversation", async () => {
    const ours = await aTeam(stack);
    const theirs = await aTeam(stack);
    const theirConversation = await aConversationIn(stack, theirs.tenant.id, { assigneeId: theirs.agent.agent.id });
    const actions: [string, unknown][] = [
      ['replies', { body: 'Hello', clientMessageId: 'c1' }],
      ['assign', { agentId: ours.admin.agent.id }],
      ['assign', { agentId: null }],
      ['resolve', undefined],
      ['reopen', undefined],
      ['snooze', { until: inAnHour() }],
    ];
    for (const id of [theirConversation.id, '00000000-0000-4000-8000-000000000000']) {
      for (const [action, body] of actions) {
        const response = await post(ours.admin.token, `/inbox/conversations/${id}/${action}`, body);
        expect({ id, action, status: response.status }).toEqual({ id, action, status: 404 });
      }
    }
    const row = await new ConversationRepository(stack.dataSource).findById(theirs.tenant.id, theirConversation.id);
    expect([row?.status, row?.assigneeId]).toEqual(['open', theirs.agent.agent.id]);
  });

  it('answers 400 to a malformed conversation id and 401 without a token', async () => {
    const { agent } = await aTeam(stack);

    expect((await post(agent.token, '/inbox/conversations/42/resolve')).status).toBe(400);
    expect((await stack.http.post('/inbox/conversations/00000000-0000-4000-8000-000000000000/resolve')).status).toBe(
      401,
    );
  });
});

/** The happy paths run inside the conversation workflow, so this stack has a worker. */
describe('inbox actions: through the conversation workflow', () => {
  let stack: TestStack;
  let conversations: ConversationRepository;

  beforeAll(async () => {
    stack = await startTestStack();
    conversations = new ConversationRepository(stack.dataSource);
  });
  afterAll(() => stack?.stop());

  const post = (token: string, path: string, body?: unknown) => stack.http.post(path, { token, body });

  it('stores an agent reply once per clientMessageId and answers 201 with the message', async () => {
    const { tenant, agent } = await aTeam(stack);
    const conversation = await aConversationIn(stack, tenant.id, { assigneeId: agent.agent.id });
    const path = `/inbox/conversations/${conversation.id}/replies`;

    const first = await post(agent.token, path, { body: 'We are on it', clientMessageId: 'reply-1' });
    const retry = await post(agent.token, path, { body: 'We are on it', clientMessageId: 'reply-1' });

    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      conversationId: conversation.id,
      authorKind: 'agent',
      authorAgentId: agent.agent.id,
      direction: 'outbound',
      body: 'We are on it',
    });
    expect(retry.status).toBe(201);
    expect(retry.body.id).toBe(first.body.id);
    const stored = await new MessageRepository(stack.dataSource).listForConversation(tenant.id, conversation.id);
    expect(stored.map((message) => [message.authorKind, message.body])).toEqual([['agent', 'We are on it']]);
    const detail = await stack.http.get(`/inbox/conversations/${conversation.id}`, { token: agent.token });
    expect(detail.body.history.messages.map((message: { id: string }) => message.id)).toEqual([first.body.id]);
  });

  it('lets an agent take a conversation and give it back, and an admin transfer it', async () => {
    const { tenant, agent, colleague, admin } = await aTeam(stack);
    const conversation = await aConversationIn(stack, tenant.id);
    const path = `/inbox/conversations/${conversation.id}/assign`;

    const taken = await post(agent.token, path, { agentId: agent.agent.id });
    expect([taken.status, taken.body.assigneeId]).toEqual([200, agent.agent.id]);
    expect((await conversations.findById(tenant.id, conversation.id))?.assigneeId).toBe(agent.agent.id);

    const transferred = await post(admin.token, path, { agentId: colleague.agent.id, reason: 'billing expert' });
    expect([transferred.status, transferred.body.assigneeId]).toEqual([200, colleague.agent.id]);
    expect((await conversations.findById(tenant.id, conversation.id))?.assigneeId).toBe(colleague.agent.id);

    const returned = await post(colleague.token, path, { agentId: null });
    expect([returned.status, returned.body.assigneeId]).toEqual([200, null]);
    expect((await conversations.findById(tenant.id, conversation.id))?.assigneeId).toBeNull();
    const mine = await stack.http.get('/inbox/conversations?assignee=me', { token: colleague.token });
    expect(mine.body.items.map((item: { id: string }) => item.id)).not.toContain(conversation.id);
  });

  it('gives a handed-back conversation to another online agent, never straight back to the one who returned it', async () => {
    const tenant = await aTenant(stack.dataSource);
    const giver = await anAgent(stack.dataSource, tenant.id, { status: 'online' });
    const conversation = await aConversationIn(stack, tenant.id);
    const path = `/inbox/conversations/${conversation.id}/assign`;
    expect((await post(giver.token, path, { agentId: giver.agent.id })).status).toBe(200);

    const returnedWithNobodyElse = await post(giver.token, path, { agentId: null });
    expect([returnedWithNobodyElse.status, returnedWithNobodyElse.body.assigneeId]).toEqual([200, null]);

    const taker = await anAgent(stack.dataSource, tenant.id, { status: 'offline' });
    expect(
      (await stack.http.patch('/agents/me/status', { token: taker.token, body: { status: 'online' } })).status,
    ).toBe(200);
    const row = await eventually(async () => {
      const current = await conversations.findById(tenant.id, conversation.id);
      return current?.assigneeId ? current : undefined;
    });
    expect(row.assigneeId).toBe(taker.agent.id);
    // The dispatcher made that assignment and announced it to the conversation's workflow (a completed task after it).
    const dispatcher = stack.temporal.workflow.getHandle(assignmentDispatcherWorkflowId(tenant.id));
    await eventually(async () => {
      const types = ((await dispatcher.fetchHistory()).events ?? []).map((event) => event.eventType);
      const signalled = types.lastIndexOf(EventType.EVENT_TYPE_EXTERNAL_WORKFLOW_EXECUTION_SIGNALED);
      return signalled >= 0 && types.lastIndexOf(EventType.EVENT_TYPE_WORKFLOW_TASK_COMPLETED) > signalled
        ? true
        : undefined;
    });
    await recordHistory(stack.temporal, assignmentDispatcherWorkflowId(tenant.id), 'assignment-dispatcher-drain');
  });

  it('resolves, reopens and snoozes, and answers 409 to an action the state does not allow', async () => {
    const { tenant, agent } = await aTeam(stack);
    const conversation = await aConversationIn(stack, tenant.id, { assigneeId: agent.agent.id });
    const base = `/inbox/conversations/${conversation.id}`;

    const reopenOpen = await post(agent.token, `${base}/reopen`);
    expect([reopenOpen.status, reopenOpen.body.error]).toEqual([409, 'invalid_state']);

    const resolved = await post(agent.token, `${base}/resolve`);
    expect([resolved.status, resolved.body.status]).toEqual([200, 'resolved']);
    expect((await conversations.findById(tenant.id, conversation.id))?.status).toBe('resolved');

    const replyResolved = await post(agent.token, `${base}/replies`, { body: 'Hi', clientMessageId: 'late' });
    expect(replyResolved.status).toBe(409);

    const reopened = await post(agent.token, `${base}/reopen`);
    expect([reopened.status, reopened.body.status]).toEqual([200, 'open']);

    const until = new Date(Date.now() + 3 * 3600_000);
    const snoozed = await post(agent.token, `${base}/snooze`, {
      until: until.toISOString().replace('Z', '+00:00'),
    });
    expect(snoozed.status).toBe(200);
    expect(snoozed.body).toMatchObject({ id: conversation.id, status: 'snoozed', snoozedUntil: until.toISOString() });
    const row = await conversations.findById(tenant.id, conversation.id);
    expect([row?.status, row?.snoozedUntil?.toISOString()]).toEqual(['snoozed', until.toISOString()]);
  });
});
