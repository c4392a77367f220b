const CLOCK_TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;
const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Minutes after local midnight for 'HH:MM' (24h, '24:00' = 1440 = the next midnight), or null when malformed. */
export function parseClockTime(value: string): number | null {
  if (value === '24:00') {
    return 24 * 60;
  }
  const match = CLOCK_TIME.exec(value);
  return match ? Number(match[1]) * 60 + Number(match[2]) : null;
}

/** Days since 1970-01-01 for a real calendar date 'YYYY-MM-DD', or null (malformed or e.g. 2025-02-30). */
export function parseLocalDate(value: string): number | null {
  const match = LOCAL_DATE.exec(value);
  if (!match) {
    return null;
  }
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    return null;
  }
  return Math.round(date.getTime() / 86_400_000);
}
