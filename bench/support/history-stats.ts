import type { Client } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import { conversationWorkflowId } from '../../workflows/conversation.definitions';

const EventType = temporal.api.enums.v1.EventType;

export interface HistoryStats {
  messages: number;
  events: number;
  workflowTasks: number;
  markers: number;
}

/** History events per inbound message of one conversation (its current run): the workflow-side cost of a message. */
export async function historyStats(
  client: Client,
  tenantId: string,
  conversationId: string,
  messages: number,
): Promise<HistoryStats> {
  const history = await client.workflow.getHandle(conversationWorkflowId(tenantId, conversationId)).fetchHistory();
  const events = history.events ?? [];
  const count = (type: number) => events.filter((event) => event.eventType === type).length;
  const per = (value: number) => Number((value / Math.max(1, messages)).toFixed(2));
  return {
    messages,
    events: per(events.length),
    workflowTasks: per(count(EventType.EVENT_TYPE_WORKFLOW_TASK_COMPLETED)),
    markers: per(count(EventType.EVENT_TYPE_MARKER_RECORDED)),
  };
}
