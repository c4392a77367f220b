import { defineSignal } from '@temporalio/workflow';

export interface AssignmentDispatcherInput {
  tenantId: string;
  /** Safety-net sweep period: the queue is drained at least this often even if no signal arrives. */
  sweepSeconds: number;
}

/** Something freed or added capacity, or a conversation joined the queue: drain it. */
export const queueChangedSignal = defineSignal<[]>('queueChanged');

export function assignmentDispatcherWorkflowId(tenantId: string): string {
  return `assignment-dispatcher:${tenantId}`;
}
