import type { LocalDateTime } from './model.js';

/**
 * Shop-local wall-clock times. PrestaShop stores and sends local times without offset; the demo shop
 * computes them as UTC fields of a shifted epoch, which keeps date arithmetic exact and fast (DST jumps
 * do not matter to a simulator).
 */

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** Wall-clock milliseconds → `YYYY-MM-DD HH:MM:SS`. */
export function formatWall(ms: number): LocalDateTime {
  const d = new Date(ms);
  return (
    `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ` +
    `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`
  );
}

/** `YYYY-MM-DD HH:MM:SS` → wall-clock milliseconds. */
export function parseWall(text: LocalDateTime): number {
  const m = /^(\d{4})-(\d\d)-(\d\d)[ T](\d\d):(\d\d):(\d\d)$/.exec(text);
  if (!m) throw new Error(`not a shop date: ${text}`);
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6]));
}

export function addMinutes(text: LocalDateTime, minutes: number): LocalDateTime {
  return formatWall(parseWall(text) + Math.round(minutes * 60_000));
}

/** The demo shop's `PS_TIMEZONE`. */
export const SHOP_TIME_ZONE = 'Europe/Paris';

const wallClockFormats = new Map<string, Intl.DateTimeFormat>();

function wallClockFormat(timeZone: string): Intl.DateTimeFormat {
  let format = wallClockFormats.get(timeZone);
  if (!format) {
    // h23: midnight is 00, not 24 (some ICU versions give 24 with `hour12: false`).
    format = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    wallClockFormats.set(timeZone, format);
  }
  return format;
}

/**
 * The shop's wall clock at an instant, in wall-clock milliseconds: what PHP's `date()` shows under
 * `PS_TIMEZONE` (the time zone database does the DST shifts).
 */
export function wallOf(instant: Date, timeZone = SHOP_TIME_ZONE): number {
  const parts: Record<string, number> = {};
  for (const part of wallClockFormat(timeZone).formatToParts(instant))
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  const field = (name: string): number => {
    const value = parts[name];
    if (value === undefined || Number.isNaN(value)) throw new Error(`no ${name} in the shop's clock`);
    return value;
  };
  // Whole seconds, as the shop's DATETIME columns keep them.
  return Date.UTC(
    field('year'),
    field('month') - 1,
    field('day'),
    field('hour'),
    field('minute'),
    field('second'),
  );
}
