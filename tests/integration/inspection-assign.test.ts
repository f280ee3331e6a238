// The supervisor spreads the day's visits by workload (issue 13 point 5), through assignInspection,
// a command added on the definitions (docs/architecture.md, "Adding a command"). On each engine:
// the workload of the day from the cache; an open visit reassigned with the link cut shows under
// its new inspector at once and reaches INSSCH once when the link is back; reassigned over a visit
// done elsewhere it is a conflict, discarded the visit shows the legacy values; an inspector may
// not assign, and a visit done, the same inspector or a bad id are refused with nothing queued.
import { describe, expect, it } from 'vitest';
import { createDispatcher } from '../../src-main/common/dispatch.ts';
import { deskUnderTest, engines } from './support/desk-under-test.ts';
import { workbench, workbenchOk } from './support/workbench-cli.ts';

type Row = Record<string, unknown>;
const text = (v: unknown) => String(v ?? '').trim();

describe.each(engines)('assigning inspection visits on %s', (engine) => {
  const t = deskUnderTest('inspection-assign', {
    engine,
    size: 300,
    seed: 31,
    role: 'supervisor',
    open: true,
  });
  const openVisits = () =>
    t.cached<{ id: string; inspector: string; scheduled_on: string }>(
      `SELECT id, inspector, scheduled_on FROM scheduled_inspection
        WHERE status = 'scheduled' AND inspector IS NOT NULL AND id NOT LIKE 'local:%' ORDER BY CAST(id AS INTEGER)`,
    );
  const legacyInspector = async (id: string) => {
    const [row] = await t.legacy<Row>(`SELECT {SCHBY} AS who FROM {INSSCH} WHERE {SCHNO} = ${Number(id)}`);
    return text(row!.who);
  };
  const outboxCount = () => t.cached<{ n: number }>('SELECT count(*) AS n FROM outbox')[0]!.n;
  /** Another inspector than `who`, from the ones the city's schedule names. */
  const otherInspector = (who: string) =>
    t
      .cached<{ inspector: string }>(
        `SELECT DISTINCT inspector FROM scheduled_inspection WHERE inspector IS NOT NULL ORDER BY inspector`,
      )
      .map((r) => r.inspector)
      .find((i) => i !== who)!;

  it('reassigned with the link cut, the visit shows under its new inspector at once and reaches INSSCH once', async () => {
    const visit = openVisits()[0]!;
    const to = otherInspector(visit.inspector);
    const before = await t.call('inspections.workload', { on: visit.scheduled_on });
    const load = (w: typeof before, who: string) => w.inspectors.find((l) => l.inspector === who);
    expect(load(before, visit.inspector)!.open).toBeGreaterThan(0);

    const restore = t.legacyAway();
    t.reopen();
    let operationId = '';
    try {
      const done = await t.call('inspections.assign', {
        inspectionId: visit.id,
        toInspector: to.toLowerCase(),
      });
      operationId = done.operationId;
      expect(done).toMatchObject({ inspectionId: visit.id, fromInspector: visit.inspector, toInspector: to });
      const day = await t.call('inspections.day', { inspector: to, on: visit.scheduled_on });
      expect(day.visits.map((v) => v.inspection.id)).toContain(visit.id);
      const after = await t.call('inspections.workload', { on: visit.scheduled_on });
      expect(load(after, visit.inspector)?.open ?? 0).toBe(load(before, visit.inspector)!.open - 1);
      expect((await t.call('sync.now', {})).push).toMatchObject({ applied: 0, remaining: 1 });
    } finally {
      restore();
      t.reopen();
    }
    expect(await legacyInspector(visit.id)).toBe(visit.inspector);
    expect((await t.call('sync.now', {})).push).toMatchObject({ applied: 1, conflicts: 0, remaining: 0 });
    expect(await legacyInspector(visit.id)).toBe(to);
    expect((await t.call('sync.now', {})).push).toMatchObject({ applied: 0, remaining: 0 });
    const audits = t.cached<{ action: string; detail: string }>(
      `SELECT action, detail FROM audit_log WHERE action IN ('inspection.assign', 'replay.applied') AND detail LIKE ?`,
      `%${operationId}%`,
    );
    expect(audits.map((a) => a.action)).toEqual(['inspection.assign', 'replay.applied']);
    expect(JSON.parse(audits[0]!.detail)).toMatchObject({ from: visit.inspector, to });
  }, 120_000);

  it('over a visit done elsewhere it is a conflict; discarded, the visit shows the legacy values', async () => {
    const visit = openVisits()[1]!;
    const to = otherInspector(visit.inspector);
    const done = await t.call('inspections.assign', { inspectionId: visit.id, toInspector: to });
    await t.legacy(`UPDATE {INSSCH} SET {SCHSTS} = 'D', {SCHRES} = 'P' WHERE {SCHNO} = ${Number(visit.id)}`);
    expect((await t.call('sync.now', {})).push).toMatchObject({ applied: 0, conflicts: 1 });
    const conflict = (await t.call('conflicts.list', {})).conflicts.find(
      (c) => c.operationId === done.operationId,
    )!;
    expect(conflict).toMatchObject({ kind: 'changed', command: 'assignInspection' });
    expect(conflict.explanation).toMatch(new RegExp(`^Visit ${visit.id} was changed in the legacy database`));
    expect(conflict.fields.find((f) => f.field === 'status')).toMatchObject({
      seen: 'scheduled',
      changedElsewhere: true,
    });
    expect(Object.keys(conflict.editable)).toEqual(['toInspector']);
    await t.call('conflicts.resolve', {
      conflictId: conflict.id,
      resolution: 'discard',
      reason: 'visit was done',
    });
    expect(t.cached('SELECT status, inspector FROM scheduled_inspection WHERE id = ?', visit.id)).toEqual([
      { status: 'done', inspector: visit.inspector },
    ]);
    expect(await legacyInspector(visit.id)).toBe(visit.inspector);
  }, 120_000);

  it('refuses an inspector, a visit done, the same inspector and a bad id, with nothing queued', async () => {
    const visit = openVisits()[2]!;
    const before = outboxCount();
    await expect(
      t.call('inspections.assign', { inspectionId: visit.id, toInspector: visit.inspector }),
    ).rejects.toMatchObject({
      message: `Visit ${visit.id} is already assigned to ${visit.inspector}. Nothing was recorded.`,
    });
    const refused = await createDispatcher(t.handlers, () => {})('inspections.assign', {
      inspectionId: visit.id,
      toInspector: 'not an id',
    });
    expect(refused).toMatchObject({
      ok: false,
      error: {
        code: 'invalid_input',
        fields: { toInspector: 'An inspector is a user id of 1 to 8 letters and digits.' },
      },
    });
    const doneVisit = t.cached<{ id: string }>(
      `SELECT id FROM scheduled_inspection WHERE status = 'done' LIMIT 1`,
    )[0]!;
    await expect(
      t.call('inspections.assign', { inspectionId: doneVisit.id, toInspector: 'RJOHNSON' }),
    ).rejects.toMatchObject({ message: expect.stringContaining('only an open visit can be assigned') });
    t.policyAs('inspector');
    try {
      await expect(
        t.call('inspections.assign', {
          inspectionId: visit.id,
          toInspector: otherInspector(visit.inspector),
        }),
      ).rejects.toMatchObject({
        code: 'forbidden',
        message: expect.stringContaining('assign inspection visits to inspectors'),
      });
      const es = workbench(
        t.dir,
        ['inspections', 'assign', visit.id, '--to', otherInspector(visit.inspector)],
        undefined,
        {
          WB_LANG: 'es',
        },
      );
      expect(es.status).toBe(1);
      expect(es.stderr).toContain('asignar visitas de inspección a inspectores');
    } finally {
      t.policyAs('supervisor');
    }
    expect(outboxCount()).toBe(before);
    // The command line: the workload, then an assignment through the same operation.
    expect(workbenchOk(t.dir, ['inspections', 'workload', '--on', visit.scheduled_on])).toContain(
      visit.inspector,
    );
    const to = otherInspector(visit.inspector);
    expect(workbenchOk(t.dir, ['inspections', 'assign', visit.id, '--to', to])).toContain(
      `Visit ${visit.id}: ${visit.inspector} -> ${to}`,
    );
    expect(outboxCount()).toBe(before + 1);
  }, 120_000);
});
