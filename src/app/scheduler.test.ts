import { describe, expect, it } from 'vitest';
import { configSchema } from '../config/config-schema.js';
import { starterConfig } from '../config/defaults.js';
import { isScheduledRunDue } from './scheduler.js';

const config = (schedule: { everyMinutes: number | null; from: string; to: string }) =>
  configSchema.parse({ ...starterConfig('https://shop.test'), schedule });

describe('scheduled imports', () => {
  // 09:30 in Paris (UTC+1 in November).
  const now = new Date('2026-11-27T08:30:00Z');

  it('runs every N minutes within the hours of the shop’s day', () => {
    const every15 = config({ everyMinutes: 15, from: '08:00', to: '20:00' });
    expect(isScheduledRunDue(every15, now, undefined)).toBe(true);
    expect(isScheduledRunDue(every15, now, new Date(now.getTime() - 10 * 60_000))).toBe(false);
    expect(isScheduledRunDue(every15, now, new Date(now.getTime() - 15 * 60_000))).toBe(true);
  });

  it('waits outside the hours, in the shop’s time zone, and never runs when not scheduled', () => {
    expect(isScheduledRunDue(config({ everyMinutes: 15, from: '10:00', to: '20:00' }), now, undefined)).toBe(
      false,
    );
    expect(isScheduledRunDue(config({ everyMinutes: 15, from: '22:00', to: '10:00' }), now, undefined)).toBe(
      true,
    );
    expect(
      isScheduledRunDue(config({ everyMinutes: null, from: '00:00', to: '23:59' }), now, undefined),
    ).toBe(false);
  });
});
