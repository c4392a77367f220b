import { mergeDeliveryStatus, OUTBOUND_DELIVERY_STATUSES } from '../../../core/channels/delivery-status';
import { foldDeliveryReports } from '../../../core/channels/delivery/delivery-outcome';
import { seededRandom, shuffleInPlace } from '../../../core/triage/classifier/seeded-random';

const report = (status: (typeof OUTBOUND_DELIVERY_STATUSES)[number], reason: string | null = null) => ({
  status,
  reason,
});
const queued = { status: 'queued' as const, failureReason: null };

describe('mergeDeliveryStatus', () => {
  it.each([
    ['sent', 'delivered', 'delivered'],
    ['delivered', 'sent', 'delivered'],
    ['queued', 'sent', 'sent'],
    ['delivered', 'bounced', 'bounced'],
    ['undelivered', 'delivered', 'undelivered'],
    ['failed', 'read', 'read'],
    ['read', 'failed', 'read'],
    ['failed', 'bounced', 'failed'],
  ] as const)('%s then %s is %s', (current, incoming, expected) => {
    expect(mergeDeliveryStatus(current, incoming)).toBe(expected);
  });
});

describe('foldDeliveryReports', () => {
  it('ends in the same status whatever order and however often the reports arrive', () => {
    const reports = [report('sent'), report('delivered'), report('sent'), report('queued'), report('delivered')];
    const random = seededRandom(7);
    for (let round = 0; round < 50; round += 1) {
      const shuffled = shuffleInPlace([...reports, ...reports], random);
      expect(foldDeliveryReports(queued, shuffled)).toEqual({ status: 'delivered', failureReason: null });
    }
  });

  it('keeps the reason of the failure that won, and drops it when a read receipt follows', () => {
    const failed = foldDeliveryReports(queued, [report('sent'), report('undelivered', '30003: Unreachable handset')]);
    const readAfter = foldDeliveryReports(failed, [report('read')]);

    expect(failed).toEqual({ status: 'undelivered', failureReason: '30003: Unreachable handset' });
    expect(readAfter).toEqual({ status: 'read', failureReason: null });
  });

  it('names a failure the vendor gave no reason for', () => {
    expect(foldDeliveryReports(queued, [report('failed')]).failureReason).toBe('The provider reported no reason');
  });

  it('changes nothing for a report that says less than the status already has', () => {
    const delivered = { status: 'delivered' as const, failureReason: null };
    expect(foldDeliveryReports(delivered, [report('sent'), report('queued')])).toBe(delivered);
  });
});
