// What Riverton's inspector tables (on PostgreSQL) must hold after a desk replayed inspection
// results: every recordInspectionResult in its outbox applied exactly once (its INSSCH row done with
// its result, score, grade and inspector, exactly its INSCHK lines and VIOLTN rows, one INSPCT
// history row pointed at by SCHINS) and every scheduleInspection (a failed result's re-inspection)
// exactly one new open INSSCH row, under the number the desk adopted, and no other new row.
// Read straight from the legacy tables through ODBC, compared with the desk's outbox
// (`workbench outbox --all --json`) and cache; returns the problems in words, as riverton-ledger.ts.
import { cacheRows, legacyQuery } from './riverton-ledger.ts';
import { runDeskJson } from './desk-commands.ts';

/** An outbox entry of the inspector's commands, as `workbench outbox --all --json` prints it. */
export interface InspectionOutboxJson {
  seq: number;
  operationId: string;
  command: string;
  payload: Record<string, unknown>;
  status: 'pending' | 'applied' | 'conflict';
  inDoubt: boolean;
  lastError: string | null;
  legacyResult: Record<string, unknown> | null;
}

interface ResultPayload {
  inspectionId: string;
  licenceId: string;
  kind: string;
  inspectedOn: string;
  inspector: string;
  result: 'pass' | 'fail';
  score: number;
  grade: string;
  items: Array<{ itemCode: string; outcome: 'pass' | 'fail' | 'na'; note: string }>;
  violations: Array<{
    ordinanceSection: string;
    severity: 'minor' | 'major' | 'critical';
    description: string;
    correctBy: string;
  }>;
}

interface SchedulePayload {
  licenceId: string | null;
  kind: string;
  scheduledOn: string;
  inspector: string | null;
}

/** The legacy numbers above which rows were made by the replay under test. */
export interface InspectionBaseline {
  maxSchNo: number;
  maxInsNo: number;
}

export interface InspectionLedger {
  problems: string[];
  results: number;
  reinspections: number;
  checklistLines: number;
  violations: number;
}

const text = (v: unknown) => String(v ?? '').trim();
const outcomeCode = { pass: 'P', fail: 'F', na: 'N' } as const;
const severityCode = { minor: '1', major: '2', critical: '3' } as const;
/** ISO to Riverton's CYYMMDD (SCHDTE, INSDTE). */
const cyymmdd = (iso: string) =>
  Number(`${Number(iso.slice(0, 4)) - 1900}${iso.slice(5, 7)}${iso.slice(8, 10)}`);

export async function inspectionBaseline(connection: string): Promise<InspectionBaseline> {
  const [row] = await legacyQuery(connection)<{ S: unknown; I: unknown }>(
    `SELECT (SELECT COALESCE(MAX({SCHNO}), 0) FROM {INSSCH}) AS {S}, (SELECT COALESCE(MAX({INSNO}), 0) FROM {INSPCT}) AS {I}`,
  );
  return { maxSchNo: Number(row!.S), maxInsNo: Number(row!.I) };
}

export async function inspectionOutbox(dir: string): Promise<InspectionOutboxJson[]> {
  return runDeskJson<InspectionOutboxJson[]>(dir, ['outbox', '--all']);
}

/** Groups rows by a key, keeping their order. */
function byKey<T>(rows: T[], key: (r: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const r of rows) out.set(key(r), [...(out.get(key(r)) ?? []), r]);
  return out;
}

