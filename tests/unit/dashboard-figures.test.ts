// The supervisor's dashboard, figure by figure, on a cache with known rows: revenue by day and
// method (voids, refunds, this desk's provisional payments, other desks' legacy ones), renewals on
// time and late (counter and batch, a discarded and a re-applied conflict), applications received
// and issued, the backlog by age; the period in the city's time zone; the CSV of each section;
// and the role check (a clerk is refused by the service).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Cache } from '../../src-main/node/cache/open-cache.ts';
import { applicationFigures, backlogFigures, bucketOf } from '../../src-main/node/dashboard/applications.ts';
import { dashboardCsv, dashboardCsvText, dollars } from '../../src-main/node/dashboard/dashboard-csv.ts';
import { dashboardFigures } from '../../src-main/node/dashboard/dashboard.ts';
import { eachDay, resolvePeriod } from '../../src-main/node/dashboard/period.ts';
import { renewalFigures, renewalRows } from '../../src-main/node/dashboard/renewals.ts';
import { revenueFigures } from '../../src-main/node/dashboard/revenue.ts';
import type { Desk } from '../../src-main/node/desk/open-desk.ts';
import { cacheForEach } from './support/desk-cache.ts';

const ZONE = 'America/Chicago';
const period = { from: '2026-11-01', to: '2026-11-07' };

let dir: string;
let db: Cache;
cacheForEach('wb-dashboard-', (cache, folder) => {
  db = cache;
  dir = folder;
  seq = 0;
  seed(db);
});
afterEach(() => {
  delete process.env.WORKBENCH_POLICY;
});

const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

function payment(
  id: string,
  paidOn: string,
  cents: number,
  method: string,
  reversalOf: string | null = null,
) {
  db.prepare(
    `INSERT INTO payment (id, licence_id, paid_on, amount_cents, method, receipt_no, reversal_of, reversal_kind, refreshed_at)
     VALUES (?, 'L1', ?, ?, ?, NULL, ?, ?, '2026-11-07T08:00:00-06:00')`,
  ).run(id, paidOn, cents, method, reversalOf, reversalOf ? (cents === -5000 ? 'void' : 'refund') : null);
}

let seq = 0;
function renewal(opts: {
  renewedAt: string;
  expiresBefore: string | null;
  status?: string;
  daysLate?: number;
  penalty?: number;
}): string {
  const op = uuid(++seq);
  const payload = {
    v: 1,
    licenceId: `L${seq}`,
    newExpiresOn: '2027-12-31',
    feeCents: 10000 + (opts.penalty ?? 0),
    renewedAt: opts.renewedAt,
    charge: {
      scheduleId: 'F1',
      asOf: opts.renewedAt.slice(0, 10),
      daysLate: opts.daysLate ?? 0,
      feeCents: 10000,
      penaltyCents: opts.penalty ?? 0,
      lines: [],
    },
  };
  const base = [
    { entity: 'licence', id: `L${seq}`, record: { id: `L${seq}`, expiresOn: opts.expiresBefore } },
  ];
  db.prepare(
    `INSERT INTO outbox (operation_id, desk_id, actor, created_at, command, payload_version, payload, base, status)
     VALUES (?, 'FRONT1', 'clerk1', ?, 'renewLicence', 1, ?, ?, ?)`,
  ).run(op, opts.renewedAt, JSON.stringify(payload), JSON.stringify(base), opts.status ?? 'applied');
  return op;
}

function application(id: string, createdAt: string, status: string, issuedAt: string | null = null) {
  db.prepare(
    `INSERT INTO application (id, business_id, licence_type_code, status, licence_id, created_at, created_by, issued_at, issued_by)
     VALUES (?, 'B1', 'FOOD', ?, ?, ?, 'clerk1', ?, ?)`,
  ).run(id, status, issuedAt ? `L-${id}` : null, createdAt, issuedAt, issuedAt ? 'clerk1' : null);
}

