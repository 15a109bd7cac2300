import type { PeriodSettings } from './rules.js';
import type { ShopDateTime } from './shop-order.js';

/**
 * "Période par défaut" (SPEC §2): which orders a run looks at, as inclusive bounds in the shop's local
 * time — the same wall-clock time PrestaShop writes in `date_add`/`invoice_date` and filters on. The
 * shop's "today" is the calendar day on the shop's clock, not the server's: a server in UTC running at
 * 23:30 UTC in summer is already tomorrow in Paris.
 */
export interface ResolvedPeriod {
  readonly from: ShopDateTime;
  readonly to: ShopDateTime;
  readonly dateField: PeriodSettings['dateField'];
}

export interface PeriodContext {
  readonly now: Date;
  /** IANA time zone of the shop (PS_TIMEZONE), e.g. `Europe/Paris`. */
  readonly timeZone: string;
  /** The latest order date a finished run has read for the shop, if any ("Depuis le dernier import"). */
  readonly highWaterMark?: ShopDateTime | undefined;
}

/** A calendar day, free of any time zone: arithmetic on it never meets a DST change. */
interface CalendarDay {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

interface WallClock extends CalendarDay {
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    // Throws a RangeError for an unknown zone: a configuration bug worth stopping on.
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
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The wall-clock time shown in `timeZone` at the instant `now` (DST is the time zone database's job). */
export function wallClockIn(timeZone: string, now: Date): WallClock {
  const parts = new Map(
    formatterFor(timeZone)
      .formatToParts(now)
      .map((part) => [part.type, part.value]),
  );
  const field = (type: Intl.DateTimeFormatPartTypes): number => Number(parts.get(type));
  return {
    year: field('year'),
    month: field('month'),
    day: field('day'),
    hour: field('hour') % 24,
    minute: field('minute'),
    second: field('second'),
  };
}

function addDays(day: CalendarDay, days: number): CalendarDay {
  const date = new Date(Date.UTC(day.year, day.month - 1, day.day + days));
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

function lastDayOfMonth(year: number, month: number): CalendarDay {
  const date = new Date(Date.UTC(year, month, 0));
  return { year, month, day: date.getUTCDate() };
}

const two = (value: number): string => String(value).padStart(2, '0');

function formatDay(day: CalendarDay): string {
  return `${String(day.year).padStart(4, '0')}-${two(day.month)}-${two(day.day)}`;
}

function formatWallClock(clock: WallClock): ShopDateTime {
  return `${formatDay(clock)} ${two(clock.hour)}:${two(clock.minute)}:${two(clock.second)}`;
}

/** The time on the shop's clock at `now`, as PrestaShop writes its dates. */
export function shopDateTimeAt(timeZone: string, now: Date): ShopDateTime {
  return formatWallClock(wallClockIn(timeZone, now));
}

const startOf = (day: CalendarDay): ShopDateTime => `${formatDay(day)} 00:00:00`;
const endOf = (day: CalendarDay): ShopDateTime => `${formatDay(day)} 23:59:59`;

function parseDay(text: string): CalendarDay {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) throw new Error(`not a day: ${text}`);
  return { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
}

const SHOP_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/;

/**
 * A shop date-time moved back by some minutes, on the wall clock. Done as plain calendar arithmetic
 * (not through an instant): around a DST change the shop's clock repeats or skips an hour, and the
 * safety overlap is there precisely so that being an hour generous or short at that moment does not
 * lose an order; the ledger makes re-reading harmless.
 */
export function minusMinutes(value: ShopDateTime, minutes: number): ShopDateTime {
  const match = SHOP_DATE_TIME.exec(value);
  if (!match) throw new Error(`not a shop date-time: ${value}`);
  const [year, month, day, hour, minute, second] = match.slice(1).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const date = new Date(Date.UTC(year, month - 1, day, hour, minute - minutes, second));
  return formatWallClock({
    year: date.getUTCFullYear(),
    month: date.getUTCMonth() + 1,
    day: date.getUTCDate(),
    hour: date.getUTCHours(),
    minute: date.getUTCMinutes(),
    second: date.getUTCSeconds(),
  });
}

/**
 * The inclusive bounds of the configured period. Day-based periods run from 00:00:00 of their first day
 * to 23:59:59 of their last; "N derniers jours" include today (7 days = today and the 6 before).
 * "Depuis le dernier import" runs from the high-water mark minus the overlap up to now; with no mark
 * yet (first run) it falls back to the last 30 days.
 */
/**
 * A period asked for explicitly (`--from 2026-11-01 --to 2026-11-27`): whole days, or exact shop-local
 * datetimes.
 */
export function periodBetween(from: string, to: string): { from: ShopDateTime; to: ShopDateTime } {
  const day = /^\d{4}-\d{2}-\d{2}$/;
  return {
    from: day.test(from) ? startOf(parseDay(from)) : from,
    to: day.test(to) ? endOf(parseDay(to)) : to,
  };
}

export function resolvePeriod(settings: PeriodSettings, context: PeriodContext): ResolvedPeriod {
  const clock = wallClockIn(context.timeZone, context.now);
  const today: CalendarDay = clock;
  const dateField = settings.dateField;
  const lastDays = (count: number): ResolvedPeriod => ({
    from: startOf(addDays(today, -(count - 1))),
    to: endOf(today),
    dateField,
  });

  switch (settings.kind) {
    case 'today':
      return { from: startOf(today), to: endOf(today), dateField };
    case 'yesterday': {
      const yesterday = addDays(today, -1);
      return { from: startOf(yesterday), to: endOf(yesterday), dateField };
    }
    case 'last-7-days':
      return lastDays(7);
    case 'last-30-days':
      return lastDays(30);
    case 'current-month':
      return {
        from: startOf({ year: today.year, month: today.month, day: 1 }),
        to: endOf(lastDayOfMonth(today.year, today.month)),
        dateField,
      };
    case 'previous-month': {
      const lastOfPrevious = addDays({ year: today.year, month: today.month, day: 1 }, -1);
      return {
        from: startOf({ year: lastOfPrevious.year, month: lastOfPrevious.month, day: 1 }),
        to: endOf(lastOfPrevious),
        dateField,
      };
    }
    case 'since-last-import': {
      if (context.highWaterMark === undefined) return lastDays(30);
      const from = minusMinutes(context.highWaterMark, settings.overlapMinutes);
      const to = formatWallClock(clock);
      // A mark ahead of the shop's clock (clock skew, a back-dated mark) must not give an empty period.
      if (to >= from) return { from, to, dateField };
      const endOfToday = endOf(today);
      return { from, to: endOfToday >= from ? endOfToday : from, dateField };
    }
    case 'custom': {
      if (settings.from === undefined || settings.to === undefined)
        throw new Error('a custom period needs "from" and "to" (the configuration schema checks it)');
      return { from: startOf(parseDay(settings.from)), to: endOf(parseDay(settings.to)), dateField };
    }
  }
}

/**
 * Where "Depuis le dernier import" starts next time: everything up to the run's start (or the period's
 * end) was read, provided the period joined the previous mark (no gap left behind) — but never past an
 * order that failed, so that the next run reads it again (never lost). Orders written just before the
 * start but dated earlier are caught by the overlap, and the ledger makes reading orders again harmless.
 */
export function nextHighWaterMark(
  period: { readonly from: ShopDateTime; readonly to: ShopDateTime },
  previousMark: ShopDateTime | undefined,
  startedAt: ShopDateTime,
  /** The oldest failed order's date; '' when a failed order's date is unknown. */
  earliestFailure: ShopDateTime | undefined,
): ShopDateTime | undefined {
  if (previousMark !== undefined && period.from > previousMark) return undefined;
  if (earliestFailure === '') return undefined;
  const candidates = [period.to, startedAt, ...(earliestFailure === undefined ? [] : [earliestFailure])];
  return candidates.reduce((min, value) => (value < min ? value : min));
}
