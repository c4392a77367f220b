import { ConversationRepository } from '../../core/conversations/conversation.repository';
import { MessageRepository } from '../../core/conversations/message.repository';
import type { ConversationEntity } from '../../core/conversations/conversation.entity';
import { snoozeUpdate, stateQuery } from '../../workflows/conversation.definitions';
import { aConversation, aCustomer, anAgent, anArticle, aTenant } from '../support/factories';
import { eventually } from '../support/eventually';
import { recordHistory } from '../support/histories';
import { startTestStack, type TestStack } from '../support/test-stack';

/** What each lifecycle test needs from its stack: a bot-handled conversation, a way to write in it, its row. */
function lifecycleKit(stack: () => TestStack) {
  return {
    async aBotConversation() {
      const { dataSource } = stack();
      const tenant = await aTenant(dataSource);
      await anArticle(dataSource, tenant.id, {
        title: 'Upgrading your plan',
        body: 'To upgrade your plan, open Billing and choose Change plan. The new price applies from the next invoice.',
      });
      const customer = await aCustomer(dataSource, tenant.id);
      const conversation = await aConversation(dataSource, tenant.id, customer.id);
      return { tenant, conversation };
    },
    say: (conversation: ConversationEntity, n: string) =>
      stack().gateway.deliverInbound(conversation, {
        externalId: `visitor:${n}`,
        body: 'How do I upgrade my plan?',
        receivedAt: new Date().toISOString(),
      }),
    row: (tenantId: string, id: string) => new ConversationRepository(stack().dataSource).findById(tenantId, id),
  };
}

/** Clocks: inactivity, reopening and snoozing, with timings given in seconds. */
describe('conversation lifecycle clocks', () => {
  let stack: TestStack;
  const { aBotConversation, say, row } = lifecycleKit(() => stack);

  beforeAll(async () => {
    stack = await startTestStack({
      env: { INACTIVITY_RESOLVE_SECONDS: '2', REOPEN_WINDOW_SECONDS: '600', FIRST_RESPONSE_TARGET_SECONDS: '600' },
    });
  });
  afterAll(() => stack.stop());

  it('resolves a quiet conversation by itself, and a later message reopens it with the bot', async () => {
    const { tenant, conversation } = await aBotConversation();
    await say(conversation, 'first');
    const resolved = await eventually(async () => {
      const current = await row(tenant.id, conversation.id);
      return current?.status === 'resolved' ? current : undefined;
    });
    expect(resolved.resolvedAt).not.toBeNull();

    await say(conversation, 'second');
    const reopened = await eventually(async () => {
      const current = await row(tenant.id, conversation.id);
      return current?.status === 'bot' && current.botTurns === 1 && current.resolvedAt === null ? current : undefined;
    });
    expect(reopened.status).toBe('bot');
    const messages = await new MessageRepository(stack.dataSource).listForConversation(tenant.id, conversation.id);
    expect(messages.map((m) => m.authorKind)).toEqual(['customer', 'bot', 'customer', 'bot']);
    await recordHistory(stack.temporal, conversation.workflowId, 'inactivity-resolve-then-reopen');
  });

  it('wakes a snoozed conversation when its time comes', async () => {
    const { tenant, conversation } = await aBotConversation();
    const agent = await anAgent(stack.dataSource, tenant.id);
    await stack.dataSource.query(`UPDATE conversations SET status = 'open', assignee_id = $2 WHERE id = $1`, [
      conversation.id,
      agent.agent.id,
    ]);
    const current = await row(tenant.id, conversation.id);
    const until = new Date(Date.now() + 4000).toISOString();
    const state = await stack.gateway.update(current!, snoozeUpdate, { actorAgentId: agent.agent.id, until });
    expect(state.status).toBe('snoozed');
    const woken = await eventually(async () => {
      const latest = await row(tenant.id, conversation.id);
      return latest?.status === 'open' ? latest : undefined;
    });
    expect(woken.assigneeId).toBe(agent.agent.id);
    expect(woken.snoozedUntil).toBeNull();
  });
});

/** A long conversation, kept clear of the inactivity clock so only the history limit matters. */
describe('conversation lifecycle over a long history', () => {
  let stack: TestStack;
  const { aBotConversation, say, row } = lifecycleKit(() => stack);

  beforeAll(async () => {
    stack = await startTestStack({
      env: { CONTINUE_AS_NEW_AFTER_EVENTS: '100', MAX_BOT_TURNS: '100', FIRST_RESPONSE_TARGET_SECONDS: '600' },
    });
  });
  afterAll(() => stack.stop());

  it('continues as new before its history grows large, carrying its state', async () => {
    const TURNS = 30; // about five history events per bot turn: past the limit of 100
    const { tenant, conversation } = await aBotConversation();
    await stack.dataSource.query(`UPDATE conversations SET bot_turns = 0 WHERE id = $1`, [conversation.id]);
    await say(conversation, 'burst-0');
    const firstRunId = (await stack.temporal.workflow.getHandle(conversation.workflowId).describe()).runId;
    // One message at a time, so each turn is its own workflow task and the history grows past the limit.
    for (let i = 1; i <= TURNS; i++) {
      await eventually(async () => {
        const current = await row(tenant.id, conversation.id);
        if (current?.botTurns !== i) {
          throw new Error(`bot turn ${i}: the row has ${current?.botTurns} bot turns, status ${current?.status}`);
        }
        return true;
      });
      if (i < TURNS) {
        await say(conversation, `burst-${i}`);
      }
    }
    const latest = stack.temporal.workflow.getHandle(conversation.workflowId);
    const description = await latest.describe();
    expect(description.runId).not.toBe(firstRunId);
    expect(description.status.name).toBe('RUNNING');
    expect((await latest.query(stateQuery)).botTurns).toBe(TURNS);
    const messages = await new MessageRepository(stack.dataSource).listForConversation(tenant.id, conversation.id);
    expect(messages.filter((m) => m.authorKind === 'bot')).toHaveLength(TURNS);
    await recordHistory(stack.temporal, conversation.workflowId, 'continue-as-new-first-run', firstRunId);
    await recordHistory(stack.temporal, conversation.workflowId, 'continue-as-new-next-run');
  }, 600_000); // thirty sequential turns; a budget, not an assertion, for when a load test shares the cores
});
