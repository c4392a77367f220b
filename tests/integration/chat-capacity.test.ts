import { aTenant, anAgent } from '../support/factories';
import { eventually } from '../support/eventually';
import { assignmentSpans, overCapacity, peakConcurrentLoad } from '../support/peak-load';
import { startTestStack, type TestStack } from '../support/test-stack';
import { aClientMessageId, aVisitor } from '../support/widget-visitor';

describe('capacity-based assignment under a burst of escalations', () => {
  let stack: TestStack;

  beforeAll(async () => {
    stack = await startTestStack({ env: { FIRST_RESPONSE_TARGET_SECONDS: '3600', QUEUE_RECHECK_SECONDS: '2' } });
  });
  afterAll(() => stack.stop());

  it('never exceeds capacity with 50 simultaneous escalations, and drains the queue oldest first as agents resolve', async () => {
    const tenant = await aTenant(stack.dataSource);
    const agents = await Promise.all(
      Array.from({ length: 5 }, () => anAgent(stack.dataSource, tenant.id, { capacity: { chat: 2 } })),
    );
    const tokenOf = new Map(agents.map((a) => [a.agent.id, a.token]));
    const visitors = await Promise.all(Array.from({ length: 50 }, () => aVisitor(stack.http, tenant.widgetKey)));

    const sent = await Promise.all(
      visitors.map((visitor) =>
        stack.http.post('/widget/messages', {
          token: visitor.token,
          body: { clientMessageId: aClientMessageId(), body: 'I want to talk to a person' },
        }),
      ),
    );
    expect(sent.every((response) => response.status === 202)).toBe(true);

    const countState = async () => {
      const [row] = await stack.dataSource.query(
        `SELECT count(*) FILTER (WHERE status = 'open' AND assignee_id IS NOT NULL)::int AS assigned,
                count(*) FILTER (WHERE status = 'open' AND assignee_id IS NULL AND queued_at IS NOT NULL)::int AS waiting,
                count(*) FILTER (WHERE status = 'resolved')::int AS resolved
         FROM conversations WHERE tenant_id = $1`,
        [tenant.id],
      );
      return row as { assigned: number; waiting: number; resolved: number };
    };
    const first = await eventually(async () => {
      const state = await countState();
      return state.assigned + state.waiting === 50 && state.assigned === 10 ? state : undefined;
    });
    expect(first).toEqual({ assigned: 10, waiting: 40, resolved: 0 });

    // Agents resolve what they hold; each freed slot goes to the longest-waiting conversation.
    const queueOrder: string[] = (
      await stack.dataSource.query(
        `SELECT id FROM conversations WHERE tenant_id = $1 AND assignee_id IS NULL ORDER BY queued_at, id`,
        [tenant.id],
      )
    ).map((row: { id: string }) => row.id);
    let resolved = 0;
    while (resolved < 50) {
      const held: { id: string; assignee_id: string }[] = await stack.dataSource.query(
        `SELECT id, assignee_id FROM conversations WHERE tenant_id = $1 AND status = 'open' AND assignee_id IS NOT NULL`,
        [tenant.id],
      );
      const results = await Promise.all(
        held.map((c) => stack.http.post(`/inbox/conversations/${c.id}/resolve`, { token: tokenOf.get(c.assignee_id) })),
      );
      expect(results.map((r) => r.status)).toEqual(held.map(() => 200));
      resolved += held.length;
      const expectedAssigned = Math.min(10, 50 - resolved);
      await eventually(async () => {
        const state = await countState();
        return state.resolved === resolved && state.assigned === expectedAssigned ? true : undefined;
      });
    }

    const history = await assignmentSpans(stack.dataSource, tenant.id);
    expect(new Set(history.map((span) => span.conversationId)).size).toBe(50);
    expect(history).toHaveLength(50); // each conversation assigned exactly once
    expect(overCapacity(peakConcurrentLoad(history), () => 2)).toEqual([]);
    const assignedOrder: string[] = (
      await stack.dataSource.query(
        `SELECT conversation_id FROM assignments WHERE tenant_id = $1 AND conversation_id = ANY($2)
         ORDER BY created_at, conversation_id`,
        [tenant.id, queueOrder],
      )
    ).map((row: { conversation_id: string }) => row.conversation_id);
    // Waiting conversations were assigned in the order they joined the queue, ten at a time.
    for (let batch = 0; batch < queueOrder.length; batch += 10) {
      expect(new Set(assignedOrder.slice(batch, batch + 10))).toEqual(new Set(queueOrder.slice(batch, batch + 10)));
    }
  });
});
