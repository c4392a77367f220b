import type { ConversationSettings, ConversationState } from './conversation.definitions';

export type DeadlineKind =
  | 'first_response'
  | 'queue_recheck'
  | 'skills_relax'
  | 'snooze_over'
  | 'inactive'
  | 'reopen_window_over'
  | 'sla_first_response'
  | 'sla_next_response'
  | 'sla_resolution';

export interface Deadline {
  kind: DeadlineKind;
  /** Epoch milliseconds. */
  at: number;
}

const at = (iso: string | null | undefined, plusSeconds: number) => (iso ? Date.parse(iso) + plusSeconds * 1000 : NaN);

export interface DeadlineOptions {
  /**
   * The config first-response target is the default SLA policy: it applies only when no tenant SLA policy matched,
   * and its clock is `sla_first_response`. Off for runs recorded before (their clock is `first_response`, always).
   */
  defaultSla?: boolean;
}

/** The earliest clock the conversation is waiting on in its current state, if any. Pure, so it is unit-tested. */
export function nextDeadline(
  state: ConversationState,
  settings: ConversationSettings,
  options: DeadlineOptions = {},
): Deadline | undefined {
  const candidates: Deadline[] = [];
  const add = (kind: DeadlineKind, time: number) => {
    if (Number.isFinite(time)) {
      candidates.push({ kind, at: time });
    }
  };
  const iso = (value: string | null | undefined) => (value ? Date.parse(value) : NaN);
  if (state.sla && state.status !== 'resolved' && state.status !== 'bot') {
    add('sla_first_response', iso(state.sla.firstResponseDueAt));
    add('sla_resolution', iso(state.sla.resolutionDueAt));
    if (state.status === 'open') {
      add('sla_next_response', iso(state.sla.nextResponseDueAt)); // waiting on the customer stops this clock
    }
  }
  switch (state.status) {
    case 'bot':
      add('inactive', at(state.lastActivityAt, settings.inactivityResolveSeconds));
      break;
    case 'open':
      if (state.assigneeId === null) {
        add('queue_recheck', at(state.lastQueueCheckAt ?? state.lastActivityAt, settings.queueRecheckSeconds));
        add('skills_relax', iso(state.skillRelaxAt));
      } else if (state.awaitingFirstResponse) {
        if (!options.defaultSla) {
          add('first_response', at(state.assignedAt, settings.firstResponseTargetSeconds));
        } else if (!state.sla) {
          add('sla_first_response', at(state.assignedAt, settings.firstResponseTargetSeconds));
        }
      } else {
        add('inactive', at(state.lastActivityAt, settings.inactivityResolveSeconds));
      }
      break;
    case 'pending':
      add('inactive', at(state.lastActivityAt, settings.inactivityResolveSeconds));
      break;
    case 'snoozed':
      add('snooze_over', state.snoozedUntil ? Date.parse(state.snoozedUntil) : NaN);
      break;
    case 'resolved':
      add('reopen_window_over', at(state.lastActivityAt, settings.reopenWindowSeconds));
      break;
  }
  return candidates.sort((a, b) => a.at - b.at)[0];
}
