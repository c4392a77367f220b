import { WEEKDAYS, type BusinessHoursSchedule } from './business-hours.types';
import { parseClockTime, parseLocalDate } from './clock-time';
import { canonicalTimeZone, localMsToInstant, MS_PER_DAY, toLocalMs } from './zoned-time';

/** Half-open [start, end) in epoch milliseconds. */
interface OpenInterval {
  start: number;
  end: number;
}

/** Minutes after local midnight, [start, end). */
interface LocalPeriod {
  start: number;
  end: number;
}

/** How far ahead to look for an opening before deciding there is none (holidays are capped well below this). */
export const SEARCH_HORIZON_DAYS = 2 * 366;

const MAX_CACHED_DAYS = 4096;

/**
 * Business hours of one schedule as instants: which instants are open, and how open time adds up across
 * closed nights, weekends, holidays and DST changes. Works day by local day, so a week with a 23- or 25-hour
 * day counts the open time that really elapses.
 */
export class BusinessCalendar {
  readonly timeZone: string;
  /** Index 0 = Monday, as WEEKDAYS. */
  private readonly periodsByWeekday: LocalPeriod[][];
  private readonly holidays: Set<number>;
  private readonly dayCache = new Map<number, OpenInterval[]>();

  /** Throws on a malformed schedule; validate untrusted input with validateBusinessHours first. */
  constructor(schedule: BusinessHoursSchedule) {
    const timeZone = canonicalTimeZone(schedule.timeZone);
    if (!timeZone) {
      throw new Error(`Unknown time zone '${schedule.timeZone}'`);
    }
    this.timeZone = timeZone;
    this.periodsByWeekday = WEEKDAYS.map((weekday) => mergedPeriods(schedule.weekly[weekday] ?? [], weekday));
    this.holidays = new Set(
      (schedule.holidays ?? []).map((holiday) => {
        const day = parseLocalDate(holiday);
        if (day === null) {
          throw new Error(`Holiday '${holiday}' is not a YYYY-MM-DD date`);
        }
        return day;
      }),
    );
  }

  /** Whether the week has any opening period at all (holidays aside). */
  get hasOpeningHours(): boolean {
    return this.periodsByWeekday.some((periods) => periods.length > 0);
  }

  isOpenAt(instant: Date): boolean {
    const at = instant.getTime();
    const day = this.localDay(at);
    return [day - 1, day].some((d) =>
      this.intervalsOn(d).some((interval) => interval.start <= at && at < interval.end),
    );
  }

  /** The first instant at or after `instant` when the calendar is open (`instant` itself when open), or null. */
  nextOpening(instant: Date): Date | null {
    const at = instant.getTime();
    if (!this.hasOpeningHours) {
      return null;
    }
    const firstDay = this.localDay(at) - 1;
    for (let day = firstDay; day <= firstDay + SEARCH_HORIZON_DAYS; day++) {
      const interval = this.intervalsOn(day).find((candidate) => candidate.end > at);
      if (interval) {
        return new Date(Math.max(interval.start, at));
      }
    }
    return null;
  }

  /**
   * The instant when `seconds` of open time have elapsed counting from `start` (from the next opening when
   * `start` is closed). A target that runs out exactly at closing time is due at closing time.
   */
  addBusinessSeconds(start: Date, seconds: number): Date {
    if (!Number.isFinite(seconds) || seconds < 0) {
      throw new Error(`Business seconds must be a finite number >= 0, got ${seconds}`);
    }
    if (!this.hasOpeningHours) {
      throw new Error('This business-hours schedule has no opening periods, so business time never elapses');
    }
    const from = start.getTime();
    let remaining = seconds * 1000;
    let lastOpenDay = this.localDay(from);
    for (let day = lastOpenDay - 1; day - lastOpenDay <= SEARCH_HORIZON_DAYS; day++) {
      for (const interval of this.intervalsOn(day)) {
        if (interval.end <= from) {
          continue;
        }
        lastOpenDay = day;
        const begin = Math.max(interval.start, from);
        if (remaining <= interval.end - begin) {
          return new Date(begin + remaining);
        }
        remaining -= interval.end - begin;
      }
    }
    throw new Error(`No business hours within ${SEARCH_HORIZON_DAYS} days; every open day may be a holiday`);
  }

  /** Open time between two instants, in seconds; negative when `b` is before `a`. */
  businessSecondsBetween(a: Date, b: Date): number {
    const [from, to] = [a.getTime(), b.getTime()];
    if (to < from) {
      return -this.businessSecondsBetween(b, a);
    }
    let total = 0;
    for (let day = this.localDay(from) - 1; day <= this.localDay(to); day++) {
      for (const interval of this.intervalsOn(day)) {
        total += Math.max(0, Math.min(interval.end, to) - Math.max(interval.start, from));
      }
    }
    return total / 1000;
  }

  /** Days since 1970-01-01 of the local date at an instant. */
  private localDay(instantMs: number): number {
    return Math.floor(toLocalMs(instantMs, this.timeZone) / MS_PER_DAY);
  }

  private intervalsOn(day: number): OpenInterval[] {
    const cached = this.dayCache.get(day);
    if (cached) {
      return cached;
    }
    const weekday = (new Date(day * MS_PER_DAY).getUTCDay() + 6) % 7;
    const periods = this.holidays.has(day) ? [] : this.periodsByWeekday[weekday];
    const midnight = day * MS_PER_DAY;
    const intervals = periods
      .map((period) => ({
        start: localMsToInstant(midnight + period.start * 60_000, this.timeZone).getTime(),
        end: localMsToInstant(midnight + period.end * 60_000, this.timeZone).getTime(),
      }))
      .filter((interval) => interval.end > interval.start);
    if (this.dayCache.size >= MAX_CACHED_DAYS) {
      this.dayCache.clear();
    }
    this.dayCache.set(day, intervals);
    return intervals;
  }
}

/** Parsed, sorted periods of one weekday; overlapping ones are merged so open time is never counted twice. */
function mergedPeriods(periods: { start: string; end: string }[], weekday: string): LocalPeriod[] {
  const parsed = periods.map(({ start, end }) => {
    const [from, to] = [parseClockTime(start), parseClockTime(end)];
    if (from === null || to === null || to <= from) {
      throw new Error(`Opening period ${start}-${end} on ${weekday} is not HH:MM-HH:MM with start before end`);
    }
    return { start: from, end: to };
  });
  parsed.sort((x, y) => x.start - y.start);
  const merged: LocalPeriod[] = [];
  for (const period of parsed) {
    const last = merged[merged.length - 1];
    if (last && period.start <= last.end) {
      last.end = Math.max(last.end, period.end);
    } else {
      merged.push({ ...period });
    }
  }
  return merged;
}
