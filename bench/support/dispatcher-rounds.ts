import type { Client } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import { assignmentDispatcherWorkflowId } from '../../workflows/assignment-dispatcher.definitions';

const EventType = temporal.api.enums.v1.EventType;
/** The marker the SDK records for a local activity (the drain); patched() records 'core_patch' markers. */
const LOCAL_ACTIVITY_MARKER = 'core_local_activity';

export interface DispatcherRound {
  /** Seconds since the first event shown. */
  drainedAt: number;
  /** Assignments it announced to their conversations' workflows. */
  signals: number;
  /** From the first signal sent to the last acknowledged (the next drain no longer waits for them). */
  announceSeconds: number;
}

const seconds = (event: temporal.api.history.v1.IHistoryEvent) => {
  const time = event.eventTime;
  return time ? Number(time.seconds ?? 0) + (time.nanos ?? 0) / 1e9 : 0;
};

/**
 * The dispatcher's rounds since `since` (epoch ms), from its current run's history: each drain (a local-activity
 * marker; patch markers are not rounds) and how long announcing its assignments (signals to other workflows) took.
 * Announcements may overlap later rounds, so each acknowledgement is matched to its round by the signal's event id.
 */
export async function dispatcherRounds(client: Client, tenantId: string, since: number): Promise<DispatcherRound[]> {
  const history = await client.workflow.getHandle(assignmentDispatcherWorkflowId(tenantId)).fetchHistory();
  const events = (history.events ?? []).filter((event) => seconds(event) * 1000 >= since);
  const start = events.length > 0 ? seconds(events[0]) : 0;
  const rounds: (DispatcherRound & { firstSignal?: number; lastSignaled?: number })[] = [];
  const roundOfSignal = new Map<number, (typeof rounds)[number]>();
  for (const event of events) {
    const at = seconds(event);
    const round = rounds.at(-1);
    if (
      event.eventType === EventType.EVENT_TYPE_MARKER_RECORDED &&
      event.markerRecordedEventAttributes?.markerName === LOCAL_ACTIVITY_MARKER
    ) {
      rounds.push({ drainedAt: at - start, signals: 0, announceSeconds: 0 });
    } else if (round && event.eventType === EventType.EVENT_TYPE_SIGNAL_EXTERNAL_WORKFLOW_EXECUTION_INITIATED) {
      round.signals += 1;
      round.firstSignal ??= at;
      roundOfSignal.set(Number(event.eventId), round);
    } else if (event.eventType === EventType.EVENT_TYPE_EXTERNAL_WORKFLOW_EXECUTION_SIGNALED) {
      const signalled = roundOfSignal.get(
        Number(event.externalWorkflowExecutionSignaledEventAttributes?.initiatedEventId),
      );
      if (signalled) {
        signalled.lastSignaled = at;
      }
    }
  }
  for (const round of rounds) {
    const { firstSignal, lastSignaled } = round;
    round.announceSeconds = firstSignal !== undefined && lastSignaled !== undefined ? lastSignaled - firstSignal : 0;
    delete round.firstSignal;
    delete round.lastSignaled;
  }
  return rounds;
}
