import type { RoutingAction, RoutingPolicyDocument } from '../../../../core/routing/routing-policy.types';

export type PolicyReferenceKind = 'team' | 'slaPolicy' | 'calendar';

/** Where a policy names a team, SLA policy or calendar, e.g. ["rules[0] 'VIP' then.teamId", 'fallback.teamId']. */
export function placesReferring(document: RoutingPolicyDocument, kind: PolicyReferenceKind, id: string): string[] {
  const places: string[] = [];
  document.rules.forEach((rule, index) => {
    const rulePlace = `rules[${index}] '${rule.name}'`;
    if (kind === 'calendar' && rule.when.businessHours?.calendarId === id) {
      places.push(`${rulePlace} when.businessHours`);
    }
    const field = actionField(rule.then, kind, id);
    if (field) {
      places.push(`${rulePlace} then.${field}`);
    }
  });
  const fallbackField = actionField(document.fallback, kind, id);
  if (fallbackField) {
    places.push(`fallback.${fallbackField}`);
  }
  return places;
}

function actionField(action: RoutingAction, kind: PolicyReferenceKind, id: string): string | null {
  if (kind === 'team' && action.teamId === id) {
    return 'teamId';
  }
  if (kind === 'slaPolicy' && action.slaPolicyId === id) {
    return 'slaPolicyId';
  }
  return null;
}

/** The business-hours calendars a policy's conditions test. */
export function calendarIdsIn(document: RoutingPolicyDocument): string[] {
  return document.rules.flatMap((rule) => (rule.when.businessHours ? [rule.when.businessHours.calendarId] : []));
}
