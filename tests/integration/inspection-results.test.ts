// Recording inspection results on real parts, on SQLite, PostgreSQL and MariaDB: the demo city,
// the desk's first sync, results recorded through the contract while the legacy database is
// away, then one sync. The legacy database holds exactly the schedule row done, the checklist
// lines, the violations and the history row that were recorded, once, also when the answer of
// the push is lost and the entry is sent again; a visit cancelled in the legacy system meanwhile
// is a conflict shown side by side, not a silent overwrite.
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDesk } from '../../src-main/node/desk/open-desk.ts';
import { createHandlers } from '../../src-main/node/handlers/handlers.ts';
import { kindRules, loadInspectionRules } from '../../src-main/node/inspections/inspection-rules.ts';
import { callThrough, deskUnderTest, engines, me, writePolicy } from './support/desk-under-test.ts';
import { newDeskDir, workbench } from './support/workbench-cli.ts';

const rules = loadInspectionRules(join(import.meta.dirname, '../../bridges/riverton/inspections.yaml'));
type Row = Record<string, unknown>;
const text = (v: unknown) => String(v ?? '').trim();

describe.each(engines)('inspection results on %s', (engine) => {
  const t = deskUnderTest('inspection-results', {
    engine,
    size: 400,
    seed: 13,
    role: 'inspector',
    open: true,
  });

  /** Open visits of a licence, of a kind with at least three checklist items. */
  const openVisits = () =>
    t
      .cached<{ id: string; kind: string; licence_id: string; inspector: string }>(
        `SELECT id, kind, licence_id, inspector FROM scheduled_inspection
          WHERE status = 'scheduled' AND licence_id IS NOT NULL AND inspector IS NOT NULL ORDER BY CAST(id AS INTEGER)`,
      )
      .filter((v) => (kindRules(rules, v.kind)?.items.length ?? 0) >= 3);

  const legacyScheduleCount = async () => {
    const [row] = await t.legacy<Row>(`SELECT COUNT(*) AS n FROM {INSSCH}`);
    return Number(row!.n);
  };
  const legacyCounts = async (id: string) => {
    const n = Number(id);
    // (LINES is a reserved word in MariaDB: hence the _count names.)
    const [counts] = await t.legacy<Row>(
      `SELECT (SELECT COUNT(*) FROM {INSCHK} WHERE {CHKSCH} = ${n}) AS line_count,
              (SELECT COUNT(*) FROM {VIOLTN} WHERE {VIOSCH} = ${n}) AS violation_count,
              (SELECT COUNT(*) FROM {INSPCT} WHERE {INSNO} IN (SELECT {SCHINS} FROM {INSSCH} WHERE {SCHNO} = ${n})) AS posted_count`,
    );
    return {
      lines: Number(counts!.line_count),
      violations: Number(counts!.violation_count),
      posted: Number(counts!.posted_count),
    };
  };

  it('a failing result with three failures and two violations, recorded with the link cut, reaches the legacy database once', async () => {
    const visit = openVisits()[0]!;
    const items = kindRules(rules, visit.kind)!.items;
    const failed = items.slice(0, 3).map((i) => i.code);
    const answers = Object.fromEntries(
      items.map((i) => [
        i.code,
        failed.includes(i.code)
          ? { outcome: 'fail' as const, note: `seen ${i.code}` }
          : { outcome: 'pass' as const },
      ]),
    );
    const [section1, section2] = t.cached<{ section: string }>(
      'SELECT section FROM ordinance ORDER BY section LIMIT 2',
    );

    const back = t.legacyAway();
    t.reopen();
    const recorded = await t.call('inspections.record', {
      inspectionId: visit.id,
      answers,
      violations: [
        { ordinanceSection: section1!.section, description: 'Cold holding above 41°F' },
        { ordinanceSection: section2!.section, description: 'No hand soap at the sink' },
      ],
    });
    expect(recorded.result).toBe('fail');
    expect(recorded.working.at(-1)!.en).toMatch(/^Score \d+; grade F/);
    // The desk shows it at once: the visit done, its lines and violations, and the day still lists it.
    const shown = await t.call('inspections.show', { inspectionId: visit.id });
    expect(shown.visit.inspection).toMatchObject({
      status: 'done',
      result: 'fail',
      score: recorded.score,
      grade: recorded.grade,
    });
    expect(shown.checklist.filter((c) => c.recorded?.outcome === 'fail').map((c) => c.code)).toEqual(failed);
    expect(shown.violations.map((v) => [v.ordinanceSection, v.status])).toEqual([
      [section1!.section, 'open'],
      [section2!.section, 'open'],
    ]);
    // The failure schedules its re-inspection by the kind's rule, on the desk, in the same transaction.
    expect(recorded.reinspection).toMatchObject({ scheduledOn: recorded.reinspectionDue });
    const reinspectionId = recorded.reinspection!.inspectionId;
    expect(reinspectionId).toMatch(/^local:/);
    expect(
      t.cached<Row>(
        'SELECT licence_id, kind, status, inspector FROM scheduled_inspection WHERE id = ?',
        reinspectionId,
      ),
    ).toEqual([
      { licence_id: visit.licence_id, kind: visit.kind, status: 'scheduled', inspector: visit.inspector },
    ]);
    const away = await t.call('sync.now', {});
    expect(away.push.remaining).toBe(2);
    expect(away.message).toBeTruthy();
    expect(await legacyCounts(visit.id)).toEqual({ lines: 0, violations: 0, posted: 0 });

    back();
    t.reopen();
    expect((await t.call('sync.now', {})).push).toMatchObject({ applied: 2, conflicts: 0, remaining: 0 });
    // The re-inspection is a new open INSSCH row, numbered by the legacy side, and the desk adopted its number.
    const [adopted] = t.cached<{ legacy_id: string }>(
      'SELECT legacy_id FROM adopted_id WHERE local_id = ?',
      reinspectionId,
    );
    expect(Number(adopted!.legacy_id)).toBeGreaterThan(Number(visit.id));
    const [again] = await t.legacy<Row>(
      `SELECT {SCHLIC} AS licence, {SCHTYP} AS kind, {SCHDTE} AS day, {SCHBY} AS inspector, {SCHSTS} AS sts, {SCHINS} AS posted FROM {INSSCH} WHERE {SCHNO} = ${Number(adopted!.legacy_id)}`,
    );
    const due = recorded.reinspectionDue!;
    expect([
      text(again!.licence),
      text(again!.kind),
      Number(again!.day),
      text(again!.inspector),
      text(again!.sts),
      Number(again!.posted),
    ]).toEqual([
      visit.licence_id,
      visit.kind,
      Number(`${Number(due.slice(0, 4)) - 1900}${due.slice(5, 7)}${due.slice(8, 10)}`),
      visit.inspector,
      'S',
      0,
    ]);
    expect(
      t.cached<Row>(
        'SELECT status FROM scheduled_inspection WHERE id IN (?, ?)',
        reinspectionId,
        adopted!.legacy_id,
      ),
    ).toEqual([{ status: 'scheduled' }]);
    const [row] = await t.legacy<Row>(
      `SELECT {SCHSTS} AS sts, {SCHRES} AS res, {SCHSCR} AS score, {SCHGRD} AS grade, {SCHINS} AS posted FROM {INSSCH} WHERE {SCHNO} = ${Number(visit.id)}`,
    );
    expect([text(row!.sts), text(row!.res), Number(row!.score), text(row!.grade)]).toEqual([
      'D',
      'F',
      recorded.score,
      'F',
    ]);
    const lines = await t.legacy<Row>(
      `SELECT {CHKSEQ} AS seq, {CHKITM} AS item, {CHKOUT} AS outcome, {CHKNOT} AS note FROM {INSCHK} WHERE {CHKSCH} = ${Number(visit.id)} ORDER BY {CHKSEQ}`,
    );
    expect(lines.map((l) => [Number(l.seq), text(l.item), text(l.outcome)])).toEqual(
      items.map((i, n) => [n + 1, i.code, failed.includes(i.code) ? 'F' : 'P']),
    );
    expect(text(lines[0]!.note)).toBe(`seen ${failed[0]}`);
    const violations = await t.legacy<Row>(
      `SELECT {VIOSEQ} AS seq, {VIOSEC} AS section, {VIODSC} AS description, {VIOSTS} AS sts FROM {VIOLTN} WHERE {VIOSCH} = ${Number(visit.id)} ORDER BY {VIOSEQ}`,
    );
    expect(violations.map((v) => [Number(v.seq), text(v.section), text(v.description), text(v.sts)])).toEqual(
      [
        [1, section1!.section, 'Cold holding above 41°F', 'O'],
        [2, section2!.section, 'No hand soap at the sink', 'O'],
      ],
    );
    const [history] = await t.legacy<Row>(
      `SELECT {INSLIC} AS licence, {INSTYP} AS kind, {INSRES} AS res FROM {INSPCT} WHERE {INSNO} = ${Number(row!.posted)}`,
    );
    expect([text(history!.licence), text(history!.kind), text(history!.res)]).toEqual([
      visit.licence_id,
      visit.kind,
      'F',
    ]);

    // The answer of that push lost: the entry is settled by the journal or the applied_check, not sent again.
    t.loseAnswer(recorded.operationId);
    expect((await t.call('sync.now', {})).push).toMatchObject({
      applied: 0,
      alreadyApplied: 1,
      remaining: 0,
    });
    expect(await legacyCounts(visit.id)).toEqual({ lines: items.length, violations: 2, posted: 1 });
    // After the refresh the cache holds the legacy rows under the same ids.
    expect(
      t.cached<{ n: number }>(
        'SELECT count(*) AS n FROM checklist_result WHERE inspection_id = ?',
        visit.id,
      )[0]!.n,
    ).toBe(items.length);
  });

  it('a visit cancelled in the legacy system while the result waited is a conflict, and nothing is written', async () => {
    const visit = openVisits()[1]!;
    const items = kindRules(rules, visit.kind)!.items;
    const recorded = await t.call('inspections.record', {
      inspectionId: visit.id,
      answers: Object.fromEntries(items.map((i) => [i.code, { outcome: 'pass' as const }])),
    });
    expect(recorded.result).toBe('pass');
    await t.legacy(`UPDATE {INSSCH} SET {SCHSTS} = 'C' WHERE {SCHNO} = ${Number(visit.id)}`);
    expect((await t.call('sync.now', {})).push).toMatchObject({ applied: 0, conflicts: 1 });
    const conflict = (await t.call('conflicts.list', {})).conflicts.find(
      (c) => c.operationId === recorded.operationId,
    )!;
    expect(conflict).toMatchObject({ kind: 'changed', command: 'recordInspectionResult' });
    expect(conflict.fields.find((f) => f.field === 'status')).toMatchObject({
      seen: 'scheduled',
      changedElsewhere: true,
    });
    expect(await legacyCounts(visit.id)).toEqual({ lines: 0, violations: 0, posted: 0 });
    // A supervisor discards it with a reason: the desk shows the visit as the legacy system has it,
    // cancelled, without lines.
    t.policyAs('supervisor');
    await t.call('conflicts.resolve', {
      conflictId: conflict.id,
      resolution: 'discard',
      reason: 'visit was cancelled',
    });
    t.policyAs('inspector');
    const shown = await t.call('inspections.show', { inspectionId: visit.id });
    expect(shown.visit.inspection.status).toBe('cancelled');
    expect(shown.checklist.every((c) => c.recorded === null)).toBe(true);
  });

  it('two desks recording results on the same visit offline: the second is a conflict side by side, never an overwrite', async () => {
    const visit = openVisits()[3]!;
    const items = kindRules(rules, visit.kind)!.items;
    // A second desk of the same city: this desk's folder copied, under its own desk id.
    const otherDir = newDeskDir('inspection-second-desk');
    cpSync(t.dir, otherDir, { recursive: true });
    const settings = join(otherDir, 'desk.json');
    writeFileSync(
      settings,
      JSON.stringify({ ...JSON.parse(readFileSync(settings, 'utf8')), deskId: 'second-desk' }),
    );
    const other = openDesk({ dataDir: otherDir });
    try {
      const callOther = callThrough(() => createHandlers(other, undefined, () => me));
      const answers = (outcome: 'pass' | 'fail') =>
        Object.fromEntries(items.map((i) => [i.code, { outcome }]));
      const first = await t.call('inspections.record', { inspectionId: visit.id, answers: answers('pass') });
      const second = await callOther('inspections.record', {
        inspectionId: visit.id,
        answers: answers('fail'),
      });
      expect((await t.call('sync.now', {})).push).toMatchObject({ applied: 1, conflicts: 0 });
      // The second desk's failure queued a re-inspection of its own: it waits behind its result.
      expect(second.reinspection).not.toBeNull();
      const schedBefore = await legacyScheduleCount();
      expect((await callOther('sync.now', {})).push).toMatchObject({ applied: 0, conflicts: 1, held: 1 });
      expect(await legacyScheduleCount()).toBe(schedBefore);
      const conflict = (await callOther('conflicts.list', {})).conflicts.find(
        (c) => c.operationId === second.operationId,
      )!;
      expect(conflict).toMatchObject({ kind: 'changed', command: 'recordInspectionResult' });
      expect(conflict.fields.find((f) => f.field === 'status')).toMatchObject({
        seen: 'scheduled',
        mine: 'done',
        changedElsewhere: true,
      });
      expect(conflict.fields.find((f) => f.field === 'result')).toMatchObject({
        seen: null,
        mine: 'fail',
        changedElsewhere: true,
      });
      // The legacy database holds the first desk's result only.
      const [row] = await t.legacy<Row>(
        `SELECT {SCHRES} AS res FROM {INSSCH} WHERE {SCHNO} = ${Number(visit.id)}`,
      );
      expect(text(row!.res)).toBe(first.result === 'pass' ? 'P' : 'F');
      expect((await legacyCounts(visit.id)).lines).toBe(items.length);

      // Discarded (by a supervisor: an inspector does not resolve conflicts), the result takes its
      // re-inspection with it: withdrawn, audited, never sent.
      writePolicy(otherDir, 'supervisor');
      await callOther('conflicts.resolve', {
        conflictId: conflict.id,
        resolution: 'discard',
        reason: 'recorded on the other desk first',
      });
      const reinspectionId = second.reinspection!.operationId;
      const otherCached = <T>(sql: string, ...params: unknown[]) =>
        other.cache.prepare(sql).all(...params) as T[];
      expect(
        otherCached(
          'SELECT o.status, c.kind, c.status AS conflict, c.resolution FROM outbox o JOIN conflict c USING (operation_id) WHERE operation_id = ?',
          reinspectionId,
        ),
      ).toEqual([{ status: 'conflict', kind: 'gone', conflict: 'resolved', resolution: 'discard' }]);
      expect(
        otherCached('SELECT id FROM scheduled_inspection WHERE id = ?', second.reinspection!.inspectionId),
      ).toEqual([]);
      const withdrawn = otherCached<{ detail: string }>(
        `SELECT detail FROM audit_log WHERE action = 'conflict.discard' AND detail LIKE ?`,
        `%${reinspectionId}%`,
      );
      expect(JSON.parse(withdrawn[0]!.detail)).toMatchObject({
        command: 'scheduleInspection',
        withdrawnWith: conflict.id,
      });
      expect((await callOther('sync.now', {})).push).toMatchObject({
        applied: 0,
        conflicts: 0,
        held: 0,
        remaining: 0,
      });
      expect(await legacyScheduleCount()).toBe(schedBefore);
    } finally {
      other.close();
      rmSync(otherDir, { recursive: true, force: true });
    }
  });

  it('refuses a result on a visit that is done, an incomplete checklist and an unknown ordinance, recording nothing', async () => {
    const [visit] = openVisits().slice(2);
    const items = kindRules(rules, visit!.kind)!.items;
    const waiting = () =>
      t.cached<{ n: number }>(`SELECT count(*) AS n FROM outbox WHERE status = 'pending'`)[0]!.n;
    const before = waiting();
    await expect(
      t.call('inspections.record', {
        inspectionId: visit!.id,
        answers: { [items[0]!.code]: { outcome: 'pass' } },
      }),
    ).rejects.toMatchObject({
      code: 'invalid_input',
      message: expect.stringContaining('The checklist is not complete: answer'),
    });
    const all = Object.fromEntries(items.map((i) => [i.code, { outcome: 'pass' as const }]));
    await expect(
      t.call('inspections.record', {
        inspectionId: visit!.id,
        answers: all,
        violations: [{ ordinanceSection: 'NO-SUCH' }],
      }),
    ).rejects.toMatchObject({
      message: expect.stringContaining("NO-SUCH is not a section of the city's ordinance table"),
    });
    const done = t.cached<{ id: string }>(
      `SELECT id FROM scheduled_inspection WHERE status = 'done' LIMIT 1`,
    )[0]!;
    await expect(t.call('inspections.record', { inspectionId: done.id, answers: all })).rejects.toMatchObject(
      {
        message: expect.stringContaining('already has a result'),
      },
    );
    expect(waiting()).toBe(before);
    expect(
      t.cached<{ status: string }>('SELECT status FROM scheduled_inspection WHERE id = ?', visit!.id)[0]!
        .status,
    ).toBe('scheduled');
  });

  it('a visit a person schedules reaches INSSCH as an open row under its legacy number; a past day is refused', async () => {
    const visit = openVisits()[0]!;
    const today = new Date().toISOString().slice(0, 10);
    await expect(
      t.call('inspections.schedule', { licenceId: visit.licence_id, kind: visit.kind, on: '2001-01-02' }),
    ).rejects.toMatchObject({ message: expect.stringContaining('that day has passed') });
    const on = `${Number(today.slice(0, 4)) + 1}-03-02`;
    const scheduled = await t.call('inspections.schedule', {
      licenceId: visit.licence_id,
      kind: visit.kind,
      on,
      inspector: 'ZTEST',
    });
    expect(scheduled.inspectionId).toBe(`local:${scheduled.operationId}`);
    expect((await t.call('sync.now', {})).push).toMatchObject({ applied: 1, conflicts: 0, remaining: 0 });
    const [adopted] = t.cached<{ legacy_id: string }>(
      'SELECT legacy_id FROM adopted_id WHERE local_id = ?',
      scheduled.inspectionId,
    );
    const [row] = await t.legacy<Row>(
      `SELECT {SCHLIC} AS licence, {SCHBY} AS inspector, {SCHSTS} AS sts FROM {INSSCH} WHERE {SCHNO} = ${Number(adopted!.legacy_id)}`,
    );
    expect([text(row!.licence), text(row!.inspector), text(row!.sts)]).toEqual([
      visit.licence_id,
      'ZTEST',
      'S',
    ]);
    const audited = t.cached<{ action: string }>(
      `SELECT action FROM audit_log WHERE action = 'inspection.schedule' AND detail LIKE ?`,
      `%${scheduled.operationId}%`,
    );
    expect(audited).toHaveLength(1);
  });
});