export async function checkInspectionLedger(
  dir: string,
  connection: string,
  baseline: InspectionBaseline,
): Promise<InspectionLedger> {
  const q = legacyQuery(connection);
  const problems: string[] = [];
  const entries = await inspectionOutbox(dir);
  for (const e of entries)
    if (e.status !== 'applied' || e.inDoubt)
      problems.push(
        `${e.command} ${e.operationId} is ${e.status}${e.inDoubt ? ', in doubt' : ''} after the last sync (last error: ${e.lastError ?? 'none'})`,
      );
  const results = entries.filter((e) => e.command === 'recordInspectionResult');
  const schedules = entries.filter((e) => e.command === 'scheduleInspection');
  const other = entries.filter((e) => !results.includes(e) && !schedules.includes(e));
  if (other.length) problems.push(`the outbox holds ${other.length} entries the test did not make`);

  // Results: the schedule rows, their lines, violations and history rows.
  const ids = results.map((e) => Number((e.payload as unknown as ResultPayload).inspectionId));
  const list = ids.join(', ') || '0';
  const schedule = byKey(
    await q<Record<string, unknown>>(
      `SELECT {SCHNO} AS {NO}, {SCHSTS} AS {STS}, {SCHRES} AS {RES}, {SCHSCR} AS {SCR}, {SCHGRD} AS {GRD}, {SCHBY} AS {BY}, {SCHINS} AS {INS}
       FROM {INSSCH} WHERE {SCHNO} IN (${list})`,
    ),
    (r) => String(Number(r.NO)),
  );
  const lines = byKey(
    await q<Record<string, unknown>>(
      `SELECT {CHKSCH} AS {SCH}, {CHKSEQ} AS {SEQ}, {CHKITM} AS {ITM}, {CHKOUT} AS {OUT}, {CHKNOT} AS {NOTE}
       FROM {INSCHK} WHERE {CHKSCH} IN (${list}) ORDER BY {CHKSCH}, {CHKSEQ}`,
    ),
    (r) => String(Number(r.SCH)),
  );
  const violations = byKey(
    await q<Record<string, unknown>>(
      `SELECT {VIOSCH} AS {SCH}, {VIOSEQ} AS {SEQ}, {VIOSEC} AS {SEC}, {VIOSEV} AS {SEV}, {VIODSC} AS {DSC}, {VIODUE} AS {DUE}, {VIOSTS} AS {STS}
       FROM {VIOLTN} WHERE {VIOSCH} IN (${list}) ORDER BY {VIOSCH}, {VIOSEQ}`,
    ),
    (r) => String(Number(r.SCH)),
  );
  const history = byKey(
    await q<Record<string, unknown>>(
      `SELECT {INSNO} AS {NO}, {INSLIC} AS {LIC}, {INSDTE} AS {DTE}, {INSTYP} AS {TYP}, {INSRES} AS {RES}, {INSBY} AS {BY}, {INSNOT} AS {NOTE}
       FROM {INSPCT} WHERE {INSNO} > ${baseline.maxInsNo}`,
    ),
    (r) => String(Number(r.NO)),
  );
  const pointedAt = new Set<string>();
  let checklistLines = 0;
  let violationRows = 0;
  const seen = new Set<number>();
  for (const e of results) {
    const p = e.payload as unknown as ResultPayload;
    const id = String(Number(p.inspectionId));
    const what = `inspection ${id} (${e.operationId})`;
    if (seen.has(Number(id))) problems.push(`${what}: two results in the outbox for one visit`);
    seen.add(Number(id));
    const rows = schedule.get(id) ?? [];
    if (rows.length !== 1) {
      problems.push(`${what}: ${rows.length} INSSCH rows, expected 1`);
      continue;
    }
    const row = rows[0]!;
    const got = [text(row.STS), text(row.RES), Number(row.SCR), text(row.GRD), text(row.BY)];
    const want = ['D', outcomeCode[p.result], p.score, p.grade, p.inspector];
    if (JSON.stringify(got) !== JSON.stringify(want))
      problems.push(`${what}: INSSCH holds ${JSON.stringify(got)}, expected ${JSON.stringify(want)}`);

    const gotLines = (lines.get(id) ?? []).map((l) => [
      Number(l.SEQ),
      text(l.ITM),
      text(l.OUT),
      text(l.NOTE),
    ]);
    const wantLines = p.items.map((i, n) => [n + 1, i.itemCode, outcomeCode[i.outcome], i.note]);
    checklistLines += gotLines.length;
    if (JSON.stringify(gotLines) !== JSON.stringify(wantLines))
      problems.push(
        `${what}: INSCHK holds ${gotLines.length} lines ${JSON.stringify(gotLines)}, expected ${wantLines.length} ${JSON.stringify(wantLines)}`,
      );

    const gotViolations = (violations.get(id) ?? []).map((v) => [
      Number(v.SEQ),
      text(v.SEC),
      text(v.SEV),
      text(v.DSC),
      text(v.DUE),
      text(v.STS),
    ]);
    const wantViolations = p.violations.map((v, n) => [
      n + 1,
      v.ordinanceSection,
      severityCode[v.severity],
      v.description,
      v.correctBy.replaceAll('-', ''),
      'O',
    ]);
    violationRows += gotViolations.length;
    if (JSON.stringify(gotViolations) !== JSON.stringify(wantViolations))
      problems.push(
        `${what}: VIOLTN holds ${JSON.stringify(gotViolations)}, expected ${JSON.stringify(wantViolations)}`,
      );

    const posted = String(Number(row.INS));
    const [h, ...more] = history.get(posted) ?? [];
    if (!h || more.length) {
      problems.push(
        `${what}: SCHINS ${posted} points at ${h ? 1 + more.length : 0} new INSPCT rows, expected 1`,
      );
      continue;
    }
    pointedAt.add(posted);
    const gotHistory = [text(h.LIC), Number(h.DTE), text(h.TYP), text(h.RES), text(h.BY), text(h.NOTE)];
    const wantHistory = [
      p.licenceId,
      cyymmdd(p.inspectedOn),
      p.kind,
      outcomeCode[p.result],
      p.inspector,
      `Score ${p.score}, grade ${p.grade}`,
    ];
    if (JSON.stringify(gotHistory) !== JSON.stringify(wantHistory))
      problems.push(
        `${what}: INSPCT ${posted} holds ${JSON.stringify(gotHistory)}, expected ${JSON.stringify(wantHistory)}`,
      );
  }
  for (const no of history.keys())
    if (!pointedAt.has(no))
      problems.push(`INSPCT row ${no} was made during the replay but no result points at it`);

  // Re-inspections: one new open INSSCH row each, under the number the desk adopted; no other new row.
  const fresh = byKey(
    await q<Record<string, unknown>>(
      `SELECT {SCHNO} AS {NO}, {SCHLIC} AS {LIC}, {SCHTYP} AS {TYP}, {SCHDTE} AS {DTE}, {SCHBY} AS {BY}, {SCHSTS} AS {STS}, {SCHINS} AS {INS}
       FROM {INSSCH} WHERE {SCHNO} > ${baseline.maxSchNo}`,
    ),
    (r) => String(Number(r.NO)),
  );
  const claimed = new Map<string, string>();
  for (const e of schedules) {
    const p = e.payload as unknown as SchedulePayload;
    const localId = `local:${e.operationId}`;
    const adopted = cacheRows<{ legacy_id: string }>(
      dir,
      'SELECT legacy_id FROM adopted_id WHERE local_id = ?',
      localId,
    )[0]?.legacy_id;
    const no = String(Number(adopted ?? e.legacyResult?.inspectionNo));
    const what = `re-inspection ${e.operationId}`;
    if (!adopted) problems.push(`${what}: the desk adopted no legacy number`);
    if (claimed.has(no)) problems.push(`${what}: INSSCH ${no} is also claimed by ${claimed.get(no)}`);
    claimed.set(no, e.operationId);
    const [row] = fresh.get(no) ?? [];
    if (!row) {
      problems.push(`${what}: no new INSSCH row ${no} (adopted ${String(adopted)})`);
      continue;
    }
    const got = [text(row.LIC), text(row.TYP), Number(row.DTE), text(row.BY), text(row.STS), Number(row.INS)];
    const want = [p.licenceId ?? '', p.kind, cyymmdd(p.scheduledOn), p.inspector ?? '', 'S', 0];
    if (JSON.stringify(got) !== JSON.stringify(want))
      problems.push(`${what}: INSSCH ${no} holds ${JSON.stringify(got)}, expected ${JSON.stringify(want)}`);
  }
  for (const no of fresh.keys())
    if (!claimed.has(no))
      problems.push(`INSSCH row ${no} was made during the replay but no re-inspection claims it`);

  // The desk's cache: no provisional visit left, each result's visit done, no open conflict.
  const local = cacheRows<{ id: string }>(dir, `SELECT id FROM scheduled_inspection WHERE id LIKE 'local:%'`);
  if (local.length) problems.push(`the cache still holds ${local.length} provisional visit(s)`);
  const notDone = cacheRows<{ id: string }>(
    dir,
    `SELECT id FROM scheduled_inspection WHERE status <> 'done' AND id IN (${ids.map((i) => `'${i}'`).join(', ') || "''"})`,
  );
  if (notDone.length) problems.push(`the cache shows ${notDone.length} recorded visit(s) not done`);
  const open = cacheRows<{ n: number }>(dir, `SELECT count(*) AS n FROM conflict WHERE status = 'open'`)[0]!
    .n;
  if (open) problems.push(`${open} open conflict(s)`);
  return {
    problems,
    results: results.length,
    reinspections: schedules.length,
    checklistLines,
    violations: violationRows,
  };
}
