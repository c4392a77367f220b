import type { temporal } from '@temporalio/proto';

type HistoryEvent = temporal.api.history.v1.IHistoryEvent;

/** One readable line per history event: id, type, time, and what the event is about. */
export function describeHistoryEvent(event: HistoryEvent, eventTypeName: (type: number) => string): string {
  const id = String(event.eventId ?? '?').padStart(4);
  const type = eventTypeName(Number(event.eventType ?? 0)).replace(/^EVENT_TYPE_/, '');
  const seconds = Number(event.eventTime?.seconds ?? 0);
  const time = seconds ? new Date(seconds * 1000).toISOString() : '';
  return `${id}  ${time}  ${type}${detail(event)}`;
}

function detail(event: HistoryEvent): string {
  const signal = event.workflowExecutionSignaledEventAttributes?.signalName;
  if (signal) {
    return `  signal=${signal}`;
  }
  const update = event.workflowExecutionUpdateAcceptedEventAttributes?.acceptedRequest?.input?.name;
  if (update) {
    return `  update=${update}`;
  }
  const marker = event.markerRecordedEventAttributes?.markerName;
  if (marker) {
    return `  marker=${marker}`;
  }
  const timer = event.timerStartedEventAttributes;
  if (timer) {
    return `  timer=${timer.timerId} after ${String(timer.startToFireTimeout?.seconds ?? 0)}s`;
  }
  const activity = event.activityTaskScheduledEventAttributes?.activityType?.name;
  if (activity) {
    return `  activity=${activity}`;
  }
  const external = event.signalExternalWorkflowExecutionInitiatedEventAttributes;
  if (external) {
    return `  signal=${external.signalName} to=${external.workflowExecution?.workflowId ?? ''}`;
  }
  return '';
}
