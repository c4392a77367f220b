import type { RoutingReferences } from '../../../../core/db/repositories/routing-policy.repository';
import { DomainError } from '../../../../core/domain/domain-error';
import type { PolicyProblem, RoutingPolicyDocument } from '../../../../core/routing/routing-policy.types';
import {
  validateRoutingPolicy,
  type RoutingPolicyValidation,
} from '../../../../core/routing/routing-policy.validation';

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
    throw invalidPolicy(what, result.problems);
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

function invalidPolicy(what: string, problems: PolicyProblem[]): DomainError {
  const [first] = problems;
  const path = first ? problemPath(first) : '';
  const more = problems.length > 1 ? ` (and ${problems.length - 1} more problem${problems.length > 2 ? 's' : ''})` : '';
  const message = `${what}: ${path ? `${path}: ` : ''}${first?.message ?? 'rejected'}${more}`;
  return new DomainError('validation_failed', message, { problems });
}
