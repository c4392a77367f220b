import { isPlainObject, reportUnknownKeys, type FieldProblem, type Report } from '../platform/validation/field-checks';
import type { SlaBreachActions, SlaPolicy } from './sla-policy.types';

export const MAX_SLA_POLICY_NAME_LENGTH = 100;
/** A year: longer targets are meaningless for support and would make business-time searches long. */
export const MAX_SLA_TARGET_SECONDS = 365 * 24 * 3600;

/** An SLA policy as an admin submits it: everything but the id, which storage assigns. */
export type SlaPolicyDraft = Omit<SlaPolicy, 'id'>;

export type SlaPolicyValidation = { ok: true; policy: SlaPolicyDraft } | { ok: false; problems: FieldProblem[] };

const TARGET_FIELDS = ['firstResponseSeconds', 'nextResponseSeconds', 'resolutionSeconds'] as const;
const BREACH_ACTIONS = ['raisePriority', 'reassign', 'notify'] as const;
const FIELDS = ['name', ...TARGET_FIELDS, 'businessHoursId', 'breachActions'] as const;

/**
 * Checks untrusted SLA policy input and lists every problem by field. Absent targets mean "no target" (null),
 * absent breach actions are off, an absent businessHoursId means wall-clock time. When `refs.calendarIds` is
 * given, businessHoursId must name one of them.
 */
export function validateSlaPolicy(input: unknown, refs: { calendarIds?: Set<string> } = {}): SlaPolicyValidation {
  const problems: FieldProblem[] = [];
  const report: Report = (field, message) => problems.push({ field, message });
  if (!isPlainObject(input)) {
    return { ok: false, problems: [{ field: '', message: 'An SLA policy must be an object' }] };
  }
  reportUnknownKeys(input, FIELDS, '', report);
  const name = validName(input.name, report);
  const [firstResponseSeconds, nextResponseSeconds, resolutionSeconds] = TARGET_FIELDS.map((field) =>
    validTarget(input[field], field, report),
  );
  if (TARGET_FIELDS.every((field) => input[field] === undefined || input[field] === null)) {
    // Named on the first target so a form can show it; the message lists all three.
    report('firstResponseSeconds', `At least one target is required (${TARGET_FIELDS.join(', ')})`);
  }
  const businessHoursId = validBusinessHoursId(input.businessHoursId, refs.calendarIds, report);
  const breachActions = validBreachActions(input.breachActions, report);
  if (problems.length > 0 || name === null || breachActions === null) {
    return { ok: false, problems };
  }
  return {
    ok: true,
    policy: { name, firstResponseSeconds, nextResponseSeconds, resolutionSeconds, businessHoursId, breachActions },
  };
}

function validName(value: unknown, report: Report): string | null {
  const name = typeof value === 'string' ? value.trim() : '';
  if (name === '') {
    report('name', 'Required: a non-empty name');
    return null;
  }
  if (name.length > MAX_SLA_POLICY_NAME_LENGTH) {
    report('name', `At most ${MAX_SLA_POLICY_NAME_LENGTH} characters`);
    return null;
  }
  return name;
}

function validTarget(value: unknown, field: string, report: Report): number | null {
  if (value === undefined || value === null) {
    return null;
  }
  if (typeof value !== 'number' || !Number.isInteger(value) || value <= 0) {
    report(field, 'Must be a whole number of seconds greater than 0, or null for no target');
    return null;
  }
  if (value > MAX_SLA_TARGET_SECONDS) {
    report(field, `At most ${MAX_SLA_TARGET_SECONDS} seconds (365 days)`);
    return null;
  }
  return value;
}

function validBusinessHoursId(value: unknown, calendarIds: Set<string> | undefined, report: Report): string | null {
  if (value === undefined || value === null) {
    return null;
  }
  if (typeof value !== 'string' || value.trim() === '') {
    report('businessHoursId', 'Must be the id of a business-hours calendar, or null for wall-clock time');
    return null;
  }
  if (calendarIds && !calendarIds.has(value)) {
    report('businessHoursId', `Unknown business-hours calendar '${value}'`);
    return null;
  }
  return value;
}

function validBreachActions(value: unknown, report: Report): SlaBreachActions | null {
  const actions: SlaBreachActions = { raisePriority: false, reassign: false, notify: false };
  if (value === undefined) {
    return actions;
  }
  if (!isPlainObject(value)) {
    report('breachActions', `Must be an object of booleans (${BREACH_ACTIONS.join(', ')})`);
    return null;
  }
  reportUnknownKeys(value, BREACH_ACTIONS, 'breachActions.', report);
  let valid = true;
  for (const action of BREACH_ACTIONS) {
    const flag = value[action];
    if (flag === undefined) {
      continue;
    }
    if (typeof flag !== 'boolean') {
      report(`breachActions.${action}`, 'Must be true or false');
      valid = false;
    } else {
      actions[action] = flag;
    }
  }
  return valid ? actions : null;
}
