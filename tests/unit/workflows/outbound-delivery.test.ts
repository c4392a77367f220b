import { ApplicationFailure } from '@temporalio/common';
import { DELIVERY_PATCH, deliverOutbound } from '../../../workflows/conversation/outbound-delivery';
import { DELIVERY_REJECTED } from '../../../core/platform/errors/failure-types';
import { fakeContext, mocked } from './fake-conversation-context';

const request = { tenantId: 't', conversationId: 'c', messageId: 'm9' };

describe('deliverOutbound', () => {
  it('sends nothing on the path of histories recorded before the delivery step', async () => {
    const { ctx, calls } = fakeContext();

    await deliverOutbound(ctx, 'm9');

    expect(calls()).toEqual([]);
  });

  it('delivers the message by its id', async () => {
    const { ctx, calls } = fakeContext({}, [DELIVERY_PATCH]);

    await deliverOutbound(ctx, 'm9');

    expect(calls()).toEqual(['deliverMessage']);
    expect(ctx.steps.delivery.deliverMessage).toHaveBeenCalledWith(request);
  });

  it('does nothing without a message id (a step that stored none)', async () => {
    const { ctx, calls } = fakeContext({}, [DELIVERY_PATCH]);

    await deliverOutbound(ctx, undefined);

    expect(calls()).toEqual([]);
  });

  it('leaves a refused message as the step marked it, and goes on', async () => {
    const { ctx, calls } = fakeContext({}, [DELIVERY_PATCH]);
    mocked(ctx.steps.delivery.deliverMessage).mockRejectedValueOnce(
      ApplicationFailure.create({ type: DELIVERY_REJECTED, message: 'unsubscribed', nonRetryable: true }),
    );

    await deliverOutbound(ctx, 'm9');

    expect(calls()).toEqual(['deliverMessage']);
    expect(ctx.log.warn).toHaveBeenCalledWith(expect.any(String), expect.objectContaining({ error: 'unsubscribed' }));
  });

  it('marks the message failed with the last error when its attempts ran out', async () => {
    const { ctx, calls } = fakeContext({}, [DELIVERY_PATCH]);
    mocked(ctx.steps.delivery.deliverMessage).mockRejectedValueOnce(
      ApplicationFailure.create({ type: 'Error', message: 'ECONNRESET' }),
    );

    await deliverOutbound(ctx, 'm9');

    expect(calls()).toEqual(['deliverMessage', 'markDeliveryFailed']);
    expect(ctx.steps.delivery.markDeliveryFailed).toHaveBeenCalledWith({ ...request, reason: 'ECONNRESET' });
  });

  it('lets anything but a step failure through (a workflow bug must fail the task, not be swallowed)', async () => {
    const { ctx } = fakeContext({}, [DELIVERY_PATCH]);
    mocked(ctx.steps.delivery.deliverMessage).mockRejectedValueOnce(new TypeError('undefined is not a function'));

    await expect(deliverOutbound(ctx, 'm9')).rejects.toThrow(TypeError);
  });
});
