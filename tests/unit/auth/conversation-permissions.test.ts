import {
  assignmentAction,
  canSee,
  CONVERSATION_ACTIONS,
  decide,
  type ConversationAction,
  type ConversationHolding,
  type PermissionCaller,
} from '../../../core/auth/conversation-permissions';
import { AGENT_ROLES, hasRoleAtLeast } from '../../../core/agents/agent';

const BILLING = 'team-billing';
const SHIPPING = 'team-shipping';

const agent: PermissionCaller = { id: 'ana', role: 'agent', teamIds: [BILLING] };
const supervisor: PermissionCaller = { id: 'sue', role: 'supervisor', teamIds: [] };
const admin: PermissionCaller = { id: 'ada', role: 'admin', teamIds: [] };

const conversation = (teamId: string | null, assigneeId: string | null): ConversationHolding => ({
  teamId,
  assigneeId,
});

const STATUS_CHANGES: ConversationAction[] = ['resolve', 'reopen', 'snooze', 'pend'];

describe('role order', () => {
  it('ranks agent < supervisor < admin', () => {
    expect(AGENT_ROLES).toEqual(['agent', 'supervisor', 'admin']);
    expect(hasRoleAtLeast('agent', 'supervisor')).toBe(false);
    expect(hasRoleAtLeast('supervisor', 'supervisor')).toBe(true);
    expect(hasRoleAtLeast('admin', 'supervisor')).toBe(true);
    expect(hasRoleAtLeast('supervisor', 'admin')).toBe(false);
  });
});

describe('which conversations a caller sees', () => {
  it('shows an agent their own, their teams’ and un-teamed conversations, and nothing of other teams', () => {
    expect(canSee(agent, conversation(BILLING, 'bob'))).toBe(true);
    expect(canSee(agent, conversation(BILLING, null))).toBe(true);
    expect(canSee(agent, conversation(null, 'bob'))).toBe(true);
    expect(canSee(agent, conversation(null, null))).toBe(true);
    expect(canSee(agent, conversation(SHIPPING, 'ana'))).toBe(true);
    expect(canSee(agent, conversation(SHIPPING, null))).toBe(false);
    expect(canSee(agent, conversation(SHIPPING, 'bob'))).toBe(false);
  });

  it('shows supervisors and admins every conversation of the tenant, whatever their teams', () => {
    for (const caller of [supervisor, admin]) {
      expect(canSee(caller, conversation(SHIPPING, 'bob'))).toBe(true);
      expect(canSee(caller, conversation(BILLING, null))).toBe(true);
    }
  });

  it('hides (404, not 403) every action on a conversation the caller cannot see', () => {
    for (const action of CONVERSATION_ACTIONS) {
      expect([action, decide(agent, conversation(SHIPPING, 'bob'), action)]).toEqual([action, { outcome: 'hidden' }]);
    }
  });
});

describe('what a caller may do to a conversation they see', () => {
  it('lets an agent read, reply to and re-tag a colleague’s conversation of their team', () => {
    for (const action of ['read', 'reply', 'retag'] as const) {
      expect(decide(agent, conversation(BILLING, 'bob'), action)).toEqual({ outcome: 'allowed' });
    }
  });

  it('lets an agent change the status of their own or an unassigned conversation, not a colleague’s', () => {
    for (const action of STATUS_CHANGES) {
      expect(decide(agent, conversation(BILLING, 'ana'), action)).toEqual({ outcome: 'allowed' });
      expect(decide(agent, conversation(null, null), action)).toEqual({ outcome: 'allowed' });
      expect(decide(agent, conversation(BILLING, 'bob'), action)).toMatchObject({
        outcome: 'forbidden',
        requiredRole: 'supervisor',
      });
    }
  });

  it('names the missing role and the action in the 403 message', () => {
    expect(decide(agent, conversation(null, 'bob'), 'resolve')).toEqual({
      outcome: 'forbidden',
      requiredRole: 'supervisor',
      message: "supervisor or admin role required to resolve a colleague's conversation",
    });
    expect(decide(agent, conversation(null, null), 'assign_to_other')).toMatchObject({
      message: 'supervisor or admin role required to assign a conversation to someone else',
    });
  });

  it('lets supervisors and admins do everything to any conversation', () => {
    for (const caller of [supervisor, admin]) {
      for (const action of CONVERSATION_ACTIONS) {
        expect([action, decide(caller, conversation(SHIPPING, 'bob'), action)]).toEqual([
          action,
          { outcome: 'allowed' },
        ]);
      }
    }
  });
});

describe('which assignment a request is', () => {
  it('tells taking and giving back from taking over, unassigning a colleague and assigning someone else', () => {
    expect(assignmentAction('ana', null, 'ana')).toBe('take');
    expect(assignmentAction('ana', 'ana', 'ana')).toBe('take');
    expect(assignmentAction('ana', 'bob', 'ana')).toBe('take_over');
    expect(assignmentAction('ana', 'ana', null)).toBe('give_back');
    expect(assignmentAction('ana', null, null)).toBe('give_back');
    expect(assignmentAction('ana', 'bob', null)).toBe('unassign_colleague');
    expect(assignmentAction('ana', null, 'bob')).toBe('assign_to_other');
    expect(assignmentAction('ana', 'ana', 'bob')).toBe('assign_to_other');
  });

  it('lets an agent take an unassigned conversation or give back their own, and nothing else', () => {
    const allowed = (holding: ConversationHolding, agentId: string | null) =>
      decide(agent, holding, assignmentAction(agent.id, holding.assigneeId, agentId)).outcome;

    expect(allowed(conversation(BILLING, null), 'ana')).toBe('allowed');
    expect(allowed(conversation(BILLING, 'ana'), null)).toBe('allowed');
    expect(allowed(conversation(BILLING, 'bob'), 'ana')).toBe('forbidden');
    expect(allowed(conversation(BILLING, 'bob'), null)).toBe('forbidden');
    expect(allowed(conversation(BILLING, null), 'bob')).toBe('forbidden');
    expect(allowed(conversation(SHIPPING, null), 'ana')).toBe('hidden');
  });

  it('words a refused take-over and unassignment for what they are', () => {
    expect(decide(agent, conversation(null, 'bob'), 'take_over')).toMatchObject({
      message: "supervisor or admin role required to take over a colleague's conversation",
    });
    expect(decide(agent, conversation(null, 'bob'), 'unassign_colleague')).toMatchObject({
      message: "supervisor or admin role required to unassign a colleague's conversation",
    });
  });
});
