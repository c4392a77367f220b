import { isPlainObject, reportUnknownKeys, type Report } from '../platform/validation/field-checks';
import { validateAction } from './routing-action.validation';
import { validateConditions } from './routing-conditions.validation';
import type { PolicyProblem, RoutingAction, RoutingPolicyDocument, RoutingRule } from './routing-policy.types';

export const MAX_ROUTING_RULES = 200;
export const MAX_RULE_NAME_LENGTH = 100;
/** The outcome's ruleName when no rule matched, so no rule may be called that. */
export const FALLBACK_RULE_NAME = 'fallback';

/** What a policy may refer to, loaded for the tenant by the caller. */
export interface RoutingPolicyRefs {
  teamIds: Set<string>;
  slaPolicyIds: Set<string>;
  calendarIds: Set<string>;
  /** The tenant's topic categories. */
  topics: Set<string>;
}

export type RoutingPolicyValidation =
  { ok: true; policy: RoutingPolicyDocument } | { ok: false; problems: PolicyProblem[] };

/**
 * Checks an untrusted routing policy and lists every problem with its rule index and field path
 * (e.g. rule 2, 'when.keywords[1]'; document-level problems have ruleIndex null, e.g. 'fallback.teamId').
 * The accepted policy is normalised: names and labels trimmed; keywords, tags, skills, tiers and languages
 * lowercased and de-duplicated; topics spelled as the tenant's categories; `enabled` always present.
 */
export function validateRoutingPolicy(input: unknown, refs: RoutingPolicyRefs): RoutingPolicyValidation {
  const problems: PolicyProblem[] = [];
  const reporterFor =
    (ruleIndex: number | null): Report =>
    (field, message) =>
      problems.push({ ruleIndex, field, message });
  const reportDocument = reporterFor(null);
  if (!isPlainObject(input)) {
    return { ok: false, problems: [{ ruleIndex: null, field: '', message: 'A routing policy must be an object' }] };
  }
  reportUnknownKeys(input, ['rules', 'fallback'], '', reportDocument);
  const rules = validateRules(input.rules, refs, reportDocument, reporterFor);
  const fallback = validateAction(input.fallback, 'fallback', refs, reportDocument);
  if (problems.length > 0 || !rules || !fallback) {
    return { ok: false, problems };
  }
  return { ok: true, policy: { rules, fallback } };
}

function validateRules(
  input: unknown,
  refs: RoutingPolicyRefs,
  reportDocument: Report,
  reporterFor: (ruleIndex: number) => Report,
): RoutingRule[] | undefined {
  if (!Array.isArray(input)) {
    reportDocument('rules', 'Required: a list of rules (may be empty)');
    return undefined;
  }
  if (input.length > MAX_ROUTING_RULES) {
    reportDocument('rules', `At most ${MAX_ROUTING_RULES} rules (got ${input.length})`);
  }
  const firstIndexByName = new Map<string, number>();
  const rules = input.map((rule, index) => {
    const report = reporterFor(index);
    const validated = validateRule(rule, refs, report);
    const key = validated?.name.toLowerCase();
    if (key !== undefined) {
      const first = firstIndexByName.get(key);
      if (first === undefined) {
        firstIndexByName.set(key, index);
      } else {
        report('name', `Duplicate rule name '${validated?.name}' (same as rule ${first})`);
      }
    }
    return validated;
  });
  return rules.every((rule) => rule !== undefined) ? (rules as RoutingRule[]) : undefined;
}

/** Returns the rule even when only its name is sound enough to check for duplicates; problems decide validity. */
function validateRule(input: unknown, refs: RoutingPolicyRefs, report: Report): RoutingRule | undefined {
  if (!isPlainObject(input)) {
    report('', 'A rule must be an object { name, enabled?, when, then }');
    return undefined;
  }
  reportUnknownKeys(input, ['name', 'enabled', 'when', 'then'], '', report);
  const name = ruleName(input.name, report);
  if (input.enabled !== undefined && typeof input.enabled !== 'boolean') {
    report('enabled', 'Must be true or false');
  }
  const when = validateConditions(input.when, refs, report);
  const then: RoutingAction | undefined = validateAction(input.then, 'then', refs, report);
  if (name === undefined) {
    return undefined;
  }
  return { name, enabled: input.enabled !== false, when: when ?? {}, then: then ?? {} };
}

function ruleName(value: unknown, report: Report): string | undefined {
  const name = typeof value === 'string' ? value.trim() : '';
  if (name === '') {
    report('name', 'Required: a non-empty rule name');
    return undefined;
  }
  if (name.length > MAX_RULE_NAME_LENGTH) {
    report('name', `At most ${MAX_RULE_NAME_LENGTH} characters`);
    return undefined;
  }
  if (name.toLowerCase() === FALLBACK_RULE_NAME) {
    report('name', `'${FALLBACK_RULE_NAME}' is reserved for the policy's fallback`);
    return undefined;
  }
  return name;
}
