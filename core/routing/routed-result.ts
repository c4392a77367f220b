import { PRIORITIES, type Priority } from '../conversations/conversation-status';
import type { RoutingFacts, RoutingOutcome } from './routing-policy.types';

/** Where a conversation ends up under one policy, with the names an admin recognises. */
export interface RoutedResult {
  /** The matching rule's name, 'fallback', or NO_POLICY_RULE_NAME when there was no policy. */
  rule: string;
  ruleIndex: number | null;
  teamId: string | null;
  teamName: string | null;
  /** The higher of the action's priority and triage's: routing raises priority, never lowers it (as when applied). */
  priority: Priority;
  slaPolicyId: string | null;
  slaPolicyName: string | null;
  /** Sorted, without duplicates. */
  tags: string[];
  requiredSkills: string[];
  optionalSkills: string[];
}

export type RoutingDifference = 'team' | 'priority' | 'sla' | 'tags' | 'skills';

export interface RoutingNames {
  teams: ReadonlyMap<string, string>;
  slaPolicies: ReadonlyMap<string, string>;
}

export const NO_POLICY_RULE_NAME = '(no policy)';

const sortedUnique = (values: readonly string[] | undefined) => [...new Set(values ?? [])].sort();

export function routedResult(outcome: RoutingOutcome | null, facts: RoutingFacts, names: RoutingNames): RoutedResult {
  const action = outcome?.action ?? {};
  const teamId = action.teamId ?? null;
  const slaPolicyId = action.slaPolicyId ?? null;
  return {
    rule: outcome?.ruleName ?? NO_POLICY_RULE_NAME,
    ruleIndex: outcome?.ruleIndex ?? null,
    teamId,
    teamName: teamId === null ? null : (names.teams.get(teamId) ?? null),
    priority: higherPriority(action.priority, facts.priority),
    slaPolicyId,
    slaPolicyName: slaPolicyId === null ? null : (names.slaPolicies.get(slaPolicyId) ?? null),
    tags: sortedUnique(action.addTags),
    requiredSkills: sortedUnique(action.requiredSkills),
    optionalSkills: sortedUnique(action.optionalSkills),
  };
}

/** What differs between two results; the rule that decided is not a difference by itself. */
export function routingDifferences(a: RoutedResult, b: RoutedResult): RoutingDifference[] {
  const same = (x: string[], y: string[]) => x.length === y.length && x.every((value, i) => value === y[i]);
  const differences: RoutingDifference[] = [];
  if (a.teamId !== b.teamId) {
    differences.push('team');
  }
  if (a.priority !== b.priority) {
    differences.push('priority');
  }
  if (a.slaPolicyId !== b.slaPolicyId) {
    differences.push('sla');
  }
  if (!same(a.tags, b.tags)) {
    differences.push('tags');
  }
  if (!same(a.requiredSkills, b.requiredSkills) || !same(a.optionalSkills, b.optionalSkills)) {
    differences.push('skills');
  }
  return differences;
}

function higherPriority(action: Priority | undefined, triaged: Priority): Priority {
  return action && PRIORITIES.indexOf(action) > PRIORITIES.indexOf(triaged) ? action : triaged;
}
