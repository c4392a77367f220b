import { evaluateRoutingPolicy, explainMatch, explainRouting } from '../../../core/routing/routing-policy.evaluator';
import type { RoutingConditions, RoutingFacts } from '../../../core/routing/routing-policy.types';
import { BusinessCalendar } from '../../../core/sla/business-calendar';
import { aPolicy, aRule, someFacts } from './routing.fixtures';

const calendars = new Map([
  [
    'office',
    new BusinessCalendar({
      timeZone: 'Europe/London',
      weekly: { mon: [{ start: '09:00', end: '17:00' }], tue: [{ start: '09:00', end: '17:00' }] },
      holidays: [],
    }),
  ],
]);

/** Whether a single-rule policy picks its rule for these facts. */
function matches(when: RoutingConditions, facts: Partial<RoutingFacts>): boolean {
  return evaluateRoutingPolicy(aPolicy([aRule('only', when)]), someFacts(facts), calendars).ruleIndex === 0;
}

describe('evaluateRoutingPolicy', () => {
  it('picks the first matching rule', () => {
    const policy = aPolicy([
      aRule('email', { channels: ['email'] }, { teamId: 'email-team' }),
      aRule('urgent', { priorities: ['urgent'] }, { teamId: 'escalations', priority: 'urgent' }),
      aRule('any-urgent-email', { channels: ['email'], priorities: ['urgent'] }, { teamId: 'never' }),
    ]);
    expect(evaluateRoutingPolicy(policy, someFacts({ channel: 'email', priority: 'urgent' }), calendars)).toEqual({
      ruleIndex: 0,
      ruleName: 'email',
      action: { teamId: 'email-team' },
    });
    expect(evaluateRoutingPolicy(policy, someFacts({ priority: 'urgent' }), calendars).ruleName).toBe('urgent');
  });

  it('applies the fallback when nothing matches', () => {
    const policy = aPolicy([aRule('email', { channels: ['email'] })], { teamId: 'general', addTags: ['unrouted'] });
    expect(evaluateRoutingPolicy(policy, someFacts(), calendars)).toEqual({
      ruleIndex: null,
      ruleName: 'fallback',
      action: { teamId: 'general', addTags: ['unrouted'] },
    });
  });

  it('skips disabled rules', () => {
    const policy = aPolicy([aRule('off', {}, { teamId: 'off' }, false), aRule('on', {}, { teamId: 'on' })]);
    expect(evaluateRoutingPolicy(policy, someFacts(), calendars)).toMatchObject({ ruleIndex: 1, ruleName: 'on' });
  });

  it('matches everything with a rule without conditions', () => {
    expect(matches({}, { channel: 'sms' })).toBe(true);
  });

  it('requires every condition present (AND), any listed value (OR)', () => {
    const when: RoutingConditions = { channels: ['chat', 'sms'], sentiments: ['negative'] };
    expect(matches(when, { channel: 'sms', sentiment: 'negative' })).toBe(true);
    expect(matches(when, { channel: 'sms', sentiment: 'neutral' })).toBe(false);
    expect(matches(when, { channel: 'email', sentiment: 'negative' })).toBe(false);
  });

  it('matches topics, with a minimum confidence when set', () => {
    const when: RoutingConditions = { topics: ['billing', 'refunds'], minTopicConfidence: 0.7 };
    expect(matches(when, { topic: 'refunds', topicConfidence: 0.7 })).toBe(true);
    expect(matches(when, { topic: 'refunds', topicConfidence: 0.69 })).toBe(false);
    expect(matches(when, { topic: 'shipping', topicConfidence: 0.99 })).toBe(false);
    expect(matches(when, { topic: null, topicConfidence: 0.99 })).toBe(false);
    expect(matches({ topics: ['billing'] }, { topic: 'billing', topicConfidence: 0.1 })).toBe(true);
  });

  it('matches priorities', () => {
    expect(matches({ priorities: ['high', 'urgent'] }, { priority: 'high' })).toBe(true);
    expect(matches({ priorities: ['high', 'urgent'] }, { priority: 'normal' })).toBe(false);
  });

  it('matches customer tiers case-insensitively', () => {
    expect(matches({ customerTiers: ['gold', 'platinum'] }, { customerTier: 'Gold' })).toBe(true);
    expect(matches({ customerTiers: ['gold'] }, { customerTier: 'silver' })).toBe(false);
    expect(matches({ customerTiers: ['gold'] }, { customerTier: null })).toBe(false);
  });

  it('matches customer attributes: strings loosely, numbers strictly, booleans also as text', () => {
    expect(matches({ customerAttributes: { region: 'emea' } }, { customerAttributes: { region: ' EMEA ' } })).toBe(
      true,
    );
    expect(matches({ customerAttributes: { seats: 50 } }, { customerAttributes: { seats: 50 } })).toBe(true);
    expect(matches({ customerAttributes: { seats: 50 } }, { customerAttributes: { seats: '50' } })).toBe(false);
    expect(matches({ customerAttributes: { vip: true } }, { customerAttributes: { vip: true } })).toBe(true);
    expect(matches({ customerAttributes: { vip: true } }, { customerAttributes: { vip: 'TRUE' } })).toBe(true);
    expect(matches({ customerAttributes: { vip: 'false' } }, { customerAttributes: { vip: false } })).toBe(true);
    expect(matches({ customerAttributes: { vip: true } }, { customerAttributes: { vip: 1 } })).toBe(false);
    expect(matches({ customerAttributes: { vip: true } }, { customerAttributes: {} })).toBe(false);
    expect(
      matches(
        { customerAttributes: { vip: true, region: 'emea' } },
        { customerAttributes: { vip: true, region: 'apac' } },
      ),
    ).toBe(false);
  });

  it('matches languages, counting a regional code as its language', () => {
    expect(matches({ languages: ['en', 'fr'] }, { language: 'fr' })).toBe(true);
    expect(matches({ languages: ['en'] }, { language: 'en-GB' })).toBe(true);
    expect(matches({ languages: ['en'] }, { language: 'de' })).toBe(false);
    expect(matches({ languages: ['en'] }, { language: null })).toBe(false);
  });

  it('matches keywords case-insensitively on word boundaries, including phrases', () => {
    const when: RoutingConditions = { keywords: ['down', "can't log in"] };
    expect(matches(when, { text: 'The site is DOWN again!' })).toBe(true);
    expect(matches(when, { text: 'Where do I download the invoice?' })).toBe(false);
    expect(matches(when, { text: 'Slowdown everywhere' })).toBe(false);
    expect(matches(when, { text: 'I can’t  log\nin since yesterday' })).toBe(true);
    expect(matches(when, { text: 'I cant log in' })).toBe(false);
  });

  it('matches the business-hours condition at the routing time', () => {
    const insideOffice = { businessHours: { calendarId: 'office', open: true } };
    const outsideOffice = { businessHours: { calendarId: 'office', open: false } };
    // Monday 11:00 BST, then Monday 18:00 BST.
    expect(matches(insideOffice, { at: '2024-06-17T10:00:00Z' })).toBe(true);
    expect(matches(outsideOffice, { at: '2024-06-17T10:00:00Z' })).toBe(false);
    expect(matches(insideOffice, { at: '2024-06-17T17:00:00Z' })).toBe(false);
    expect(matches(outsideOffice, { at: '2024-06-17T17:00:00Z' })).toBe(true);
    // An unknown calendar never matches, either way.
    expect(matches({ businessHours: { calendarId: 'gone', open: false } }, {})).toBe(false);
  });

  it('matches whether the customer has another open conversation', () => {
    expect(matches({ hasOpenConversation: true }, { hasOpenConversation: true })).toBe(true);
    expect(matches({ hasOpenConversation: true }, { hasOpenConversation: false })).toBe(false);
    expect(matches({ hasOpenConversation: false }, { hasOpenConversation: false })).toBe(true);
  });

  it('returns a copy of the action, so callers cannot change the policy', () => {
    const policy = aPolicy([aRule('any', {}, { teamId: 'a' })]);
    const outcome = evaluateRoutingPolicy(policy, someFacts(), calendars);
    outcome.action.teamId = 'b';
    expect(policy.rules[0].then.teamId).toBe('a');
  });
});

