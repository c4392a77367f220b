// Edits of a policy document that keep it tidy: a condition or action set to nothing is removed rather than sent
// as an empty list, so the document the API checks is the one an admin would write by hand.
import type { PolicyDocument, RoutingAction, RoutingConditions, RoutingRule } from './policy-types';

const isEmpty = (value: unknown) => value === undefined || value === '' || (Array.isArray(value) && value.length === 0);

export function withKey<T extends Record<string, unknown>>(object: T, key: string, value: unknown): T {
  const next: Record<string, unknown> = { ...object };
  if (isEmpty(value)) {
    delete next[key];
  } else {
    next[key] = value;
  }
  return next as T;
}

export const setCondition = (
  rule: RoutingRule,
  key: keyof RoutingConditions & string,
  value: unknown,
): RoutingRule => ({
  ...rule,
  when: withKey(rule.when ?? {}, key, value),
});

export const setAction = (action: RoutingAction, key: keyof RoutingAction & string, value: unknown): RoutingAction =>
  withKey(action ?? {}, key, value);

export function replaceRule(document: PolicyDocument, index: number, rule: RoutingRule): PolicyDocument {
  return { ...document, rules: document.rules.map((old, i) => (i === index ? rule : old)) };
}

export function moveRule(document: PolicyDocument, index: number, by: -1 | 1): PolicyDocument {
  const rules = [...document.rules];
  const target = index + by;
  if (target < 0 || target >= rules.length) {
    return document;
  }
  [rules[index], rules[target]] = [rules[target], rules[index]];
  return { ...document, rules };
}

export function removeRule(document: PolicyDocument, index: number): PolicyDocument {
  return { ...document, rules: document.rules.filter((_, i) => i !== index) };
}

export function addRule(document: PolicyDocument): PolicyDocument {
  const names = new Set(document.rules.map((rule) => rule.name));
  let n = document.rules.length + 1;
  while (names.has(`Rule ${n}`)) {
    n += 1;
  }
  return {
    ...document,
    rules: [...document.rules, { name: `Rule ${n}`, enabled: true, when: {}, then: { priority: 'normal' } }],
  };
}

/** The document the editor starts from: the draft, else a copy of the published one, else an empty policy. */
export function normalisedDocument(raw: unknown): PolicyDocument {
  const object = raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
  const rules = Array.isArray(object.rules) ? (object.rules as RoutingRule[]) : [];
  return {
    ...object,
    rules: rules.map((rule) => ({ ...rule, when: rule.when ?? {}, then: rule.then ?? {} })),
    fallback: (object.fallback as RoutingAction) ?? { teamId: null },
  };
}
