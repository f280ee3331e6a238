// Code enforcement from complaint to citation (issue 13 point 4), on each engine, through the
// contract's handlers: complaints about an unlicensed address taken with the legacy database away
// become a case, a visit to the address and a citation with a fine, and reach CMPLNT, ENFCAS and
// INSSCH exactly once when the link is back; a cited, unpaid fine on a licensed business refuses
// its renewal at the counter with the balance reason until the legacy system has it paid; a case
// closed on another desk while this desk cites is a conflict, never overwritten; a clerk reads
// cases but gives none of the steps. Every step audited.
import { describe, expect, it } from 'vitest';
import { todayIn } from '../../src-main/common/time.ts';
import { checkRenewal } from '../../src-main/node/renewals/renewal-check.ts';
import { shownIdOf } from '../../src-main/node/sync/provisional-refs.ts';
import { deskUnderTest, engines } from './support/desk-under-test.ts';
import { workbench, workbenchOk } from './support/workbench-cli.ts';

/** Today in Riverton as CYYMMDD (the legacy date columns). */
const cyymmdd = (iso: string) =>
  Number(`${Number(iso.slice(0, 4)) >= 2000 ? 1 : 0}${iso.slice(2).replaceAll('-', '')}`);

describe.each(engines)('code enforcement on %s', (engine) => {
  const t = deskUnderTest('enforcement', { engine, size: 300, seed: 21, role: 'inspector', open: true });
  const { call, legacy, cached } = t;
  const outboxCount = () => cached<{ n: number }>('SELECT count(*) AS n FROM outbox')[0]!.n;
  const today = () => todayIn(t.desk.timeZone);
  const legacyCase = async (caseNo: string) =>
    (
      await legacy<Record<string, unknown>>(
        `SELECT {CASSTS} AS sts, {CASFIN} AS fine, {CASBUS} AS bus, {CASLIC} AS lic, {CASOFF} AS officer, {CASPAY} AS paid FROM {ENFCAS} WHERE {CASNO} = ${Number(caseNo)}`,
      )
    ).map((r) => ({
      sts: String(r.sts).trim(),
      fine: Number(r.fine),
      bus: Number(r.bus),
      lic: String(r.lic).trim(),
      officer: String(r.officer).trim(),
      paid: Number(r.paid),
    }));
  const adoptedId = (local: string) =>
    cached<{ legacy_id: string }>('SELECT legacy_id FROM adopted_id WHERE local_id = ?', local)[0]?.legacy_id;

  it('an unlicensed address: complaints offline, a case, a visit and a citation reach the legacy tables once', async () => {
    const address = '4410 N Quarry Rd';
    const restore = t.legacyAway();
    t.reopen();
    let caseId = '';
    try {
      const first = await call('cases.complaint', {
        address,
        channel: 'phone',
        description: 'Cars sold from a vacant lot',
      });
      expect(first.complaintId).toMatch(/^local:/);
      expect(first.openCases).toEqual([]);
      const second = await call('cases.complaint', {
        address: '4410  N QUARRY RD ',
        channel: 'walk_in',
        description: 'Same lot, more cars every week',
      });
      const opened = await call('cases.open', {
        complaintIds: [first.complaintId, second.complaintId],
        officer: 'jsmith',
      });
      caseId = opened.caseId;
      expect(caseId).toMatch(/^local:/);
      // A third caller: the desk suggests the case already open at that place.
      const third = await call('cases.complaint', {
        address: '4410 n quarry rd',
        channel: 'web',
        description: 'Still there',
      });
      expect(third.openCases.map((c) => c.id)).toEqual([caseId]);
      // The visit to the address, for the case's officer, on the schedule like any other.
      const visit = await call('cases.visit', { caseId, kind: 'ZONE', on: today() });
      expect(visit.inspectionId).toMatch(/^local:/);
      // An inspector does not approve fines; a supervisor does.
      await expect(call('cases.cite', { caseId, fineCents: 500_00 })).rejects.toMatchObject({
        code: 'forbidden',
      });
      t.policyAs('supervisor');
      const cited = await call('cases.cite', { caseId, fineCents: 500_00 });
      expect(cited).toMatchObject({ caseId, fineCents: 500_00, businessId: null });
      t.policyAs('inspector');
      const list = await call('cases.list', { status: 'cited' });
      expect(list.cases.find((c) => c.case.id === caseId)).toMatchObject({
        daysOpen: 0,
        complaints: 2,
        case: { address, officer: 'JSMITH', fineCents: 500_00, businessId: null, licenceId: null },
      });
      expect((await call('sync.now', {})).push).toMatchObject({ applied: 0, remaining: 6 });
    } finally {
      restore();
      t.reopen();
    }
    expect((await call('sync.now', {})).push).toMatchObject({ applied: 6, conflicts: 0, remaining: 0 });
    expect((await call('sync.now', {})).push).toMatchObject({ applied: 0, remaining: 0 });

    const caseNo = adoptedId(caseId)!;
    expect(caseNo).toMatch(/^\d+$/);
    expect(await legacyCase(caseNo)).toEqual([
      { sts: 'T', fine: 500, bus: 0, lic: '', officer: 'JSMITH', paid: 0 },
    ]);
    const complaints = await legacy<Record<string, unknown>>(
      `SELECT {CMPSTS} AS sts, {CMPCAS} AS cas, {CMPCHN} AS chn FROM {CMPLNT} WHERE UPPER(TRIM({CMPADR})) = '4410 N QUARRY RD' ORDER BY {CMPNO}`,
    );
    expect(complaints.map((c) => [String(c.sts).trim(), Number(c.cas), String(c.chn).trim()])).toEqual([
      ['O', Number(caseNo), 'P'],
      ['O', Number(caseNo), 'W'],
      ['N', 0, 'I'],
    ]);
    const cases = await legacy(`SELECT {CASNO} FROM {ENFCAS} WHERE TRIM({CASADR}) = '${address}'`);
    expect(cases).toHaveLength(1);
    const visits = await legacy(
      `SELECT {SCHNO} FROM {INSSCH} WHERE TRIM({SCHADR}) = '${address}' AND {SCHTYP} = 'ZONE' AND TRIM({SCHBY}) = 'JSMITH'`,
    );
    expect(visits).toHaveLength(1);
    // The desk holds the legacy numbers: the case and the complaints pointing at it.
    expect(cached('SELECT status, fine_cents FROM enforcement_case WHERE id = ?', caseNo)).toEqual([
      { status: 'cited', fine_cents: 500_00 },
    ]);
    expect(cached<{ n: number }>('SELECT count(*) AS n FROM complaint WHERE case_id = ?', caseNo)[0]!.n).toBe(
      2,
    );
    const shown = await call('cases.show', { caseId: caseNo });
    expect(shown.complaints.map((c) => c.channel)).toEqual(['phone', 'walk_in']);
    const audits = cached<{ action: string }>(
      `SELECT action FROM audit_log WHERE action LIKE 'complaint.%' OR action LIKE 'case.%' ORDER BY id`,
    ).map((a) => a.action);
    expect(audits).toEqual([
      'complaint.take',
      'complaint.take',
      'case.open',
      'complaint.take',
      'case.visit',
      'case.cite',
    ]);
    expect(shown.visits.map((v) => [v.kind, v.inspector, v.address])).toEqual([['ZONE', 'JSMITH', address]]);
  }, 180_000);

  it("a licensed business's cited fine refuses its renewal at the counter until the fine is paid", async () => {
    const on = today();
    const licence = cached<{ id: string; business_id: string }>(
      `SELECT id, business_id FROM licence WHERE status = 'active' AND id NOT LIKE 'local:%' ORDER BY expires_on`,
    ).find((l) => checkRenewal(t.desk, l.id, on).ok)!;
    expect(licence).toBeDefined();
    const taken = await call('cases.complaint', {
      licenceId: licence.id.toLowerCase(),
      channel: 'walk_in',
      description: 'Grease dumped behind the building',
    });
    const opened = await call('cases.open', { complaintIds: [taken.complaintId] });
    expect(
      cached('SELECT business_id, licence_id FROM enforcement_case WHERE id = ?', opened.caseId),
    ).toEqual([{ business_id: licence.business_id, licence_id: licence.id }]);
    // The visit, numbered by the legacy system, then a failed result with a violation: the notice,
    // and the re-inspection the rule calls for, both at the case's place.
    await call('cases.visit', { caseId: opened.caseId, kind: 'ZONE', on, inspector: 'JSMITH' });
    expect((await call('sync.now', {})).push).toMatchObject({ conflicts: 0, remaining: 0 });
    const caseNo = adoptedId(opened.caseId)!;
    const [visit] = (await call('cases.show', { caseId: caseNo })).visits;
    expect(visit).toMatchObject({ kind: 'ZONE', status: 'scheduled', licenceId: licence.id });
    const result = await call('inspections.record', {
      inspectionId: visit!.id,
      answers: {
        ZN01: { outcome: 'fail', note: 'Storage yard in a shopping district' },
        ZN02: { outcome: 'pass' },
        ZN03: { outcome: 'pass' },
        ZN04: { outcome: 'pass' },
        ZN05: { outcome: 'fail' },
        ZN06: { outcome: 'na' },
      },
      violations: [{ ordinanceSection: '17-2-110', description: 'Use not allowed in the district' }],
    });
    expect(result).toMatchObject({ result: 'fail' });
    expect(result.reinspection).not.toBeNull();
    const notice = await call('documents.violationNotice', { inspectionId: visit!.id, language: 'es' });
    expect(notice.fileName).toMatch(/\.pdf$/);
    const worked = await call('cases.show', { caseId: caseNo });
    expect(worked.visits.map((v) => v.status)).toEqual(['done', 'scheduled']);
    expect(worked.visits[1]!.scheduledOn).toBe(result.reinspection!.scheduledOn);
    expect(worked.violations.map((v) => [v.ordinanceSection, v.status])).toEqual([['17-2-110', 'open']]);

    t.policyAs('supervisor');
    await call('cases.cite', { caseId: caseNo, fineCents: 250_00 });

    // At the counter, at once, before any sync.
    t.policyAs('clerk');
    const refused = {
      code: 'invalid_input',
      text: { key: 'renewal.refused' },
      fields: { 'renewal.balanceDue': 'An outstanding balance of $250.00 must be paid before renewing.' },
    };
    await expect(call('licences.renew', { licenceId: licence.id })).rejects.toMatchObject(refused);
    expect((await call('sync.now', {})).push).toMatchObject({ conflicts: 0, remaining: 0 });
    expect(await legacyCase(caseNo)).toEqual([
      {
        sts: 'T',
        fine: 250,
        bus: Number(licence.business_id),
        lic: licence.id,
        officer: '',
        paid: 0,
      },
    ]);
    await expect(call('licences.renew', { licenceId: licence.id })).rejects.toMatchObject(refused);

    // The city's cashier takes the fine in the legacy system; the desk sees it at the next sync.
    await legacy(
      `UPDATE {ENFCAS} SET {CASPAY} = ${cyymmdd(on)}, {CASUPD} = '${on.replaceAll('-', '')}101500' WHERE {CASNO} = ${Number(caseNo)}`,
    );
    await call('sync.now', {});
    expect(cached('SELECT fine_paid_on FROM enforcement_case WHERE id = ?', caseNo)).toEqual([
      { fine_paid_on: on },
    ]);
    const renewed = await call('licences.renew', { licenceId: licence.id });
    expect(renewed.licenceId).toBe(licence.id);
    t.policyAs('inspector');
  }, 180_000);

  it('a case closed on another desk while this desk cites is a conflict, not an overwrite', async () => {
    const taken = await call('cases.complaint', {
      address: '77 Tannery Ln',
      channel: 'phone',
      description: 'Rooms rented by the night',
    });
    const opened = await call('cases.open', { complaintIds: [taken.complaintId], officer: 'YCHEN' });
    expect((await call('sync.now', {})).push).toMatchObject({ conflicts: 0, remaining: 0 });
    const caseNo = adoptedId(opened.caseId)!;
    t.policyAs('supervisor');
    const cited = await call('cases.cite', { caseId: caseNo, fineCents: 100_00 });
    // Meanwhile another desk closed it as corrected.
    await legacy(
      `UPDATE {ENFCAS} SET {CASSTS} = 'C', {CASCLS} = ${cyymmdd(today())}, {CASUPD} = '20261207110000' WHERE {CASNO} = ${Number(caseNo)}`,
    );
    expect((await call('sync.now', {})).push).toMatchObject({ applied: 0, conflicts: 1 });
    expect(await legacyCase(caseNo)).toEqual([
      { sts: 'C', fine: 0, bus: 0, lic: '', officer: 'YCHEN', paid: 0 },
    ]);
    const conflict = (await call('conflicts.list', {})).conflicts.find(
      (c) => c.operationId === cited.operationId,
    )!;
    expect(conflict).toMatchObject({ kind: 'changed', command: 'citeCase' });
    expect(conflict.explanation).toMatch(new RegExp(`^Case ${caseNo} was changed in the legacy database`));
    expect(conflict.fields.find((f) => f.field === 'status')).toMatchObject({
      mine: 'cited',
      changedElsewhere: true,
    });
    await call('conflicts.resolve', {
      conflictId: conflict.id,
      resolution: 'discard',
      reason: 'corrected before the citation',
    });
    expect(cached('SELECT status, fine_cents FROM enforcement_case WHERE id = ?', caseNo)).toEqual([
      { status: 'corrected', fine_cents: 0 },
    ]);
    expect((await call('sync.now', {})).push).toMatchObject({ applied: 0, conflicts: 0, remaining: 0 });
    expect((await legacyCase(caseNo))[0]!.sts).toBe('C');
    t.policyAs('inspector');
  }, 180_000);

  it('a clerk reads the cases but gives none of the steps; nothing is queued', async () => {
    const open = cached<{ id: string }>(
      `SELECT id FROM enforcement_case WHERE status = 'open' AND id NOT LIKE 'local:%' ORDER BY id`,
    );
    t.policyAs('clerk');
    const before = outboxCount();
    const list = await call('cases.list', { status: 'all' });
    expect(list.total).toBeGreaterThan(0);
    expect(list.cases.every((c) => c.daysOpen >= 0)).toBe(true);
    const forbidden = { code: 'forbidden' };
    await expect(
      call('cases.complaint', { address: '1 Main St', channel: 'phone', description: 'x' }),
    ).rejects.toMatchObject(forbidden);
    const someCase = open[0]?.id ?? list.cases[0]!.case.id;
    await expect(call('cases.open', { complaintIds: ['1'] })).rejects.toMatchObject(forbidden);
    await expect(call('cases.assign', { caseId: someCase, officer: 'JSMITH' })).rejects.toMatchObject(
      forbidden,
    );
    await expect(call('cases.close', { caseId: someCase })).rejects.toMatchObject(forbidden);
    await expect(call('cases.cite', { caseId: someCase, fineCents: 100_00 })).rejects.toMatchObject(
      forbidden,
    );
    expect(outboxCount()).toBe(before);
    t.policyAs('inspector');
  }, 120_000);
});

