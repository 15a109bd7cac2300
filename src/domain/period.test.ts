import { describe, expect, it } from 'vitest';
import type { PeriodSettings } from './rules.js';
import { minusMinutes, nextHighWaterMark, periodBetween, resolvePeriod, wallClockIn } from './period.js';

const settings = (kind: PeriodSettings['kind'], extra: Partial<PeriodSettings> = {}): PeriodSettings => ({
  kind,
  dateField: 'order',
  overlapMinutes: 60,
  ...extra,
});

const paris = (now: string, kind: PeriodSettings['kind'], extra: Partial<PeriodSettings> = {}) =>
  resolvePeriod(settings(kind, extra), { now: new Date(now), timeZone: 'Europe/Paris' });

describe('wallClockIn', () => {
  it('reads the shop clock on both sides of the Paris spring-forward change', () => {
    // 2026-03-29 01:59:59 UTC = 02:59:59 CET+1… the clock jumps from 02:00 to 03:00 local.
    expect(wallClockIn('Europe/Paris', new Date('2026-03-29T00:59:59Z'))).toMatchObject({
      hour: 1,
      minute: 59,
    });
    expect(wallClockIn('Europe/Paris', new Date('2026-03-29T01:00:00Z'))).toMatchObject({
      hour: 3,
      minute: 0,
    });
  });

  it('gives midnight as hour 0', () => {
    expect(wallClockIn('Europe/Paris', new Date('2026-10-27T23:00:00Z'))).toMatchObject({
      year: 2026,
      month: 10,
      day: 28,
      hour: 0,
    });
  });
});

