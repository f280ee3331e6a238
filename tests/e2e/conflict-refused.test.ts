// A payment the legacy database refuses (a trigger planted in Riverton's SQLite database, as a
// city's DBA might add one) is parked for a person, not left blocking the desk: in Chromium the
// conflicts screen names it "Refused by the legacy system" with the legacy database's own words,
// in English and in Spanish, and the clerk discards it with a reason. Screenshots and axe checks.
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { cacheRows } from '../fault/support/riverton-ledger.ts';
import { discardByKeyboard } from './support/conflict-steps.ts';
import { policyAs, useDesk } from './support/desk-session.ts';
import { checkScreen, shown } from './support/screen.ts';
import { sqliteLegacyPath } from './support/sqlite-link.ts';
import { workbench, workbenchJson } from './support/workbench.ts';

const refusal = 'Payments over $5,000.00 need the treasurer';
let refusedOp: string;

const cache = <T>(sql: string, ...args: unknown[]): T[] => cacheRows<T>(desk.dataDir, sql, ...args);

const desk = useDesk({
  name: 'conflict-refused',
  demo: { size: 200, seed: 13 },
  prepare(dataDir) {
    policyAs(dataDir, 'supervisor');
    const legacy = new Database(sqliteLegacyPath(dataDir));
    try {
      legacy.exec(
        `CREATE TRIGGER wb_treasurer BEFORE INSERT ON PAYHST WHEN NEW.PAYAMT > 5000
         BEGIN SELECT RAISE(ABORT, '${refusal}'); END`,
      );
    } finally {
      legacy.close();
    }
    const [first, second] = cache<{ id: string }>(
      `SELECT id FROM licence WHERE status = 'active' ORDER BY id LIMIT 2`,
    );
    workbench(dataDir, ['drawer', 'open', '--float', '0']);
    refusedOp = workbenchJson<{ operationId: string }>(dataDir, [
      'pay',
      first!.id,
      '--amount',
      '600000',
      '--method',
      'check',
      '--check-no',
      '1042',
    ]).operationId;
    workbench(dataDir, ['pay', second!.id, '--amount', '2500', '--method', 'cash']);
    // The refused payment parks for a person; the other one reaches the legacy database.
    workbench(dataDir, ['sync'], undefined, 4);
    expect(cache(`SELECT status FROM outbox ORDER BY seq`)).toEqual([
      { status: 'conflict' },
      { status: 'applied' },
    ]);
  },
  page: { height: 1000 },
  timeout: 300_000,
});

describe('a change the legacy database refused, on the conflicts screen', () => {
  it('says it was refused, in the legacy database’s words, in English and in Spanish', async () => {
    const [c] = cache<{ id: number }>('SELECT id FROM conflict WHERE operation_id = ?', refusedOp);
    await desk.page.goto(`${desk.served.url}#/conflicts/${c!.id}`);
    await expect
      .poll(() => shown(desk.page.locator('[data-explanation]')), { timeout: 10_000 })
      .toContain(`The legacy database refused the payment of $6000.00 (check`);
    expect(await shown(desk.page.locator('[data-explanation]'))).toContain(refusal);
    expect(await shown(desk.page.locator('body'))).toContain('Refused by the legacy system');
    await checkScreen(desk.page, 'conflict-refused-01');
    await desk.page.getByRole('combobox', { name: 'Language' }).selectOption('es');
    await expect
      .poll(() => shown(desk.page.locator('[data-explanation]')))
      .toContain('El sistema heredado rechazó este cambio');
    expect(await shown(desk.page.locator('[data-explanation]'))).toContain(refusal);
    expect(await shown(desk.page.locator('body'))).toContain('Rechazado por el sistema heredado');
    await checkScreen(desk.page, 'conflict-refused-02-es');
    await desk.page.getByRole('combobox', { name: 'Idioma' }).selectOption('en');
  });

  it('the clerk discards it with a reason, by keyboard; the decision is kept and audited', async () => {
    await discardByKeyboard(desk.page, 'Treasurer declined the cheque', 2);
    await checkScreen(desk.page, 'conflict-refused-03-discarded');
    expect(
      cache(`SELECT status, resolution, reason FROM conflict WHERE operation_id = ?`, refusedOp),
    ).toEqual([{ status: 'resolved', resolution: 'discard', reason: 'Treasurer declined the cheque' }]);
    expect(cache(`SELECT count(*) AS n FROM audit_log WHERE action = 'conflict.discard'`)).toEqual([
      { n: 1 },
    ]);
  });
});
