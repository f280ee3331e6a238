// New applications on real engines (issue 5 point 1): with no push in between (as with the legacy
// link cut), a clerk registers a business after dismissing a duplicate suggestion, completes the
// checklist (a supervisor waives one item), issues the licence and takes its fee on the provisional
// licence; then one sync brings BUSMST, LICMST and PAYHST rows, once each, with Riverton's own
// numbers, and the desk's cache holds the legacy rows and no provisional leftovers.
import { describe, expect, it } from 'vitest';
import { isWorkbenchError } from '../../src-main/common/errors.ts';
import {
  completeChecklist,
  deskUnderTest,
  engines,
  kennelChecklistMet,
  me,
} from './support/desk-under-test.ts';

describe.each(engines)('new applications on %s', (engine) => {
  const t = deskUnderTest('applications', { engine, size: 300, seed: 11, role: 'clerk', open: true });
  const { call, legacy, cached, policyAs } = t;
  /** The first column of the first row (PostgreSQL folds unquoted aliases to lower case). */
  const legacyNumber = async (sql: string) => Number(Object.values((await legacy(sql))[0]!)[0]);

  it('registers, completes the checklist, issues and takes the fee offline; one sync brings it all to the legacy DB', async () => {
    // A business the city already has, typed again a little differently.
    const existing = cached<{ id: string; name: string; phone: string | null }>(
      `SELECT b.id, b.name, b.phone FROM business b JOIN licence l ON l.business_id = b.id WHERE length(b.name) > 8 ORDER BY b.id LIMIT 1`,
    )[0]!;
    const typedName = `${existing.name.toUpperCase()} LLC`;
    const { suggestions, tookMs } = await call('applications.suggestDuplicates', { name: typedName });
    expect(suggestions[0]).toMatchObject({
      businessId: existing.id,
      reasons: expect.arrayContaining(['same_name']),
    });
    expect(tookMs).toBeLessThan(1000);

    const legacyBusinesses = await legacyNumber('SELECT COUNT(*) FROM {BUSMST}');
    const created = await call('applications.create', {
      business: {
        kind: 'new',
        facts: {
          name: 'Heron Point Bistro',
          ownerName: 'Ana Ruiz',
          addressLine: '901 River Rd',
          city: 'Riverton',
          state: 'IL',
          postalCode: '60540',
          phone: '555 777 0101',
          taxId: '98-7654321',
        },
        dismissed: [existing.id],
      },
      licenceTypeCode: 'FOOD',
    });
    const appId = created.application.id;
    expect(created.businessProvisional).toBe(true);
    expect(created.business.id).toMatch(/^local:/);
    expect(created.openRequired).toEqual(['APPFORM', 'FOODCERT', 'HEALTH', 'FIRE', 'ZONING']);
    const registered = cached<{ detail: string }>(
      `SELECT detail FROM audit_log WHERE action = 'business.register'`,
    );
    expect(JSON.parse(registered[0]!.detail)).toMatchObject({ dismissedSuggestions: [existing.id] });
    // The provisional business is suggested at once as a duplicate of itself typed again.
    expect(
      (await call('applications.suggestDuplicates', { name: 'Heron Point Bistro Inc' })).suggestions[0],
    ).toMatchObject({
      businessId: created.business.id,
      provisional: true,
    });

    // Not yet: the service names the open items.
    const early = await call('applications.issue', { applicationId: appId }).catch((e: unknown) => e);
    expect(isWorkbenchError(early) && early.message).toMatch(
      /5 required items are open \(Signed application form; /,
    );

    for (const [code, state] of [
      ['APPFORM', 'received'],
      ['FOODCERT', 'received'],
      ['HEALTH', 'passed'],
      ['ZONING', 'approved'],
    ] as const) {
      await call('applications.updateRequirement', { applicationId: appId, code, state });
    }
    // A wrong state for the kind, and a waiver by a clerk, are refused.
    const wrong = await call('applications.updateRequirement', {
      applicationId: appId,
      code: 'FIRE',
      state: 'received',
    }).catch((e: unknown) => e);
    expect(isWorkbenchError(wrong) && wrong.code).toBe('invalid_input');
    const clerkWaiver = await call('applications.updateRequirement', {
      applicationId: appId,
      code: 'FIRE',
      state: 'waived',
      note: 'inspected last month',
    }).catch((e: unknown) => e);
    expect(isWorkbenchError(clerkWaiver) && clerkWaiver.code).toBe('forbidden');
    policyAs('supervisor');
    const waived = await call('applications.updateRequirement', {
      applicationId: appId,
      code: 'FIRE',
      state: 'waived',
      note: 'inspected last month',
    });
    expect(waived.items.find((i) => i.code === 'FIRE')).toMatchObject({ state: 'waived', doneBy: me });
    expect(waived.openRequired).toEqual([]);
    policyAs('clerk');

    const issued = await call('applications.issue', { applicationId: appId });
    expect(issued.application.status).toBe('issued');
    expect(issued.licenceProvisional).toBe(true);
    const localLicence = issued.application.licenceId!;
    expect(localLicence).toMatch(/^local:/);
    // Search finds the provisional licence by the new business's name.
    const found = await call('licences.search', { text: 'Heron Point' });
    expect(found.results.map((r) => r.licenceId)).toEqual([localLicence]);

    // The fee, taken on the provisional licence (in an open drawer).
    await call('drawer.open', { floatCents: 10_000 } as never);
    const fee = issued.feeCents ?? 10_000;
    const paid = await call('payments.record', {
      licenceId: localLicence,
      amountCents: fee,
      method: 'card',
      cardReference: 'T-1',
    } as never);
    expect(paid.licenceId).toBe(localLicence);

    // One sync: the business, the licence and the payment reach the legacy DB, once each.
    const sync = await call('sync.now', {});
    expect(sync.push).toMatchObject({ conflicts: 0, remaining: 0, stoppedBy: null });
    const bus = await legacy<{ BUSNO: unknown; BUSTAX: string }>(
      `SELECT {BUSNO}, {BUSTAX} FROM {BUSMST} WHERE {BUSTAX} LIKE '98-7654321%'`,
    );
    expect(bus).toHaveLength(1);
    const busNo = String(Number(bus[0]!.BUSNO));
    expect(Number(busNo)).toBe(await legacyNumber('SELECT MAX({BUSNO}) FROM {BUSMST}'));
    expect(await legacyNumber('SELECT COUNT(*) FROM {BUSMST}')).toBe(legacyBusinesses + 1);
    const lic = await legacy<{ LICNO: string; LICTYP: string; LICSTS: string }>(
      `SELECT {LICNO}, {LICTYP}, {LICSTS} FROM {LICMST} WHERE {LICBUS} = ${busNo}`,
    );
    expect(lic).toHaveLength(1);
    const licNo = lic[0]!.LICNO.trim();
    expect(licNo).toMatch(/^RV-\d{7}$/);
    expect(Number(licNo.slice(3))).toBe(301); // the demo city has RV-0000001 .. RV-0000300
    expect(lic[0]).toMatchObject({ LICSTS: 'A' });
    // LICFEE is the annual fee (what a renewal charges); the application fee was due once, at issue.
    const [licFee] = await legacy<{ LICFEE: unknown }>(
      `SELECT {LICFEE} FROM {LICMST} WHERE {LICNO} = '${licNo}'`,
    );
    expect(Math.round(Number(licFee!.LICFEE) * 100)).toBeLessThan(fee);
    const pays = await legacy<{ PAYNO: unknown }>(`SELECT {PAYNO} FROM {PAYHST} WHERE {PAYLIC} = '${licNo}'`);
    expect(pays).toHaveLength(1);

    // The cache: the legacy rows, no provisional leftovers; the application follows the legacy ids.
    expect(cached(`SELECT id FROM business WHERE id LIKE 'local:%'`)).toEqual([]);
    expect(cached(`SELECT id FROM licence WHERE id LIKE 'local:%'`)).toEqual([]);
    expect(cached(`SELECT id FROM payment WHERE id LIKE 'local:%' OR licence_id LIKE 'local:%'`)).toEqual([]);
    expect(cached<{ business_id: string }>('SELECT business_id FROM licence WHERE id = ?', licNo)).toEqual([
      { business_id: busNo },
    ]);
    // Search finds the legacy licence right after the sync (before anything reads the application).
    const search = await call('licences.search', { text: 'Heron Point' });
    expect(search.results.map((r) => r.licenceId)).toEqual([licNo]);
    const after = await call('applications.get', { applicationId: appId });
    expect(after.application).toMatchObject({ businessId: busNo, licenceId: licNo });
    expect(after.businessProvisional || after.licenceProvisional).toBe(false);
    expect((await call('licences.search', { text: 'Heron Point' })).results.map((r) => r.licenceId)).toEqual([
      licNo,
    ]);
    expect((await call('licences.get', { licenceId: licNo })).payments).toHaveLength(1);
  }, 180_000);

  it('an application for a business already on file registers nothing new; its licence gets the next number', async () => {
    policyAs('clerk');
    const [business] = cached<{ id: string }>(
      `SELECT id FROM business WHERE id NOT LIKE 'local:%' ORDER BY id LIMIT 1`,
    );
    const created = await call('applications.create', {
      business: { kind: 'existing', businessId: business!.id },
      licenceTypeCode: 'KENL', // not in the file: the default list
    });
    expect(created.businessProvisional).toBe(false);
    expect(created.items.map((i) => i.code)).toEqual(['APPFORM', 'PHOTOID', 'ZONING']);
    await completeChecklist(call, created.application.id, kennelChecklistMet);
    const issued = await call('applications.issue', { applicationId: created.application.id });
    expect(issued.application.licenceId).toMatch(/^local:/);
    expect(cached(`SELECT command FROM outbox WHERE status = 'pending'`)).toEqual([
      { command: 'issueLicence' },
    ]);
    const sync = await call('sync.now', {});
    expect(sync.push).toMatchObject({ applied: 1, conflicts: 0, remaining: 0 });
    const after = await call('applications.get', { applicationId: created.application.id });
    expect(after.application.licenceId).toBe('RV-0000302');
    const lic = await legacy<{ LICBUS: unknown }>(
      `SELECT {LICBUS} FROM {LICMST} WHERE {LICNO} = 'RV-0000302'`,
    );
    expect(lic.map((r) => String(Number(r.LICBUS)))).toEqual([business!.id]);
  }, 120_000);

  it('a business numbered by a sync before its licence is issued: the licence goes on the legacy business', async () => {
    policyAs('clerk');
    const created = await call('applications.create', {
      business: {
        kind: 'new',
        facts: {
          name: 'Kestrel Lane Pottery',
          dbaName: null,
          ownerName: 'Ada Ruiz',
          addressLine: '9 Kestrel Ln',
          city: 'Riverton',
          state: 'IL',
          postalCode: '60540',
          phone: '555 010 7788',
          taxId: null,
        },
        dismissed: [],
      },
      licenceTypeCode: 'KENL',
    });
    expect(created.businessProvisional).toBe(true);
    // The sync loop numbers the business while the clerk is still on the checklist.
    expect((await call('sync.now', {})).push).toMatchObject({ applied: 1, conflicts: 0 });
    const business = cached<{ business_id: string }>(
      'SELECT business_id FROM application WHERE id = ?',
      created.application.id,
    )[0]!.business_id;
    expect(business).not.toMatch(/^local:/);
    await completeChecklist(call, created.application.id, kennelChecklistMet);
    const issued = await call('applications.issue', { applicationId: created.application.id });
    const licence = (await call('licences.get', { licenceId: issued.application.licenceId! })).licence;
    expect(licence.businessId).toBe(business);
    expect((await call('sync.now', {})).push).toMatchObject({ applied: 1, conflicts: 0, remaining: 0 });
    const after = await call('applications.get', { applicationId: created.application.id });
    const lic = await legacy<{ LICBUS: unknown }>(
      `SELECT {LICBUS} FROM {LICMST} WHERE {LICNO} = '${after.application.licenceId}'`,
    );
    expect(lic.map((r) => String(Number(r.LICBUS)))).toEqual([business]);
  }, 120_000);

  it('an answer lost after COMMIT is settled by re-reading (applied checks), never applied twice', async () => {
    policyAs('clerk');
    const created = await call('applications.create', {
      business: { kind: 'new', facts: { name: 'Lost Answer Bakery', phone: '555 777 0202' }, dismissed: [] },
      licenceTypeCode: 'KENL',
    });
    const appId = created.application.id;
    await completeChecklist(call, appId, kennelChecklistMet);
    await call('applications.issue', { applicationId: appId });
    expect((await call('sync.now', {})).push).toMatchObject({ applied: 2, conflicts: 0, remaining: 0 });
    const counts = async () => [
      await legacyNumber('SELECT COUNT(*) FROM {BUSMST}'),
      await legacyNumber('SELECT COUNT(*) FROM {LICMST}'),
    ];
    const before = await counts();
    const settled = cached<{ operation_id: string; legacy_result: string }>(
      `SELECT operation_id, legacy_result FROM outbox WHERE command IN ('registerBusiness', 'issueLicence') ORDER BY seq DESC LIMIT 2`,
    );
    // As if the desk had crashed after sending both and before writing the answers down.
    for (const r of settled) t.loseAnswer(r.operation_id);
    const again = await call('sync.now', {});
    expect(again.push).toMatchObject({ applied: 0, alreadyApplied: 2, conflicts: 0, remaining: 0 });
    expect(await counts()).toEqual(before);
    const now = cached<{ operation_id: string; legacy_result: string }>(
      `SELECT operation_id, legacy_result FROM outbox WHERE operation_id IN (?, ?) ORDER BY seq DESC`,
      settled[0]!.operation_id,
      settled[1]!.operation_id,
    );
    // The same numbers as the first time (the check gives the result key: licenceNo, businessNo).
    const key = (text: string) => {
      const r = JSON.parse(text) as Record<string, unknown>;
      return r.licenceNo ?? r.businessNo;
    };
    expect(now.map((r) => key(r.legacy_result))).toEqual(settled.map((r) => key(r.legacy_result)));
    expect(
      cached(
        `SELECT id FROM business WHERE id LIKE 'local:%' UNION ALL SELECT id FROM licence WHERE id LIKE 'local:%'`,
      ),
    ).toEqual([]);
  }, 120_000);

  it('a withdrawn application keeps its record and audit, and can no longer be issued', async () => {
    policyAs('clerk');
    const [business] = cached<{ id: string }>(
      `SELECT id FROM business WHERE id NOT LIKE 'local:%' ORDER BY id DESC LIMIT 1`,
    );
    const created = await call('applications.create', {
      business: { kind: 'existing', businessId: business!.id },
      licenceTypeCode: 'HOME',
    });
    const done = await call('applications.withdraw', {
      applicationId: created.application.id,
      reason: 'Moved away',
    });
    expect(done.application.status).toBe('withdrawn');
    const audit = cached<{ detail: string }>(
      `SELECT detail FROM audit_log WHERE action = 'application.withdraw'`,
    );
    expect(JSON.parse(audit.at(-1)!.detail)).toEqual({ reason: 'Moved away' });
    const issue = await call('applications.issue', { applicationId: created.application.id }).catch(
      (e: unknown) => e,
    );
    expect(isWorkbenchError(issue) && issue.message).toMatch(/is withdrawn/);
    expect((await call('applications.list', { status: 'open' })).applications.map((a) => a.id)).not.toContain(
      created.application.id,
    );
  });
});
