import { BusinessCalendar } from '../../../core/sla/business-calendar';
import { alwaysOpenSchedule, at, weekdaySchedule } from './business-hours.fixtures';

const HOUR = 3600;
const london = new BusinessCalendar(weekdaySchedule('Europe/London'));

describe('BusinessCalendar.addBusinessSeconds', () => {
  it('carries what is left at Friday closing over the weekend: Friday 16:30 + 1h = Monday 09:30', () => {
    // 2024-06-14 is a Friday; London is on BST (UTC+1).
    expect(london.addBusinessSeconds(at('2024-06-14T15:30:00Z'), HOUR).toISOString()).toBe('2024-06-17T08:30:00.000Z');
  });

  it('counts within one period without crossing a closing time', () => {
    expect(london.addBusinessSeconds(at('2024-06-17T09:00:00Z'), 2 * HOUR).toISOString()).toBe(
      '2024-06-17T11:00:00.000Z',
    );
  });

  it('is due at closing time when the target runs out exactly then', () => {
    expect(london.addBusinessSeconds(at('2024-06-14T15:00:00Z'), HOUR).toISOString()).toBe('2024-06-14T16:00:00.000Z');
  });

  it('skips a lunch break between two periods: 11:30 + 1h = 13:30', () => {
    const split = new BusinessCalendar(
      weekdaySchedule('Europe/London', [
        { start: '13:00', end: '17:00' },
        { start: '09:00', end: '12:00' },
      ]),
    );
    expect(split.addBusinessSeconds(at('2024-06-11T10:30:00Z'), HOUR).toISOString()).toBe('2024-06-11T12:30:00.000Z');
    expect(split.isOpenAt(at('2024-06-11T11:30:00Z'))).toBe(false);
  });

  it('skips a holiday: a Monday bank holiday pushes Friday 16:30 + 1h to Tuesday 09:30', () => {
    const withHoliday = new BusinessCalendar(weekdaySchedule('Europe/London', undefined, ['2024-08-26']));
    expect(withHoliday.addBusinessSeconds(at('2024-08-23T15:30:00Z'), HOUR).toISOString()).toBe(
      '2024-08-27T08:30:00.000Z',
    );
    expect(london.addBusinessSeconds(at('2024-08-23T15:30:00Z'), HOUR).toISOString()).toBe('2024-08-26T08:30:00.000Z');
  });

  it('starts counting at the next opening when started outside hours', () => {
    // Saturday morning, then a weekday before opening.
    expect(london.addBusinessSeconds(at('2024-06-15T09:00:00Z'), 1800).toISOString()).toBe('2024-06-17T08:30:00.000Z');
    expect(london.addBusinessSeconds(at('2024-06-18T05:00:00Z'), HOUR).toISOString()).toBe('2024-06-18T09:00:00.000Z');
    expect(london.addBusinessSeconds(at('2024-06-18T05:00:00Z'), 0).toISOString()).toBe('2024-06-18T08:00:00.000Z');
  });

  it('spans several days of open time', () => {
    // Monday 09:00 + 20 business hours = Wednesday 13:00 (8h Mon, 8h Tue, 4h Wed).
    expect(london.addBusinessSeconds(at('2024-06-17T08:00:00Z'), 20 * HOUR).toISOString()).toBe(
      '2024-06-19T12:00:00.000Z',
    );
  });

  it('follows the local clock across the spring-forward weekend', () => {
    // Friday 2024-03-29 16:30 GMT; Monday 2024-04-01 09:30 is BST, so 08:30Z.
    expect(london.addBusinessSeconds(at('2024-03-29T16:30:00Z'), HOUR).toISOString()).toBe('2024-04-01T08:30:00.000Z');
    // New York springs forward on 2024-03-10: Friday 16:30 EST → Monday 09:30 EDT.
    const newYork = new BusinessCalendar(weekdaySchedule('America/New_York'));
    expect(newYork.addBusinessSeconds(at('2024-03-08T21:30:00Z'), HOUR).toISOString()).toBe('2024-03-11T13:30:00.000Z');
  });

  it('counts real elapsed time on 23- and 25-hour days', () => {
    const london24x7 = new BusinessCalendar(alwaysOpenSchedule('Europe/London'));
    // Saturday 00:00 GMT + 47h reaches Monday 00:00 BST: Sunday 2024-03-31 has only 23 hours.
    expect(london24x7.addBusinessSeconds(at('2024-03-30T00:00:00Z'), 47 * HOUR).toISOString()).toBe(
      '2024-03-31T23:00:00.000Z',
    );
    // Sunday 2024-10-27 has 25 hours: from 00:00 BST (23:00Z) to Monday 00:00 GMT.
    expect(london24x7.businessSecondsBetween(at('2024-10-26T23:00:00Z'), at('2024-10-28T00:00:00Z'))).toBe(25 * HOUR);
  });

  it('uses the schedule zone: the same schedule opens at different instants in New York and UTC', () => {
    const newYork = new BusinessCalendar(weekdaySchedule('America/New_York'));
    const utc = new BusinessCalendar(weekdaySchedule('UTC'));
    const mondayNineUtc = at('2024-06-17T09:00:00Z');
    expect(utc.addBusinessSeconds(mondayNineUtc, HOUR).toISOString()).toBe('2024-06-17T10:00:00.000Z');
    // 09:00Z is 05:00 EDT: counting starts at 09:00 EDT = 13:00Z.
    expect(newYork.addBusinessSeconds(mondayNineUtc, HOUR).toISOString()).toBe('2024-06-17T14:00:00.000Z');
    // In winter New York is UTC-5.
    expect(newYork.addBusinessSeconds(at('2024-01-15T09:00:00Z'), HOUR).toISOString()).toBe('2024-01-15T15:00:00.000Z');
  });

  it("allows a period to end at '24:00' and continue after midnight", () => {
    const evenings = new BusinessCalendar({
      timeZone: 'UTC',
      weekly: { mon: [{ start: '20:00', end: '24:00' }], tue: [{ start: '00:00', end: '02:00' }] },
      holidays: [],
    });
    expect(evenings.addBusinessSeconds(at('2024-06-17T23:30:00Z'), HOUR).toISOString()).toBe(
      '2024-06-18T00:30:00.000Z',
    );
    expect(evenings.isOpenAt(at('2024-06-17T23:59:59Z'))).toBe(true);
  });

  it('refuses to count on a schedule with no opening periods', () => {
    const closed = new BusinessCalendar({ timeZone: 'UTC', weekly: {}, holidays: [] });
    expect(() => closed.addBusinessSeconds(at('2024-06-17T09:00:00Z'), HOUR)).toThrow(/no opening periods/);
    expect(closed.nextOpening(at('2024-06-17T09:00:00Z'))).toBeNull();
    expect(closed.isOpenAt(at('2024-06-17T09:00:00Z'))).toBe(false);
  });

  it('gives up after the search horizon when every open day is a holiday', () => {
    const mondays: string[] = [];
    for (
      let day = new Date('2024-06-17T00:00:00Z');
      day.getUTCFullYear() < 2027;
      day.setUTCDate(day.getUTCDate() + 7)
    ) {
      mondays.push(day.toISOString().slice(0, 10));
    }
    const mondaysOnly = new BusinessCalendar({
      timeZone: 'UTC',
      weekly: { mon: [{ start: '09:00', end: '17:00' }] },
      holidays: mondays,
    });
    expect(() => mondaysOnly.addBusinessSeconds(at('2024-06-17T00:00:00Z'), HOUR)).toThrow(/No business hours within/);
    expect(mondaysOnly.nextOpening(at('2024-06-17T00:00:00Z'))).toBeNull();
  });

  it('rejects negative or non-finite durations', () => {
    expect(() => london.addBusinessSeconds(at('2024-06-17T09:00:00Z'), -1)).toThrow(/>= 0/);
    expect(() => london.addBusinessSeconds(at('2024-06-17T09:00:00Z'), Number.NaN)).toThrow(/finite/);
  });
});

