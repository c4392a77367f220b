import type { DataSource } from 'typeorm';
import { createConversationActivities } from '../../activities/conversation.activities';
import { conversationActivityDeps } from '../../apps/worker/src/create-worker';
import { createAnswerEngine } from '../../core/knowledge/answer/answer-engine.factory';
import { loadConfig } from '../../core/platform/config/app-config';
import { createDataSource } from '../../core/data-source';
import { aConversation, aCustomer, anArticle, aTenant } from '../support/factories';
import { testRuntime } from '../support/test-runtime';

/**
 * The bot turn activity, run twice for one message: what a workflow sees when the first run's result was lost (its
 * workflow task timed out under load) and the local activity runs again.
 */
describe('takeBotTurn run again for the same message', () => {
  let db: DataSource;
  let activities: ReturnType<typeof createConversationActivities>;

  beforeAll(async () => {
    db = await createDataSource({ url: testRuntime().databaseUrl, poolSize: 2 }).initialize();
    const config = loadConfig({ DATABASE_URL: testRuntime().databaseUrl, VISITOR_TOKEN_SECRET: 'not-used-here' });
    activities = createConversationActivities(conversationActivityDeps(db, createAnswerEngine(config.ai, db)));
  });
  afterAll(() => db?.destroy());

  it('reports the stored bot turn count, which includes the turn the first run took', async () => {
    const tenant = await aTenant(db);
    await anArticle(db, tenant.id, {
      title: 'Upgrading your plan',
      body: 'To upgrade your plan, open Billing and choose Change plan. The new price applies from the next invoice.',
    });
    const customer = await aCustomer(db, tenant.id);
    const conversation = await aConversation(db, tenant.id, customer.id);
    const turn = {
      tenantId: tenant.id,
      conversationId: conversation.id,
      customerId: customer.id,
      channel: 'chat' as const,
      externalId: 'visitor:lost-result',
      body: 'How do I upgrade my plan?',
      nextBotTurn: 1,
      threshold: 0.2,
    };

    const first = await activities.takeBotTurn(turn);
    const again = await activities.takeBotTurn(turn);

    expect(first).toMatchObject({ fresh: true, replied: true });
    // The stored answer's id comes back too, so the workflow still delivers an answer whose turn result was lost.
    expect(again).toEqual({
      messageId: first.messageId,
      fresh: false,
      replied: false,
      botTurns: 1,
      replyMessageId: first.replyMessageId,
    });
    const [{ replies }]: { replies: number }[] = await db.query(
      `SELECT count(*)::int AS replies FROM messages WHERE tenant_id = $1 AND conversation_id = $2 AND author_kind = 'bot'`,
      [tenant.id, conversation.id],
    );
    expect(replies).toBe(1);
  });
});
