import { allHandlersFinished, condition, continueAsNew, patched, setHandler, workflowInfo } from '@temporalio/workflow';
import { queueChangedSignal, type AssignmentDispatcherInput } from './assignment-dispatcher.definitions';
import { assignmentSteps } from './activity-proxies';
import { announceAssignments } from './announce-assignments';

const ROUNDS_PER_RUN = 200;
/** Each announced assignment adds events; a run continues as new well before Temporal's history limits. */
const MAX_HISTORY_EVENTS = 10_000;
/**
 * Runs recorded before this patch awaited each round's announcements before the next drain, so a capacity raise that
 * placed hundreds held every later drain back until hundreds of signals were sent.
 */
export const OVERLAPPING_ANNOUNCEMENTS_PATCH = 'dispatcher-announces-while-draining-v1';

/**
 * One per tenant. Drains the assignment queue whenever capacity or the queue changes (signals from the API and from
 * conversations), and at least every sweepSeconds as a safety net.
 */
export async function assignmentDispatcherWorkflow(input: AssignmentDispatcherInput): Promise<void> {
  let dirty = true;
  setHandler(queueChangedSignal, () => {
    dirty = true;
  });
  const announcing = new Set<Promise<void>>();
  for (let round = 0; round < ROUNDS_PER_RUN; round++) {
    await condition(() => dirty, input.sweepSeconds * 1000);
    dirty = false;
    const { notices } = await assignmentSteps.drainAssignmentQueue({ tenantId: input.tenantId });
    if (patched(OVERLAPPING_ANNOUNCEMENTS_PATCH)) {
      // The next drain need not wait for these: each notice goes to another conversation, and the rows are the truth.
      const announcement = announceAssignments(notices);
      announcing.add(announcement);
      void announcement.finally(() => announcing.delete(announcement));
    } else {
      await announceAssignments(notices);
    }
    const info = workflowInfo();
    if (info.continueAsNewSuggested || info.historyLength > MAX_HISTORY_EVENTS) {
      break;
    }
  }
  await Promise.all(announcing);
  await condition(allHandlersFinished);
  await continueAsNew<typeof assignmentDispatcherWorkflow>(input);
}
