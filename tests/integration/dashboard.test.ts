// The dashboard through the contract on a real demo desk (Riverton on SQLite, synced through the
// SQLite ODBC driver): a clerk is refused by the service (forbidden, nothing shown); a supervisor's
// figures move by exactly the rows taken and inserted: payments taken at this desk (one voided), a
// payment from another desk as the legacy refresh would bring it, a renewal on time and one late,
// an application received and still open. The CSV holds the same numbers, and `workbench
// dashboard --json` gives the same figures as the screen's operation.
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { operations } from '../../src-main/common/contract.ts';
import { isWorkbenchError } from '../../src-main/common/errors.ts';
import type { DashboardFigures } from '../../src-main/common/ops/dashboard-ops.ts';
import { zonedIso } from '../../src-main/common/time.ts';
import { type Desk, openDesk } from '../../src-main/node/desk/open-desk.ts';
import { createHandlers } from '../../src-main/node/handlers/handlers.ts';
import { newDeskDir, workbench, workbenchOk } from './support/workbench-cli.ts';

const dir = newDeskDir('dashboard');
const me = userInfo().username;
const policyAs = (role: string) =>
  writeFileSync(join(dir, 'policy.yaml'), `version: 1\naccounts:\n  ${JSON.stringify(me)}: ${role}\n`);

let desk: Desk;
let today: string;
type QueueRow = { licenceId: string; holds: number; balanceCents: number; expiresOn: string | null };

beforeAll(() => {
  workbenchOk(dir, ['demo', 'create', '--engine', 'sqlite', '--size', '200', '--seed', '5']);
  workbenchOk(dir, ['sync']);
  desk = openDesk({ dataDir: dir });
  today = zonedIso(new Date(), desk.timeZone).slice(0, 10);
}, 180_000);
afterAll(() => {
  desk?.close();
  rmSync(dir, { recursive: true, force: true });
});

const handlers = () => createHandlers(desk);
const get = async (): Promise<DashboardFigures> =>
  operations['dashboard.get'].output.parse(await handlers()['dashboard.get']({}));

async function renewable(kind: 'expiring' | 'expired'): Promise<string> {
  const page = await handlers()['renewals.queue']({ kind, withinDays: 60, limit: 200, offset: 0 });
  // nothing blocks it: the queue shows holds and balances, the check also the renewal requirements
  const rows = (page.rows as QueueRow[]).filter((r) => r.holds === 0 && r.balanceCents === 0 && r.expiresOn);
  let row: QueueRow | undefined;
  for (const r of rows) {
    if ((await handlers()['fees.quote']({ licenceId: r.licenceId })).ok) {
      row = r;
      break;
    }
  }
  if (!row) throw new Error(`no ${kind} licence to renew in the demo city`);
  return row.licenceId;
}

