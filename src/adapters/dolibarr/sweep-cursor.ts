/**
 * The status sweep's cursor over Dolibarr: where the last sweep stopped, in Dolibarr's own clock. Dolibarr
 * keeps no journal of transformations, only each object's modification time (`tms`, to the second), so the
 * cursor holds:
 * - `since`: the server's time when the last complete sweep asked (its `Date` header); the next one lists
 *   what was modified at or after `since - MARGIN` (`>=`: an object modified in that same second is never
 *   missed; the margin covers a database clock a little behind the web server's);
 * - `timeZone`: the PHP time zone `/status` gave at the first sweep, in which `tms` is compared;
 * - `reported`: what was already reported, with when: an object listed again (the boundary's second, the
 *   margin, or a later edit such as a payment) is not reported twice. Entries older than RETENTION go.
 */
export interface SweepCursor {
  readonly since: number | undefined;
  readonly timeZone: string;
  /** Reported key (`S12:6A123`, `F5`, `C10`) → server time of the sweep that reported it. */
  readonly reported: ReadonlyMap<string, number>;
}

/** Seconds re-read before `since`. */
export const MARGIN = 120;
/** Seconds a reported key is remembered: an object edited again later than this is reported again. */
export const RETENTION = 7 * 24 * 3600;

const PREFIX = 'dolibarr-1:';

export function decodeCursor(text: string | undefined): SweepCursor | undefined {
  if (text === undefined || !text.startsWith(PREFIX)) return undefined;
  try {
    const raw = JSON.parse(text.slice(PREFIX.length)) as { s?: unknown; z?: unknown; r?: unknown };
    const reported = new Map<string, number>();
    if (typeof raw.r === 'object' && raw.r !== null)
      for (const [key, at] of Object.entries(raw.r)) if (typeof at === 'number') reported.set(key, at);
    return {
      since: typeof raw.s === 'number' ? raw.s : undefined,
      timeZone: typeof raw.z === 'string' ? raw.z : 'UTC',
      reported,
    };
  } catch {
    // Another target's cursor (the embedded GesCom's) or a damaged one: start from the first.
    return undefined;
  }
}

export function encodeCursor(cursor: SweepCursor): string {
  const r: Record<string, number> = {};
  for (const [key, at] of [...cursor.reported].sort(([a], [b]) => a.localeCompare(b))) r[key] = at;
  return `${PREFIX}${JSON.stringify({ s: cursor.since ?? null, z: cursor.timeZone, r })}`;
}

/** The reported keys still worth remembering at `now`. */
export function pruned(reported: ReadonlyMap<string, number>, now: number): Map<string, number> {
  return new Map([...reported].filter(([, at]) => at >= now - RETENTION));
}

/**
 * Unix seconds as Dolibarr's database holds a `tms` (`YYYY-MM-DD HH:MM:SS` in the server's time zone),
 * for a sqlfilters comparison. An unknown zone is read as UTC (the recorded server's, fixture 001).
 */
export function databaseTime(seconds: number, timeZone: string): string {
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
  } catch {
    return databaseTime(seconds, 'UTC');
  }
  const parts = Object.fromEntries(
    format.formatToParts(new Date(seconds * 1000)).map((part) => [part.type, part.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}:${parts.second}`;
}
