import { aTenant, anAgent } from '../support/factories';
import { eventually } from '../support/eventually';
import { queueState } from '../support/queue-state';
import { assignmentSpans, overCapacity, peakConcurrentLoad } from '../support/peak-load';
import { aPublishedPolicy } from '../support/routing-fixtures';
import { useTestStack } from '../support/test-stack';
import { aVisitor, visitorSays } from '../support/widget-visitor';

/** Requests in flight at once: enough to keep every escalation in flight together, few enough for a small machine. */
const IN_FLIGHT = 50;
const SLOW = { timeoutMs: 240_000, intervalMs: 500 };

const ASKS_FOR_A_PERSON = 'I want to talk to a person about my order';
const ASKS_IN_SPANISH = 'I want to talk to a person who speaks Spanish please';

interface AgentGroup {
  count: number;
  capacity: number;
  skills: string[];
}

interface SeededAgent {
  id: string;
  token: string;
  capacity: number;
  skills: string[];
}

/** Runs `work` over every item with at most `limit` calls in flight; results keep the items' order. */
async function inParallel<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const index = next++;
        results[index] = await work(items[index]);
      }
    }),
  );
  return results;
}

/**
 * The acceptance: a burst of escalations through the real path (widget HTTP → conversation workflow →
 * routing → the PostgreSQL assignment queue), checked from the assignment history and the conversations table.
 */
