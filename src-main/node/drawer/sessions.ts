// Cash drawer sessions of this desk: a person opens one with a starting float, takes payments (and,
// a supervisor, voids and refunds) in it, and closes it with what they counted. Sessions are
// desk-local records (the legacy system has no drawers), audited like every change, and a closed
// session never changes again (the cache refuses: see migrations/0007_cash_drawer.sql).
import { randomUUID } from 'node:crypto';
import { errorText, WorkbenchError } from '../../common/errors.ts';
import { type Counted, drawerTotals, drawerVariance } from '../../common/drawer-totals.ts';
import type { PaymentMethod } from '../../common/model.ts';
import type { DrawerEntry, DrawerSession } from '../../common/ops/drawer-ops.ts';
import { zonedIso } from '../../common/time.ts';
import type { Cache } from '../cache/open-cache.ts';
import type { Desk } from '../desk/open-desk.ts';
import { audit } from '../security/audit.ts';
import { assertAllowed, loadPolicy } from '../security/policy.ts';
import { entriesOfSession } from './entries.ts';

export interface SessionRow {
  id: string;
  desk_id: string;
  actor: string;
  opened_at: string;
  float_cents: number;
  closed_at: string | null;
  counted_cash_cents: number | null;
  counted_check_cents: number | null;
  counted_card_cents: number | null;
}

/** The person's open session at this desk, or null. */
export function openSessionOf(db: Cache, deskId: string, actor: string): SessionRow | null {
  return (
    (db
      .prepare('SELECT * FROM drawer_session WHERE desk_id = ? AND actor = ? AND closed_at IS NULL')
      .get(deskId, actor) as SessionRow | undefined) ?? null
  );
}

/** The person's open session, or the plain refusal (nothing recorded). */
export function requireOpenSession(db: Cache, deskId: string, actor: string): SessionRow {
  const session = openSessionOf(db, deskId, actor);
  if (!session) throw new WorkbenchError('invalid_input', errorText('drawer.none_open', {}));
  return session;
}

export function openDrawer(desk: Desk, actor: string, floatCents: number, now = new Date()): DrawerSession {
  if (!Number.isSafeInteger(floatCents) || floatCents < 0) {
    throw new WorkbenchError('invalid_input', errorText('drawer.float_negative', {}), {
      floatCents: errorText('field.zero_or_more', {}),
    });
  }
  assertAllowed(loadPolicy(desk.paths.dataDir), actor, 'drawer.use');
  const db = desk.cache;
  const deskId = desk.configured().deskId;
  const id = db
    .transaction(() => {
      const open = openSessionOf(db, deskId, actor);
      if (open) {
        throw new WorkbenchError(
          'invalid_input',
          errorText('drawer.already_open', { openedAt: open.opened_at }),
        );
      }
      const at = zonedIso(now, desk.timeZone);
      const sessionId = randomUUID();
      db.prepare(
        'INSERT INTO drawer_session (id, desk_id, actor, opened_at, float_cents) VALUES (?, ?, ?, ?, ?)',
      ).run(sessionId, deskId, actor, at, floatCents);
      audit(db, { at, actor, action: 'drawer.open', subject: sessionId, detail: { deskId, floatCents } });
      return sessionId;
    })
    .immediate();
  return sessionView(db, id);
}

export function closeDrawer(desk: Desk, actor: string, counted: Counted, now = new Date()): DrawerSession {
  for (const [method, cents] of Object.entries(counted)) {
    if (!Number.isSafeInteger(cents) || cents < 0) {
      throw new WorkbenchError('invalid_input', errorText('drawer.count_negative', { method }), {
        [`${method}Cents`]: errorText('field.zero_or_more', {}),
      });
    }
  }
  assertAllowed(loadPolicy(desk.paths.dataDir), actor, 'drawer.use');
  const db = desk.cache;
  const deskId = desk.configured().deskId;
  const id = db
    .transaction(() => {
      const open = openSessionOf(db, deskId, actor);
      if (!open) {
        throw new WorkbenchError('invalid_input', errorText('drawer.nothing_to_close', {}));
      }
      const at = zonedIso(now, desk.timeZone);
      db.prepare(
        `UPDATE drawer_session SET closed_at = ?, counted_cash_cents = ?, counted_check_cents = ?, counted_card_cents = ?
          WHERE id = ?`,
      ).run(at, counted.cash, counted.check, counted.card, open.id);
      const view = sessionView(db, open.id);
      audit(db, {
        at,
        actor,
        action: 'drawer.close',
        subject: open.id,
        detail: { deskId, counted, variance: view.variance, recorded: view.totals },
      });
      return open.id;
    })
    .immediate();
  return sessionView(db, id);
}

export function sessionRow(db: Cache, sessionId: string): SessionRow {
  const row = db.prepare('SELECT * FROM drawer_session WHERE id = ?').get(sessionId) as
    SessionRow | undefined;
  if (!row) throw new WorkbenchError('not_found', errorText('drawer.session_not_found', { sessionId }));
  return row;
}

/** A session with its entries, totals by method and, once closed, the variance. */
export function sessionView(db: Cache, sessionId: string): DrawerSession {
  const row = sessionRow(db, sessionId);
  const entries: DrawerEntry[] = entriesOfSession(db, sessionId);
  const totals = drawerTotals(
    row.float_cents,
    entries.map((e) => ({ kind: e.kind, method: e.method as PaymentMethod, amountCents: e.amountCents })),
  );
  const counted =
    row.closed_at === null
      ? null
      : {
          cash: row.counted_cash_cents ?? 0,
          check: row.counted_check_cents ?? 0,
          card: row.counted_card_cents ?? 0,
        };
  return {
    id: row.id,
    deskId: row.desk_id,
    actor: row.actor,
    openedAt: row.opened_at,
    floatCents: row.float_cents,
    closedAt: row.closed_at,
    totals,
    counted,
    variance: counted ? drawerVariance(totals, counted) : null,
    entries,
  };
}

/** The sessions of this desk, newest first. */
export function listSessions(db: Cache, deskId: string, limit: number): DrawerSession[] {
  const ids = db
    .prepare('SELECT id FROM drawer_session WHERE desk_id = ? ORDER BY opened_at DESC, rowid DESC LIMIT ?')
    .pluck()
    .all(deskId, limit) as string[];
  return ids.map((id) => sessionView(db, id));
}

/** The person's open session at this desk, else their last closed one (for the end-of-day report). */
export function latestSessionOf(db: Cache, deskId: string, actor: string): SessionRow | null {
  return (
    (db
      .prepare(
        `SELECT * FROM drawer_session WHERE desk_id = ? AND actor = ?
          ORDER BY closed_at IS NULL DESC, opened_at DESC, rowid DESC LIMIT 1`,
      )
      .get(deskId, actor) as SessionRow | undefined) ?? null
  );
}
