// What the Riverton legacy database (on PostgreSQL or MariaDB) must hold after desks took renewals and payments
// and synced: every change a desk kept in its outbox applied exactly once, nothing else. Read
// straight from the legacy tables through ODBC (not through the desk's own read path), and compared
// with each desk's outbox (`workbench outbox --all --json`) and cache. Returns the problems found, in
// words, rather than throwing at the first, so a failing fault test shows all of them.
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { renewalExpiry } from '../../../src-main/common/licence-rules.ts';
import { dialectTable, expandIdentifiers } from '../../../src-main/node/bridge/dialects.ts';
import { queryLegacy } from '../../integration/support/legacy-databases.ts';
import { meetingRenewalRequirementsIn } from '../../support/renewal-requirements.ts';
import { runDeskJson } from './desk-commands.ts';

/** An outbox entry as `workbench outbox --all --json` prints it. */
export interface OutboxJson {
  seq: number;
  operationId: string;
  command: 'renewLicence' | 'recordPayment';
  payload: Record<string, unknown>;
  status: 'pending' | 'applied' | 'conflict';
  inDoubt: boolean;
  attempts: number;
  lastError: string | null;
  legacyResult: Record<string, unknown> | null;
}

export interface LegacyBaseline {
  /** Per licence: its expiry (ISO, or null) and its type's term, when the test started. */
  licences: Map<string, { expiresOn: string | null; termMonths: number | null }>;
  /** Payments numbered above this one were made during the test. */
  maxPayNo: number;
}

export interface LegacyPayment {
  payNo: number;
  licenceId: string;
  paidOn: string; // YYYYMMDD as stored
  cents: number;
  method: string;
  receiptNo: string;
}

const methodCode: Record<string, string> = { cash: 'CA', check: 'CK', card: 'CC', other: 'MO' };

/**
 * Asks Riverton's tables, written with {IDENTIFIERS} and CAST(... AS INTEGER), on PostgreSQL or
 * MariaDB (told by the connection string's driver; MariaDB casts to SIGNED).
 */