function seed(db: Cache) {
  db.prepare(
    `INSERT INTO business (id, name, refreshed_at) VALUES ('B1', 'Blue Heron Café', '2026-11-07T08:00:00-06:00')`,
  ).run();
  db.prepare(
    `INSERT INTO sync_state (dataset, last_completed_at) VALUES ('payment', '2026-11-07T08:00:00-06:00')`,
  ).run();
  // Legacy payments (all desks)
  payment('9001', '2026-11-01', 12500, 'cash');
  payment('9002', '2026-11-01', 7550, 'check');
  payment('9003', '2026-11-03', 5000, 'card');
  payment('9004', '2026-11-03', 5000, 'card');
  payment('9005', '2026-11-03', -5000, 'card', '9004'); // a void of 9004
  payment('9006', '2026-11-05', 2000, 'money order?'); // an unmapped method: other
  payment('9007', '2026-10-31', 99999, 'cash'); // the day before the period
  payment('9008', '2026-11-08', 88888, 'cash'); // the day after
  // This desk's, not in the legacy system yet, and a provisional partial refund
  payment(`local:${uuid(900)}`, '2026-11-07', 3333, 'cash');
  payment(`local:${uuid(901)}`, '2026-11-07', -1000, 'check', '9002');

  // Renewals at this desk: on the expiry day (on time), before it, 3 and 40 days after it
  renewal({ renewedAt: '2026-11-02T09:00:00-06:00', expiresBefore: '2026-11-02' });
  renewal({ renewedAt: '2026-11-02T23:30:00-06:00', expiresBefore: '2026-12-15', status: 'pending' });
  renewal({
    renewedAt: '2026-11-04T10:00:00-06:00',
    expiresBefore: '2026-11-01',
    daysLate: 3,
    penalty: 1500,
  });
  renewal({
    renewedAt: '2026-11-06T10:00:00-06:00',
    expiresBefore: '2026-09-27',
    daysLate: 40,
    penalty: 3000,
    status: 'conflict',
  });
  // The licence's expiry unknown: the fee engine's days late decide
  renewal({ renewedAt: '2026-11-06T11:00:00-06:00', expiresBefore: null, daysLate: 2, penalty: 200 });
  // Outside the period (city time: the 8th at 00:10 is the 8th even though UTC says the 8th too)
  renewal({ renewedAt: '2026-11-08T00:10:00-06:00', expiresBefore: '2026-12-01' });
  renewal({ renewedAt: '2026-10-31T23:59:00-05:00', expiresBefore: '2026-12-01' });
  // A conflict discarded: not a renewal; one applied again: only its replacement counts
  const discarded = renewal({
    renewedAt: '2026-11-05T10:00:00-06:00',
    expiresBefore: '2026-12-01',
    status: 'conflict',
  });
  const replacedOp = renewal({
    renewedAt: '2026-11-05T11:00:00-06:00',
    expiresBefore: '2026-11-01',
    status: 'conflict',
  });
  const replacement = renewal({
    renewedAt: '2026-11-05T15:00:00-06:00',
    expiresBefore: '2026-11-01',
    daysLate: 4,
  });
  const conflict = db.prepare(
    `INSERT INTO conflict (operation_id, detected_at, kind, seen, mine, current, status, resolution, resolved_by, resolved_at, new_operation_id)
     VALUES (?, '2026-11-05T12:00:00-06:00', 'changed', '[]', '{}', '[]', 'resolved', ?, 'sup', '2026-11-05T15:00:00-06:00', ?)`,
  );
  conflict.run(discarded, 'discard', null);
  conflict.run(replacedOp, 'apply_again', replacement);
  // A payment command in the outbox is not a renewal
  db.prepare(
    `INSERT INTO outbox (operation_id, desk_id, actor, created_at, command, payload_version, payload, base)
     VALUES (?, 'FRONT1', 'clerk1', '2026-11-03T10:00:00-06:00', 'recordPayment', 1, '{"v":1}', '[]')`,
  ).run(uuid(999));

  // Applications at this desk
  application('APP-1', '2026-10-20T10:00:00-05:00', 'issued', '2026-11-02T10:00:00-06:00'); // received before, issued in
  application('APP-2', '2026-11-01T09:00:00-05:00', 'open'); // 6 days waiting on the 7th
  application('APP-3', '2026-11-03T09:00:00-06:00', 'issued', '2026-11-03T16:00:00-06:00');
  application('APP-4', '2026-11-04T09:00:00-06:00', 'withdrawn');
  application('APP-5', '2026-10-08T09:00:00-05:00', 'open'); // 30 days on the 7th
  application('APP-6', '2026-10-07T09:00:00-05:00', 'open'); // 31 days
  application('APP-7', '2026-08-09T09:00:00-05:00', 'open'); // 90 days
  application('APP-8', '2026-08-08T09:00:00-05:00', 'open'); // 91 days
  application('APP-9', '2026-11-01T09:00:00-05:00', 'issued', '2026-11-09T09:00:00-06:00'); // open on the 7th still
  application('APP-10', '2026-11-10T09:00:00-06:00', 'open'); // after the period
}

