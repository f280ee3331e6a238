// Timestamps in the canonical model are ISO 8601 with the offset of the city's time zone.

const pad = (n: number) => String(n).padStart(2, '0');

// Building an Intl.DateTimeFormat costs tens of microseconds; a refresh converts hundreds of
// thousands of legacy timestamps, so keep one formatter per zone.
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The wall-clock fields of an instant in `timeZone`. */
function wallClock(utcMs: number, timeZone: string) {
  const parts = formatterFor(timeZone).formatToParts(new Date(utcMs));
  const get = (t: string) => Number(parts.find((p) => p.type === t)?.value);
  return {
    y: get('year'),
    mo: get('month'),
    d: get('day'),
    h: get('hour'),
    mi: get('minute'),
    s: get('second'),
  };
}

/** Offset of `timeZone` at the given UTC instant, in minutes east of UTC. */
export function zoneOffsetMinutes(utcMs: number, timeZone: string): number {
  const w = wallClock(utcMs, timeZone);
  const asUtc = Date.UTC(w.y, w.mo - 1, w.d, w.h, w.mi, w.s);
  return Math.round((asUtc - Math.floor(utcMs / 1000) * 1000) / 60_000);
}

export function formatOffset(minutes: number): string {
  const abs = Math.abs(minutes);
  return `${minutes < 0 ? '-' : '+'}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** An instant as ISO 8601 in `timeZone`, e.g. 2026-11-23T09:30:05-06:00. */
export function zonedIso(instant: Date, timeZone: string): string {
  const ms = instant.getTime();
  const w = wallClock(ms, timeZone);
  return (
    `${w.y}-${pad(w.mo)}-${pad(w.d)}T${pad(w.h)}:${pad(w.mi)}:${pad(w.s)}` +
    formatOffset(zoneOffsetMinutes(ms, timeZone))
  );
}

/** The calendar day in `timeZone` at `now` (the city's "today", not UTC's). */
export function todayIn(timeZone: string, now = new Date()): string {
  return zonedIso(now, timeZone).slice(0, 10);
}
