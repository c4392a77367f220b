import type { ChannelCapacity } from '../agents/agent';
import type { Channel } from '../channels/channel';
import type { Priority } from '../conversations/conversation-status';

export const ASSIGNMENT_STRATEGIES = ['round_robin', 'capacity', 'skill', 'channel'] as const;
export type AssignmentStrategy = (typeof ASSIGNMENT_STRATEGIES)[number];

/** Channel weights for the capacity strategy's overall-load tie-break; default 1 each. */
export type ChannelWeights = Record<Channel, number>;

export interface TeamAssignmentSettings {
  id: string;
  name: string;
  strategy: AssignmentStrategy;
  /** Skill strategy: after this long in the queue, optional skills stop being required of the winner. */
  skillRelaxAfterSeconds: number;
  capacityWeights: ChannelWeights;
  memberIds: string[];
}

/** An online, active agent as the queue sees them at drain time (loads derived from the conversations table). */
export interface AgentSnapshot {
  id: string;
  channels: Channel[];
  skills: string[];
  capacity: ChannelCapacity;
  /** Open, assigned conversations per channel (resolved, snoozed and pending-on-customer excluded). */
  active: Record<Channel, number>;
  /** Epoch ms of the last automatic assignment anywhere; 0 when never. */
  lastAssignedAt: number;
  /** Epoch ms of the last automatic assignment per team (round-robin rotation); missing = never. */
  teamLastAssignedAt: Record<string, number>;
}

export interface QueuedConversation {
  id: string;
  workflowId: string;
  channel: Channel;
  priority: Priority;
  /** null = the tenant-wide queue (any online agent; tenant default strategy). */
  teamId: string | null;
  requiredSkills: string[];
  optionalSkills: string[];
  /** Epoch ms the conversation entered the queue. */
  queuedAt: number;
  /** Epoch ms of the earliest pending SLA due time; null when none. */
  slaDueAt: number | null;
  excludedAgentIds: string[];
}

export interface CandidateScore {
  agentId: string;
  /** Strategy-specific score; lower wins. */
  score: number;
  active: number;
  capacity: number;
  optionalSkillsMatched?: number;
  detail?: string;
}

export interface RejectedCandidate {
  agentId: string;
  /** e.g. 'at capacity (3 of 3 chat)', 'lacks required skill "spanish"', 'not in team Billing', 'does not serve email'. */
  reasons: string[];
}

export interface AssignmentDecision {
  conversationId: string;
  workflowId: string;
  agentId: string;
  channel: Channel;
  teamId: string | null;
  strategy: AssignmentStrategy;
  /** Eligible agents with their scores, best first. */
  candidates: CandidateScore[];
  rejected: RejectedCandidate[];
  /** One sentence an agent can read: why this agent won. */
  reason: string;
}

export interface WaitingExplanation {
  conversationId: string;
  /** Why nobody could take it on this pass. */
  reason: string;
}

export interface AssignmentPlan {
  decisions: AssignmentDecision[];
  waiting: WaitingExplanation[];
}