function fakeDesk(): Desk {
  return {
    paths: { dataDir: dir },
    cache: db,
    timeZone: ZONE,
    config: { deskId: 'FRONT1' },
  } as unknown as Desk;
}

function policy(role: string) {
  const file = join(dir, 'policy.yaml');
  writeFileSync(file, `version: 1\ndefault_role: ${role}\n`);
  process.env.WORKBENCH_POLICY = file;
}

describe('the period', () => {
  it('defaults to the last 30 days ending today in the city, not on the machine clock', () => {
    // 03:00 UTC on Nov 8 is still Nov 7 in Chicago
    const p = resolvePeriod({}, ZONE, new Date('2026-11-08T03:00:00Z'));
    expect(p).toEqual({ from: '2026-10-09', to: '2026-11-07' });
    expect(eachDay(p)).toHaveLength(30);
  });
  it('refuses impossible dates, a reversed period and one too long, in plain words', () => {
    expect(() => resolvePeriod({ from: '2026-02-30', to: '2026-03-01' }, ZONE)).toThrow(/is not a date/);
    expect(() => resolvePeriod({ from: '2026-11-07', to: '2026-11-01' }, ZONE)).toThrow(/swap the dates/);
    expect(() => resolvePeriod({ from: '2024-01-01', to: '2026-01-01' }, ZONE)).toThrow(/at most 400/);
  });
  it('counts days across a daylight-saving change as whole days', () => {
    expect(eachDay({ from: '2026-10-31', to: '2026-11-02' })).toEqual([
      '2026-10-31',
      '2026-11-01',
      '2026-11-02',
    ]);
  });
});

describe('revenue (all desks, from the legacy system, plus this desk not sent yet)', () => {
  it('sums by method and day; voids and refunds come off the net, not the gross', () => {
    const r = revenueFigures(db, period);
    expect(r.asOf).toBe('2026-11-07T08:00:00-06:00');
    expect(r.grossCents).toBe(12500 + 7550 + 5000 + 5000 + 2000 + 3333);
    expect(r.paymentCount).toBe(6);
    expect(r.reversedCents).toBe(5000 + 1000);
    expect(r.reversalCount).toBe(2);
    expect(r.netCents).toBe(r.grossCents - 6000);
    expect(r.byMethod).toEqual({ cash: 12500 + 3333, check: 7550 - 1000, card: 5000, other: 2000 });
    expect(r.provisionalCount).toBe(2);
    expect(r.provisionalCents).toBe(3333 - 1000);
  });
  it('has every day of the period, quiet days as zero', () => {
    const r = revenueFigures(db, period);
    expect(r.byDay.map((d) => d.date)).toEqual(eachDay(period));
    expect(r.byDay[0]).toEqual({
      date: '2026-11-01',
      netCents: 20050,
      byMethod: { cash: 12500, check: 7550, card: 0, other: 0 },
    });
    expect(r.byDay[1]!.netCents).toBe(0);
    expect(r.byDay[2]!.byMethod.card).toBe(5000);
    expect(r.byDay[6]).toEqual({
      date: '2026-11-07',
      netCents: 2333,
      byMethod: { cash: 3333, check: -1000, card: 0, other: 0 },
    });
    expect(r.byDay.reduce((n, d) => n + d.netCents, 0)).toBe(r.netCents);
  });
  it('is as of never when payments were never refreshed', () => {
    db.prepare(`DELETE FROM sync_state`).run();
    expect(revenueFigures(db, period).asOf).toBeNull();
  });
});

