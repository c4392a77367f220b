import { validateRoutingPolicy, type RoutingPolicyRefs } from '../../../core/routing/routing-policy.validation';
import type { PolicyProblem } from '../../../core/routing/routing-policy.types';

const refs: RoutingPolicyRefs = {
  teamIds: new Set(['billing-team', 'support-team']),
  slaPolicyIds: new Set(['sla-gold']),
  calendarIds: new Set(['office']),
  topics: new Set(['Billing', 'Shipping']),
};

function problemsOf(input: unknown): PolicyProblem[] {
  const result = validateRoutingPolicy(input, refs);
  if (result.ok) {
    throw new Error('expected problems');
  }
  return result.problems;
}

/** Problems as 'ruleIndex:field' for compact assertions. */
const where = (problems: PolicyProblem[]) => problems.map((p) => `${p.ruleIndex ?? '-'}:${p.field}`);

const validRule = (overrides: Record<string, unknown> = {}) => ({
  name: 'Billing',
  when: { topics: ['Billing'] },
  then: { teamId: 'billing-team' },
  ...overrides,
});

describe('validateRoutingPolicy', () => {
  it('accepts a valid policy and normalises it', () => {
    const result = validateRoutingPolicy(
      {
        rules: [
          {
            name: '  VIP billing ',
            when: {
              topics: ['billing'],
              minTopicConfidence: 0.6,
              channels: ['chat', 'email'],
              priorities: ['urgent'],
              sentiments: ['negative'],
              customerTiers: [' Gold ', 'gold'],
              customerAttributes: { vip: true, seats: 10, region: ' EMEA ' },
              languages: ['EN'],
              keywords: ['  Can’t   Log In ', 'Refund'],
              businessHours: { calendarId: 'office', open: true },
              hasOpenConversation: false,
            },
            then: {
              teamId: 'billing-team',
              priority: 'high',
              addTags: ['VIP ', 'vip'],
              requiredSkills: [' Billing'],
              optionalSkills: ['German'],
              slaPolicyId: 'sla-gold',
            },
          },
          { name: 'Night', enabled: false, when: {}, then: { teamId: null } },
        ],
        fallback: { teamId: 'support-team' },
      },
      refs,
    );
    expect(result).toEqual({
      ok: true,
      policy: {
        rules: [
          {
            name: 'VIP billing',
            enabled: true,
            when: {
              topics: ['Billing'],
              minTopicConfidence: 0.6,
              channels: ['chat', 'email'],
              priorities: ['urgent'],
              sentiments: ['negative'],
              customerTiers: ['gold'],
              customerAttributes: { vip: true, seats: 10, region: 'EMEA' },
              languages: ['en'],
              keywords: ["can't log in", 'refund'],
              businessHours: { calendarId: 'office', open: true },
              hasOpenConversation: false,
            },
            then: {
              teamId: 'billing-team',
              priority: 'high',
              addTags: ['vip'],
              requiredSkills: ['billing'],
              optionalSkills: ['german'],
              slaPolicyId: 'sla-gold',
            },
          },
          { name: 'Night', enabled: false, when: {}, then: { teamId: null } },
        ],
        fallback: { teamId: 'support-team' },
      },
    });
  });

  it('accepts an empty rule list with an empty fallback', () => {
    expect(validateRoutingPolicy({ rules: [], fallback: {} }, refs)).toEqual({
      ok: true,
      policy: { rules: [], fallback: {} },
    });
  });

  it('collects every problem with its rule index and field path', () => {
    const problems = problemsOf({
      rules: [
        validRule({ when: { topics: ['Billing'], minTopicConfidence: 1.5 } }),
        validRule({ name: 'Keywords', when: { keywords: ['refund', 'ok', '  ', 7] }, then: { teamId: 'ghost-team' } }),
        validRule({
          name: 'Channels',
          when: { channels: ['chat', 'fax'], sentiments: ['angry'] },
          then: { priority: 'p1' },
        }),
      ],
      fallback: { slaPolicyId: 'sla-none' },
    });
    expect(where(problems)).toEqual([
      '0:when.minTopicConfidence',
      '1:when.keywords[2]',
      '1:when.keywords[3]',
      '1:then.teamId',
      '2:when.channels[1]',
      '2:when.sentiments[0]',
      '2:then.priority',
      '-:fallback.slaPolicyId',
    ]);
    expect(problems[0].message).toBe('Must be a number from 0 to 1');
    expect(problems[3].message).toBe("Unknown team 'ghost-team'");
    expect(problems[4].message).toBe("Unknown value 'fax'; allowed: chat, email, sms");
    expect(problems[6].message).toContain("Unknown priority 'p1'");
    expect(problems[7].message).toBe("Unknown SLA policy 'sla-none'");
  });

  it('rejects unknown keys, naming the typo and the likely intent', () => {
    const problems = problemsOf({
      rules: [validRule({ when: { topic: ['Billing'] }, then: { team: 'billing-team' }, priority: 'high' })],
      fallback: {},
      version: 2,
    });
    expect(problems).toEqual([
      { ruleIndex: null, field: 'version', message: expect.stringContaining("Unknown field 'version'") },
      { ruleIndex: 0, field: 'priority', message: expect.stringContaining("Unknown field 'priority'") },
      { ruleIndex: 0, field: 'when.topic', message: "Unknown field 'topic'; did you mean 'topics'?" },
      { ruleIndex: 0, field: 'then.team', message: expect.stringContaining("Unknown field 'team'") },
      // 'team' is not an action, so the rule has none.
      { ruleIndex: 0, field: 'then', message: expect.stringContaining('at least one action') },
    ]);
  });

  it('names an unknown topic', () => {
    const problems = problemsOf({ rules: [validRule({ when: { topics: ['Billing', 'Returns'] } })], fallback: {} });
    expect(problems).toEqual([
      { ruleIndex: 0, field: 'when.topics[1]', message: "Unknown topic 'Returns'; known topics: Billing, Shipping" },
    ]);
  });

  it('allows minTopicConfidence only together with topics', () => {
    expect(problemsOf({ rules: [validRule({ when: { minTopicConfidence: 0.5 } })], fallback: {} })).toEqual([
      { ruleIndex: 0, field: 'when.minTopicConfidence', message: 'Only allowed together with when.topics' },
    ]);
  });

  it('requires rule names that are present, unique and not reserved', () => {
    const problems = problemsOf({
      rules: [validRule(), validRule({ name: ' billing ' }), validRule({ name: '' }), validRule({ name: 'Fallback' })],
      fallback: {},
    });
    expect(where(problems)).toEqual(['1:name', '2:name', '3:name']);
    expect(problems[0].message).toBe("Duplicate rule name 'billing' (same as rule 0)");
  });

  it('requires non-empty lists and at least one action', () => {
    const problems = problemsOf({
      rules: [validRule({ when: { channels: [], keywords: 'refund' }, then: {} })],
      fallback: {},
    });
    expect(problems).toEqual([
      { ruleIndex: 0, field: 'when.channels', message: 'Must not be empty; leave the field out instead' },
      { ruleIndex: 0, field: 'when.keywords', message: 'Must be a list of strings' },
      { ruleIndex: 0, field: 'then', message: expect.stringContaining('at least one action') },
    ]);
  });

  it('checks the business-hours condition and its calendar', () => {
    const problems = problemsOf({
      rules: [
        validRule({ when: { businessHours: { calendarId: 'weekend', open: 'yes' } } }),
        validRule({ name: 'B', when: { businessHours: 'office' } }),
      ],
      fallback: {},
    });
    expect(where(problems)).toEqual([
      '0:when.businessHours.calendarId',
      '0:when.businessHours.open',
      '1:when.businessHours',
    ]);
    expect(problems[0].message).toBe("Unknown business-hours calendar 'weekend'");
  });

  it('checks skills, tags, attributes, languages and flags', () => {
    const problems = problemsOf({
      rules: [
        validRule({
          enabled: 'no',
          when: { customerAttributes: { vip: null, '': 'x' }, languages: ['english'], hasOpenConversation: 1 },
          then: { requiredSkills: ['billing', ' '], addTags: [42] },
        }),
      ],
      fallback: { optionalSkills: [] },
    });
    expect(where(problems)).toEqual([
      '0:enabled',
      '0:when.customerAttributes.vip',
      '0:when.customerAttributes.',
      '0:when.languages[0]',
      '0:when.hasOpenConversation',
      '0:then.addTags[0]',
      '0:then.requiredSkills[1]',
      '-:fallback.optionalSkills',
    ]);
  });

  it('requires rules and fallback and limits the number of rules', () => {
    expect(where(problemsOf({}))).toEqual(['-:rules', '-:fallback']);
    expect(where(problemsOf(null))).toEqual(['-:']);
    const many = Array.from({ length: 201 }, (_, i) => validRule({ name: `rule ${i}` }));
    expect(problemsOf({ rules: many, fallback: {} })).toEqual([
      { ruleIndex: null, field: 'rules', message: 'At most 200 rules (got 201)' },
    ]);
  });

  it('rejects a rule that is not an object', () => {
    expect(where(problemsOf({ rules: [validRule(), 'route to billing'], fallback: {} }))).toEqual(['1:']);
  });
});
