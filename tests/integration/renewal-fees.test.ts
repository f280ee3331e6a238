// A late renewal's penalties reach the legacy database: on SQLite, PostgreSQL and MariaDB, the
// desk quotes a licence more than 31 days late (base + both 15% tiers + interest, by Riverton's
// fees.yaml), renews it, syncs, and LICMST's fee (LICFEE) holds the quote's total to the cent;
// the outbox entry keeps the lines it was computed from. A held licence and one with a balance
// due are refused by the service in plain words, with nothing recorded.
import { describe, expect, it } from 'vitest';
import type { RenewalCheck, RenewalQueuePage } from '../../src-main/common/ops/fee-ops.ts';
import { deskUnderTest, engines } from './support/desk-under-test.ts';
import { workbench, workbenchOk } from './support/workbench-cli.ts';

describe.each(engines)('a late renewal on %s', (engine) => {
  const { dir, legacy } = deskUnderTest('renewal-fees', { engine, size: 600, seed: 9 });
  const json = <T>(args: string[]): T => JSON.parse(workbenchOk(dir, [...args, '--json'])) as T;

  it("charges base + penalties, and LICMST's fee holds the quote's total after sync", async () => {
    const expired = json<RenewalQueuePage>([
      'renewals',
      'queue',
      '--kind',
      'expired',
      '--within',
      '150',
      '--limit',
      '1000',
    ]);
    const row = expired.rows.find(
      (r) =>
        r.daysLate > 31 &&
        r.holds === 0 &&
        r.balanceCents === 0 &&
        !['PEDL', 'HOME'].includes(r.licenceTypeCode ?? ''),
    );
    expect(row, 'a licence more than 31 days late without hold or balance').toBeDefined();
    const check = json<RenewalCheck>(['fees', 'quote', row!.licenceId]);
    expect(check.ok).toBe(true);
    const q = check.quote!;
    expect(q.lines.map((l) => l.code)).toEqual(
      expect.arrayContaining(['fee.base', 'penalty.tier', 'penalty.tier', 'penalty.interest']),
    );
    expect(q.penaltyCents).toBeGreaterThan(0);
    expect(q.totalCents).toBe(q.lines.reduce((s, l) => s + l.amountCents, 0));

    const renewed = json<{
      operationId: string;
      payload: { feeCents: number; charge: { lines: unknown[] } };
    }>(['renew', row!.licenceId]);
    expect(renewed.payload.feeCents).toBe(q.totalCents);
    expect(renewed.payload.charge.lines).toEqual(q.lines);

    const sync = json<{ push: Record<string, unknown> }>(['sync']);
    expect(sync.push).toMatchObject({ applied: 1, conflicts: 0, remaining: 0 });
    const [lic] = await legacy<{ LICFEE: unknown; LICSTS: string }>(
      `SELECT {LICFEE}, {LICSTS} FROM {LICMST} WHERE {LICNO} = '${row!.licenceId}'`,
    );
    expect(Math.round(Number(String(lic!.LICFEE)) * 100)).toBe(q.totalCents);
    expect(lic!.LICSTS.trim()).toBe('A');
  });

  it('refuses a held licence and one whose business owes money, recording nothing', () => {
    const all = json<RenewalQueuePage>([
      'renewals',
      'queue',
      '--kind',
      'all',
      '--within',
      '90',
      '--limit',
      '1000',
    ]);
    const before = json<unknown[]>(['outbox']).length;
    const held = all.rows.find((r) => r.holds > 0);
    const owing = all.rows.find((r) => r.balanceCents > 0 && r.holds === 0);
    for (const [r, words] of [
      [held, /On hold .*The hold must be lifted before renewing/],
      [owing, /An outstanding balance of \$[\d,.]+ must be paid before renewing/],
    ] as const) {
      if (!r) continue;
      const out = workbench(dir, ['renew', r.licenceId]);
      expect(out.status).toBe(1);
      expect(out.stderr).toMatch(words);
      expect(out.stderr).toContain('Nothing was recorded.');
    }
    expect(held ?? owing).toBeDefined();
    expect(json<unknown[]>(['outbox'])).toHaveLength(before);
  });
});