export function legacyQuery(connection: string) {
  const mariadb = /driver=\{?maria|driver=\{?mysql/i.test(connection);
  const dialect = mariadb ? dialectTable.mariadb : dialectTable.postgres;
  return <T = Record<string, unknown>>(sql: string) =>
    queryLegacy<T>(
      connection,
      expandIdentifiers(mariadb ? sql.replace(/ AS INTEGER\)/g, ' AS SIGNED)') : sql, dialect),
    );
}

/** CYYMMDD (1270315 is 2027-03-15) to ISO; 0 or blank is no date. */
export function cyymmddToIso(value: unknown): string | null {
  const n = Number(value);
  if (!n) return null;
  const year = 1900 + Math.floor(n / 1_000_000) * 100 + (Math.floor(n / 10_000) % 100);
  const month = Math.floor(n / 100) % 100;
  const day = n % 100;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** ISO to CYYMMDD, as Riverton's LICEXP holds it (century digit 1 for the 2000s). */
export const isoToCyymmdd = (iso: string): number =>
  Number(`${Number(iso.slice(0, 2)) - 19}${iso.slice(2).replaceAll('-', '')}`);

const quoteList = (ids: Iterable<string>) => [...ids].map((id) => `'${id.replace(/'/g, "''")}'`).join(', ');

export async function legacyLicences(
  connection: string,
  ids: Iterable<string>,
): Promise<Map<string, { expiresOn: string | null; status: string; termMonths: number | null }>> {
  const list = quoteList(ids);
  if (!list) return new Map();
  const rows = await legacyQuery(connection)<{
    ID: string;
    LICEXP: unknown;
    LICSTS: string;
    LTTERM: unknown;
  }>(
    `SELECT TRIM({LICNO}) AS {ID}, {LICEXP}, {LICSTS}, {LTTERM} FROM {LICMST}
     LEFT JOIN {RVLTYP} ON TRIM({LTCODE}) = TRIM({LICTYP}) WHERE TRIM({LICNO}) IN (${list})`,
  );
  return new Map(
    rows.map((r) => [
      r.ID.toUpperCase(),
      {
        expiresOn: cyymmddToIso(r.LICEXP),
        status: String(r.LICSTS).trim(),
        termMonths: r.LTTERM === null ? null : Number(r.LTTERM),
      },
    ]),
  );
}

export async function legacyPaymentsAbove(connection: string, payNo: number): Promise<LegacyPayment[]> {
  const rows = await legacyQuery(connection)<Record<string, unknown>>(
    `SELECT {PAYNO}, TRIM({PAYLIC}) AS {LIC}, {PAYDTE}, CAST({PAYAMT} * 100 AS INTEGER) AS {CENTS}, {PAYMTH}, TRIM({PAYRCT}) AS {RCT}
     FROM {PAYHST} WHERE {PAYNO} > ${payNo} ORDER BY {PAYNO}`,
  );
  return rows.map((r) => ({
    payNo: Number(r.PAYNO),
    licenceId: String(r.LIC).toUpperCase(),
    paidOn: String(r.PAYDTE).trim(),
    cents: Number(r.CENTS),
    method: String(r.PAYMTH).trim(),
    receiptNo: String(r.RCT),
  }));
}

export async function legacyBaseline(connection: string, licenceIds: string[]): Promise<LegacyBaseline> {
  const licences = await legacyLicences(connection, licenceIds);
  const [max] = await legacyQuery(connection)<{ M: unknown }>(
    `SELECT COALESCE(MAX({PAYNO}), 0) AS {M} FROM {PAYHST}`,
  );
  return {
    licences: new Map(
      [...licences].map(([id, l]) => [id, { expiresOn: l.expiresOn, termMonths: l.termMonths }]),
    ),
    maxPayNo: Number(max!.M),
  };
}

/** A desk's whole outbox, through the real command line. */
export async function outboxOf(dir: string): Promise<OutboxJson[]> {
  return runDeskJson<OutboxJson[]>(dir, ['outbox', '--all']);
}

export interface LedgerCheck {
  /** Every desk taking part, by data directory. */
  desks: string[];
  connection: string;
  baseline: LegacyBaseline;
  /** Operation ids a command line printed as taken: each must be in an outbox. */
  claimed?: Iterable<string>;
}

export interface LedgerResult {
  problems: string[];
  renewals: number;
  payments: number;
  /** Licences renewed, with how many times. */
  renewedLicences: Map<string, number>;
  /** Changes a desk settled as applied whose effect the legacy database does not hold. */
  lost: number;
  /** Changes whose effect the legacy database holds more than once (or a row no desk kept). */
  doubled: number;
  /** Legacy payment numbers that more than one settled desk payment claims. */
  shared: number;
}

/**
 * Every outbox entry of every desk applied exactly once, settled (none pending, none in doubt, none
 * in conflict), and the legacy tables hold exactly their effects: each renewed licence moved on by
 * exactly its renewals, one PAYHST row per payment taken and none other since the baseline; each
 * cache shows the legacy payment numbers and no provisional payment.
 */
export async function checkLedger(check: LedgerCheck): Promise<LedgerResult> {
  const problems: string[] = [];
  let lost = 0;
  let doubled = 0;
  const entries: Array<OutboxJson & { desk: string }> = [];
  for (const desk of check.desks) entries.push(...(await outboxOf(desk)).map((e) => ({ ...e, desk })));
  const ids = new Set(entries.map((e) => e.operationId));
  for (const id of check.claimed ?? []) {
    if (!ids.has(id))
      problems.push(`operation ${id} was reported as taken by the command line but is in no outbox`);
  }
  for (const e of entries) {
    if (e.status !== 'applied' || e.inDoubt)
      problems.push(
        `${e.command} ${e.operationId} (${e.desk}) is ${e.status}${e.inDoubt ? ', in doubt' : ''} after the last sync (last error: ${e.lastError ?? 'none'})`,
      );
  }

  // Renewals: each licence's expiry moved on by exactly its renewals, in the order they were taken.
  const renewals = entries.filter((e) => e.command === 'renewLicence');
  const byLicence = new Map<string, Array<OutboxJson & { desk: string }>>();
  for (const e of renewals) {
    const id = String(e.payload.licenceId);
    byLicence.set(id, [...(byLicence.get(id) ?? []), e]);
  }
  const now = await legacyLicences(check.connection, byLicence.keys());
  for (const [id, list] of byLicence) {
    const base = check.baseline.licences.get(id);
    if (!base) {
      problems.push(`licence ${id} was renewed but is not in the test's baseline`);
      continue;
    }
    // The expiry after each of the licence's renewals in turn: [0] none applied, [n] all of them.
    const steps = [base.expiresOn];
    for (const e of list.sort((a, b) => a.seq - b.seq)) {
      steps.push(renewalExpiry(steps.at(-1)!, String(e.payload.renewedAt).slice(0, 10), base.termMonths));
    }
    const expected = steps.at(-1)!;
    const legacy = now.get(id);
    if (!legacy) problems.push(`licence ${id} is gone from the legacy database`);
    else if (legacy.expiresOn !== expected || legacy.status !== 'A') {
      const held = steps.indexOf(legacy.expiresOn);
      if (held >= 0 && held < list.length) lost += list.length - held;
      else doubled++;
      problems.push(
        `licence ${id}: ${list.length} renewal(s) from ${base.expiresOn} should give ${expected} (status A); the legacy database has ${legacy.expiresOn} (status ${legacy.status})`,
      );
    }
    for (const desk of check.desks) {
      const cached = cacheRows<{ expires_on: string }>(
        desk,
        'SELECT expires_on FROM licence WHERE id = ?',
        id,
      )[0];
      if (cached && legacy && cached.expires_on !== legacy.expiresOn)
        problems.push(
          `licence ${id}: the cache of ${desk} shows ${cached.expires_on}, the legacy database ${legacy.expiresOn}`,
        );
    }
  }

  // Payments: one legacy row per payment taken (amounts are unique per test), none other.
  const payments = entries.filter((e) => e.command === 'recordPayment');
  const rows = await legacyPaymentsAbove(check.connection, check.baseline.maxPayNo);
  const rowsByCents = new Map<number, LegacyPayment[]>();
  for (const r of rows) rowsByCents.set(r.cents, [...(rowsByCents.get(r.cents) ?? []), r]);
  const taken = new Set<number>();
  for (const e of payments) {
    const cents = Number(e.payload.amountCents);
    if (taken.has(cents))
      problems.push(`two payments of ${cents} cents were taken: the test meant amounts to be unique`);
    taken.add(cents);
    const found = rowsByCents.get(cents) ?? [];
    if (found.length === 0) lost++;
    if (found.length > 1) doubled++;
    if (found.length !== 1) {
      problems.push(
        `payment ${e.operationId} of ${cents} cents: ${found.length} legacy rows (PAYNO ${found.map((r) => r.payNo).join(', ') || 'none'}), expected exactly 1`,
      );
      continue;
    }
    const row = found[0]!;
    const paidOn = String(e.payload.paidOn).replace(/-/g, '');
    if (
      row.licenceId !== e.payload.licenceId ||
      row.paidOn !== paidOn ||
      row.method !== methodCode[String(e.payload.method)]
    )
      problems.push(
        `payment ${e.operationId}: legacy row ${JSON.stringify(row)} does not match ${JSON.stringify(e.payload)}`,
      );
    if (e.status === 'applied' && Number(e.legacyResult?.paymentNo) !== row.payNo)
      problems.push(
        `payment ${e.operationId}: the outbox says legacy payment ${String(e.legacyResult?.paymentNo)}, the legacy row is PAYNO ${row.payNo}`,
      );
    const cached = cacheRows<{ id: string; receipt_no: string; amount_cents: number }>(
      e.desk,
      'SELECT id, receipt_no, amount_cents FROM payment WHERE id = ?',
      String(row.payNo),
    )[0];
    if (!cached || cached.receipt_no !== row.receiptNo || cached.amount_cents !== cents)
      problems.push(
        `payment PAYNO ${row.payNo}: the cache of ${e.desk} has ${JSON.stringify(cached ?? null)}, expected receipt ${row.receiptNo} for ${cents} cents`,
      );
  }
  for (const r of rows) {
    if (!taken.has(r.cents)) {
      doubled++;
      problems.push(`legacy payment PAYNO ${r.payNo} of ${r.cents} cents matches no payment any desk kept`);
    }
  }
  // No two settled desk payments may claim one legacy row (a number adopted without evidence).
  const claimants = new Map<string, string[]>();
  for (const e of payments) {
    const no = e.status === 'applied' ? e.legacyResult?.paymentNo : undefined;
    if (no === undefined || no === null) continue;
    claimants.set(String(no), [...(claimants.get(String(no)) ?? []), e.operationId]);
  }
  const sharedNumbers = [...claimants].filter(([, ops]) => ops.length > 1);
  for (const [no, ops] of sharedNumbers)
    problems.push(`legacy payment PAYNO ${no} is claimed by ${ops.length} desk payments: ${ops.join(', ')}`);
  for (const desk of check.desks) {
    const local = cacheRows<{ id: string }>(desk, `SELECT id FROM payment WHERE id LIKE 'local:%'`);
    if (local.length)
      problems.push(
        `the cache of ${desk} still holds ${local.length} provisional payment(s): ${local.map((l) => l.id).join(', ')}`,
      );
    const open = cacheRows<{ n: number }>(
      desk,
      `SELECT count(*) AS n FROM conflict WHERE status = 'open'`,
    )[0]!.n;
    if (open) problems.push(`${desk} has ${open} open conflict(s)`);
  }
  return {
    problems,
    renewals: renewals.length,
    payments: payments.length,
    renewedLicences: new Map([...byLicence].map(([id, l]) => [id, l.length])),
    lost,
    doubled,
    shared: sharedNumbers.length,
  };
}

/** Reads a desk's cache (read-only, a fresh connection each time: the desk may have changed it). */
export function cacheRows<T>(dir: string, sql: string, ...args: unknown[]): T[] {
  const db = new Database(join(dir, 'cache.sqlite'), { readonly: true });
  try {
    return db.prepare(sql).all(...args) as T[];
  } finally {
    db.close();
  }
}

/** A licence in a desk's cache with what a renewal needs: its expiry and its type's term. */
export interface RenewableLicence {
  id: string;
  expiresOn: string;
  termMonths: number;
}

/**
 * The first `count` active licences (by id) that expire more than a year from now: renewing them
 * in a test moves a date that is far from any edge (no expired licence, no renewal window rule).
 */
export function renewableLicences(dir: string, count: number): RenewableLicence[] {
  const rows = cacheRows<RenewableLicence>(
    dir,
    `SELECT l.id, l.expires_on AS expiresOn, t.term_months AS termMonths FROM licence l
     JOIN licence_type t ON t.code = l.licence_type_code
     WHERE l.status = 'active' AND l.expires_on > date('now', '+1 year')
       -- a hold or a balance owed blocks a renewal whatever the fee rules (city records)
       AND NOT EXISTS (SELECT 1 FROM hold h WHERE h.licence_id = l.id OR h.business_id = l.business_id)
       AND NOT EXISTS (SELECT 1 FROM balance b WHERE b.business_id = l.business_id)
     ORDER BY l.id`,
  );
  // ...and so does a missing renewal requirement of the licence's type (requirements.yaml)
  const meeting = new Set(
    meetingRenewalRequirementsIn(
      dir,
      rows.map((r) => r.id),
    ),
  );
  return rows.filter((r) => meeting.has(r.id)).slice(0, count);
}

/**
 * Active licences inside their renewal window today (expiring in 2 to 80 days), free of holds and
 * balances, and meeting their type's renewal requirements: each can be renewed once, today.
 */
export function licencesInRenewalWindow(dir: string): string[] {
  const inWindow = cacheRows<{ id: string }>(
    dir,
    `SELECT l.id FROM licence l WHERE l.status = 'active'
       AND l.expires_on > date('now', '+2 days') AND l.expires_on <= date('now', '+80 days')
       AND NOT EXISTS (SELECT 1 FROM hold h WHERE h.licence_id = l.id OR h.business_id = l.business_id)
       AND NOT EXISTS (SELECT 1 FROM balance b WHERE b.business_id = l.business_id)
     ORDER BY l.id`,
  ).map((r) => r.id);
  return meetingRenewalRequirementsIn(dir, inWindow);
}

/** A calendar date (ISO) or null when the parts make none (the demo city has impossible dates). */
function realDate(iso: string | null): string | null {
  if (!iso) return null;
  const d = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === iso ? iso : null;
}

const statusName: Record<string, string> = {
  A: 'active',
  E: 'expired',
  S: 'suspended',
  C: 'closed',
  R: 'revoked',
};
const methodName: Record<string, string> = { CA: 'cash', CK: 'check', CC: 'card', MO: 'other' };

/**
 * Every licence and payment of the legacy database in the cache's canonical form, for the columns a
 * clerk's change touches, read with the test's own simple rules (not the desk's read path).
 */
export async function legacyCanonical(connection: string): Promise<{
  licence: Array<{ id: string; status: string; expires_on: string | null; fee_cents: number }>;
  payment: Array<{
    id: string;
    licence_id: string;
    paid_on: string | null;
    amount_cents: number;
    method: string;
    receipt_no: string | null;
  }>;
}> {
  const q = legacyQuery(connection);
  const licences = await q<Record<string, unknown>>(
    `SELECT TRIM({LICNO}) AS {ID}, {LICSTS}, {LICEXP}, CAST({LICFEE} * 100 AS INTEGER) AS {FEE} FROM {LICMST}`,
  );
  const payments = await q<Record<string, unknown>>(
    `SELECT {PAYNO}, TRIM({PAYLIC}) AS {LIC}, {PAYDTE}, CAST({PAYAMT} * 100 AS INTEGER) AS {CENTS}, {PAYMTH}, TRIM({PAYRCT}) AS {RCT} FROM {PAYHST}`,
  );
  const byId = <T extends { id: string }>(rows: T[]) =>
    rows.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return {
    licence: byId(
      licences.map((r) => ({
        id: String(r.ID).toUpperCase(),
        status: statusName[String(r.LICSTS).trim()] ?? 'unknown',
        expires_on: realDate(cyymmddToIso(r.LICEXP)),
        fee_cents: Number(r.FEE),
      })),
    ),
    payment: byId(
      payments.map((r) => {
        const d = String(r.PAYDTE).trim();
        return {
          id: String(r.PAYNO),
          licence_id: String(r.LIC).toUpperCase(),
          paid_on: /^\d{8}$/.test(d) ? realDate(`${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}`) : null,
          amount_cents: Number(r.CENTS),
          method: methodName[String(r.PAYMTH).trim()] ?? 'other',
          receipt_no: String(r.RCT ?? '') || null, // a blank receipt is no receipt
        };
      }),
    ),
  };
}

/** The same columns from a desk's cache, in the same order. */
export function cachedCanonical(dir: string): Awaited<ReturnType<typeof legacyCanonical>> {
  return {
    licence: cacheRows(dir, 'SELECT id, status, expires_on, fee_cents FROM licence ORDER BY id'),
    payment: cacheRows(
      dir,
      'SELECT id, licence_id, paid_on, amount_cents, method, receipt_no FROM payment ORDER BY id',
    ),
  };
}
