import { hasRoleAtLeast, type AgentRole } from '../agents/agent';

/**
 * Who may see and work which conversation: pure rules over the caller (role, teams) and the conversation (team,
 * assignee), enforced by the inbox services. The README's permissions matrix describes these rules.
 *
 * Visibility: supervisors and admins see every conversation of their tenant. An agent sees the conversations assigned
 * to them, every conversation of a team they belong to, and every conversation of no team (the tenant's shared pool:
 * a tenant without teams keeps working as one team). Anything else is reported as missing, never as forbidden.
 *
 * Work on a visible conversation: anyone reads it, replies (replying to an unowned one takes it; replying to a
 * colleague's does not reassign it) and corrects its topic. Acting on one's own or an unassigned conversation is an
 * agent's; acting on a colleague's, or handing a conversation to someone else, takes a supervisor.
 */
export interface PermissionCaller {
  id: string;
  role: AgentRole;
  /** The teams the caller belongs to; only consulted for the agent role. */
  teamIds: readonly string[];
}

export interface ConversationHolding {
  teamId: string | null;
  assigneeId: string | null;
}

export const CONVERSATION_ACTIONS = [
  'read',
  'reply',
  'retag',
  'take',
  'give_back',
  'take_over',
  'unassign_colleague',
  'assign_to_other',
  'resolve',
  'reopen',
  'snooze',
  'pend',
] as const;
export type ConversationAction = (typeof CONVERSATION_ACTIONS)[number];

/** The role an action on a colleague's conversation (or for someone else) needs, and how a 403 names it. */
const SUPERVISED: Partial<Record<ConversationAction, string>> = {
  take: "take over a colleague's conversation",
  give_back: "unassign a colleague's conversation",
  take_over: "take over a colleague's conversation",
  unassign_colleague: "unassign a colleague's conversation",
  assign_to_other: 'assign a conversation to someone else',
  resolve: "resolve a colleague's conversation",
  reopen: "reopen a colleague's conversation",
  snooze: "snooze a colleague's conversation",
  pend: "set a colleague's conversation to pending",
};

/** Actions any caller who sees the conversation may take, whoever holds it. */
const OPEN_TO_VIEWERS: readonly ConversationAction[] = ['read', 'reply', 'retag'];

/** Actions about someone else's assignment, whatever the conversation's state. */
const ABOUT_OTHERS: readonly ConversationAction[] = ['take_over', 'unassign_colleague', 'assign_to_other'];

export const SUPERVISOR_ROLE: AgentRole = 'supervisor';

export type PermissionDecision =
  | { outcome: 'allowed' }
  /** Answer 404: the caller must not learn that the conversation exists. */
  | { outcome: 'hidden' }
  /** Answer 403 with this message, which names the missing role. */
  | { outcome: 'forbidden'; requiredRole: AgentRole; message: string };

export function seesEveryConversation(caller: Pick<PermissionCaller, 'role'>): boolean {
  return hasRoleAtLeast(caller.role, SUPERVISOR_ROLE);
}

export function canSee(caller: PermissionCaller, conversation: ConversationHolding): boolean {
  return (
    seesEveryConversation(caller) ||
    conversation.assigneeId === caller.id ||
    conversation.teamId === null ||
    caller.teamIds.includes(conversation.teamId)
  );
}

/**
 * Which assignment action a request is. `agentId` is the requested assignee (null unassigns), `assigneeId` the
 * current holder.
 */
export function assignmentAction(
  callerId: string,
  assigneeId: string | null,
  agentId: string | null,
): ConversationAction {
  const ownOrFree = assigneeId === null || assigneeId === callerId;
  if (agentId === callerId) {
    return ownOrFree ? 'take' : 'take_over';
  }
  if (agentId === null) {
    return ownOrFree ? 'give_back' : 'unassign_colleague';
  }
  return 'assign_to_other';
}

/** What the caller may do to a conversation: allowed, hidden (404) or forbidden (403 naming the role). */
export function decide(
  caller: PermissionCaller,
  conversation: ConversationHolding,
  action: ConversationAction,
): PermissionDecision {
  if (!canSee(caller, conversation)) {
    return { outcome: 'hidden' };
  }
  if (seesEveryConversation(caller) || OPEN_TO_VIEWERS.includes(action)) {
    return { outcome: 'allowed' };
  }
  const ownOrFree = conversation.assigneeId === null || conversation.assigneeId === caller.id;
  if (ownOrFree && !ABOUT_OTHERS.includes(action)) {
    return { outcome: 'allowed' };
  }
  const doing = SUPERVISED[action] ?? `${action} a colleague's conversation`;
  return {
    outcome: 'forbidden',
    requiredRole: SUPERVISOR_ROLE,
    message: `supervisor or admin role required to ${doing}`,
  };
}
