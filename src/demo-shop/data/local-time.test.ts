import { describe, expect, it } from 'vitest';
import { addMinutes, formatWall, parseWall, wallOf } from './local-time.js';

const wallText = (iso: string, timeZone?: string): string => formatWall(wallOf(new Date(iso), timeZone));

describe("the demo shop's clock", () => {
  it('shows Paris time, one hour ahead of UTC in winter and two in summer', () => {
    expect(wallText('2026-01-15T10:20:30Z')).toBe('2026-01-15 11:20:30');
    expect(wallText('2026-07-15T10:20:30Z')).toBe('2026-07-15 12:20:30');
  });

  it('follows the DST changes of the time zone database', () => {
    // 29 March 2026: 02:00 Paris becomes 03:00 (01:00 UTC).
    expect(wallText('2026-03-29T00:59:59Z')).toBe('2026-03-29 01:59:59');
    expect(wallText('2026-03-29T01:00:00Z')).toBe('2026-03-29 03:00:00');
    // 25 October 2026: 03:00 Paris goes back to 02:00 (01:00 UTC); 02:30 happens twice.
    expect(wallText('2026-10-25T00:30:00Z')).toBe('2026-10-25 02:30:00');
    expect(wallText('2026-10-25T01:30:00Z')).toBe('2026-10-25 02:30:00');
  });

  it('writes midnight as 00, crosses the year, keeps whole seconds', () => {
    expect(wallText('2026-12-31T23:00:00.999Z')).toBe('2027-01-01 00:00:00');
    expect(wallOf(new Date('2026-12-31T23:00:00.999Z')) % 1000).toBe(0);
  });

  it('reads another time zone when told', () => {
    expect(wallText('2026-07-15T10:20:30Z', 'America/New_York')).toBe('2026-07-15 06:20:30');
  });

  it('adds minutes on the wall clock and reads back what it writes', () => {
    expect(addMinutes('2026-02-28 23:30:00', 45)).toBe('2026-03-01 00:15:00');
    expect(formatWall(parseWall('2026-05-04 07:08:09'))).toBe('2026-05-04 07:08:09');
    expect(() => parseWall('2026-05-04')).toThrow();
  });
});