describe('resolvePeriod', () => {
  it('today and yesterday are the shop days, not the server day', () => {
    // 22:30 UTC on 31 July is 00:30 on 1 August in Paris (UTC+2).
    expect(paris('2026-07-31T22:30:00Z', 'today')).toEqual({
      from: '2026-08-01 00:00:00',
      to: '2026-08-01 23:59:59',
      dateField: 'order',
    });
    expect(paris('2026-07-31T22:30:00Z', 'yesterday')).toMatchObject({
      from: '2026-07-31 00:00:00',
      to: '2026-07-31 23:59:59',
    });
  });

  it('on the day Paris leaves summer time, 00:30 local is still that day (UTC is the day before)', () => {
    // 2026-10-25 00:30 CEST = 2026-10-24 22:30 UTC; the clocks go back at 03:00 that night.
    expect(paris('2026-10-24T22:30:00Z', 'today')).toMatchObject({ from: '2026-10-25 00:00:00' });
    // 23:30 local (CET, UTC+1) is 22:30 UTC the same day.
    expect(paris('2026-10-25T22:30:00Z', 'yesterday')).toMatchObject({ from: '2026-10-24 00:00:00' });
  });

  it('the same instant is still the previous day in New York', () => {
    const period = resolvePeriod(settings('today'), {
      now: new Date('2026-07-31T22:30:00Z'),
      timeZone: 'America/New_York',
    });
    expect(period).toMatchObject({ from: '2026-07-31 00:00:00', to: '2026-07-31 23:59:59' });
  });

  it('last 7 and 30 days include today, across a month end and a DST change', () => {
    // 2026-11-02 10:00 Paris; DST ended on 25 October.
    expect(paris('2026-11-02T09:00:00Z', 'last-7-days')).toMatchObject({
      from: '2026-10-27 00:00:00',
      to: '2026-11-02 23:59:59',
    });
    expect(paris('2026-11-02T09:00:00Z', 'last-30-days')).toMatchObject({
      from: '2026-10-04 00:00:00',
      to: '2026-11-02 23:59:59',
    });
  });

  it('last 30 days across a leap February', () => {
    expect(paris('2028-03-01T12:00:00Z', 'last-30-days')).toMatchObject({ from: '2028-02-01 00:00:00' });
    expect(paris('2027-03-01T12:00:00Z', 'last-30-days')).toMatchObject({ from: '2027-01-31 00:00:00' });
  });

  it('current and previous month, including January and a leap year', () => {
    expect(paris('2028-02-10T12:00:00Z', 'current-month')).toMatchObject({
      from: '2028-02-01 00:00:00',
      to: '2028-02-29 23:59:59',
    });
    expect(paris('2027-01-15T12:00:00Z', 'previous-month')).toMatchObject({
      from: '2026-12-01 00:00:00',
      to: '2026-12-31 23:59:59',
    });
    expect(paris('2026-03-31T12:00:00Z', 'previous-month')).toMatchObject({
      from: '2026-02-01 00:00:00',
      to: '2026-02-28 23:59:59',
    });
  });

  it('the month is the shop month at a month boundary (New York, before midnight local)', () => {
    const period = resolvePeriod(settings('current-month'), {
      now: new Date('2026-11-01T02:00:00Z'), // 31 October 22:00 in New York (EDT)
      timeZone: 'America/New_York',
    });
    expect(period).toMatchObject({ from: '2026-10-01 00:00:00', to: '2026-10-31 23:59:59' });
  });

  it('custom days are inclusive and keep the date field', () => {
    expect(
      paris('2026-11-02T09:00:00Z', 'custom', { from: '2026-10-01', to: '2026-10-15', dateField: 'invoice' }),
    ).toEqual({ from: '2026-10-01 00:00:00', to: '2026-10-15 23:59:59', dateField: 'invoice' });
  });

  it('since the last import: the mark minus the overlap, up to now on the shop clock', () => {
    const period = resolvePeriod(settings('since-last-import', { overlapMinutes: 90 }), {
      now: new Date('2026-10-28T15:20:00Z'),
      timeZone: 'Europe/Paris',
      highWaterMark: '2026-10-28 00:30:00',
    });
    expect(period).toEqual({ from: '2026-10-27 23:00:00', to: '2026-10-28 16:20:00', dateField: 'order' });
  });

  it('since the last import without a mark yet: the last 30 days', () => {
    expect(paris('2026-11-02T09:00:00Z', 'since-last-import')).toMatchObject({
      from: '2026-10-04 00:00:00',
      to: '2026-11-02 23:59:59',
    });
  });

  it('since the last import: a mark ahead of the clock still gives a usable period', () => {
    const period = resolvePeriod(settings('since-last-import', { overlapMinutes: 0 }), {
      now: new Date('2026-10-28T15:20:00Z'),
      timeZone: 'Europe/Paris',
      highWaterMark: '2026-10-28 18:00:00',
    });
    expect(period).toMatchObject({ from: '2026-10-28 18:00:00', to: '2026-10-28 23:59:59' });
  });

  it('since the last import in New York across the autumn change', () => {
    // 2026-11-01 01:30 EST (after the repeated hour), mark 01:10 local, overlap 60 min.
    const period = resolvePeriod(settings('since-last-import'), {
      now: new Date('2026-11-01T06:30:00Z'),
      timeZone: 'America/New_York',
      highWaterMark: '2026-11-01 01:10:00',
    });
    expect(period).toMatchObject({ from: '2026-11-01 00:10:00', to: '2026-11-01 01:30:00' });
  });
});

describe('minusMinutes', () => {
  it('crosses a day, a month and a year', () => {
    expect(minusMinutes('2027-01-01 00:30:00', 60)).toBe('2026-12-31 23:30:00');
  });
});

describe('the next "Depuis le dernier import" mark', () => {
  const period = { from: '2026-11-27 10:00:00', to: '2026-11-27 23:59:59' };
  const startedAt = '2026-11-27 14:00:00';

  it('moves to the run’s start when the run joined the previous mark', () => {
    expect(nextHighWaterMark(period, '2026-11-27 11:00:00', startedAt, undefined)).toBe(startedAt);
    expect(nextHighWaterMark(period, undefined, startedAt, undefined)).toBe(startedAt);
    expect(nextHighWaterMark({ ...period, to: '2026-11-27 12:00:00' }, undefined, startedAt, undefined)).toBe(
      '2026-11-27 12:00:00',
    );
  });

  it('never passes a failed order, and stays when a failed order’s date is unknown', () => {
    expect(nextHighWaterMark(period, '2026-11-27 11:00:00', startedAt, '2026-11-27 10:30:00')).toBe(
      '2026-11-27 10:30:00',
    );
    expect(nextHighWaterMark(period, '2026-11-27 11:00:00', startedAt, '')).toBeUndefined();
  });

  it('leaves no gap: a period that starts after the mark does not move it', () => {
    expect(nextHighWaterMark(period, '2026-11-20 08:00:00', startedAt, undefined)).toBeUndefined();
  });
});

