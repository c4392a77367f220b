import { ApplicationFailure } from '@temporalio/common';
import { createDeliveryActivities, deliveryIdempotencyKey } from '../../../activities/delivery.activities';
import type { ChannelAdapter } from '../../../core/channels/channel-adapter';
import { DeliveryRefusedError } from '../../../core/channels/delivery/delivery-errors';
import type { PendingDelivery } from '../../../core/channels/delivery/message-delivery.repository';
import { DELIVERY_REJECTED } from '../../../core/platform/errors/failure-types';
import type { DeliveryOutcome } from '../../../core/channels/delivery/delivery-outcome';
import { ChatChannelAdapter } from '../../../core/channels/chat/chat.channel-adapter';

const request = { tenantId: 't1', conversationId: 'c1', messageId: 'm1' };

const aPendingDelivery = (overrides: Partial<PendingDelivery> = {}): PendingDelivery => ({
  tenantId: 't1',
  conversationId: 'c1',
  messageId: 'm1',
  channel: 'sms',
  authorKind: 'agent',
  body: 'Your order ships today.',
  citations: [],
  recipientAddress: '+15550001111',
  subject: null,
  status: 'queued',
  failureReason: null,
  providerMessageId: null,
  ...overrides,
});

/** The delivery step with its repository and adapter replaced by fakes; no database, no Temporal. */
function deliveryWith({
  pending = aPendingDelivery(),
  adapter = anAdapter(),
  attempt = 1,
  confirmedByStoring = null,
}: {
  pending?: PendingDelivery | null;
  adapter?: ChannelAdapter | null;
  attempt?: number;
  confirmedByStoring?: DeliveryOutcome | null;
} = {}) {
  const deliveries = {
    confirmSentByStoring: jest.fn(async () => confirmedByStoring),
    findPending: jest.fn(async () => pending),
    recordSent: jest.fn(async () => ({ status: 'sent' as const, failureReason: null })),
    recordFailed: jest.fn(async (_t: string, _m: string, status: string, reason: string) => ({
      status: status as 'failed',
      failureReason: reason,
    })),
  };
  const channels = {
    forOutbound: jest.fn(() => adapter ?? undefined),
    sendingByStoring: () => (adapter?.sendsByStoring ? [adapter] : []),
  };
  return { activities: createDeliveryActivities({ deliveries, channels, attempt: () => attempt }), deliveries };
}

function anAdapter(overrides: Partial<ChannelAdapter> = {}): ChannelAdapter {
  return {
    channel: 'sms',
    provider: 'fake',
    render: jest.fn((message) => ({ text: message.body, html: null, truncated: false })),
    send: jest.fn(async () => ({ providerMessageId: 'SM1', status: 'queued' as const })),
    mapStatus: () => null,
    ...overrides,
  };
}

