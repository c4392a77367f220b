import { CHANNELS } from '../channels/channel';
import { PRIORITIES } from '../conversations/conversation-status';
import { SENTIMENTS } from '../triage/triage.types';
import { isPlainObject, optionalBoolean, reportUnknownKeys, type Report } from '../platform/validation/field-checks';
import { enumList, labelList, normaliseLabel } from './policy-field-checks';
import { normaliseKeyword } from './keyword-match';
import type { RoutingConditions } from './routing-policy.types';

export const CONDITION_FIELDS = [
  'topics',
  'minTopicConfidence',
  'channels',
  'priorities',
  'sentiments',
  'customerTiers',
  'customerAttributes',
  'languages',
  'keywords',
  'businessHours',
  'hasOpenConversation',
] as const satisfies readonly (keyof RoutingConditions)[];

export const MAX_CUSTOMER_ATTRIBUTES = 20;

const LANGUAGE_CODE = /^[a-z]{2}$/;

export interface ConditionRefs {
  topics: Set<string>;
  calendarIds: Set<string>;
}

/** Checks a rule's `when` (field paths start with 'when.'); returns the normalised conditions, or undefined. */
export function validateConditions(input: unknown, refs: ConditionRefs, report: Report): RoutingConditions | undefined {
  if (!isPlainObject(input)) {
    report('when', 'Required: an object of conditions ({} matches every conversation)');
    return undefined;
  }
  reportUnknownKeys(input, CONDITION_FIELDS, 'when.', report);
  const when: RoutingConditions = {
    topics: knownTopics(input.topics, refs.topics, report),
    minTopicConfidence: minConfidence(input, report),
    channels: enumList(input.channels, CHANNELS, 'when.channels', report),
    priorities: enumList(input.priorities, PRIORITIES, 'when.priorities', report),
    sentiments: enumList(input.sentiments, SENTIMENTS, 'when.sentiments', report),
    customerTiers: labelList(input.customerTiers, 'when.customerTiers', report, { normalise: normaliseLabel }),
    customerAttributes: customerAttributes(input.customerAttributes, report),
    languages: languages(input.languages, report),
    keywords: labelList(input.keywords, 'when.keywords', report, { normalise: normaliseKeyword }),
    businessHours: businessHours(input.businessHours, refs.calendarIds, report),
    hasOpenConversation: optionalBoolean(input.hasOpenConversation, 'when.hasOpenConversation', report),
  };
  return withoutUndefined(when);
}

/** Topics are admin-defined categories; a case-only difference is corrected to the category's spelling. */
function knownTopics(value: unknown, topics: Set<string>, report: Report): string[] | undefined {
  const byLowercase = new Map([...topics].map((topic) => [topic.toLowerCase(), topic]));
  const choices = [...topics].slice(0, 20).join(', ') || 'none defined yet';
  return labelList(value, 'when.topics', report, {
    normalise: (topic) => byLowercase.get(topic.trim().toLowerCase()) ?? topic.trim(),
    check: (topic) => (topics.has(topic) ? null : `Unknown topic '${topic}'; known topics: ${choices}`),
  });
}

function minConfidence(input: Record<string, unknown>, report: Report): number | undefined {
  const value = input.minTopicConfidence;
  if (value === undefined) {
    return undefined;
  }
  if (input.topics === undefined) {
    report('when.minTopicConfidence', 'Only allowed together with when.topics');
  }
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > 1) {
    report('when.minTopicConfidence', 'Must be a number from 0 to 1');
    return undefined;
  }
  return value;
}

function customerAttributes(value: unknown, report: Report): Record<string, string | number | boolean> | undefined {
  const field = 'when.customerAttributes';
  if (value === undefined) {
    return undefined;
  }
  if (!isPlainObject(value) || Object.keys(value).length === 0) {
    report(field, 'Must be a non-empty object of attribute values, e.g. { "vip": true }');
    return undefined;
  }
  if (Object.keys(value).length > MAX_CUSTOMER_ATTRIBUTES) {
    report(field, `At most ${MAX_CUSTOMER_ATTRIBUTES} attributes`);
    return undefined;
  }
  const attributes: Record<string, string | number | boolean> = {};
  let valid = true;
  for (const [key, expected] of Object.entries(value)) {
    const ok =
      typeof expected === 'boolean' ||
      (typeof expected === 'number' && Number.isFinite(expected)) ||
      (typeof expected === 'string' && expected.trim() !== '');
    if (key.trim() === '' || !ok) {
      report(`${field}.${key}`, 'Attribute names must be non-empty; values a non-empty string, a number or a boolean');
      valid = false;
    } else {
      attributes[key.trim()] = typeof expected === 'string' ? expected.trim() : expected;
    }
  }
  return valid ? attributes : undefined;
}

function languages(value: unknown, report: Report): string[] | undefined {
  return labelList(value, 'when.languages', report, {
    normalise: normaliseLabel,
    check: (code) => (LANGUAGE_CODE.test(code) ? null : `'${code}' is not an ISO 639-1 code such as 'en'`),
  });
}

function businessHours(value: unknown, calendarIds: Set<string>, report: Report): RoutingConditions['businessHours'] {
  const field = 'when.businessHours';
  if (value === undefined) {
    return undefined;
  }
  if (!isPlainObject(value)) {
    report(field, 'Must be { calendarId, open }');
    return undefined;
  }
  reportUnknownKeys(value, ['calendarId', 'open'], `${field}.`, report);
  const { calendarId, open } = value;
  let valid = true;
  if (typeof calendarId !== 'string' || calendarId.trim() === '') {
    report(`${field}.calendarId`, 'Required: the id of a business-hours calendar');
    valid = false;
  } else if (!calendarIds.has(calendarId)) {
    report(`${field}.calendarId`, `Unknown business-hours calendar '${calendarId}'`);
    valid = false;
  }
  if (typeof open !== 'boolean') {
    report(`${field}.open`, 'Required: true (inside business hours) or false (outside)');
    valid = false;
  }
  return valid ? { calendarId: calendarId as string, open: open as boolean } : undefined;
}

/** Drops absent conditions so the stored document has only what the admin set. */
function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
