// Numbers a desk gives on its own (provisional receipts, certificates, applications): a prefix, the
// desk's tag and a counter kept in desk_meta, e.g. P-FRONT1-000042. The desk tag keeps desks from
// ever giving the same number; the counter is taken inside the caller's transaction, so a number is
// used once even if the desk stops right after.
import type { Cache } from '../cache/open-cache.ts';

/** Up to six letters and digits of the desk id, upper case (DESK when it has none). */
export function deskTag(deskId: string): string {
  return (
    deskId
      .replace(/[^A-Za-z0-9]/g, '')
      .toUpperCase()
      .slice(-6) || 'DESK'
  );
}

/** The next number of one series of this desk: `${prefix}-${deskTag}-${counter padded to digits}`. */
export function nextDeskNumber(
  db: Cache,
  deskId: string,
  series: string,
  prefix: string,
  digits = 6,
): string {
  const key = `${series}_seq`;
  const current = db.prepare('SELECT value FROM desk_meta WHERE key = ?').get(key) as
    { value: string } | undefined;
  const next = Number(current?.value ?? 0) + 1;
  db.prepare(
    'INSERT INTO desk_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  ).run(key, String(next));
  return `${prefix}-${deskTag(deskId)}-${String(next).padStart(digits, '0')}`;
}
