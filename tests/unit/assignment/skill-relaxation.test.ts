import { skillRelaxAt } from '../../../core/assignment/plan-assignments';
import { aConversation, aTeam, anAgent, NOW, teamsOf } from './assignment-fixtures';
import { assigneeOf, plan } from './plan-harness';

describe('skill relaxation', () => {
  const team = aTeam({ strategy: 'skill', skillRelaxAfterSeconds: 120, memberIds: ['vip-busy', 'plain', 'other'] });
  const teams = teamsOf(team);
  const queuedAt = NOW - 60_000;
  const conversation = aConversation('c', {
    teamId: team.id,
    requiredSkills: ['spanish'],
    optionalSkills: ['vip'],
    queuedAt,
  });
  const agents = () => [
    anAgent('vip-busy', { skills: ['spanish', 'vip'], active: { chat: 2 } }),
    anAgent('plain', { skills: ['spanish'] }),
    anAgent('other', { skills: [] }),
  ];

  it('before relaxation only an agent with every optional skill may take it, however busy', () => {
    const result = plan([conversation], agents(), { teams });
    expect(assigneeOf(result, 'c')).toBe('vip-busy');
    expect(result.decisions[0].rejected).toEqual([
      { agentId: 'plain', reasons: ['lacks optional skill "vip" (relaxed after 120s)'] },
      {
        agentId: 'other',
        reasons: ['lacks required skill "spanish"', 'lacks optional skill "vip" (relaxed after 120s)'],
      },
    ]);
  });

  it('before relaxation it waits when the agents with the optional skill are full', () => {
    const full = agents().map((agent) =>
      agent.id === 'vip-busy' ? { ...agent, active: { ...agent.active, chat: 3 } } : agent,
    );
    expect(plan([conversation], full, { teams }).waiting).toHaveLength(1);
  });

  it('after relaxation anyone with the required skills may take it, optional-skill holders still first', () => {
    const later = queuedAt + 120_000;
    const full = agents().map((agent) =>
      agent.id === 'vip-busy' ? { ...agent, active: { ...agent.active, chat: 3 } } : agent,
    );
    expect(assigneeOf(plan([conversation], full, { teams, now: later }), 'c')).toBe('plain');
    expect(assigneeOf(plan([conversation], agents(), { teams, now: later }), 'c')).toBe('vip-busy');
  });

  it('reports the relaxation moment so the caller can wake the queue then', () => {
    expect(skillRelaxAt(conversation, team)).toBe(queuedAt + 120_000);
    expect(skillRelaxAt({ ...conversation, optionalSkills: [] }, team)).toBeNull();
    expect(skillRelaxAt(conversation, { ...team, strategy: 'capacity' })).toBeNull();
    expect(skillRelaxAt(conversation, undefined, 'round_robin')).toBeNull();
    expect(skillRelaxAt(conversation, undefined, 'skill')).toBe(queuedAt + 120_000);
    expect(skillRelaxAt(conversation, { ...team, skillRelaxAfterSeconds: 0 })).toBe(queuedAt);
  });
});
