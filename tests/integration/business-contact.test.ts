// The command added on top of the command definitions (docs/architecture.md, "Adding a command"):
// a clerk corrects a business's address and phone. On each engine: taken with the legacy database
// away, it reaches BUSMST once when the link is back; a correction over details changed elsewhere
// is a conflict that shows the three versions, is edited and then arrives; every step audited;
// bad input is refused through the contract with nothing queued.
import { describe, expect, it } from 'vitest';
import { createDispatcher } from '../../src-main/common/dispatch.ts';
import { deskUnderTest, engines } from './support/desk-under-test.ts';
import { workbench, workbenchOk } from './support/workbench-cli.ts';

describe.each(engines)('correcting a business’s contact details on %s', (engine) => {
  const t = deskUnderTest('contact', { engine, size: 200, seed: 12, role: 'clerk', open: true });
  const { dir, call, legacy, cached } = t;
  const busmst = async (businessId: string) => {
    const rows = await legacy<Record<string, unknown>>(
      `SELECT {BUSAD1}, {BUSCTY}, {BUSST}, {BUSZIP}, {BUSPHN} FROM {BUSMST} WHERE {BUSNO} = ${Number(businessId)}`,
    );
    return Object.values(rows[0]!).map((v) => String(v ?? '').trim());
  };
  /** Businesses with an active licence, each used by one case only. */
  const used = new Set<string>();
  const business = () => {
    const row = cached<{ business_id: string; id: string }>(
      `SELECT l.business_id, l.id FROM licence l WHERE l.status = 'active' ORDER BY l.id`,
    ).find((r) => !used.has(r.business_id))!;
    used.add(row.business_id);
    return { businessId: row.business_id, licenceId: row.id };
  };

  it('taken while the legacy database is away, it reaches BUSMST once when the link is back', async () => {
    const { businessId, licenceId } = business();
    const was = await busmst(businessId);
    let operationId = '';
    // Away: the desk points at a legacy database that is not there (as replay.test.ts does).
    const restore = t.legacyAway();
    t.reopen();
    try {
      const done = await call('businesses.correctContact', {
        businessId,
        licenceId,
        addressLine: '  410 Elm Street ',
        city: 'Riverton',
        state: 'ks',
        postalCode: '66002',
        phone: '(785) 555-0142',
        reason: 'moved down the street',
      });
      operationId = done.operationId;
      expect(cached('SELECT address_line, state, phone FROM business WHERE id = ?', businessId)).toEqual([
        { address_line: '410 Elm Street', state: 'ks', phone: '(785) 555-0142' },
      ]);
      const push = (await call('sync.now', {})).push;
      expect(push).toMatchObject({ applied: 0, remaining: 1 });
      expect(push.stoppedBy).toBeTruthy();
      expect(cached(`SELECT command, status FROM outbox WHERE operation_id = ?`, operationId)).toEqual([
        { command: 'correctBusinessContact', status: 'pending' },
      ]);
    } finally {
      restore();
      t.reopen();
    }
    expect(await busmst(businessId)).toEqual(was);

    expect((await call('sync.now', {})).push).toMatchObject({ applied: 1, conflicts: 0, remaining: 0 });
    expect(await busmst(businessId)).toEqual(['410 Elm Street', 'Riverton', 'ks', '66002', '(785) 555-0142']);
    // The cache holds the legacy row as read back (the bridge's transforms: title case, upper state).
    expect(cached('SELECT address_line, state FROM business WHERE id = ?', businessId)).toEqual([
      { address_line: '410 Elm Street', state: 'KS' },
    ]);
    expect((await call('sync.now', {})).push).toMatchObject({ applied: 0, remaining: 0 });
    const audits = cached<{ action: string; subject: string; detail: string }>(
      `SELECT action, subject, detail FROM audit_log WHERE action IN ('business.correct', 'replay.applied') AND detail LIKE ?`,
      `%${operationId}%`,
    );
    expect(audits.map((a) => a.action)).toEqual(['business.correct', 'replay.applied']);
    expect(JSON.parse(audits[0]!.detail)).toMatchObject({
      businessId,
      reason: 'moved down the street',
      to: { addressLine: '410 Elm Street', phone: '(785) 555-0142' },
    });
    expect(audits[0]!.subject).toBe(licenceId);
  }, 120_000);

  it('over a phone changed elsewhere it is a conflict; edited, it arrives once', async () => {
    const { businessId } = business();
    const done = await call('businesses.correctContact', {
      businessId,
      addressLine: '12 Oak Avenue',
      city: 'Riverton',
      state: 'KS',
      postalCode: '66002',
      phone: '785-555-0100',
      reason: 'keyed wrong',
    });
    await legacy(`UPDATE {BUSMST} SET {BUSPHN} = '7855550199' WHERE {BUSNO} = ${Number(businessId)}`);
    expect((await call('sync.now', {})).push).toMatchObject({ applied: 0, conflicts: 1 });
    const conflict = (await call('conflicts.list', {})).conflicts.find(
      (c) => c.operationId === done.operationId,
    )!;
    expect(conflict).toMatchObject({ kind: 'changed', command: 'correctBusinessContact' });
    expect(conflict.explanation).toMatch(
      new RegExp(
        `^Business ${businessId} was changed in the legacy database after this desk read it \\(phone .* → .*\\), so the correction`,
      ),
    );
    expect(conflict.fields.find((f) => f.field === 'phone')).toMatchObject({
      mine: '785-555-0100',
      changedElsewhere: true,
    });
    expect(Object.keys(conflict.editable)).toEqual(['addressLine', 'city', 'state', 'postalCode', 'phone']);

    await expect(
      call('conflicts.resolve', { conflictId: conflict.id, resolution: 'edit', edits: { state: 'Kansas' } }),
    ).rejects.toMatchObject({ code: 'invalid_input' });
    await call('conflicts.resolve', {
      conflictId: conflict.id,
      resolution: 'edit',
      edits: { phone: '785-555-0199' },
    });
    expect((await call('sync.now', {})).push).toMatchObject({ applied: 1, conflicts: 0, remaining: 0 });
    expect(await busmst(businessId)).toEqual(['12 Oak Avenue', 'Riverton', 'KS', '66002', '785-555-0199']);
    expect(
      cached(
        `SELECT action FROM audit_log WHERE action = 'conflict.edit' AND detail LIKE ?`,
        `%${done.operationId}%`,
      ),
    ).toHaveLength(1);
  }, 120_000);

  it('refuses bad input through the contract, with the field named and nothing queued', async () => {
    const { businessId } = business();
    const before = cached('SELECT count(*) AS n FROM outbox');
    const refused = await createDispatcher(t.handlers, () => {})('businesses.correctContact', {
      businessId,
      addressLine: 'x'.repeat(41),
      city: null,
      state: 'K5',
      postalCode: null,
      phone: 'call me',
      reason: 'test',
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const { fields } = (refused as { error: { fields: Record<string, string> } }).error;
    expect(Object.keys(fields).sort()).toEqual(['addressLine', 'phone', 'state']);
    const same = cached<Record<string, string | null>>(
      'SELECT address_line, city, state, postal_code, phone FROM business WHERE id = ?',
      businessId,
    )[0]!;
    await expect(
      call('businesses.correctContact', {
        businessId,
        addressLine: same.address_line ?? null,
        city: same.city ?? null,
        state: same.state ?? null,
        postalCode: same.postal_code ?? null,
        phone: same.phone ?? null,
        reason: 'nothing new',
      }),
    ).rejects.toThrow(/there is nothing to correct/);
    expect(cached('SELECT count(*) AS n FROM outbox')).toEqual(before);
  });

  it.runIf(engine === 'sqlite')(
    'the command line corrects through the same contract, with the same words',
    () => {
      const { businessId, licenceId } = business();
      const bad = workbench(dir, [
        'business',
        'correct',
        businessId,
        '--phone',
        'call me',
        '--reason',
        'typo',
      ]);
      expect(bad.status).not.toBe(0);
      expect(bad.stderr).toContain('A phone number is 7 to 14 digits, spaces, brackets, dots or dashes.');
      const good = workbenchOk(dir, [
        'business',
        'correct',
        businessId,
        '--licence',
        licenceId,
        '--phone',
        '785 555 0177',
        '--reason',
        'keyed wrong',
      ]);
      expect(good).toMatch(new RegExp(`^Contact details of business ${businessId} corrected`));
      expect(workbenchOk(dir, ['outbox'])).toContain(
        `the correction of the contact details of business ${businessId}`,
      );
      const row = cached<{ phone: string; address_line: string | null }>(
        'SELECT phone, address_line FROM business WHERE id = ?',
        businessId,
      )[0]!;
      expect(row.phone).toBe('785 555 0177');
      expect(row.address_line).not.toBeNull(); // left out: kept as the desk held it
    },
  );
});