describe('the dashboard through the contract', () => {
  it('refuses a clerk with the forbidden code, for the figures and the CSV', async () => {
    policyAs('clerk');
    for (const call of [
      () => handlers()['dashboard.get']({}),
      () => handlers()['dashboard.csv']({ section: 'revenue', language: 'en' }),
    ]) {
      const refused = await call().catch((e: unknown) => e);
      expect(isWorkbenchError(refused) && refused.code).toBe('forbidden');
      expect((refused as Error).message).toContain("does not allow you to see the supervisor's dashboard");
    }
    const cli = workbench(dir, ['dashboard']);
    expect(cli.status).toBe(1);
    expect(cli.stderr).toContain(
      "workbench: Your role (clerk) does not allow you to see the supervisor's dashboard: that takes a supervisor or admin.",
    );
  });

  it('gives a supervisor figures that move by exactly what was done and inserted', async () => {
    policyAs('supervisor');
    const before = await get();
    expect(before).toMatchObject({ to: today, timeZone: 'America/Chicago', renewals: { total: 0 } });
    expect(before.revenue?.asOf).not.toBeNull();

    const h = handlers();
    const onTime = await renewable('expiring');
    const late = await renewable('expired');
    await h['drawer.open']({ floatCents: 5000 });
    await h['licences.renew']({ licenceId: onTime });
    await h['licences.renew']({ licenceId: late });
    await h['payments.record']({ licenceId: onTime, amountCents: 12550, method: 'cash' });
    const card = await h['payments.record']({ licenceId: late, amountCents: 3000, method: 'card' });
    await h['payments.record']({ licenceId: late, amountCents: 4100, method: 'check' });
    await h['payments.void']({ paymentId: card.paymentId, reason: 'typed twice' });
    // Another desk's payment, as the next refresh from the legacy system brings it.
    desk.cache
      .prepare(
        `INSERT INTO payment (id, licence_id, paid_on, amount_cents, method, receipt_no, refreshed_at)
         VALUES ('99999', ?, ?, 2500, 'other', 'R99999', ?)`,
      )
      .run(onTime, today, zonedIso(new Date(), desk.timeZone));
    // An application received today and still open (the applications desk's own table).
    desk.cache
      .prepare(
        `INSERT INTO application (id, business_id, licence_type_code, status, created_at, created_by)
         VALUES ('APP-T-1', '10001', 'FOOD', 'open', ?, ?)`,
      )
      .run(zonedIso(new Date(), desk.timeZone), me);

    const after = await get();
    const r = after.revenue!;
    const b = before.revenue!;
    expect(r.netCents - b.netCents).toBe(12550 + 3000 - 3000 + 4100 + 2500);
    expect(r.grossCents - b.grossCents).toBe(12550 + 3000 + 4100 + 2500);
    expect(r.reversedCents - b.reversedCents).toBe(3000);
    expect(r.paymentCount - b.paymentCount).toBe(4);
    expect(r.reversalCount - b.reversalCount).toBe(1);
    expect(r.provisionalCount).toBe(4); // three payments and the void, taken here
    expect(r.provisionalCents).toBe(12550 + 3000 + 4100 - 3000);
    expect(r.byMethod.cash - b.byMethod.cash).toBe(12550);
    expect(r.byMethod.card - b.byMethod.card).toBe(0);
    expect(r.byMethod.check - b.byMethod.check).toBe(4100);
    expect(r.byMethod.other - b.byMethod.other).toBe(2500);
    const day = r.byDay.find((d) => d.date === today)!;
    const dayBefore = b.byDay.find((d) => d.date === today)!;
    expect(day.netCents - dayBefore.netCents).toBe(12550 + 4100 + 2500);
    expect(after.renewals).toMatchObject({ total: 2, onTime: 1, late: 1, waiting: 2 });
    expect(after.applications?.received).toBe((before.applications?.received ?? 0) + 1);
    expect(after.backlog?.open).toBe((before.backlog?.open ?? 0) + 1);
    expect(after.backlog?.buckets[0]).toEqual({
      bucket: '0-7',
      count: (before.backlog?.buckets[0]?.count ?? 0) + 1,
    });

    // The CSV: the same day's amounts by method, in exact dollars.
    const doc = operations['dashboard.csv'].output.parse(
      await h['dashboard.csv']({ section: 'revenue', language: 'en' }),
    );
    expect(doc.mimeType).toBe('text/csv');
    const row = Buffer.from(doc.base64, 'base64')
      .toString('utf8')
      .split('\r\n')
      .find((l) => l.startsWith(`${today},`))!;
    const cents = (v: string) => Math.round(Number(v) * 100);
    const [, cash, check, cardCol, other, net] = row.split(',');
    expect([cents(cash!), cents(check!), cents(cardCol!), cents(other!), cents(net!)]).toEqual([
      day.byMethod.cash,
      day.byMethod.check,
      day.byMethod.card,
      day.byMethod.other,
      day.netCents,
    ]);
    const renewals = await h['dashboard.csv']({ section: 'renewals', language: 'es' });
    const lines = Buffer.from(renewals.base64, 'base64').toString('utf8').split('\r\n').filter(Boolean);
    expect(lines).toHaveLength(3);
    expect(lines.some((l) => l.includes(`,${late},`) && /,\d+,no,/.test(l))).toBe(true);

    // The command line answers the same.
    const cli = JSON.parse(workbenchOk(dir, ['dashboard', '--json'])) as DashboardFigures;
    expect({ ...cli, generatedAt: null }).toEqual({ ...after, generatedAt: null });
    const out = join(dir, 'exports');
    const text = workbenchOk(dir, ['dashboard', '--csv', out, '--language', 'es']);
    expect(text).toContain('Renewals taken at this desk: 2 (1 on time, 1 late');
    const files = readdirSync(out).sort();
    expect(files).toEqual(
      ['applications', 'backlog', 'renewals', 'revenue'].map(
        (s) => `dashboard-${s}-${after.from}-to-${after.to}.csv`,
      ),
    );
    expect(readFileSync(join(out, files[3]!), 'utf8')).toMatch(
      /^\ufeffFecha,Efectivo,Cheque,Tarjeta,Otro,Total neto\r\n/,
    );
  });
});