describe('BusinessCalendar.isOpenAt and nextOpening', () => {
  it('is open from the start of a period up to, not including, its end', () => {
    expect(london.isOpenAt(at('2024-06-17T07:59:59Z'))).toBe(false);
    expect(london.isOpenAt(at('2024-06-17T08:00:00Z'))).toBe(true);
    expect(london.isOpenAt(at('2024-06-17T15:59:59Z'))).toBe(true);
    expect(london.isOpenAt(at('2024-06-17T16:00:00Z'))).toBe(false);
    expect(london.isOpenAt(at('2024-06-15T12:00:00Z'))).toBe(false);
  });

  it('is closed all day on a holiday', () => {
    const withHoliday = new BusinessCalendar(weekdaySchedule('Europe/London', undefined, ['2024-06-17']));
    expect(withHoliday.isOpenAt(at('2024-06-17T12:00:00Z'))).toBe(false);
    expect(withHoliday.nextOpening(at('2024-06-17T12:00:00Z'))?.toISOString()).toBe('2024-06-18T08:00:00.000Z');
  });

  it('returns the instant itself when open, else the next opening', () => {
    expect(london.nextOpening(at('2024-06-17T10:00:00Z'))?.toISOString()).toBe('2024-06-17T10:00:00.000Z');
    expect(london.nextOpening(at('2024-06-14T17:00:00Z'))?.toISOString()).toBe('2024-06-17T08:00:00.000Z');
  });

  it('opens a period straddling the spring-forward gap when the clocks jump', () => {
    const night = new BusinessCalendar({
      timeZone: 'Europe/London',
      weekly: { sun: [{ start: '01:30', end: '03:00' }] },
      holidays: [],
    });
    // Only 02:00–03:00 BST exists that night: 01:00Z–02:00Z.
    expect(night.businessSecondsBetween(at('2024-03-30T12:00:00Z'), at('2024-03-31T12:00:00Z'))).toBe(HOUR);
    expect(night.nextOpening(at('2024-03-30T12:00:00Z'))?.toISOString()).toBe('2024-03-31T01:00:00.000Z');
  });
});

