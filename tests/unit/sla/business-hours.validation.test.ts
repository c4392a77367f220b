import { validateBusinessHours } from '../../../core/sla/business-hours.validation';
import { weekdaySchedule } from './business-hours.fixtures';

function problemsOf(input: unknown) {
  const result = validateBusinessHours(input);
  if (result.ok) {
    throw new Error('expected problems');
  }
  return result.problems;
}

describe('validateBusinessHours', () => {
  it('accepts a valid schedule and normalises it', () => {
    const result = validateBusinessHours({
      timeZone: 'europe/london',
      weekly: {
        mon: [
          { start: '13:00', end: '24:00' },
          { start: '09:00', end: '12:00' },
        ],
        sat: [],
      },
      holidays: ['2024-12-26', '2024-12-25', '2024-12-25'],
    });
    expect(result).toEqual({
      ok: true,
      schedule: {
        timeZone: 'Europe/London',
        weekly: {
          mon: [
            { start: '09:00', end: '12:00' },
            { start: '13:00', end: '24:00' },
          ],
          sat: [],
        },
        holidays: ['2024-12-25', '2024-12-26'],
      },
    });
  });

  it('treats missing holidays as none', () => {
    const { holidays: _holidays, ...withoutHolidays } = weekdaySchedule('UTC');
    const result = validateBusinessHours(withoutHolidays);
    expect(result.ok && result.schedule.holidays).toEqual([]);
  });

  it('names every problem by field', () => {
    const problems = problemsOf({
      timeZone: 'Europe/Lundon',
      weekly: {
        monday: [{ start: '09:00', end: '17:00' }],
        tue: [{ start: '9:00', end: '17:00' }],
        wed: [{ start: '17:00', end: '09:00' }],
        thu: [
          { start: '09:00', end: '17:00' },
          { start: '10:00', end: '11:00' },
          { start: '12:00', end: '13:00' },
        ],
        fri: [{ start: '24:00', end: '24:00' }],
        sat: 'closed',
      },
      holidays: ['2024-02-30', 20241225],
      colour: 'blue',
    });
    expect(problems.map((p) => p.field).sort()).toEqual(
      [
        'colour',
        'timeZone',
        'weekly.monday',
        'weekly.tue[0].start',
        'weekly.wed[0].end',
        'weekly.thu[1]',
        'weekly.thu[2]',
        'weekly.fri[0].start',
        'weekly.sat',
        'holidays[0]',
        'holidays[1]',
      ].sort(),
    );
    expect(problems.find((p) => p.field === 'timeZone')?.message).toContain("Unknown time zone 'Europe/Lundon'");
    expect(problems.find((p) => p.field === 'weekly.thu[2]')?.message).toContain('09:00-17:00');
  });

  it('requires at least one opening period in the week', () => {
    expect(problemsOf({ timeZone: 'UTC', weekly: { mon: [], tue: [] } })).toEqual([
      { field: 'weekly', message: expect.stringContaining('At least one opening period') },
    ]);
  });

  it('requires a time zone and a weekly object', () => {
    expect(problemsOf({ holidays: [] }).map((p) => p.field)).toEqual(['timeZone', 'weekly']);
    expect(problemsOf(null)).toEqual([{ field: '', message: expect.any(String) }]);
  });

  it('allows adjacent periods but not an end at or before the start', () => {
    const adjacent = weekdaySchedule('UTC', [
      { start: '09:00', end: '12:00' },
      { start: '12:00', end: '13:00' },
    ]);
    expect(validateBusinessHours(adjacent).ok).toBe(true);
    expect(problemsOf(weekdaySchedule('UTC', [{ start: '09:00', end: '09:00' }])).map((p) => p.field)).toContain(
      'weekly.mon[0].end',
    );
  });

  it('limits periods per day and holidays', () => {
    const periods = Array.from({ length: 11 }, (_, i) => ({ start: `0${i % 10}:00`, end: `0${i % 10}:30` }));
    expect(problemsOf(weekdaySchedule('UTC', periods)).map((p) => p.field)).toContain('weekly.mon');
    const holidays = Array.from({ length: 501 }, () => '2024-01-01');
    expect(problemsOf(weekdaySchedule('UTC', undefined, holidays))).toEqual([
      { field: 'holidays', message: 'At most 500 holidays' },
    ]);
  });

  it('rejects unknown keys in a period', () => {
    expect(problemsOf(weekdaySchedule('UTC', [{ start: '09:00', end: '17:00', until: '18:00' } as never]))).toEqual(
      expect.arrayContaining([expect.objectContaining({ field: 'weekly.mon[0].until' })]),
    );
  });
});