describe('renewals (taken at this desk)', () => {
  it('counts on time (on or before the expiry day) and late, once per renewal', () => {
    const r = renewalFigures(db, period);
    // In the period: on the expiry day, early, 3 late, 40 late, 2 late (engine), the replacement 4 late
    expect(r.total).toBe(6);
    expect(r.onTime).toBe(2);
    expect(r.late).toBe(4);
    expect(r.averageDaysLate).toBe(12.3); // (3 + 40 + 2 + 4) / 4, to one decimal
    expect(r.waiting).toBe(2); // the pending one and the open conflict
    expect(r.feesCents).toBe(6 * 10000);
    expect(r.penaltiesCents).toBe(1500 + 3000 + 200);
  });
  it('puts each on its day in the city (a late evening renewal is not the next day)', () => {
    const r = renewalFigures(db, period);
    expect(r.byDay.find((d) => d.date === '2026-11-02')).toEqual({ date: '2026-11-02', onTime: 2, late: 0 });
    expect(r.byDay.find((d) => d.date === '2026-11-05')).toEqual({ date: '2026-11-05', onTime: 0, late: 1 });
    expect(r.byDay.find((d) => d.date === '2026-11-06')).toEqual({ date: '2026-11-06', onTime: 0, late: 2 });
  });
  it('lists each renewal with the expiry it had and how late it was', () => {
    const rows = renewalRows(db, period);
    expect(rows.map((r) => r.daysLate)).toEqual([0, 0, 3, 40, 2, 4]);
    expect(rows[3]).toMatchObject({
      previousExpiresOn: '2026-09-27',
      late: true,
      status: 'conflict',
      penaltyCents: 3000,
    });
    expect(rows[4]!.previousExpiresOn).toBeNull();
  });
});

describe('applications and the backlog (this desk)', () => {
  it('counts received and issued in the period, each on its day', () => {
    const a = applicationFigures(db, period);
    expect(a).toMatchObject({ received: 4, issued: 2, withdrawn: 1 });
    expect(a.byDay.find((d) => d.date === '2026-11-01')).toEqual({
      date: '2026-11-01',
      received: 2,
      issued: 0,
    });
    expect(a.byDay.find((d) => d.date === '2026-11-03')).toEqual({
      date: '2026-11-03',
      received: 1,
      issued: 1,
    });
    expect(a.byDay.find((d) => d.date === '2026-11-02')).toEqual({
      date: '2026-11-02',
      received: 0,
      issued: 1,
    });
  });
  it('ages the applications open on the last day into 0-7, 8-30, 31-90 and over 90 days', () => {
    expect([0, 7, 8, 30, 31, 90, 91].map(bucketOf)).toEqual([
      '0-7',
      '0-7',
      '8-30',
      '8-30',
      '31-90',
      '31-90',
      '91+',
    ]);
    const b = backlogFigures(db, '2026-11-07');
    // APP-2 (6 days), APP-9 (6, issued later), APP-5 (30), APP-6 (31), APP-7 (90), APP-8 (91)
    expect(b.open).toBe(6);
    expect(b.buckets).toEqual([
      { bucket: '0-7', count: 2 },
      { bucket: '8-30', count: 1 },
      { bucket: '31-90', count: 2 },
      { bucket: '91+', count: 1 },
    ]);
    expect(b.oldestDays).toBe(91);
  });
});