describe('workbench inspections at the command line', () => {
  const t = deskUnderTest('inspection-cli', { size: 300, seed: 3, role: 'inspector' });

  it("lists an inspector's day in route order, records a result with its working, and refuses a second one", () => {
    const visit = t.cached<{ id: string; inspector: string; kind: string; scheduled_on: string }>(
      `SELECT id, inspector, kind, scheduled_on FROM scheduled_inspection
        WHERE status = 'scheduled' AND inspector IS NOT NULL AND kind = 'BLDG' ORDER BY scheduled_on LIMIT 1`,
    )[0]!;
    const day = workbench(t.dir, [
      'inspections',
      'day',
      '--inspector',
      visit.inspector.toLowerCase(),
      '--on',
      visit.scheduled_on,
    ]);
    expect(day.status, day.stderr).toBe(0);
    expect(day.stdout).toMatch(new RegExp(`^${visit.inspector}, ${visit.scheduled_on}: \\d+ visits?`));
    expect(day.stdout).toContain(`  ${visit.id.padEnd(8)} ward `);
    const codes = kindRules(rules, 'BLDG')!.items.map((i) => i.code);
    const [failed, ...passed] = codes;
    const recorded = workbench(t.dir, [
      'inspections',
      'record',
      visit.id,
      '--pass',
      passed.join(','),
      '--fail',
      `${failed}=not as on the plans`,
    ]);
    expect(recorded.status, recorded.stderr).toBe(0);
    expect(recorded.stdout).toMatch(
      new RegExp(`^Inspection ${visit.id}: (PASS|FAIL), score \\d+, grade [ABCF]`),
    );
    expect(recorded.stdout).toContain(`  ${failed} `);
    const again = workbench(t.dir, ['inspections', 'record', visit.id, '--pass', codes.join(',')]);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain(`Inspection ${visit.id} already has a result`);
    expect(
      t.cached<{ n: number }>(`SELECT count(*) AS n FROM outbox WHERE command = 'recordInspectionResult'`)[0]!
        .n,
    ).toBe(1);
  });
});
