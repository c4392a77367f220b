import {
  checkEligibility,
  eligibilityRules,
  ineligibilityReasons,
  isEligible,
} from '../../../core/assignment/eligibility';
import { CHANNELS } from '../../../core/channels/channel';
import { aConversation, aTeam, anAgent, NOW, pick, seededRandom, someOf } from './assignment-fixtures';

const reasonsOf = (result: ReturnType<typeof checkEligibility>) => (result.eligible ? [] : result.reasons);

describe('eligibility', () => {
  it('accepts an agent who serves the channel, has room and every required skill', () => {
    const agent = anAgent('a', { skills: ['spanish'], active: { chat: 2 } });
    const conversation = aConversation('c', { requiredSkills: ['spanish'] });
    expect(checkEligibility(agent, conversation, undefined, NOW)).toEqual({ eligible: true });
  });

  it('rejects an agent who does not serve the channel', () => {
    const agent = anAgent('a', { channels: ['chat', 'sms'] });
    const result = checkEligibility(agent, aConversation('c', { channel: 'email' }), undefined, NOW);
    expect(reasonsOf(result)).toEqual(['does not serve email']);
  });

  it('treats capacity 0 on a channel as not taking that channel', () => {
    const agent = anAgent('a', { capacity: { chat: 0 } });
    expect(reasonsOf(checkEligibility(agent, aConversation('c'), undefined, NOW))).toEqual([
      'does not serve chat (capacity 0)',
    ]);
  });

  it('rejects an agent at capacity on the conversation channel only', () => {
    const agent = anAgent('a', { active: { chat: 3, email: 0 } });
    expect(reasonsOf(checkEligibility(agent, aConversation('c'), undefined, NOW))).toEqual([
      'at capacity (3 of 3 chat)',
    ]);
    expect(checkEligibility(agent, aConversation('e', { channel: 'email' }), undefined, NOW).eligible).toBe(true);
  });

  it('counts an agent pushed over capacity by a manual assignment as at capacity', () => {
    const agent = anAgent('a', { active: { chat: 5 } });
    expect(reasonsOf(checkEligibility(agent, aConversation('c'), undefined, NOW))).toEqual([
      'at capacity (5 of 3 chat)',
    ]);
  });

  it('names every missing required skill', () => {
    const agent = anAgent('a', { skills: ['billing'] });
    const conversation = aConversation('c', { requiredSkills: ['spanish', 'billing', 'refunds'] });
    expect(reasonsOf(checkEligibility(agent, conversation, undefined, NOW))).toEqual([
      'lacks required skill "spanish"',
      'lacks required skill "refunds"',
    ]);
  });

  it('matches skills exactly', () => {
    const agent = anAgent('a', { skills: ['Spanish'] });
    const conversation = aConversation('c', { requiredSkills: ['spanish'] });
    expect(checkEligibility(agent, conversation, undefined, NOW).eligible).toBe(false);
  });

  it('rejects non-members for a team conversation and accepts members', () => {
    const team = aTeam({ memberIds: ['member'] });
    const conversation = aConversation('c', { teamId: team.id });
    expect(reasonsOf(checkEligibility(anAgent('outsider'), conversation, team, NOW))).toEqual([
      'not a member of team Billing',
    ]);
    expect(checkEligibility(anAgent('member'), conversation, team, NOW).eligible).toBe(true);
  });

  it('rejects an agent who handed the conversation back', () => {
    const conversation = aConversation('c', { excludedAgentIds: ['a'] });
    expect(reasonsOf(checkEligibility(anAgent('a'), conversation, undefined, NOW))).toEqual([
      'handed this conversation back earlier',
    ]);
  });

  it('lists every failed rule at once', () => {
    const team = aTeam({ memberIds: [] });
    const agent = anAgent('a', { active: { chat: 3 } });
    const conversation = aConversation('c', { teamId: team.id, requiredSkills: ['vip'], excludedAgentIds: ['a'] });
    expect(reasonsOf(checkEligibility(agent, conversation, team, NOW))).toEqual([
      'not a member of team Billing',
      'at capacity (3 of 3 chat)',
      'handed this conversation back earlier',
      'lacks required skill "vip"',
    ]);
  });

  describe('optional skills', () => {
    const skillTeam = aTeam({ strategy: 'skill', skillRelaxAfterSeconds: 120, memberIds: ['a'] });
    const queuedAt = NOW - 60_000;
    const conversation = aConversation('c', { teamId: skillTeam.id, optionalSkills: ['vip'], queuedAt });

    it('are required by the skill strategy until the relaxation moment', () => {
      expect(reasonsOf(checkEligibility(anAgent('a'), conversation, skillTeam, NOW))).toEqual([
        'lacks optional skill "vip" (relaxed after 120s)',
      ]);
      expect(checkEligibility(anAgent('a'), conversation, skillTeam, queuedAt + 119_999).eligible).toBe(false);
    });

    it('stop being required at the relaxation moment', () => {
      expect(checkEligibility(anAgent('a'), conversation, skillTeam, queuedAt + 120_000).eligible).toBe(true);
    });

    it('are never required by other strategies', () => {
      const capacityTeam = { ...skillTeam, strategy: 'capacity' as const };
      expect(checkEligibility(anAgent('a'), conversation, capacityTeam, NOW).eligible).toBe(true);
    });

    it('follow the strategy passed for the tenant-wide queue', () => {
      const tenantWide = aConversation('c', { optionalSkills: ['vip'], queuedAt });
      expect(checkEligibility(anAgent('a'), tenantWide, undefined, NOW).eligible).toBe(true);
      expect(checkEligibility(anAgent('a'), tenantWide, undefined, NOW, 'skill').eligible).toBe(false);
    });
  });

  it('gives the same verdict from the fast check and from the reasons, for random agents and conversations', () => {
    const random = seededRandom(7);
    const skills = ['spanish', 'vip', 'billing'];
    const team = aTeam({ strategy: 'skill', memberIds: ['a0', 'a2', 'a4', 'a6'] });
    for (let i = 0; i < 2_000; i += 1) {
      const agent = anAgent(`a${i % 8}`, {
        channels: someOf(random, CHANNELS, 0.7),
        skills: someOf(random, skills, 0.5),
        capacity: { chat: Math.floor(random() * 3), email: Math.floor(random() * 3), sms: Math.floor(random() * 3) },
        active: { chat: Math.floor(random() * 3), email: Math.floor(random() * 3), sms: Math.floor(random() * 3) },
      });
      const conversation = aConversation(`c${i}`, {
        channel: pick(random, CHANNELS),
        teamId: random() < 0.5 ? team.id : null,
        requiredSkills: someOf(random, skills, 0.3),
        optionalSkills: someOf(random, skills, 0.3),
        excludedAgentIds: random() < 0.2 ? [agent.id] : [],
        queuedAt: NOW - Math.floor(random() * 240_000),
      });
      const rules = eligibilityRules(conversation, conversation.teamId ? team : undefined, 'skill', NOW);
      expect(isEligible(agent, rules)).toBe(ineligibilityReasons(agent, rules).length === 0);
    }
  });
});