describe('code enforcement at the command line', () => {
  const t = deskUnderTest('enforcement-cli', { size: 200, seed: 4, role: 'inspector' });
  const json = <T>(args: string[]) => JSON.parse(workbenchOk(t.dir, [...args, '--json'])) as T;

  it('takes complaints, opens, lists with age and filters, assigns, cites and closes through the contract', () => {
    const first = json<{ complaintId: string; openCases: unknown[] }>([
      'cases',
      'complaint',
      '--address',
      '12  Elm St',
      '--channel',
      'walk_in',
      '--text',
      'Car repair in the driveway',
    ]);
    expect(first.openCases).toEqual([]);
    const opened = json<{ caseId: string }>(['cases', 'open', first.complaintId, '--officer', 'ychen']);
    const on = todayIn('America/Chicago');
    expect(workbenchOk(t.dir, ['cases', 'visit', opened.caseId, '--kind', 'zone', '--on', on])).toContain(
      `on ${on} scheduled for case ${shownIdOf(opened.caseId)}`,
    );
    expect(workbenchOk(t.dir, ['cases', 'show', opened.caseId])).toMatch(
      new RegExp(`visit P-\\w+ ${on} ZONE YCHEN: scheduled`),
    );
    const again = workbench(t.dir, ['cases', 'complaint', '--address', '12 elm st', '--text', 'Still at it']);
    expect(again.status, again.stderr).toBe(0);
    expect(again.stdout).toContain(`Open case at the same place: ${shownIdOf(opened.caseId)}`);

    const list = workbench(t.dir, ['cases', 'list', '--officer', 'YCHEN']);
    expect(list.stdout).toMatch(/^\d+ open case\(s\) on \d{4}-\d{2}-\d{2}/);
    expect(list.stdout).toContain(
      `  ${shownIdOf(opened.caseId).padEnd(10)}    0 d  open      YCHEN    12 Elm St`,
    );
    const all = json<{ cases: Array<{ case: { status: string }; daysOpen: number }> }>([
      'cases',
      'list',
      '--status',
      'all',
    ]);
    expect(new Set(all.cases.map((c) => c.case.status)).size).toBeGreaterThan(1);
    expect(all.cases.some((c) => c.daysOpen > 30)).toBe(true);

    // Assigning and citing are a supervisor's: refused for an inspector, in English and Spanish.
    const refused = workbench(t.dir, ['cases', 'cite', opened.caseId, '--fine', '25000']);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/approve citations and fines/);
    const es = workbench(t.dir, ['cases', 'cite', opened.caseId, '--fine', '25000'], undefined, {
      WB_LANG: 'es',
    });
    expect(es.stderr).toMatch(/aprobar citaciones y multas/);
    t.policyAs('supervisor');
    expect(workbenchOk(t.dir, ['cases', 'assign', opened.caseId, '--officer', 'jsmith'])).toContain(
      'assigned to JSMITH',
    );
    expect(workbenchOk(t.dir, ['cases', 'cite', opened.caseId, '--fine', '25000'])).toContain(
      'cited with a fine of $250.00',
    );
    const closed = workbench(t.dir, ['cases', 'close', opened.caseId]);
    expect(closed.status).toBe(1);
    expect(closed.stderr).toContain('is cited, no longer open');
    const shown = workbenchOk(t.dir, ['cases', 'show', opened.caseId]);
    expect(shown).toContain('fine $250.00, not paid');
    expect(shown).toContain('complaint ');
    t.policyAs('inspector');
  }, 120_000);
});