describe('a period asked for explicitly', () => {
  it('takes whole days from the first second to the last, or exact datetimes as given', () => {
    expect(periodBetween('2026-11-01', '2026-11-27')).toEqual({
      from: '2026-11-01 00:00:00',
      to: '2026-11-27 23:59:59',
    });
    expect(periodBetween('2026-11-01 08:30:00', '2026-11-02 12:00:00')).toEqual({
      from: '2026-11-01 08:30:00',
      to: '2026-11-02 12:00:00',
    });
  });
});

describe('periods at their edges', () => {
  it('refuses a custom period without both days or with text around a day', () => {
    expect(() => paris('2026-11-02T09:00:00Z', 'custom', { from: '2026-10-01' })).toThrow(
      'a custom period needs "from" and "to"',
    );
    expect(() => paris('2026-11-02T09:00:00Z', 'custom', { to: '2026-10-01' })).toThrow(
      /needs "from" and "to"/,
    );
    for (const bad of ['2026-10-01x', 'x2026-10-01', '2026-10-1'])
      expect(() => paris('2026-11-02T09:00:00Z', 'custom', { from: bad, to: '2026-10-15' })).toThrow(
        `not a day: ${bad}`,
      );
  });

  it('refuses to move back a text that is not a shop date-time', () => {
    for (const bad of ['2026-10-01', 'x2026-10-01 10:00:00', '2026-10-01 10:00:00x'])
      expect(() => minusMinutes(bad, 5)).toThrow(`not a shop date-time: ${bad}`);
    expect(minusMinutes('2026-10-01 10:00:30', 0)).toBe('2026-10-01 10:00:30');
    expect(minusMinutes('0999-01-01 00:30:00', 60)).toBe('0998-12-31 23:30:00');
  });

  it('takes anything but a plain day as an exact time', () => {
    expect(periodBetween('le 2026-11-01', '2026-11-02 x')).toEqual({
      from: 'le 2026-11-01',
      to: '2026-11-02 x',
    });
  });

  it('since the last import: a mark exactly at the shop clock gives a one-second period', () => {
    const period = resolvePeriod(settings('since-last-import', { overlapMinutes: 0 }), {
      now: new Date('2026-10-28T15:20:00Z'),
      timeZone: 'Europe/Paris',
      highWaterMark: '2026-10-28 16:20:00',
    });
    expect(period).toEqual({ from: '2026-10-28 16:20:00', to: '2026-10-28 16:20:00', dateField: 'order' });
  });

  it('since the last import: a mark on a later day gives a period of that instant only', () => {
    const period = resolvePeriod(settings('since-last-import', { overlapMinutes: 0 }), {
      now: new Date('2026-10-28T15:20:00Z'),
      timeZone: 'Europe/Paris',
      highWaterMark: '2026-10-30 08:00:00',
    });
    expect(period).toEqual({ from: '2026-10-30 08:00:00', to: '2026-10-30 08:00:00', dateField: 'order' });
  });

  it('the next mark moves when the period starts exactly at the previous mark', () => {
    const period = { from: '2026-11-27 10:00:00', to: '2026-11-27 23:59:59' };
    expect(nextHighWaterMark(period, '2026-11-27 10:00:00', '2026-11-27 14:00:00', undefined)).toBe(
      '2026-11-27 14:00:00',
    );
    // The earliest of the three, whichever place it has.
    expect(nextHighWaterMark(period, undefined, '2026-11-27 14:00:00', '2026-11-27 20:00:00')).toBe(
      '2026-11-27 14:00:00',
    );
    expect(
      nextHighWaterMark(
        { ...period, to: '2026-11-27 11:00:00' },
        undefined,
        '2026-11-27 14:00:00',
        '2026-11-27 12:00:00',
      ),
    ).toBe('2026-11-27 11:00:00');
  });
});
