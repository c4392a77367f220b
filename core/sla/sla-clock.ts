import type { BusinessCalendar } from './business-calendar';
import type { SlaDueTimes, SlaPolicy, SlaTarget } from './sla-policy.types';

/** Target length in seconds for one kind of target, or null when the policy has none. */
export function slaTargetSeconds(policy: SlaPolicy, target: SlaTarget): number | null {
  switch (target) {
    case 'first_response':
      return policy.firstResponseSeconds;
    case 'next_response':
      return policy.nextResponseSeconds;
    case 'resolution':
      return policy.resolutionSeconds;
  }
}

/**
 * When a target falls due, counting from `from`: business time of `calendar` when given (the policy's
 * businessHoursId calendar, loaded by the caller), wall-clock time otherwise. Null when the policy has no such target.
 */
export function slaDueAt(
  policy: SlaPolicy,
  calendar: BusinessCalendar | null,
  from: Date,
  target: SlaTarget,
): Date | null {
  const seconds = slaTargetSeconds(policy, target);
  if (seconds === null) {
    return null;
  }
  return calendar ? calendar.addBusinessSeconds(from, seconds) : new Date(from.getTime() + seconds * 1000);
}

/**
 * Due times when a conversation starts waiting for a first reply: first response and resolution count from
 * `openedAt`; next response starts only when a customer writes again after an agent's reply, so it is null here.
 */
export function initialSlaDueTimes(policy: SlaPolicy, calendar: BusinessCalendar | null, openedAt: Date): SlaDueTimes {
  const iso = (target: SlaTarget) => slaDueAt(policy, calendar, openedAt, target)?.toISOString() ?? null;
  return {
    policyId: policy.id,
    firstResponseDueAt: iso('first_response'),
    nextResponseDueAt: null,
    resolutionDueAt: iso('resolution'),
    breachActions: { ...policy.breachActions },
  };
}
