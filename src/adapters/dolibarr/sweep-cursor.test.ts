import { describe, expect, it } from 'vitest';
import { databaseTime, decodeCursor, encodeCursor, pruned, RETENTION } from './sweep-cursor.js';

describe('the status sweep cursor over Dolibarr', () => {
  it('round-trips its time, time zone and reported keys', () => {
    const cursor = {
      since: 1_795_772_612,
      timeZone: 'Europe/Paris',
      reported: new Map([
        ['S3:6A1', 1_795_772_600],
        ['F5', 1_795_772_612],
      ]),
    };
    const decoded = decodeCursor(encodeCursor(cursor));
    expect(decoded?.since).toBe(1_795_772_612);
    expect(decoded?.timeZone).toBe('Europe/Paris');
    expect(Object.fromEntries(decoded?.reported ?? [])).toEqual(Object.fromEntries(cursor.reported));
  });

  it('reads another target’s cursor, or a damaged one, as none: the sweep starts from the first', () => {
    expect(decodeCursor(undefined)).toBeUndefined();
    expect(decodeCursor('42')).toBeUndefined();
    expect(decodeCursor('dolibarr-1:{not json')).toBeUndefined();
  });

  it('writes a time as the database holds tms, in the server’s zone (UTC when unknown)', () => {
    // Fixture 001: timestamp_now_utc 1795772612 is date_tz "2026-11-27 09:43:32" on a UTC server.
    expect(databaseTime(1_795_772_612, 'UTC')).toBe('2026-11-27 09:43:32');
    expect(databaseTime(1_795_772_612, 'Europe/Paris')).toBe('2026-11-27 10:43:32');
    expect(databaseTime(1_795_772_612, 'Not/AZone')).toBe('2026-11-27 09:43:32');
    expect(databaseTime(1_795_737_600, 'UTC')).toBe('2026-11-27 00:00:00');
  });

  it('forgets reported keys after the retention, not before', () => {
    const now = 1_795_772_612;
    const kept = pruned(
      new Map([
        ['old', now - RETENTION - 1],
        ['edge', now - RETENTION],
        ['new', now],
      ]),
      now,
    );
    expect([...kept.keys()]).toEqual(['edge', 'new']);
  });
});