describe('BusinessCalendar.businessSecondsBetween', () => {
  it('counts only open time', () => {
    // Friday 16:00 BST to Monday 10:00 BST: 1h + 1h.
    expect(london.businessSecondsBetween(at('2024-06-14T15:00:00Z'), at('2024-06-17T09:00:00Z'))).toBe(2 * HOUR);
    expect(london.businessSecondsBetween(at('2024-06-15T00:00:00Z'), at('2024-06-16T23:00:00Z'))).toBe(0);
  });

  it('is negative when the end is before the start', () => {
    expect(london.businessSecondsBetween(at('2024-06-17T09:00:00Z'), at('2024-06-14T15:00:00Z'))).toBe(-2 * HOUR);
  });

  it('counts the real length of periods on DST change days', () => {
    const earlyHours = (timeZone: string) =>
      new BusinessCalendar({ timeZone, weekly: { sun: [{ start: '00:00', end: '03:00' }] }, holidays: [] });
    const newYork = earlyHours('America/New_York');
    // Fall back (2024-11-03): 00:00–03:00 local lasts 4 hours; spring forward (2024-03-10): 2 hours.
    expect(newYork.businessSecondsBetween(at('2024-11-02T12:00:00Z'), at('2024-11-03T12:00:00Z'))).toBe(4 * HOUR);
    expect(newYork.businessSecondsBetween(at('2024-03-09T12:00:00Z'), at('2024-03-10T12:00:00Z'))).toBe(2 * HOUR);
  });

  it('is the inverse of addBusinessSeconds', () => {
    const calendars = [
      london,
      new BusinessCalendar(
        weekdaySchedule(
          'America/New_York',
          [
            { start: '08:30', end: '12:00' },
            { start: '13:00', end: '18:15' },
          ],
          ['2024-03-11', '2024-07-04'],
        ),
      ),
    ];
    const starts = ['2024-03-08T21:30:00Z', '2024-03-29T12:00:00Z', '2024-07-03T16:45:00Z', '2024-10-25T23:59:00Z'];
    const durations = [1, 59, HOUR, 7.5 * HOUR, 3 * 24 * HOUR];
    for (const calendar of calendars) {
      for (const start of starts) {
        for (const seconds of durations) {
          const due = calendar.addBusinessSeconds(at(start), seconds);
          expect(calendar.businessSecondsBetween(at(start), due)).toBe(seconds);
        }
      }
    }
  });
});

describe('BusinessCalendar construction', () => {
  it('rejects a malformed schedule', () => {
    expect(() => new BusinessCalendar(weekdaySchedule('Nowhere/Special'))).toThrow(/Unknown time zone/);
    expect(() => new BusinessCalendar(weekdaySchedule('UTC', [{ start: '17:00', end: '09:00' }]))).toThrow(
      /start before end/,
    );
    expect(() => new BusinessCalendar(weekdaySchedule('UTC', undefined, ['2024-02-30']))).toThrow(/YYYY-MM-DD/);
  });

  it('does not count overlapping periods twice', () => {
    const overlapping = new BusinessCalendar(
      weekdaySchedule('UTC', [
        { start: '09:00', end: '12:00' },
        { start: '11:00', end: '13:00' },
      ]),
    );
    expect(overlapping.businessSecondsBetween(at('2024-06-17T00:00:00Z'), at('2024-06-18T00:00:00Z'))).toBe(4 * HOUR);
  });
});
