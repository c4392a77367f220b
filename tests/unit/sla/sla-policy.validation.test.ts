import { validateSlaPolicy } from '../../../core/sla/sla-policy.validation';

function problemsOf(input: unknown, refs?: { calendarIds?: Set<string> }) {
  const result = validateSlaPolicy(input, refs);
  if (result.ok) {
    throw new Error('expected problems');
  }
  return result.problems;
}

describe('validateSlaPolicy', () => {
  it('accepts a valid policy, trimming the name and defaulting absent fields', () => {
    expect(
      validateSlaPolicy({ name: '  Premium ', firstResponseSeconds: 900, breachActions: { notify: true } }),
    ).toEqual({
      ok: true,
      policy: {
        name: 'Premium',
        firstResponseSeconds: 900,
        nextResponseSeconds: null,
        resolutionSeconds: null,
        businessHoursId: null,
        breachActions: { raisePriority: false, reassign: false, notify: true },
      },
    });
  });

  it('checks the calendar exists when given the known ids', () => {
    const input = { name: 'Office hours', resolutionSeconds: 86_400, businessHoursId: 'cal-1' };
    expect(validateSlaPolicy(input, { calendarIds: new Set(['cal-1']) }).ok).toBe(true);
    expect(problemsOf(input, { calendarIds: new Set(['cal-2']) })).toEqual([
      { field: 'businessHoursId', message: "Unknown business-hours calendar 'cal-1'" },
    ]);
  });

  it('names every problem by field', () => {
    const problems = problemsOf({
      name: 'x'.repeat(101),
      firstResponseSeconds: 0,
      nextResponseSeconds: 1.5,
      resolutionSeconds: '3600',
      businessHoursId: 42,
      breachActions: { raisePriority: 'yes', escalate: true },
      priority: 'high',
    });
    expect(problems.map((p) => p.field).sort()).toEqual(
      [
        'name',
        'firstResponseSeconds',
        'nextResponseSeconds',
        'resolutionSeconds',
        'businessHoursId',
        'breachActions.raisePriority',
        'breachActions.escalate',
        'priority',
      ].sort(),
    );
  });

  it('requires a name and at least one target', () => {
    expect(problemsOf({ name: '   ', firstResponseSeconds: null })).toEqual([
      { field: 'name', message: 'Required: a non-empty name' },
      { field: 'firstResponseSeconds', message: expect.stringContaining('At least one target') },
    ]);
  });

  it('caps targets at a year', () => {
    expect(problemsOf({ name: 'Slow', resolutionSeconds: 366 * 86_400 }).map((p) => p.field)).toEqual([
      'resolutionSeconds',
    ]);
  });

  it('rejects a non-object', () => {
    expect(problemsOf('premium')).toEqual([{ field: '', message: expect.any(String) }]);
  });
});
