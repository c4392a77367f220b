export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** One opening period in local wall-clock time, 'HH:MM' 24h; end is exclusive and may be '24:00'. */
export interface OpeningPeriod {
  start: string;
  end: string;
}

/** A business-hours calendar: several periods per weekday, an IANA time zone, and holidays (local dates). */
export interface BusinessHoursSchedule {
  timeZone: string;
  weekly: Partial<Record<Weekday, OpeningPeriod[]>>;
  /** 'YYYY-MM-DD' in the schedule's time zone; the whole local day is closed. */
  holidays: string[];
}
