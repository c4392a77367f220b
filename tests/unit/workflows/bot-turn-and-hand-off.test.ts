import { ApplicationFailure } from '@temporalio/common';
import { createBotTurn } from '../../../workflows/conversation/bot-turn';
import { createHandOff } from '../../../workflows/conversation/hand-off';
import { DELIVERY_PATCH } from '../../../workflows/conversation/outbound-delivery';
import { createDeadlineHandling } from '../../../workflows/conversation/deadline-handling';
import { fakeContext, mocked, NOW } from './fake-conversation-context';

const message = { externalId: 'e1', body: 'Where is my order?', receivedAt: NOW };
const answer = (confidence: number, wantsHuman = false) => ({ text: 'It ships today', confidence, wantsHuman });
/** The bot answered message m1 with reply r1. */
const confidentTurn = { messageId: 'm1', fresh: true, replied: true, answer: answer(0.9), replyMessageId: 'r1' };

describe('bot turn', () => {
  it('a confident answer counts a bot turn and is delivered (new runs)', async () => {
    const { ctx, calls } = fakeContext({}, [DELIVERY_PATCH]);
    mocked(ctx.steps.conversation.takeBotTurn).mockResolvedValue(confidentTurn);
    await createBotTurn(ctx, createHandOff(ctx))(message);
    expect(ctx.state.botTurns).toBe(1);
    expect(ctx.state.status).toBe('bot');
    expect(calls()).toEqual(['takeBotTurn', 'deliverMessage']);
    expect(ctx.steps.delivery?.deliverMessage).toHaveBeenCalledWith({
      tenantId: 't',
      conversationId: 'c',
      messageId: 'r1',
    });
  });

  it('replays of runs before delivery make no delivery call', async () => {
    const { ctx, calls } = fakeContext();
    mocked(ctx.steps.conversation.takeBotTurn).mockResolvedValue(confidentTurn);
    await createBotTurn(ctx, createHandOff(ctx))(message);
    expect(calls()).toEqual(['takeBotTurn']);
  });

  it('an unsure answer hands off: routed, escalated, then the queue runs', async () => {
    const { ctx, calls } = fakeContext({}, [DELIVERY_PATCH]);
    mocked(ctx.steps.conversation.takeBotTurn).mockResolvedValue({
      messageId: 'm1',
      fresh: true,
      replied: false,
      answer: answer(0.2),
    });
    await createBotTurn(ctx, createHandOff(ctx))(message);
    expect(calls()).toEqual(['takeBotTurn', 'route', 'escalate', 'drain']);
    expect(ctx.steps.conversation.escalate).toHaveBeenCalledWith(
      expect.objectContaining({ reason: 'low_confidence', triggerMessageId: 'm1' }),
    );
    expect(ctx.state).toMatchObject({ status: 'open', hadHuman: true, awaitingFirstResponse: true, botTurns: 0 });
  });

  it('a message already handled changes nothing but the stored turn count', async () => {
    const { ctx, calls } = fakeContext({ botTurns: 1 });
    mocked(ctx.steps.conversation.takeBotTurn).mockResolvedValue({
      messageId: 'm1',
      fresh: false,
      replied: false,
      botTurns: 2,
    });
    await createBotTurn(ctx, createHandOff(ctx))(message);
    expect(calls()).toEqual(['takeBotTurn']);
    expect(ctx.state.botTurns).toBe(2);
    expect(ctx.changed).not.toHaveBeenCalled();
  });

  it('a turn re-run after its result was lost still delivers the stored answer (delivery sends once)', async () => {
    const { ctx, calls } = fakeContext({ botTurns: 1 }, [DELIVERY_PATCH]);
    mocked(ctx.steps.conversation.takeBotTurn).mockResolvedValue({
      messageId: 'm1',
      fresh: false,
      replied: false,
      botTurns: 2,
      replyMessageId: 'r1',
    });
    await createBotTurn(ctx, createHandOff(ctx))(message);
    expect(calls()).toEqual(['takeBotTurn', 'deliverMessage']);
    expect(ctx.steps.delivery.deliverMessage).toHaveBeenCalledWith(expect.objectContaining({ messageId: 'r1' }));
  });
});

describe('hand-off', () => {
  it('delivers the stored hand-off notice before the queue runs', async () => {
    const { ctx, calls } = fakeContext({}, [DELIVERY_PATCH]);
    mocked(ctx.steps.conversation.escalate).mockResolvedValue({ handoffMessageId: 'n1' });
    await createHandOff(ctx)('customer_requested_human', { messageId: 'm1', body: 'a person please' });
    expect(calls()).toEqual(['route', 'escalate', 'deliverMessage', 'drain']);
  });

  it('a refused delivery does not stop the hand-off', async () => {
    const { ctx, calls } = fakeContext({}, [DELIVERY_PATCH]);
    mocked(ctx.steps.conversation.escalate).mockResolvedValue({ handoffMessageId: 'n1' });
    mocked(ctx.steps.delivery?.deliverMessage).mockRejectedValue(
      ApplicationFailure.create({ type: 'delivery_rejected', message: 'bounced', nonRetryable: true }),
    );
    await createHandOff(ctx)('max_bot_turns', { messageId: 'm1', body: 'hello?' });
    expect(calls()).toEqual(['route', 'escalate', 'deliverMessage', 'drain']);
    expect(ctx.log.warn).toHaveBeenCalled();
    expect(ctx.state.status).toBe('open');
  });
});

describe('first-response deadline', () => {
  const assigned = { status: 'open' as const, assigneeId: 'a', assignedAt: NOW, awaitingFirstResponse: true };

  it('without a tenant SLA policy, the default policy breaches: priority up, requeued without the agent', async () => {
    const { ctx, calls } = fakeContext(assigned);
    const at = Date.parse(NOW) + 60_000;
    await createDeadlineHandling(ctx)({ kind: 'sla_first_response', at });
    expect(calls()).toEqual(['handleSlaBreach', 'drain']);
    expect(ctx.steps.routing.handleSlaBreach).toHaveBeenCalledWith(
      expect.objectContaining({
        target: 'first_response',
        assigneeId: 'a',
        actions: { raisePriority: true, reassign: true, notify: true },
        releaseReason: 'first_response_target_missed',
        dueAt: new Date(at).toISOString(),
      }),
    );
    expect(ctx.state).toMatchObject({ assigneeId: null, priority: 'high', excludedAgentIds: ['a'] });
  });

  it('with a tenant SLA policy, the policy decides', async () => {
    const sla = {
      policyId: 'p',
      firstResponseDueAt: NOW,
      nextResponseDueAt: null,
      resolutionDueAt: null,
      breachActions: { raisePriority: false, reassign: false, notify: true },
    };
    const { ctx, calls } = fakeContext({ ...assigned, sla });
    await createDeadlineHandling(ctx)({ kind: 'sla_first_response', at: Date.parse(NOW) });
    expect(calls()).toEqual(['breachSla']);
  });

  it('runs recorded before keep the config path', async () => {
    const { ctx, calls } = fakeContext(assigned);
    await createDeadlineHandling(ctx)({ kind: 'first_response', at: Date.parse(NOW) });
    expect(calls()).toEqual(['releaseAfterMissedFirstResponse', 'drain']);
    expect(ctx.state).toMatchObject({ assigneeId: null, priority: 'high', excludedAgentIds: ['a'] });
  });
});
