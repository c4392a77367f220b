export const SLA_TARGETS = ['first_response', 'next_response', 'resolution'] as const;
export type SlaTarget = (typeof SLA_TARGETS)[number];

export interface SlaBreachActions {
  /** Raise the conversation's priority one step. */
  raisePriority: boolean;
  /** Take it from the current assignee (who is excluded) and put it back in the queue. */
  reassign: boolean;
  /** Emit an `sla_breached` event on the event stream (always recorded in the conversation's event log). */
  notify: boolean;
}

export interface SlaPolicy {
  id: string;
  name: string;
  /** Seconds; null means no target of that kind. */
  firstResponseSeconds: number | null;
  nextResponseSeconds: number | null;
  resolutionSeconds: number | null;
  /** When set, targets count only business hours of this calendar. */
  businessHoursId: string | null;
  breachActions: SlaBreachActions;
}

/** Absolute due times the workflow's timers wait on (ISO strings; null = no target or already met). */
export interface SlaDueTimes {
  policyId: string;
  firstResponseDueAt: string | null;
  nextResponseDueAt: string | null;
  resolutionDueAt: string | null;
  breachActions: SlaBreachActions;
}
