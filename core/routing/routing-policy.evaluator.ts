import type { BusinessCalendar } from '../sla/business-calendar';
import { allConditionsHold, checkConditions, type ConditionCheck } from './routing-condition-checks';
import type { RoutingFacts, RoutingOutcome, RoutingPolicyDocument, RoutingRule } from './routing-policy.types';
import { FALLBACK_RULE_NAME } from './routing-policy.validation';

export type { ConditionCheck } from './routing-condition-checks';

/** Why a rule did or did not match one conversation (for the event log's 'why' and for dry runs). */
export interface RuleMatchExplanation {
  ruleName: string;
  enabled: boolean;
  /** Enabled and every condition passed (a rule without conditions matches everything). */
  matched: boolean;
  checks: ConditionCheck[];
}

type Calendars = ReadonlyMap<string, BusinessCalendar>;

/** The first enabled rule whose conditions all hold decides; otherwise the fallback applies. */
export function evaluateRoutingPolicy(
  policy: RoutingPolicyDocument,
  facts: RoutingFacts,
  calendars: Calendars,
): RoutingOutcome {
  const index = policy.rules.findIndex(
    (rule) => rule.enabled !== false && allConditionsHold(rule.when, facts, calendars),
  );
  return index === -1 ? fallbackOutcome(policy) : ruleOutcome(policy.rules[index], index);
}

/** Every condition of one rule with its verdict, whether or not the rule is enabled. */
export function explainMatch(rule: RoutingRule, facts: RoutingFacts, calendars: Calendars): RuleMatchExplanation {
  const checks = checkConditions(rule.when, facts, calendars);
  const enabled = rule.enabled !== false;
  return { ruleName: rule.name, enabled, matched: enabled && checks.every((check) => check.passed), checks };
}

/**
 * The outcome plus the explanation of each rule tried, in order, up to and including the one that matched
 * (all rules when the fallback applied): the full 'why' of one routing decision.
 */
export function explainRouting(
  policy: RoutingPolicyDocument,
  facts: RoutingFacts,
  calendars: Calendars,
): { outcome: RoutingOutcome; rules: RuleMatchExplanation[] } {
  const rules: RuleMatchExplanation[] = [];
  for (const [index, rule] of policy.rules.entries()) {
    const explanation = explainMatch(rule, facts, calendars);
    rules.push(explanation);
    if (explanation.matched) {
      return { outcome: ruleOutcome(rule, index), rules };
    }
  }
  return { outcome: fallbackOutcome(policy), rules };
}

function ruleOutcome(rule: RoutingRule, index: number): RoutingOutcome {
  return { ruleIndex: index, ruleName: rule.name, action: { ...rule.then } };
}

function fallbackOutcome(policy: RoutingPolicyDocument): RoutingOutcome {
  return { ruleIndex: null, ruleName: FALLBACK_RULE_NAME, action: { ...policy.fallback } };
}
