import { compareRouting, type DryRunSample } from '../../../core/routing/routing-dry-run';
import type { RoutingFacts } from '../../../core/routing/routing-policy.types';
import { aPolicy, aRule, someFacts } from './routing.fixtures';

const names = {
  teams: new Map([
    ['billing', 'Billing'],
    ['support', 'Support'],
    ['vip', 'VIP desk'],
  ]),
  slaPolicies: new Map([['gold', 'Gold SLA']]),
};
const noCalendars = new Map();

const sample = (conversationId: string, facts: Partial<RoutingFacts>): DryRunSample => ({
  conversationId,
  facts: someFacts(facts),
  createdAt: '2024-06-17T10:00:00.000Z',
});

const current = aPolicy([aRule('billing', { topics: ['billing'] }, { teamId: 'billing' })], { teamId: 'support' });

describe('compareRouting', () => {
  it('counts changed and unchanged conversations and groups transitions, most frequent first', () => {
    const draft = aPolicy(
      [
        aRule('vip', { customerTiers: ['gold'] }, { teamId: 'vip', slaPolicyId: 'gold' }),
        aRule('billing', { topics: ['billing'] }, { teamId: 'billing' }),
      ],
      { teamId: 'support' },
    );
    const samples = [
      sample('c1', { topic: 'billing', customerTier: 'gold' }),
      sample('c2', { customerTier: 'gold' }),
      sample('c3', { topic: 'billing' }),
      sample('c4', { customerTier: 'Gold' }),
      sample('c5', {}),
    ];
    const report = compareRouting(samples, current, draft, noCalendars, names);
    expect(report).toMatchObject({ evaluated: 5, changed: 3, unchanged: 2, changesTruncated: false });
    expect(report.transitions).toEqual([
      {
        from: {
          rule: 'fallback',
          teamId: 'support',
          teamName: 'Support',
          priority: 'normal',
          slaPolicyId: null,
          slaPolicyName: null,
        },
        to: {
          rule: 'vip',
          teamId: 'vip',
          teamName: 'VIP desk',
          priority: 'normal',
          slaPolicyId: 'gold',
          slaPolicyName: 'Gold SLA',
        },
        count: 2,
        sampleConversationIds: ['c2', 'c4'],
      },
      {
        from: {
          rule: 'billing',
          teamId: 'billing',
          teamName: 'Billing',
          priority: 'normal',
          slaPolicyId: null,
          slaPolicyName: null,
        },
        to: {
          rule: 'vip',
          teamId: 'vip',
          teamName: 'VIP desk',
          priority: 'normal',
          slaPolicyId: 'gold',
          slaPolicyName: 'Gold SLA',
        },
        count: 1,
        sampleConversationIds: ['c1'],
      },
    ]);
    expect(report.changes.map((c) => [c.conversationId, c.differences])).toEqual([
      ['c1', ['team', 'sla']],
      ['c2', ['team', 'sla']],
      ['c4', ['team', 'sla']],
    ]);
  });

  it('counts rule hits for the draft and the current policy, including disabled rules and the fallback', () => {
    const draft = aPolicy(
      [
        aRule('off', {}, { teamId: 'vip' }, false),
        aRule('billing', { topics: ['billing'] }, { teamId: 'billing' }),
        aRule('email', { channels: ['email'] }, { teamId: 'support', priority: 'urgent' }),
      ],
      { teamId: 'support' },
    );
    const samples = [
      sample('c1', { topic: 'billing' }),
      sample('c2', { topic: 'billing', channel: 'email' }),
      sample('c3', { channel: 'email' }),
      sample('c4', {}),
    ];
    const report = compareRouting(samples, current, draft, noCalendars, names);
    expect(report.ruleHits.draft).toEqual([
      { ruleIndex: 0, ruleName: 'off', enabled: false, count: 0 },
      { ruleIndex: 1, ruleName: 'billing', enabled: true, count: 2 },
      { ruleIndex: 2, ruleName: 'email', enabled: true, count: 1 },
      { ruleIndex: null, ruleName: 'fallback', enabled: true, count: 1 },
    ]);
    expect(report.ruleHits.current).toEqual([
      { ruleIndex: 0, ruleName: 'billing', enabled: true, count: 2 },
      { ruleIndex: null, ruleName: 'fallback', enabled: true, count: 2 },
    ]);
    // Only c3 changes: same team, raised priority.
    expect(report.changed).toBe(1);
    expect(report.changes[0]).toMatchObject({
      conversationId: 'c3',
      differences: ['priority'],
      from: { rule: 'fallback', priority: 'normal' },
      to: { rule: 'email', priority: 'urgent' },
    });
  });

  it('never lowers the priority triage gave, as routing a live conversation does not', () => {
    const draft = aPolicy([aRule('calm', {}, { teamId: 'support', priority: 'low' })], { teamId: 'support' });
    const report = compareRouting([sample('c1', { priority: 'high' })], current, draft, noCalendars, names);
    expect(report.changed).toBe(0);
    expect(report.ruleHits.draft[0]).toMatchObject({ ruleName: 'calm', count: 1 });
  });

  it('treats tags and skills as routing differences, but not the rule name alone', () => {
    const renamed = aPolicy([aRule('invoices', { topics: ['billing'] }, { teamId: 'billing' })], { teamId: 'support' });
    const tagged = aPolicy([aRule('billing', { topics: ['billing'] }, { teamId: 'billing', addTags: ['money'] })], {
      teamId: 'support',
      requiredSkills: ['english'],
    });
    const samples = [sample('c1', { topic: 'billing' }), sample('c2', {})];
    expect(compareRouting(samples, current, renamed, noCalendars, names).changed).toBe(0);
    const report = compareRouting(samples, current, tagged, noCalendars, names);
    expect(report.changes.map((c) => [c.conversationId, c.differences])).toEqual([
      ['c1', ['tags']],
      ['c2', ['skills']],
    ]);
    expect(report.changes[0].to.tags).toEqual(['money']);
  });

  it('compares with "no policy" when none is published yet', () => {
    const draft = aPolicy([aRule('urgent', { priorities: ['urgent'] }, { teamId: 'vip' })]);
    const report = compareRouting(
      [sample('c1', { priority: 'urgent' }), sample('c2', {})],
      null,
      draft,
      noCalendars,
      names,
    );
    expect(report.ruleHits.current).toBeNull();
    expect(report).toMatchObject({ changed: 1, unchanged: 1 });
    expect(report.transitions[0].from).toEqual({
      rule: '(no policy)',
      teamId: null,
      teamName: null,
      priority: 'urgent',
      slaPolicyId: null,
      slaPolicyName: null,
    });
  });

  it('limits listed changes and sample ids, and says when the list is cut', () => {
    const draft = aPolicy([], { teamId: 'vip' });
    const samples = Array.from({ length: 8 }, (_, i) => sample(`c${i}`, {}));
    const report = compareRouting(samples, current, draft, noCalendars, names, { maxChanges: 3 });
    expect(report.changed).toBe(8);
    expect(report.changes.map((c) => c.conversationId)).toEqual(['c0', 'c1', 'c2']);
    expect(report.changesTruncated).toBe(true);
    expect(report.transitions).toHaveLength(1);
    expect(report.transitions[0]).toMatchObject({ count: 8, sampleConversationIds: ['c0', 'c1', 'c2', 'c3', 'c4'] });
  });

  it('reports nothing for no samples', () => {
    const report = compareRouting([], current, current, noCalendars, names);
    expect(report).toMatchObject({ evaluated: 0, changed: 0, unchanged: 0, transitions: [], changes: [] });
  });
});