describe('assignment under 1,000 simultaneous escalations', () => {
  // No first-response releases and no periodic re-checks: every assignment comes from an escalation's own drain
  // or from the dispatcher a capacity change signals.
  const stack = useTestStack({ env: { FIRST_RESPONSE_TARGET_SECONDS: '3600', QUEUE_RECHECK_SECONDS: '3600' } });

  const seedAgents = async (tenantId: string, groups: AgentGroup[]): Promise<SeededAgent[]> => {
    const specs = groups.flatMap((group) => Array.from({ length: group.count }, () => group));
    return inParallel(specs, 10, async ({ capacity, skills }) => {
      const { agent, token } = await anAgent(stack.dataSource, tenantId, { capacity: { chat: capacity }, skills });
      return { id: agent.id, token, capacity, skills };
    });
  };

  /** Opens every visitor's session first, then sends every first message without waiting for any assignment. */
  const escalate = async (widgetKey: string, bodies: string[]): Promise<string[]> => {
    const visitors = await inParallel(bodies, IN_FLIGHT, () => aVisitor(stack.http, widgetKey));
    const pairs = visitors.map((visitor, index) => ({ visitor, body: bodies[index] }));
    return inParallel(pairs, IN_FLIGHT, ({ visitor, body }) => visitorSays(stack.http, visitor, body));
  };

  const queueOf = (tenantId: string) => queueState(stack.dataSource, tenantId);

  /** Open conversations each agent holds now, from the conversations table (0 for agents holding none). */
  const activeLoads = async (tenantId: string, agents: SeededAgent[]): Promise<Map<string, number>> => {
    const rows: { assignee_id: string; n: number }[] = await stack.dataSource.query(
      `SELECT assignee_id, count(*)::int AS n FROM conversations
       WHERE tenant_id = $1 AND status = 'open' AND assignee_id IS NOT NULL GROUP BY assignee_id`,
      [tenantId],
    );
    const loads = new Map(agents.map((agent) => [agent.id, 0]));
    for (const row of rows) {
      loads.set(row.assignee_id, row.n);
    }
    return loads;
  };

  const databaseNow = async (): Promise<Date> => {
    const [{ now }]: { now: Date }[] = await stack.dataSource.query(`SELECT clock_timestamp() AS now`);
    return now;
  };

  const raiseCapacity = async (agents: SeededAgent[], chat: number) => {
    const responses = await inParallel(agents, 10, (agent) =>
      stack.http.patch('/agents/me/capacity', { token: agent.token, body: { chat } }),
    );
    expect(responses.map((response) => response.status)).toEqual(agents.map(() => 200));
    for (const agent of agents) {
      agent.capacity = chat;
    }
  };

  it('never exceeds capacity, keeps Spanish conversations with Spanish speakers, and assigns each conversation once', async () => {
    const tenant = await aTenant(stack.dataSource);
    const agents = await seedAgents(tenant.id, [
      { count: 20, capacity: 5, skills: [] },
      { count: 20, capacity: 10, skills: [] },
      { count: 10, capacity: 3, skills: ['spanish'] },
    ]);
    const originalCapacity = new Map(agents.map((agent) => [agent.id, agent.capacity]));
    const spanishSpeakers = agents.filter((agent) => agent.skills.includes('spanish'));
    const others = agents.filter((agent) => !agent.skills.includes('spanish'));
    const totalCapacity = agents.reduce((sum, agent) => sum + agent.capacity, 0); // 330: a queue must form
    await aPublishedPolicy(stack.dataSource, tenant.id, {
      rules: [{ name: 'Spanish', when: { keywords: ['spanish'] }, then: { requiredSkills: ['spanish'] } }],
      fallback: {},
    });

    // Every seventh customer asks for a Spanish speaker: 143 of 1,000, far more than the 30 Spanish slots.
    const bodies = Array.from({ length: 1000 }, (_, i) => (i % 7 === 0 ? ASKS_IN_SPANISH : ASKS_FOR_A_PERSON));
    const conversationIds = await escalate(tenant.widgetKey, bodies);
    expect(new Set(conversationIds).size).toBe(1000);

    // Saturation: every conversation escalated and routed, every agent full, the rest waiting in the queue.
    const saturated = await eventually(async () => {
      const state = await queueOf(tenant.id);
      return state.assigned === totalCapacity && state.assigned + state.waiting === 1000 ? state : undefined;
    }, SLOW);
    expect(saturated).toEqual({ open: 1000, assigned: totalCapacity, waiting: 1000 - totalCapacity });
    const atSaturation = await activeLoads(tenant.id, agents);
    const notFull = agents.filter((agent) => atSaturation.get(agent.id) !== agent.capacity);
    expect(notFull.map((agent) => ({ agent: agent.id, load: atSaturation.get(agent.id), of: agent.capacity }))).toEqual(
      [],
    );

    const [{ spanish }]: { spanish: number }[] = await stack.dataSource.query(
      `SELECT count(*)::int AS spanish FROM conversations WHERE tenant_id = $1 AND required_skills = '{spanish}'`,
      [tenant.id],
    );
    expect(spanish).toBe(bodies.filter((body) => body === ASKS_IN_SPANISH).length);

    // Room for every other conversation on agents without Spanish; the Spanish ones keep waiting meanwhile.
    const raisedAt = await databaseNow();
    await raiseCapacity(others, 50); // 2,000 slots for at most 857 conversations
    await eventually(async () => {
      const [{ waiting }]: { waiting: number }[] = await stack.dataSource.query(
        `SELECT count(*)::int AS waiting FROM conversations
         WHERE tenant_id = $1 AND status = 'open' AND assignee_id IS NULL AND required_skills = '{}'`,
        [tenant.id],
      );
      return waiting === 0 ? true : undefined;
    }, SLOW);
    await raiseCapacity(spanishSpeakers, 30); // 300 slots for at most 143 + the 30 they held
    await eventually(async () => ((await queueOf(tenant.id)).assigned === 1000 ? true : undefined), SLOW);

    // Every conversation assigned exactly once: one assignment each, none ended, matching the conversation row.
    const history = await assignmentSpans(stack.dataSource, tenant.id);
    expect(history).toHaveLength(1000);
    expect(new Set(history.map((span) => span.conversationId))).toEqual(new Set(conversationIds));
    expect(history.filter((span) => span.until !== null)).toEqual([]);
    const rows: { id: string; assignee_id: string; required_skills: string[] }[] = await stack.dataSource.query(
      `SELECT id, assignee_id, required_skills FROM conversations WHERE tenant_id = $1`,
      [tenant.id],
    );
    const holderOf = new Map(history.map((span) => [span.conversationId, span.agentId]));
    expect(rows.filter((row) => holderOf.get(row.id) !== row.assignee_id)).toEqual([]);

    // Nobody ever held more than their capacity: the original one until the raise, the raised one after.
    const capacityOf = (agentId: string) => originalCapacity.get(agentId) ?? 0;
    expect(
      overCapacity(peakConcurrentLoad(await assignmentSpans(stack.dataSource, tenant.id, raisedAt)), capacityOf),
    ).toEqual([]);
    const raised = new Map(agents.map((agent) => [agent.id, agent.capacity]));
    expect(overCapacity(peakConcurrentLoad(history), (agentId) => raised.get(agentId) ?? 0)).toEqual([]);

    // Spanish conversations went only to Spanish speakers.
    const speaks = new Set(spanishSpeakers.map((agent) => agent.id));
    const misplaced = rows
      .filter((row) => row.required_skills.includes('spanish') && !speaks.has(row.assignee_id))
      .map((row) => row.id);
    expect(misplaced).toEqual([]);
  }, 300_000);

  it('spreads a burst smaller than the capacity evenly over equal agents', async () => {
    const tenant = await aTenant(stack.dataSource);
    const agents = await seedAgents(tenant.id, [{ count: 50, capacity: 10, skills: [] }]);
    const conversationIds = await escalate(
      tenant.widgetKey,
      Array.from({ length: 230 }, () => ASKS_FOR_A_PERSON),
    );
    expect(new Set(conversationIds).size).toBe(230);

    await eventually(async () => ((await queueOf(tenant.id)).assigned === 230 ? true : undefined), SLOW);
    const loads = [...(await activeLoads(tenant.id, agents)).values()];
    expect(loads.reduce((sum, load) => sum + load, 0)).toBe(230);
    expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(1);
    const history = await assignmentSpans(stack.dataSource, tenant.id);
    expect(history).toHaveLength(230);
    expect(overCapacity(peakConcurrentLoad(history), () => 10)).toEqual([]);
  }, 300_000);
});
