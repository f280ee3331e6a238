// The command added on the definitions as they are now (docs/architecture.md, "Adding a command"):
// a clerk transfers a licence to a new owner. On each engine: taken with the legacy database away,
// it reaches LICMST once when the link is back, the licence found at once under its new owner's
// name; over an owner changed elsewhere it is a conflict, discarded the licence shows the legacy
// owner again; to a business registered on this desk it waits for that business's number; bad
// input and a licence that may not move are refused with nothing queued, in English and Spanish,
// through the contract from the command line too. Every step audited.
import { describe, expect, it } from 'vitest';
import { createDispatcher } from '../../src-main/common/dispatch.ts';
import { deskUnderTest, engines } from './support/desk-under-test.ts';
import { workbench, workbenchOk } from './support/workbench-cli.ts';

describe.each(engines)('transferring a licence to a new owner on %s', (engine) => {
  const t = deskUnderTest('transfer', { engine, size: 200, seed: 14, role: 'clerk', open: true });
  const { dir, call, legacy, cached } = t;
  const ownerInLegacy = async (licenceId: string) => {
    const rows = await legacy<Record<string, unknown>>(
      `SELECT {LICBUS} FROM {LICMST} WHERE {LICNO} = '${licenceId}'`,
    );
    return String(Object.values(rows[0]!)[0]).trim();
  };
  /** Active licences and other businesses, each used by one case only. */
  const used = new Set<string>();
  const activeLicence = () => {
    const row = cached<{ id: string; business_id: string }>(
      `SELECT id, business_id FROM licence WHERE status = 'active' AND id NOT LIKE 'local:%' ORDER BY id`,
    ).find((r) => !used.has(r.id) && !used.has(r.business_id))!;
    used.add(row.id);
    used.add(row.business_id);
    return { licenceId: row.id, ownerId: row.business_id };
  };
  const otherBusiness = () => {
    const row = cached<{ id: string; name: string }>(
      `SELECT id, name FROM business WHERE id NOT LIKE 'local:%' ORDER BY CAST(id AS INTEGER) DESC`,
    ).find((r) => !used.has(r.id))!;
    used.add(row.id);
    return { businessId: row.id, name: row.name };
  };
  const outboxCount = () => cached<{ n: number }>('SELECT count(*) AS n FROM outbox')[0]!.n;

  it('taken while the legacy database is away, it reaches LICMST once when the link is back', async () => {
    const { licenceId, ownerId } = activeLicence();
    const buyer = otherBusiness();
    const restore = t.legacyAway();
    t.reopen();
    let operationId = '';
    try {
      const done = await call('licences.transfer', {
        licenceId: licenceId.toLowerCase(),
        toBusinessId: buyer.businessId,
        reason: 'business sold',
      });
      operationId = done.operationId;
      expect(done).toMatchObject({ licenceId, fromBusinessId: ownerId, toBusinessId: buyer.businessId });
      // At once on the desk: the licence under its new owner, found by the new owner's name.
      expect(cached('SELECT business_id FROM licence WHERE id = ?', licenceId)).toEqual([
        { business_id: buyer.businessId },
      ]);
      const found = await call('licences.search', { text: buyer.name, limit: 500 });
      expect(found.results.map((r) => r.licenceId)).toContain(licenceId);
      expect((await call('sync.now', {})).push).toMatchObject({ applied: 0, remaining: 1 });
    } finally {
      restore();
      t.reopen();
    }
    expect(await ownerInLegacy(licenceId)).toBe(ownerId);

    expect((await call('sync.now', {})).push).toMatchObject({ applied: 1, conflicts: 0, remaining: 0 });
    expect(await ownerInLegacy(licenceId)).toBe(buyer.businessId);
    expect((await call('sync.now', {})).push).toMatchObject({ applied: 0, remaining: 0 });
    expect(await ownerInLegacy(licenceId)).toBe(buyer.businessId);
    const audits = cached<{ action: string; subject: string; detail: string }>(
      `SELECT action, subject, detail FROM audit_log WHERE action IN ('licence.transfer', 'replay.applied') AND detail LIKE ?`,
      `%${operationId}%`,
    );
    expect(audits.map((a) => a.action)).toEqual(['licence.transfer', 'replay.applied']);
    expect(audits[0]!.subject).toBe(licenceId);
    expect(JSON.parse(audits[0]!.detail)).toMatchObject({
      from: ownerId,
      to: buyer.businessId,
      reason: 'business sold',
    });
  }, 120_000);

  it('over an owner changed elsewhere it is a conflict; discarded, the licence shows the legacy owner', async () => {
    const { licenceId } = activeLicence();
    const buyer = otherBusiness();
    const elsewhere = otherBusiness();
    const done = await call('licences.transfer', {
      licenceId,
      toBusinessId: buyer.businessId,
      reason: 'sold',
    });
    await legacy(
      `UPDATE {LICMST} SET {LICBUS} = ${Number(elsewhere.businessId)}, {LICUPD} = '20261201093000' WHERE {LICNO} = '${licenceId}'`,
    );
    expect((await call('sync.now', {})).push).toMatchObject({ applied: 0, conflicts: 1 });
    const conflict = (await call('conflicts.list', {})).conflicts.find(
      (c) => c.operationId === done.operationId,
    )!;
    expect(conflict).toMatchObject({ kind: 'changed', command: 'transferLicence' });
    expect(conflict.explanation).toMatch(
      new RegExp(`^Licence ${licenceId} was changed in the legacy database`),
    );
    expect(conflict.fields.find((f) => f.field === 'businessId')).toMatchObject({
      mine: buyer.businessId,
      changedElsewhere: true,
    });
    expect(Object.keys(conflict.editable)).toEqual(['toBusinessId', 'reason']);

    await call('conflicts.resolve', { conflictId: conflict.id, resolution: 'discard', reason: 'sold twice' });
    expect(cached('SELECT business_id FROM licence WHERE id = ?', licenceId)).toEqual([
      { business_id: elsewhere.businessId },
    ]);
    expect((await call('sync.now', {})).push).toMatchObject({ applied: 0, conflicts: 0, remaining: 0 });
    expect(await ownerInLegacy(licenceId)).toBe(elsewhere.businessId);
    expect(
      cached(
        `SELECT action FROM audit_log WHERE action = 'conflict.discard' AND detail LIKE ?`,
        `%${done.operationId}%`,
      ),
    ).toHaveLength(1);
  }, 120_000);

  it('to a business registered on this desk, it waits for that business and goes with its number', async () => {
    const { licenceId } = activeLicence();
    const created = await call('applications.create', {
      business: {
        kind: 'new',
        facts: {
          name: 'Kestrel Hardware Buyers',
          ownerName: 'Jo Park',
          addressLine: '77 Mill St',
          city: 'Riverton',
          state: 'IL',
          postalCode: '60540',
          phone: '555 777 0199',
          taxId: '98-1234567',
        },
      },
      licenceTypeCode: 'KENL',
    });
    const local = created.business.id;
    expect(local).toMatch(/^local:/);
    await call('licences.transfer', { licenceId, toBusinessId: local, reason: 'sold to a new company' });
    expect((await call('sync.now', {})).push).toMatchObject({ conflicts: 0, remaining: 0 });
    const adopted = cached<{ legacy_id: string }>(
      `SELECT legacy_id FROM adopted_id WHERE local_id = ?`,
      local,
    )[0]!.legacy_id;
    expect(adopted).toMatch(/^\d+$/);
    expect(await ownerInLegacy(licenceId)).toBe(adopted);
    expect(cached('SELECT business_id FROM licence WHERE id = ?', licenceId)).toEqual([
      { business_id: adopted },
    ]);
  }, 120_000);

  it('refuses bad input and a licence that may not move, in both languages, with nothing queued', async () => {
    const { licenceId, ownerId } = activeLicence();
    const before = outboxCount();
    const dispatch = createDispatcher(t.handlers, () => {});
    const noReason = await dispatch('licences.transfer', {
      licenceId,
      toBusinessId: otherBusiness().businessId,
      reason: ' ',
    });
    expect(noReason).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', fields: { reason: 'Say why the licence is transferred.' } },
    });
    await expect(
      call('licences.transfer', { licenceId, toBusinessId: ownerId, reason: 'x' }),
    ).rejects.toMatchObject({
      code: 'invalid_input',
      message: `Licence ${licenceId} already belongs to business ${ownerId}. Nothing was recorded.`,
    });
    await expect(
      call('licences.transfer', { licenceId, toBusinessId: '99999999', reason: 'x' }),
    ).rejects.toMatchObject({ code: 'not_found' });
    const notActive = cached<{ id: string; status: string }>(
      `SELECT id, status FROM licence WHERE status <> 'active' AND id NOT LIKE 'local:%' ORDER BY id LIMIT 1`,
    )[0]!;
    await expect(
      call('licences.transfer', {
        licenceId: notActive.id,
        toBusinessId: otherBusiness().businessId,
        reason: 'x',
      }),
    ).rejects.toMatchObject({
      message: `Licence ${notActive.id} is ${notActive.status}: only an active licence can be transferred to a new owner. Nothing was recorded.`,
    });
    expect(outboxCount()).toBe(before);

    // The command line goes through the same contract: the same refusal, and in Spanish with WB_LANG=es.
    const same = workbench(dir, ['transfer', licenceId, '--to', ownerId, '--reason', 'x']);
    expect(same.status).toBe(1);
    expect(same.stderr).toContain(`Licence ${licenceId} already belongs to business ${ownerId}.`);
    const es = workbench(dir, ['transfer', licenceId, '--to', ownerId, '--reason', 'x'], undefined, {
      WB_LANG: 'es',
    });
    expect(es.stderr).toContain(`La licencia ${licenceId} ya pertenece al negocio ${ownerId}.`);
    expect(outboxCount()).toBe(before);
    const buyer = otherBusiness();
    const moved = JSON.parse(
      workbenchOk(dir, ['transfer', licenceId, '--to', buyer.businessId, '--reason', 'sold', '--json']),
    ) as { toBusinessId: string };
    expect(moved.toBusinessId).toBe(buyer.businessId);
    expect(outboxCount()).toBe(before + 1);
  }, 120_000);
});
