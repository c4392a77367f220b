/**
 * Wall-clock time in an IANA time zone, converted to and from UTC instants with Intl (full ICU in Node 20).
 * Local times are carried as "local milliseconds": the wall-clock reading written as if it were UTC, so plain
 * Date.UTC arithmetic (including hour 24 = next midnight) works on them.
 */

export interface ZonedParts {
  year: number;
  /** 1..12 */
  month: number;
  day: number;
  /** 0..23 */
  hour: number;
  minute: number;
  second: number;
}

export const MS_PER_DAY = 86_400_000;

// Building a DateTimeFormat is far slower than using one; a tenant uses a handful of zones. Bounded, because
// validation feeds it untrusted spellings.
const formatters = new Map<string, Intl.DateTimeFormat>();
const MAX_CACHED_FORMATTERS = 200;

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    if (formatters.size >= MAX_CACHED_FORMATTERS) {
      formatters.clear();
    }
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The zone's canonical name (e.g. 'US/Eastern' → 'America/New_York'), or null when Intl does not know it. */
export function canonicalTimeZone(timeZone: string): string | null {
  if (timeZone.trim() === '') {
    return null;
  }
  try {
    return formatterFor(timeZone).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

/** The wall-clock reading of an instant in a zone (seconds precision). */
export function zonedParts(instant: Date, timeZone: string): ZonedParts {
  const parts: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(instant)) {
    if (part.type !== 'literal') {
      parts[part.type] = Number(part.value);
    }
  }
  return {
    year: parts.year,
    month: parts.month,
    day: parts.day,
    hour: parts.hour,
    minute: parts.minute,
    second: parts.second,
  };
}

/** The wall-clock reading of an instant as local milliseconds (whole seconds). */
export function toLocalMs(instantMs: number, timeZone: string): number {
  const p = zonedParts(new Date(instantMs), timeZone);
  return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
}

/** Zone offset at an instant in milliseconds (local minus UTC), e.g. +3 600 000 for BST. */
export function offsetAt(instantMs: number, timeZone: string): number {
  const wholeSeconds = Math.floor(instantMs / 1000) * 1000;
  return toLocalMs(wholeSeconds, timeZone) - wholeSeconds;
}

/**
 * The first instant at which a zone's wall clock reads `localMs` or later. A reading that occurs twice (clocks go
 * back) gives its earlier occurrence; a reading skipped by clocks going forward gives the instant of the jump
 * (01:30 on London's spring-forward day is 01:00 UTC, when clocks jump to 02:00 BST). That keeps the mapping
 * monotonic, so an opening period that straddles the jump covers exactly the local times that exist.
 */
export function localMsToInstant(localMs: number, timeZone: string): Date {
  // Offsets a day either side bracket any single transition near this time.
  const before = offsetAt(localMs - MS_PER_DAY, timeZone);
  const after = offsetAt(localMs + MS_PER_DAY, timeZone);
  if (before === after) {
    return new Date(localMs - before);
  }
  const matches = [before, after]
    .map((offset) => localMs - offset)
    .filter((candidate) => offsetAt(candidate, timeZone) === localMs - candidate);
  if (matches.length > 0) {
    return new Date(Math.min(...matches));
  }
  return new Date(firstInstantReadingAtLeast(localMs, localMs - after, localMs - before, timeZone));
}

/** Binary search (whole seconds) for the clock jump between `readsEarlier` and `readsLater`. */
function firstInstantReadingAtLeast(localMs: number, readsEarlier: number, readsLater: number, timeZone: string) {
  let low = Math.min(readsEarlier, readsLater);
  let high = Math.max(readsEarlier, readsLater);
  while (high - low > 1000) {
    const middle = Math.floor((low + high) / 2000) * 1000;
    if (middle <= low) {
      break;
    }
    if (toLocalMs(middle, timeZone) >= localMs) {
      high = middle;
    } else {
      low = middle;
    }
  }
  return high;
}

/** Convenience: a local date and time in a zone to its instant; fields may overflow like Date.UTC's. */
export function zonedTimeToInstant(
  local: { year: number; month: number; day: number; hour?: number; minute?: number; second?: number },
  timeZone: string,
): Date {
  const localMs = Date.UTC(
    local.year,
    local.month - 1,
    local.day,
    local.hour ?? 0,
    local.minute ?? 0,
    local.second ?? 0,
  );
  return localMsToInstant(localMs, timeZone);
}