describe('deliverMessage', () => {
  it('renders and sends a queued message under its own key, and records what the vendor said', async () => {
    const adapter = anAdapter();
    const { activities, deliveries } = deliveryWith({ adapter });

    await expect(activities.deliverMessage(request)).resolves.toEqual({ status: 'sent', failureReason: null });

    expect(adapter.send).toHaveBeenCalledWith(
      expect.objectContaining({ messageId: 'm1', recipientAddress: '+15550001111' }),
      { text: 'Your order ships today.', html: null, truncated: false },
      deliveryIdempotencyKey('m1'),
    );
    expect(deliveries.recordSent).toHaveBeenCalledWith('t1', 'm1', 'fake', {
      providerMessageId: 'SM1',
      status: 'queued',
    });
  });

  it.each([
    ['a vendor accepted it before', { providerMessageId: 'SM9' }],
    ['it failed before', { status: 'failed' as const, failureReason: 'blocked' }],
  ])('does not send again when %s', async (_, overrides) => {
    const adapter = anAdapter();
    const { activities } = deliveryWith({ adapter, pending: aPendingDelivery(overrides) });

    await activities.deliverMessage(request);

    expect(adapter.send).not.toHaveBeenCalled();
  });

  it('asks the adapter what it sent under the key on a retry, and sends nothing when it had', async () => {
    const adapter = anAdapter({
      findSent: jest.fn(async () => ({ providerMessageId: 'SM7', status: 'sent' as const })),
    });
    const { activities, deliveries } = deliveryWith({ adapter, attempt: 2 });

    await activities.deliverMessage(request);

    expect(adapter.findSent).toHaveBeenCalledWith(deliveryIdempotencyKey('m1'));
    expect(adapter.send).not.toHaveBeenCalled();
    expect(deliveries.recordSent).toHaveBeenCalledWith('t1', 'm1', 'fake', {
      providerMessageId: 'SM7',
      status: 'sent',
    });
  });

  it("marks a refused message failed with the vendor's reason and ends the step for good", async () => {
    const adapter = anAdapter({
      send: jest.fn(async () => {
        throw new DeliveryRefusedError('21211: Invalid To number', 'undelivered');
      }),
    });
    const { activities, deliveries } = deliveryWith({ adapter });

    const failure = await activities.deliverMessage(request).catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(ApplicationFailure);
    expect(failure).toMatchObject({ type: DELIVERY_REJECTED, nonRetryable: true, message: '21211: Invalid To number' });
    expect(deliveries.recordFailed).toHaveBeenCalledWith('t1', 'm1', 'undelivered', '21211: Invalid To number');
  });

  it('lets a transient error through for the bounded retry, marking nothing', async () => {
    const adapter = anAdapter({
      send: jest.fn(async () => {
        throw new Error('socket hang up');
      }),
    });
    const { activities, deliveries } = deliveryWith({ adapter });

    await expect(activities.deliverMessage(request)).rejects.toThrow('socket hang up');
    expect(deliveries.recordFailed).not.toHaveBeenCalled();
  });

  it('refuses a message of a channel with no provider, naming the channel', async () => {
    const { activities, deliveries } = deliveryWith({ adapter: null });

    await expect(activities.deliverMessage(request)).rejects.toMatchObject({ type: DELIVERY_REJECTED });
    expect(deliveries.recordFailed).toHaveBeenCalledWith('t1', 'm1', 'failed', 'No provider is configured to send sms');
  });

  it("reports another conversation's message as not found, without sending it", async () => {
    const adapter = anAdapter();
    const { activities } = deliveryWith({ adapter, pending: aPendingDelivery({ conversationId: 'other' }) });

    await expect(activities.deliverMessage(request)).rejects.toMatchObject({ type: 'not_found', nonRetryable: true });
    expect(adapter.send).not.toHaveBeenCalled();
  });
});

describe('markDeliveryFailed', () => {
  it('marks a still-queued message failed with the last error', async () => {
    const { activities, deliveries } = deliveryWith();

    await activities.markDeliveryFailed({ ...request, reason: 'ETIMEDOUT' });

    expect(deliveries.recordFailed).toHaveBeenCalledWith(
      't1',
      'm1',
      'failed',
      'Not delivered after every retry: ETIMEDOUT',
    );
  });

  it('leaves a message an earlier attempt did send', async () => {
    const { activities, deliveries } = deliveryWith({ pending: aPendingDelivery({ providerMessageId: 'SM3' }) });

    await activities.markDeliveryFailed({ ...request, reason: 'ETIMEDOUT' });

    expect(deliveries.recordFailed).not.toHaveBeenCalled();
  });
});

describe('deliverMessage on a channel that sends by storing the row (chat)', () => {
  it('confirms the stored message in one statement, without reading, rendering or sending it', async () => {
    const adapter = new ChatChannelAdapter();
    const send = jest.spyOn(adapter, 'send');
    const { activities, deliveries } = deliveryWith({
      adapter,
      confirmedByStoring: { status: 'sent', failureReason: null },
    });

    await expect(activities.deliverMessage(request)).resolves.toEqual({ status: 'sent', failureReason: null });

    expect(deliveries.confirmSentByStoring).toHaveBeenCalledWith(request, adapter);
    expect(deliveries.findPending).not.toHaveBeenCalled();
    expect(send).not.toHaveBeenCalled();
  });

  it('takes the general path when the message is not one to confirm (sent before, or not found)', async () => {
    const adapter = new ChatChannelAdapter();
    const { activities, deliveries } = deliveryWith({
      adapter,
      pending: aPendingDelivery({ channel: 'chat', status: 'sent', providerMessageId: 'm1' }),
    });

    await expect(activities.deliverMessage(request)).resolves.toEqual({ status: 'sent', failureReason: null });

    expect(deliveries.findPending).toHaveBeenCalledWith('t1', 'm1');
    expect(deliveries.recordSent).not.toHaveBeenCalled();
  });

  it("is what the chat adapter's send would record: the message's own id, status sent", async () => {
    const adapter = new ChatChannelAdapter();
    await expect(adapter.send(aPendingDelivery({ channel: 'chat' }))).resolves.toEqual({
      providerMessageId: 'm1',
      status: 'sent',
    });
    expect(adapter.sendsByStoring).toBe(true);
  });
});
