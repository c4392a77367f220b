import { aConversation, aTeam, anAgent, NOW, teamsOf } from './assignment-fixtures';
import { plan, waitingReason } from './plan-harness';

describe('why a conversation is left waiting', () => {
  const team = aTeam({ memberIds: ['m1', 'm2'] });
  const teams = teamsOf(team);
  const inTeam = (overrides = {}) => aConversation('c', { teamId: team.id, ...overrides });

  it('no member of the team is online', () => {
    expect(waitingReason(plan([inTeam()], [anAgent('outsider')], { teams }), 'c')).toBe(
      'no member of team Billing is online',
    );
  });

  it('no online member serves the channel', () => {
    const agents = [anAgent('m1', { channels: ['email'] }), anAgent('m2', { capacity: { sms: 0 } })];
    expect(waitingReason(plan([inTeam({ channel: 'sms' })], agents, { teams }), 'c')).toBe(
      'no online member of team Billing serves sms',
    );
  });

  it('nobody on the channel has the required skills', () => {
    const agents = [anAgent('m1', { skills: ['spanish'] }), anAgent('m2', { skills: ['vip'] })];
    expect(waitingReason(plan([inTeam({ requiredSkills: ['spanish', 'vip'] })], agents, { teams }), 'c')).toBe(
      'no online member of team Billing who serves chat has the required skills "spanish", "vip"',
    );
  });

  it('everyone suitable is full', () => {
    const agents = [anAgent('m1', { active: { chat: 3 } }), anAgent('m2', { active: { chat: 3 } })];
    expect(waitingReason(plan([inTeam()], agents, { teams }), 'c')).toBe(
      'no online member of team Billing has room on chat',
    );
  });

  it('everyone full is named with the skills asked for, in the tenant-wide queue', () => {
    const agents = [anAgent('a', { skills: ['spanish'], active: { chat: 3 } }), anAgent('b')];
    expect(waitingReason(plan([aConversation('c', { requiredSkills: ['spanish'] })], agents), 'c')).toBe(
      'no online agent with the required skill "spanish" has room on chat',
    );
  });

  it('the only agents with room handed it back', () => {
    const agents = [anAgent('m1'), anAgent('m2', { active: { chat: 3 } })];
    expect(waitingReason(plan([inTeam({ excludedAgentIds: ['m1'] })], agents, { teams }), 'c')).toBe(
      'every online member of team Billing with room on chat handed this conversation back earlier',
    );
  });

  it('the skill strategy is holding out for an optional skill, until when', () => {
    const skillTeam = aTeam({ strategy: 'skill', skillRelaxAfterSeconds: 120, memberIds: ['m1'] });
    const conversation = inTeam({ requiredSkills: ['spanish'], optionalSkills: ['vip'], queuedAt: NOW - 60_000 });
    const agents = [anAgent('m1', { skills: ['spanish'] })];
    expect(waitingReason(plan([conversation], agents, { teams: teamsOf(skillTeam) }), 'c')).toBe(
      'waiting for an agent with optional skill "vip" until 12:01:00Z, then any member of team Billing with the required skills',
    );
  });

  it('the tenant-wide skill strategy uses the default relaxation period', () => {
    const conversation = aConversation('c', { optionalSkills: ['vip', 'french'], queuedAt: NOW });
    expect(waitingReason(plan([conversation], [anAgent('a')], { tenantDefaultStrategy: 'skill' }), 'c')).toBe(
      'waiting for an agent with optional skills "vip", "french" until 12:02:00Z, then any agent',
    );
  });

  it('the team no longer exists and nobody can take it tenant-wide', () => {
    expect(waitingReason(plan([aConversation('c', { teamId: 'gone' })], []), 'c')).toBe(
      'team gone no longer exists; no agent is online',
    );
  });
});