describe('explainMatch', () => {
  it('lists each condition with whether it passed and why', () => {
    const rule = aRule('vip billing', {
      topics: ['billing'],
      minTopicConfidence: 0.8,
      customerAttributes: { vip: true },
      keywords: ['invoice'],
    });
    const explanation = explainMatch(
      rule,
      someFacts({ topic: 'billing', topicConfidence: 0.5, customerAttributes: { vip: true }, text: 'My invoice' }),
      calendars,
    );
    expect(explanation.matched).toBe(false);
    expect(explanation.checks.map(({ condition, passed }) => [condition, passed])).toEqual([
      ['topics', true],
      ['minTopicConfidence', false],
      ['customerAttributes', true],
      ['keywords', true],
    ]);
    expect(explanation.checks[1].detail).toBe('topic confidence 0.5 is below 0.8');
    expect(explanation.checks[3].detail).toBe("text contains 'invoice'");
  });

  it('explains a disabled rule without matching it', () => {
    const explanation = explainMatch(
      aRule('off', { channels: ['chat'] }, { teamId: 'x' }, false),
      someFacts(),
      calendars,
    );
    expect(explanation).toMatchObject({
      enabled: false,
      matched: false,
      checks: [{ condition: 'channels', passed: true }],
    });
  });
});

describe('explainRouting', () => {
  it('explains the rules tried up to the one that matched', () => {
    const policy = aPolicy([
      aRule('email', { channels: ['email'] }),
      aRule('negative', { sentiments: ['negative'] }),
      aRule('rest', {}),
    ]);
    const { outcome, rules } = explainRouting(policy, someFacts({ sentiment: 'negative' }), calendars);
    expect(outcome.ruleName).toBe('negative');
    expect(rules.map((r) => [r.ruleName, r.matched])).toEqual([
      ['email', false],
      ['negative', true],
    ]);
    expect(rules[0].checks[0].detail).toBe("channel 'chat' is not one of email");
  });
});
