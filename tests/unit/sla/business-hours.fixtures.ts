import type { BusinessHoursSchedule, OpeningPeriod } from '../../../core/sla/business-hours.types';

const NINE_TO_FIVE: OpeningPeriod[] = [{ start: '09:00', end: '17:00' }];

/** Mon–Fri with the same periods each day (09:00–17:00 by default). */
export function weekdaySchedule(
  timeZone: string,
  periods: OpeningPeriod[] = NINE_TO_FIVE,
  holidays: string[] = [],
): BusinessHoursSchedule {
  return {
    timeZone,
    weekly: { mon: periods, tue: periods, wed: periods, thu: periods, fri: periods },
    holidays,
  };
}

/** Open around the clock every day. */
export function alwaysOpenSchedule(timeZone: string): BusinessHoursSchedule {
  const allDay = [{ start: '00:00', end: '24:00' }];
  return {
    timeZone,
    weekly: { mon: allDay, tue: allDay, wed: allDay, thu: allDay, fri: allDay, sat: allDay, sun: allDay },
    holidays: [],
  };
}

export const at = (iso: string) => new Date(iso);
