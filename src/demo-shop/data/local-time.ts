import { shopDateTimeAt } from '../../domain/period.js';
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

/** The shop's wall clock (Europe/Paris) at an instant, in wall-clock milliseconds. */
export function wallOf(instant: Date, timeZone = 'Europe/Paris'): number {
  return parseWall(shopDateTimeAt(timeZone, instant));
}