describe('the dashboard service', () => {
  it('refuses a clerk, in plain words', () => {
    policy('clerk');
    expect(() => dashboardFigures(fakeDesk(), 'clerk1', period)).toThrow(
      /does not allow you to see the supervisor's dashboard/,
    );
    expect(() => dashboardCsv(fakeDesk(), 'clerk1', { ...period, section: 'revenue' })).toThrow(/supervisor/);
  });
  it('gives a supervisor every section for the period', () => {
    policy('supervisor');
    const f = dashboardFigures(fakeDesk(), 'sup', period, new Date('2026-11-20T15:00:00Z'));
    expect(f).toMatchObject({ from: period.from, to: period.to, timeZone: ZONE, deskId: 'FRONT1' });
    expect(f.revenue?.netCents).toBe(revenueFigures(db, period).netCents);
    expect(f.renewals?.late).toBe(4);
    expect(f.applications?.received).toBe(4);
    expect(f.backlog).toMatchObject({ asOf: '2026-11-07', open: 6 });
  });
  it('counts the backlog today when the period runs into the future', () => {
    policy('admin');
    const f = dashboardFigures(
      fakeDesk(),
      'adm',
      { from: '2026-11-01', to: '2026-11-30' },
      new Date('2026-11-07T18:00:00Z'),
    );
    expect(f.backlog?.asOf).toBe('2026-11-07');
  });
});

describe('CSV of each section', () => {
  const lines = (text: string) =>
    text
      .replace(/^\ufeff/, '')
      .split('\r\n')
      .filter(Boolean);
  it('writes money as exact dollars', () => {
    expect([0, 5, -1000, 125029, -3].map(dollars)).toEqual(['0.00', '0.05', '-10.00', '1250.29', '-0.03']);
  });
  it('revenue: a row a day, by method, with a BOM for spreadsheets', () => {
    const text = dashboardCsvText(fakeDesk(), 'revenue', period);
    expect(text.startsWith('\ufeff')).toBe(true);
    const rows = lines(text);
    expect(rows[0]).toBe('Date,Cash,Check,Card,Other,Net total');
    expect(rows).toHaveLength(8);
    expect(rows[1]).toBe('2026-11-01,125.00,75.50,0.00,0.00,200.50');
    expect(rows[7]).toBe('2026-11-07,33.33,-10.00,0.00,0.00,23.33');
  });
  it('renewals, applications and backlog: a row each, headers in Spanish when asked', () => {
    const renewals = lines(dashboardCsvText(fakeDesk(), 'renewals', period, 'es'));
    expect(renewals[0]).toContain('Renovada el,Licencia,Vencimiento anterior');
    expect(renewals).toHaveLength(7);
    expect(renewals[4]).toBe('2026-11-06,L4,2026-09-27,2027-12-31,40,no,100.00,30.00,clerk1,no');
    const apps = lines(dashboardCsvText(fakeDesk(), 'applications', period));
    expect(apps).toHaveLength(1 + 5); // APP-1 (issued in it), APP-2, 3, 4 and 9 (received in it)
    expect(apps[1]).toBe('APP-1,B1,Blue Heron Café,FOOD,2026-10-20,2026-11-02,issued,L-APP-1');
    const backlog = lines(
      dashboardCsvText(fakeDesk(), 'backlog', period, 'en', new Date('2026-11-20T15:00:00Z')),
    );
    expect(backlog[0]).toBe('Application,Business name,Licence type,Received,Days waiting,Age group');
    expect(backlog).toContain('APP-8,Blue Heron Café,FOOD,2026-08-08,91,91+');
  });
  it('keeps the file on the desk and returns it as a document', () => {
    policy('supervisor');
    const doc = dashboardCsv(fakeDesk(), 'sup', { ...period, section: 'revenue' });
    expect(doc).toMatchObject({
      fileName: 'dashboard-revenue-2026-11-01-to-2026-11-07.csv',
      mimeType: 'text/csv',
    });
    expect(doc.savedTo).toContain(join(dir, 'documents', 'dashboard'));
    expect(Buffer.from(doc.base64, 'base64').toString('utf8')).toContain('2026-11-01,125.00');
  });
});
