import type { BusinessCalendar } from '../sla/business-calendar';
import { findKeyword } from './keyword-match';
import { CONDITION_FIELDS } from './routing-conditions.validation';
import type { RoutingConditions, RoutingFacts } from './routing-policy.types';

type ConditionName = keyof RoutingConditions;

/** Whether one condition of a rule held for a conversation, and why, in words an admin can read. */
export interface ConditionCheck {
  condition: ConditionName;
  passed: boolean;
  detail: string;
}

/** `detail` is built only when someone asks why: evaluation runs for every rule of every dry-run sample. */
interface Verdict {
  passed: boolean;
  detail: () => string;
}
type Check<K extends ConditionName> = (
  expected: NonNullable<RoutingConditions[K]>,
  facts: RoutingFacts,
  calendars: ReadonlyMap<string, BusinessCalendar>,
) => Verdict;

const MAX_LISTED = 10;

const list = (values: readonly (string | number | boolean)[]) =>
  values.length > MAX_LISTED ? `${values.slice(0, MAX_LISTED).join(', ')}, …` : values.join(', ');

const verdict = (passed: boolean, detail: () => string): Verdict => ({ passed, detail });

const oneOf = (label: string, actual: string | null, expected: readonly string[], passed: boolean) =>
  verdict(passed, () =>
    actual === null ? `no ${label}` : `${label} '${actual}' is ${passed ? '' : 'not '}one of ${list(expected)}`,
  );

const lower = (value: string) => value.trim().toLowerCase();

const includesIgnoringCase = (values: readonly string[], value: string | null) =>
  value !== null && values.some((candidate) => lower(candidate) === lower(value));

const CHECKS: { [K in ConditionName]-?: Check<K> } = {
  topics: (topics, { topic }) => oneOf('topic', topic, topics, includesIgnoringCase(topics, topic)),
  minTopicConfidence: (min, { topicConfidence }) => {
    const passed = topicConfidence >= min;
    return verdict(passed, () => `topic confidence ${topicConfidence} is ${passed ? 'at least' : 'below'} ${min}`);
  },
  channels: (channels, { channel }) => oneOf('channel', channel, channels, channels.includes(channel)),
  priorities: (priorities, { priority }) => oneOf('priority', priority, priorities, priorities.includes(priority)),
  sentiments: (sentiments, { sentiment }) => oneOf('sentiment', sentiment, sentiments, sentiments.includes(sentiment)),
  customerTiers: (tiers, { customerTier }) =>
    oneOf('customer tier', customerTier, tiers, includesIgnoringCase(tiers, customerTier)),
  customerAttributes: (expected, { customerAttributes }) => {
    const mismatch = Object.entries(expected).find(
      ([name, value]) => !attributeEquals(customerAttributes[name], value),
    );
    if (mismatch) {
      const [name, value] = mismatch;
      const actual = customerAttributes[name];
      const shown = actual === undefined ? 'not set' : JSON.stringify(actual);
      return verdict(false, () => `customer attribute '${name}' is ${shown}, not ${JSON.stringify(value)}`);
    }
    return verdict(true, () => {
      const matched = Object.entries(expected).map(([name, value]) => `${name} = ${JSON.stringify(value)}`);
      return `customer attributes match (${matched.join(', ')})`;
    });
  },
  languages: (languages, { language }) => {
    // 'en-GB' from a detector counts as 'en'.
    const primary = language === null ? null : lower(language).split(/[-_]/)[0];
    return oneOf('language', language, languages, primary !== null && languages.includes(primary));
  },
  keywords: (keywords, { text }) => {
    const found = findKeyword(text, keywords);
    return found === null
      ? verdict(false, () => `text contains none of ${list(keywords)}`)
      : verdict(true, () => `text contains '${found}'`);
  },
  businessHours: ({ calendarId, open }, { at }, calendars) => {
    const calendar = calendars.get(calendarId);
    const instant = new Date(at);
    if (!calendar) {
      return verdict(false, () => `calendar '${calendarId}' not found`);
    }
    if (Number.isNaN(instant.getTime())) {
      return verdict(false, () => `invalid routing time '${at}'`);
    }
    const isOpen = calendar.isOpenAt(instant);
    const state = isOpen ? 'inside' : 'outside';
    return verdict(isOpen === open, () => `${at} is ${state} business hours of calendar '${calendarId}'`);
  },
  hasOpenConversation: (expected, { hasOpenConversation }) =>
    verdict(
      hasOpenConversation === expected,
      () => `customer ${hasOpenConversation ? 'has' : 'has no'} other open conversation`,
    ),
};

/**
 * Equality for customer attributes: strings compare trimmed and case-insensitively, numbers and booleans
 * strictly, and a boolean also equals the string 'true'/'false' (attributes often arrive as text from CRMs).
 */
export function attributeEquals(actual: unknown, expected: string | number | boolean): boolean {
  if (typeof expected === 'boolean' || typeof actual === 'boolean') {
    return asBoolean(actual) !== undefined && asBoolean(actual) === asBoolean(expected);
  }
  if (typeof expected === 'string') {
    return typeof actual === 'string' && lower(actual) === lower(expected);
  }
  return actual === expected;
}

function asBoolean(value: unknown): boolean | undefined {
  if (typeof value === 'boolean') {
    return value;
  }
  const text = typeof value === 'string' ? lower(value) : '';
  return text === 'true' ? true : text === 'false' ? false : undefined;
}

/** Every condition present in `when`, in a fixed order, with its verdict. */
export function checkConditions(
  when: RoutingConditions,
  facts: RoutingFacts,
  calendars: ReadonlyMap<string, BusinessCalendar>,
): ConditionCheck[] {
  return presentConditions(when).map((condition) => {
    const { passed, detail } = runCheck(condition, when, facts, calendars);
    return { condition, passed, detail: detail() };
  });
}

/** Whether every condition holds; stops at the first that fails. */
export function allConditionsHold(
  when: RoutingConditions,
  facts: RoutingFacts,
  calendars: ReadonlyMap<string, BusinessCalendar>,
): boolean {
  return presentConditions(when).every((condition) => runCheck(condition, when, facts, calendars).passed);
}

function presentConditions(when: RoutingConditions): ConditionName[] {
  return CONDITION_FIELDS.filter((condition) => when[condition] !== undefined);
}

function runCheck<K extends ConditionName>(
  condition: K,
  when: RoutingConditions,
  facts: RoutingFacts,
  calendars: ReadonlyMap<string, BusinessCalendar>,
): Verdict {
  const check = CHECKS[condition] as Check<K>;
  return check(when[condition] as NonNullable<RoutingConditions[K]>, facts, calendars);
}
