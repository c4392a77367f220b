import type { ConversationStatus, Priority } from './conversation-status';
import type { SlaDueTimes } from '../sla/sla-policy.types';

/** What the workflow knows about its conversation; carried across continue-as-new and loaded from the row on (re)start. */
export interface ConversationState {
  status: ConversationStatus;
  priority: Priority;
  assigneeId: string | null;
  botTurns: number;
  awaitingFirstResponse: boolean;
  /** Agents already passed over for this conversation (they let the first-response target lapse). */
  excludedAgentIds: string[];
  snoozedUntil: string | null;
  /** When the current assignee got the conversation; the first-response timer runs from here. */
  assignedAt: string | null;
  /** Last customer, bot or agent message; the inactivity timer runs from here. */
  lastActivityAt: string;
  /** A human has handled this conversation before, so a customer writing back reopens it to the inbox. */
  hadHuman: boolean;
  /** Last time a queued conversation re-ran the queue itself (safety net for a lost assignment notice). */
  lastQueueCheckAt?: string | null;
  /** Triage has tagged the conversation (topic, priority, sentiment, language). */
  triaged?: boolean;
  topic?: string | null;
  /** Where the routing policy sent it; null = the tenant-wide queue. */
  teamId?: string | null;
  /** SLA due times the workflow's timers wait on; a target is cleared once met or breached. */
  sla?: SlaDueTimes | null;
  /** When the skill strategy stops insisting on optional skills; the queue is re-run then. */
  skillRelaxAt?: string | null;
}
