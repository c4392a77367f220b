import { aTenant, anAgent } from '../support/factories';
import { eventually } from '../support/eventually';
import { recordHistory } from '../support/histories';
import { startTestStack, type TestStack } from '../support/test-stack';
import { aClientMessageId, aVisitor } from '../support/widget-visitor';

describe('first-response target', () => {
  let stack: TestStack;

  beforeAll(async () => {
    stack = await startTestStack({ env: { FIRST_RESPONSE_TARGET_SECONDS: '2', QUEUE_RECHECK_SECONDS: '30' } });
  });
  afterAll(() => stack.stop());

  it('records the breach, raises priority and reassigns to someone other than the silent agent', async () => {
    const tenant = await aTenant(stack.dataSource);
    const first = await anAgent(stack.dataSource, tenant.id, { capacity: { chat: 1 } });
    const visitor = await aVisitor(stack.http, tenant.widgetKey);
    const sent = await stack.http.post('/widget/messages', {
      token: visitor.token,
      body: { clientMessageId: aClientMessageId(), body: 'I want to talk to a person' },
    });
    const conversationId = sent.body.conversationId as string;
    const conversation = async () =>
      (await stack.http.get(`/inbox/conversations/${conversationId}`, { token: first.token })).body;

    await eventually(async () =>
      (await conversation()).conversation.assigneeId === first.agent.id ? true : undefined,
    );
    // Only now does a second agent come online, so the first assignment was not a coin toss.
    const second = await anAgent(stack.dataSource, tenant.id, { capacity: { chat: 1 } });

    const after = await eventually(async () => {
      const detail = await conversation();
      return detail.conversation.assigneeId === second.agent.id ? detail : undefined;
    });
    expect(after.conversation.priority).toBe('high');
    const events = after.history.events as { type: string; data: Record<string, unknown> }[];
    const breach = events.find((event) => event.type === 'sla_breached');
    expect(breach?.data).toEqual(
      expect.objectContaining({ target: 'first_response', agentId: first.agent.id, priority: 'high' }),
    );
    const assignments = after.history.assignments as { agentId: string; endReason: string | null }[];
    expect(assignments.map((a) => [a.agentId, a.endReason])).toEqual([
      [first.agent.id, 'first_response_target_missed'],
      [second.agent.id, null],
    ]);

    // The second agent answers in time: no further breach.
    const reply = await stack.http.post(`/inbox/conversations/${conversationId}/replies`, {
      token: second.token,
      body: { body: 'Sorry for the wait, I am here.', clientMessageId: aClientMessageId() },
    });
    expect(reply.status).toBe(201);
    const resolved = await stack.http.post(`/inbox/conversations/${conversationId}/resolve`, { token: second.token });
    expect(resolved.body.status).toBe('resolved');
    const finalEvents = (await conversation()).history.events as { type: string }[];
    expect(finalEvents.filter((event) => event.type === 'sla_breached')).toHaveLength(1);
    await recordHistory(stack.temporal, `conversation:${tenant.id}:${conversationId}`, 'chat-first-response-breach');
  });
});
