import { rankByCapacity } from '../../../core/assignment/capacity.strategy';
import { rankBySkill } from '../../../core/assignment/skill.strategy';
import { aConversation, aTeam, anAgent, NOW } from './assignment-fixtures';
import { rank } from './strategy-harness';

describe('skill strategy', () => {
  const team = aTeam({ strategy: 'skill', skillRelaxAfterSeconds: 120 });

  it('ranks by optional skills matched, then by capacity order', () => {
    const conversation = aConversation('c', { teamId: team.id, optionalSkills: ['vip', 'spanish'] });
    const agents = [
      anAgent('one-skill-idle', { skills: ['vip'] }),
      anAgent('both-busy', { skills: ['vip', 'spanish'], active: { chat: 2 } }),
      anAgent('both-quieter', { skills: ['spanish', 'vip', 'billing'], active: { chat: 1 } }),
      anAgent('none', { skills: ['billing'] }),
    ];
    const ranking = rank(rankBySkill, agents, conversation, team);
    expect(ranking.order).toEqual(['both-quieter', 'both-busy', 'one-skill-idle', 'none']);
    expect(ranking.candidates.map((c) => [c.optionalSkillsMatched, c.score])).toEqual([
      [2, 0],
      [2, 0],
      [1, 1],
      [0, 2],
    ]);
    expect(ranking.reason).toBe(
      'has all optional skills "vip", "spanish", then lowest chat load (1 of 3) among 4 eligible agents',
    );
  });

  it('says when the winner only won on skills, after relaxation', () => {
    const conversation = aConversation('c', {
      teamId: team.id,
      optionalSkills: ['vip', 'spanish'],
      queuedAt: NOW - 121_000,
    });
    const agents = [anAgent('a', { skills: ['vip'], active: { chat: 2 } }), anAgent('b')];
    const ranking = rank(rankBySkill, agents, conversation, team);
    expect(ranking.order).toEqual(['a', 'b']);
    expect(ranking.reason).toBe(
      'has 1 of 2 optional skills "vip", "spanish" after relaxation, the best match among 2 eligible agents',
    );
  });

  it('behaves like the capacity strategy when no optional skills are asked for', () => {
    const conversation = aConversation('c', { teamId: team.id });
    const agents = [
      anAgent('a', { skills: ['vip'], active: { chat: 2 } }),
      anAgent('b', { active: { chat: 1 } }),
      anAgent('c', { active: { chat: 1 }, lastAssignedAt: 5 }),
    ];
    const skill = rank(rankBySkill, agents, conversation, team);
    expect(skill.order).toEqual(rank(rankByCapacity, agents, conversation, team).order);
    expect(skill.order).toEqual(['b', 'c', 'a']);
    expect(skill.reason).toBe(
      'no optional skills asked for, so lowest chat load (1 of 3) among 3 eligible agents; ' +
        'tie broken by longest since last assignment',
    );
  });
});
