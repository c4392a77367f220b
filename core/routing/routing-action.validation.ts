import { PRIORITIES, type Priority } from '../conversations/conversation-status';
import { isPlainObject, reportUnknownKeys, type Report } from '../platform/validation/field-checks';
import { labelList, normaliseLabel } from './policy-field-checks';
import type { RoutingAction } from './routing-policy.types';

export const ACTION_FIELDS = [
  'teamId',
  'priority',
  'addTags',
  'requiredSkills',
  'optionalSkills',
  'slaPolicyId',
] as const satisfies readonly (keyof RoutingAction)[];

export interface ActionRefs {
  teamIds: Set<string>;
  slaPolicyIds: Set<string>;
}

/**
 * Checks a rule's `then` or the fallback; `prefix` is 'then' or 'fallback'. A rule's action must do something;
 * the fallback may be empty (tenant-wide queue, triage's priority).
 */
export function validateAction(
  input: unknown,
  prefix: 'then' | 'fallback',
  refs: ActionRefs,
  report: Report,
): RoutingAction | undefined {
  if (!isPlainObject(input)) {
    report(prefix, `Required: an object of actions (${ACTION_FIELDS.join(', ')})`);
    return undefined;
  }
  reportUnknownKeys(input, ACTION_FIELDS, `${prefix}.`, report);
  if (prefix === 'then' && ACTION_FIELDS.every((field) => input[field] === undefined)) {
    report('then', `A rule needs at least one action (${ACTION_FIELDS.join(', ')})`);
  }
  const skills = (field: 'requiredSkills' | 'optionalSkills') =>
    labelList(input[field], `${prefix}.${field}`, report, { normalise: normaliseLabel });
  const action: RoutingAction = {
    teamId: reference(input.teamId, refs.teamIds, `${prefix}.teamId`, 'team', report),
    priority: priority(input.priority, `${prefix}.priority`, report),
    addTags: labelList(input.addTags, `${prefix}.addTags`, report, { normalise: normaliseLabel }),
    requiredSkills: skills('requiredSkills'),
    optionalSkills: skills('optionalSkills'),
    slaPolicyId: reference(input.slaPolicyId, refs.slaPolicyIds, `${prefix}.slaPolicyId`, 'SLA policy', report),
  };
  return Object.fromEntries(Object.entries(action).filter(([, value]) => value !== undefined)) as RoutingAction;
}

/** An id that must exist, or null (explicitly none); undefined when absent or invalid. */
function reference(value: unknown, ids: Set<string>, field: string, what: string, report: Report) {
  if (value === undefined || value === null) {
    return value;
  }
  if (typeof value !== 'string' || value.trim() === '') {
    report(field, `Must be the id of a ${what}, or null`);
    return undefined;
  }
  if (!ids.has(value)) {
    report(field, `Unknown ${what} '${value}'`);
    return undefined;
  }
  return value;
}

function priority(value: unknown, field: string, report: Report): Priority | undefined {
  if (value === undefined) {
    return undefined;
  }
  if (typeof value !== 'string' || !(PRIORITIES as readonly string[]).includes(value)) {
    report(field, `Unknown priority '${String(value)}'; allowed: ${PRIORITIES.join(', ')}`);
    return undefined;
  }
  return value as Priority;
}
