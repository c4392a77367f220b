import { isFailedDeliveryStatus, mergeDeliveryStatus, type DeliveryStatus } from '../delivery-status';

/** A message's delivery status and, when that status is a failure, the vendor's reason for it. */
export interface DeliveryOutcome {
  status: DeliveryStatus;
  failureReason: string | null;
}

/**
 * The outcome after these reports are heard, in any order and any number of times: each status is merged by rank
 * (delivery-status.ts), and the reason is the one that came with the winning failure.
 */
export function foldDeliveryReports(
  start: DeliveryOutcome,
  reports: readonly { status: DeliveryStatus; reason: string | null }[],
): DeliveryOutcome {
  let outcome = start;
  for (const report of reports) {
    const status = mergeDeliveryStatus(outcome.status, report.status);
    if (status !== outcome.status) {
      const failureReason = isFailedDeliveryStatus(status)
        ? (report.reason ?? 'The provider reported no reason')
        : null;
      outcome = { status, failureReason };
    }
  }
  return outcome;
}
