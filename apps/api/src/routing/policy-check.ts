import type { RoutingReferences } from '../../../../core/routing/routing-policy.repository';
import type { PolicyProblem, RoutingPolicyDocument } from '../../../../core/routing/routing-policy.types';
import {
  validateRoutingPolicy,
  type RoutingPolicyValidation,
} from '../../../../core/routing/routing-policy.validation';
import { rejectedInput } from '../http/invalid-input';

/** Validates a policy against what the tenant has now (teams, SLA policies, calendars, topics). */
export function checkPolicy(document: unknown, references: RoutingReferences): RoutingPolicyValidation {
  return validateRoutingPolicy(document, {
    teamIds: new Set(references.teams.keys()),
    slaPolicyIds: new Set(references.slaPolicies.keys()),
    calendarIds: references.calendarIds,
    topics: references.topics,
  });
}

/** The accepted, normalised policy, or a 400 naming the first problem and listing all of them. */
export function acceptedPolicy(document: unknown, references: RoutingReferences, what: string): RoutingPolicyDocument {
  const result = checkPolicy(document, references);
  if (!result.ok) {
    throw rejectedInput(what, result.problems, problemPath);
  }
  return result.policy;
}

/** Where a problem is in the document, as an admin would write it: 'rules[2].then.teamId', 'fallback.priority'. */
export function problemPath({ ruleIndex, field }: PolicyProblem): string {
  if (ruleIndex === null) {
    return field;
  }
  return field === '' ? `rules[${ruleIndex}]` : `rules[${ruleIndex}].${field}`;
}
