import { canonicalTimeZone, zonedParts, zonedTimeToInstant } from '../../../core/sla/zoned-time';

const instant = (local: { year: number; month: number; day: number; hour: number; minute?: number }, zone: string) =>
  zonedTimeToInstant(local, zone).toISOString();

describe('zoned time', () => {
  it('converts local wall-clock time to the instant, with the offset in force that day', () => {
    expect(instant({ year: 2024, month: 1, day: 15, hour: 9 }, 'Europe/London')).toBe('2024-01-15T09:00:00.000Z');
    expect(instant({ year: 2024, month: 6, day: 17, hour: 9 }, 'Europe/London')).toBe('2024-06-17T08:00:00.000Z');
    expect(instant({ year: 2024, month: 1, day: 15, hour: 9 }, 'America/New_York')).toBe('2024-01-15T14:00:00.000Z');
    expect(instant({ year: 2024, month: 6, day: 17, hour: 9 }, 'America/New_York')).toBe('2024-06-17T13:00:00.000Z');
    expect(instant({ year: 2024, month: 6, day: 17, hour: 9 }, 'Asia/Kolkata')).toBe('2024-06-17T03:30:00.000Z');
  });

  it('reads an instant as local parts in 24-hour time', () => {
    expect(zonedParts(new Date('2024-06-17T23:30:00Z'), 'Europe/London')).toEqual({
      year: 2024,
      month: 6,
      day: 18,
      hour: 0,
      minute: 30,
      second: 0,
    });
    expect(zonedParts(new Date('2024-01-01T04:59:59Z'), 'America/New_York').hour).toBe(23);
  });

  it('maps a time skipped by spring-forward to the moment the clocks jump', () => {
    // London 2024-03-31: 01:00 GMT becomes 02:00 BST, so 01:30 local never happens.
    expect(instant({ year: 2024, month: 3, day: 31, hour: 1, minute: 30 }, 'Europe/London')).toBe(
      '2024-03-31T01:00:00.000Z',
    );
    expect(instant({ year: 2024, month: 3, day: 31, hour: 2 }, 'Europe/London')).toBe('2024-03-31T01:00:00.000Z');
    expect(instant({ year: 2024, month: 3, day: 10, hour: 2, minute: 30 }, 'America/New_York')).toBe(
      '2024-03-10T07:00:00.000Z',
    );
  });

  it('maps a time repeated by fall-back to its first occurrence', () => {
    // London 2024-10-27: 01:30 happens at 00:30Z (BST) and again at 01:30Z (GMT).
    expect(instant({ year: 2024, month: 10, day: 27, hour: 1, minute: 30 }, 'Europe/London')).toBe(
      '2024-10-27T00:30:00.000Z',
    );
  });

  it('treats hour 24 as the next midnight', () => {
    expect(instant({ year: 2024, month: 6, day: 17, hour: 24 }, 'Europe/London')).toBe('2024-06-17T23:00:00.000Z');
  });

  it('canonicalises known zones and rejects unknown ones', () => {
    expect(canonicalTimeZone('europe/london')).toBe('Europe/London');
    expect(canonicalTimeZone('UTC')).toBe('UTC');
    expect(canonicalTimeZone('Mars/Olympus_Mons')).toBeNull();
    expect(canonicalTimeZone('')).toBeNull();
  });
});
