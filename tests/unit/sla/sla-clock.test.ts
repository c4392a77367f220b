import { BusinessCalendar } from '../../../core/sla/business-calendar';
import { initialSlaDueTimes, slaDueAt } from '../../../core/sla/sla-clock';
import type { SlaPolicy } from '../../../core/sla/sla-policy.types';
import { at, weekdaySchedule } from './business-hours.fixtures';

const policy = (overrides: Partial<SlaPolicy> = {}): SlaPolicy => ({
  id: 'sla-1',
  name: 'Standard',
  firstResponseSeconds: 3600,
  nextResponseSeconds: 7200,
  resolutionSeconds: null,
  businessHoursId: 'hours-1',
  breachActions: { raisePriority: true, reassign: false, notify: true },
  ...overrides,
});

const london = new BusinessCalendar(weekdaySchedule('Europe/London'));
const fridayHalfFour = at('2024-06-14T15:30:00Z');

describe('slaDueAt', () => {
  it('counts business hours when given a calendar', () => {
    expect(slaDueAt(policy(), london, fridayHalfFour, 'first_response')?.toISOString()).toBe(
      '2024-06-17T08:30:00.000Z',
    );
    expect(slaDueAt(policy(), london, fridayHalfFour, 'next_response')?.toISOString()).toBe('2024-06-17T09:30:00.000Z');
  });

  it('counts wall-clock time without a calendar', () => {
    expect(slaDueAt(policy(), null, fridayHalfFour, 'first_response')?.toISOString()).toBe('2024-06-14T16:30:00.000Z');
  });

  it('is null when the policy has no such target', () => {
    expect(slaDueAt(policy(), london, fridayHalfFour, 'resolution')).toBeNull();
    expect(slaDueAt(policy(), null, fridayHalfFour, 'resolution')).toBeNull();
  });
});

describe('initialSlaDueTimes', () => {
  it('starts the first-response and resolution clocks, not the next-response one', () => {
    const due = initialSlaDueTimes(policy({ resolutionSeconds: 86_400 }), null, fridayHalfFour);
    expect(due).toEqual({
      policyId: 'sla-1',
      firstResponseDueAt: '2024-06-14T16:30:00.000Z',
      nextResponseDueAt: null,
      resolutionDueAt: '2024-06-15T15:30:00.000Z',
      breachActions: { raisePriority: true, reassign: false, notify: true },
    });
  });
});
