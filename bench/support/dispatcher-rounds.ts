import type { Client } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import { assignmentDispatcherWorkflowId } from '../../workflows/assignment-dispatcher.definitions';

const EventType = temporal.api.enums.v1.EventType;

export interface DispatcherRound {
  /** Seconds since the first event shown. */
  drainedAt: number;
  /** Assignments it announced to their conversations' workflows. */
  signals: number;
  /** From the first signal sent to the last acknowledged: the dispatcher cannot drain again meanwhile. */
  announceSeconds: number;
}

const seconds = (event: temporal.api.history.v1.IHistoryEvent) => {
  const time = event.eventTime;
  return time ? Number(time.seconds ?? 0) + (time.nanos ?? 0) / 1e9 : 0;
};

/**
 * The dispatcher's rounds since `since` (epoch ms), from its current run's history: each drain (a local-activity
 * marker) and how long announcing its assignments (signals to other workflows) took before the next round.
 */
export async function dispatcherRounds(client: Client, tenantId: string, since: number): Promise<DispatcherRound[]> {
  const history = await client.workflow.getHandle(assignmentDispatcherWorkflowId(tenantId)).fetchHistory();
  const events = (history.events ?? []).filter((event) => seconds(event) * 1000 >= since);
  const start = events.length > 0 ? seconds(events[0]) : 0;
  const rounds: DispatcherRound[] = [];
  let round: (DispatcherRound & { firstSignal?: number; lastSignaled?: number }) | undefined;
  const close = () => {
    if (round) {
      const { firstSignal, lastSignaled, ...done } = round;
      done.announceSeconds = firstSignal !== undefined && lastSignaled !== undefined ? lastSignaled - firstSignal : 0;
      rounds.push(done);
    }
  };
  for (const event of events) {
    const at = seconds(event);
    if (event.eventType === EventType.EVENT_TYPE_MARKER_RECORDED) {
      close();
      round = { drainedAt: at - start, signals: 0, announceSeconds: 0 };
    } else if (round && event.eventType === EventType.EVENT_TYPE_SIGNAL_EXTERNAL_WORKFLOW_EXECUTION_INITIATED) {
      round.signals += 1;
      round.firstSignal ??= at;
    } else if (round && event.eventType === EventType.EVENT_TYPE_EXTERNAL_WORKFLOW_EXECUTION_SIGNALED) {
      round.lastSignaled = at;
    }
  }
  close();
  return rounds;
}
