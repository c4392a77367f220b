import { WEEKDAYS, type BusinessHoursSchedule, type OpeningPeriod } from './business-hours.types';
import { parseClockTime, parseLocalDate } from './clock-time';
import { isPlainObject, reportUnknownKeys, type FieldProblem, type Report } from '../platform/validation/field-checks';
import { canonicalTimeZone } from './zoned-time';

export const MAX_PERIODS_PER_DAY = 10;
export const MAX_HOLIDAYS = 500;

export type BusinessHoursValidation =
  { ok: true; schedule: BusinessHoursSchedule } | { ok: false; problems: FieldProblem[] };

/**
 * Checks an untrusted schedule and lists every problem by field. The accepted schedule is normalised: canonical
 * zone name, periods sorted by start, holidays sorted without duplicates; a missing `holidays` means none.
 */
export function validateBusinessHours(input: unknown): BusinessHoursValidation {
  const problems: FieldProblem[] = [];
  const report: Report = (field, message) => problems.push({ field, message });
  if (!isPlainObject(input)) {
    return { ok: false, problems: [{ field: '', message: 'Business hours must be an object' }] };
  }
  reportUnknownKeys(input, ['timeZone', 'weekly', 'holidays'], '', report);
  const timeZone = validTimeZone(input.timeZone, report);
  const weekly = validWeekly(input.weekly, report);
  const holidays = validHolidays(input.holidays, report);
  if (problems.length > 0 || timeZone === null || weekly === null || holidays === null) {
    return { ok: false, problems };
  }
  return { ok: true, schedule: { timeZone, weekly, holidays } };
}

function validTimeZone(value: unknown, report: Report): string | null {
  if (typeof value !== 'string' || value.trim() === '') {
    report('timeZone', "Required: an IANA time zone such as 'Europe/London'");
    return null;
  }
  const zone = canonicalTimeZone(value.trim());
  if (!zone) {
    report('timeZone', `Unknown time zone '${value}'; use an IANA name such as 'America/New_York'`);
  }
  return zone;
}

function validWeekly(value: unknown, report: Report): BusinessHoursSchedule['weekly'] | null {
  if (!isPlainObject(value)) {
    report('weekly', `Required: an object of opening periods by weekday (${WEEKDAYS.join(', ')})`);
    return null;
  }
  reportUnknownKeys(value, WEEKDAYS, 'weekly.', report);
  const weekly: BusinessHoursSchedule['weekly'] = {};
  let periodCount = 0;
  for (const weekday of WEEKDAYS) {
    if (value[weekday] === undefined) {
      continue;
    }
    const periods = validDay(value[weekday], `weekly.${weekday}`, report);
    if (periods) {
      weekly[weekday] = periods;
      periodCount += periods.length;
    }
  }
  const daysValid = WEEKDAYS.every((weekday) => value[weekday] === undefined || weekly[weekday] !== undefined);
  if (daysValid && periodCount === 0) {
    report('weekly', 'At least one opening period is required somewhere in the week');
  }
  return weekly;
}

function validDay(value: unknown, field: string, report: Report): OpeningPeriod[] | null {
  if (!Array.isArray(value)) {
    report(field, "Must be a list of periods such as [{ start: '09:00', end: '17:00' }] (empty = closed)");
    return null;
  }
  if (value.length > MAX_PERIODS_PER_DAY) {
    report(field, `At most ${MAX_PERIODS_PER_DAY} periods per day`);
    return null;
  }
  const parsed = value.map((period, index) => validPeriod(period, field, index, report));
  const periods = parsed.filter((period): period is ParsedPeriod => period !== null);
  if (periods.length < parsed.length) {
    return null;
  }
  periods.sort((a, b) => a.start - b.start);
  let valid = true;
  // Compare with the furthest-reaching earlier period, so 09-17 is found to overlap both 10-11 and 12-13.
  let furthest = periods[0];
  for (const current of periods.slice(1)) {
    if (current.start < furthest.end) {
      const { start, end } = furthest.period;
      report(`${field}[${current.index}]`, `Overlaps ${start}-${end} (${field}[${furthest.index}])`);
      valid = false;
    }
    if (current.end > furthest.end) {
      furthest = current;
    }
  }
  return valid ? periods.map((p) => p.period) : null;
}

/** A period with its position in the input (for problem messages) and its bounds in minutes. */
interface ParsedPeriod {
  index: number;
  start: number;
  end: number;
  period: OpeningPeriod;
}

function validPeriod(value: unknown, dayField: string, index: number, report: Report): ParsedPeriod | null {
  const field = `${dayField}[${index}]`;
  if (!isPlainObject(value)) {
    report(field, "Must be an object { start: 'HH:MM', end: 'HH:MM' }");
    return null;
  }
  reportUnknownKeys(value, ['start', 'end'], `${field}.`, report);
  const start = clockTime(value.start, `${field}.start`, report);
  const end = clockTime(value.end, `${field}.end`, report);
  if (start === null || end === null) {
    return null;
  }
  if (start.minutes >= 24 * 60) {
    report(`${field}.start`, "A period cannot start at '24:00'");
    return null;
  }
  if (end.minutes <= start.minutes) {
    report(`${field}.end`, `Must be after start (${start.text}); periods cannot run past midnight, end at '24:00'`);
    return null;
  }
  return { index, start: start.minutes, end: end.minutes, period: { start: start.text, end: end.text } };
}

function clockTime(value: unknown, field: string, report: Report): { text: string; minutes: number } | null {
  const minutes = typeof value === 'string' ? parseClockTime(value.trim()) : null;
  if (minutes === null) {
    report(field, "Must be a 24-hour time 'HH:MM' (00:00 to 24:00)");
    return null;
  }
  return { text: (value as string).trim(), minutes };
}

function validHolidays(value: unknown, report: Report): string[] | null {
  if (value === undefined) {
    return [];
  }
  if (!Array.isArray(value)) {
    report('holidays', "Must be a list of local dates 'YYYY-MM-DD'");
    return null;
  }
  if (value.length > MAX_HOLIDAYS) {
    report('holidays', `At most ${MAX_HOLIDAYS} holidays`);
    return null;
  }
  let valid = true;
  value.forEach((holiday, index) => {
    if (typeof holiday !== 'string' || parseLocalDate(holiday.trim()) === null) {
      report(`holidays[${index}]`, "Must be a real date 'YYYY-MM-DD'");
      valid = false;
    }
  });
  return valid ? [...new Set(value.map((holiday: string) => holiday.trim()))].sort() : null;
}
