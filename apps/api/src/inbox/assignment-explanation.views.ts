import type { CandidateScore, RejectedCandidate } from '../../../../core/assignment/assignment.types';
import type { FeedEvent } from '../../../../core/conversations/conversation-event-feed.repository';
import type { ConversationStatus } from '../../../../core/conversations/conversation-status';

/** How the current assignee got the conversation, as the assignment was logged. */
export interface CurrentAssignmentView {
  agentId: string;
  /** The strategy that chose (round_robin, capacity, skill, channel) or 'manual'. */
  policy: string | null;
  teamId: string | null;
  reason: string | null;
  /** Eligible agents with their scores, best first (empty for a manual assignment). */
  candidates: CandidateScore[];
  /** Agents who could not take it, each with why. */
  rejected: RejectedCandidate[];
  /** Who assigned: 'assignment-queue' or 'agent:<id>'. */
  actor: string;
  eventId: string;
  at: string;
}

export interface AssignmentEventView {
  id: string;
  type: string;
  actor: string;
  data: Record<string, unknown>;
  createdAt: string;
}

/** For an open, unassigned conversation: what the assignment queue would do with it right now. */
export interface WaitingView {
  /** assignable_now: the next drain gives it to agentId; waiting: nobody can take it now, reason says why. */
  outcome: 'assignable_now' | 'waiting';
  agentId: string | null;
  reason: string;
}

export interface AssignmentExplanationView {
  conversationId: string;
  status: ConversationStatus;
  assigneeId: string | null;
  /** null when nobody holds it, or when no logged assignment matches the holder. */
  current: CurrentAssignmentView | null;
  /** Routing, assignment, unassignment and SLA breach events, newest first. */
  history: AssignmentEventView[];
  waiting: WaitingView | null;
}

export const toAssignmentEventView = (event: FeedEvent): AssignmentEventView => ({
  id: event.id,
  type: event.type,
  actor: event.actor,
  data: event.data,
  createdAt: event.createdAt.toISOString(),
});

/** The logged 'assigned' event as the current assignment, if it names the conversation's holder. */
export function toCurrentAssignment(
  event: FeedEvent | undefined,
  assigneeId: string | null,
): CurrentAssignmentView | null {
  if (!event || assigneeId === null || event.data.agentId !== assigneeId) {
    return null;
  }
  const { policy, teamId, reason, candidates, rejected } = event.data;
  return {
    agentId: assigneeId,
    policy: typeof policy === 'string' ? policy : null,
    teamId: typeof teamId === 'string' ? teamId : null,
    reason: typeof reason === 'string' ? reason : null,
    candidates: Array.isArray(candidates) ? (candidates as CandidateScore[]) : [],
    rejected: Array.isArray(rejected) ? (rejected as RejectedCandidate[]) : [],
    actor: event.actor,
    eventId: event.id,
    at: event.createdAt.toISOString(),
  };
}
