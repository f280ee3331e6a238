// A bridge statement repeated for each element of a payload list (`for_each`), on real parts:
// applyOperation against a real SQLite database through the SQLite3 ODBC driver writes one plain
// statement and one run per element in ONE legacy transaction, and a run the legacy database
// refuses (too few rows changed, a CHECK constraint) leaves nothing written, naming the statement
// and the element's position. And `workbench bridge check` (the real command line) fails a bridge
// whose for_each is wrong, printing file:line and the field.
//
// No command of the product has a list yet (recordInspectionResult will, issue 13), so the apply
// tests give the loader a command shape of their own under renewLicence's name (an inspection's
// result with its checklist items) and call applyOperation, the worker's seam, with that bridge.
import { randomUUID } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import odbc from 'odbc';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type LegacyCommandCatalog, legacyCommandCatalog } from '../../src-main/common/legacy-commands.ts';
import { ApplyError, applyOperation } from '../../src-main/node/bridge/apply-command.ts';
import { dialectTable } from '../../src-main/node/bridge/dialects.ts';
import { journalSql } from '../../src-main/node/bridge/journal.ts';
import { parseBridge } from '../../src-main/node/bridge/load-bridge.ts';
import type { ApplyOperation } from '../../src-main/node/bridge/worker-protocol.ts';
import { newDeskDir, repoRoot, workbench } from './support/workbench-cli.ts';

const work = mkdtempSync(join(tmpdir(), 'wb-for-each-'));
const database = join(work, 'legacy.db');
const connection = `Driver=SQLite3;Database=${database}`;
const sqlite = dialectTable.sqlite;

const catalog: LegacyCommandCatalog = {
  fields: {
    ...legacyCommandCatalog.fields,
    renewLicence: ['operationId', 'actor', 'inspectionId', 'result'],
  },
  lists: { ...legacyCommandCatalog.lists, renewLicence: { items: ['item', 'outcome', 'note'] } },
};

// The checklist row is written only for an item the legacy item table knows: for any other the
// INSERT ... SELECT changes no row, and expect_rows refuses the run.
const bridge = parseBridge(
  `version: 1
name: for-each
title: for_each on SQLite
time_zone: America/Chicago
entities: {}
commands:
  renewLicence:
    entity: inspection
    statements:
      - sql: UPDATE {INSSCH} SET {RESULT} = ? WHERE {INSNO} = ?
        params: [{ field: result, map: { pass: P, fail: F } }, inspectionId]
        expect_rows: 1
      - sql: >-
          INSERT INTO {INSCHK} ({INSNO}, {SEQ}, {ITEM}, {OUTCOME}, {NOTE}, {KEYTXT})
          SELECT ?, ?, ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM {CHKITM} WHERE {CODE} = ?)
        for_each: items
        params:
          - inspectionId
          - items.#
          - items.item
          - items.outcome
          - items.note
          - { template: '\${inspectionId}-\${items.#:02}' }
          - items.item
        expect_rows: 1
`,
  join(work, 'bridge.yaml'),
  catalog,
);

let conn: odbc.Connection;

beforeAll(async () => {
  conn = await odbc.connect(connection);
  for (const sql of [
    'CREATE TABLE INSSCH (INSNO VARCHAR(12) PRIMARY KEY, RESULT CHAR(1))',
    'CREATE TABLE CHKITM (CODE VARCHAR(8) PRIMARY KEY)',
    `CREATE TABLE INSCHK (INSNO VARCHAR(12) NOT NULL, SEQ INTEGER NOT NULL, ITEM VARCHAR(8) NOT NULL,
       OUTCOME VARCHAR(4) NOT NULL CHECK (OUTCOME IN ('pass', 'fail', 'na')), NOTE VARCHAR(200),
       KEYTXT VARCHAR(20) NOT NULL, PRIMARY KEY (INSNO, SEQ))`,
    "INSERT INTO CHKITM (CODE) VALUES ('FIRE'), ('EXIT'), ('FOOD')",
    journalSql.create(sqlite),
  ])
    await conn.query(sql);
});

beforeEach(async () => {
  await conn.query('DELETE FROM INSCHK');
  await conn.query('DELETE FROM WB_JOURNAL');
  await conn.query('DELETE FROM INSSCH');
  await conn.query("INSERT INTO INSSCH (INSNO, RESULT) VALUES ('IN-7', NULL)");
});

afterAll(async () => {
  await conn?.close();
  rmSync(work, { recursive: true, force: true });
});

const items = [
  { item: 'FIRE', outcome: 'pass', note: null },
  { item: 'EXIT', outcome: 'fail', note: 'blocked by boxes' },
  { item: 'FOOD', outcome: 'na', note: null },
];

function operation(payload: Record<string, unknown>): ApplyOperation {
  return {
    operationId: randomUUID(),
    deskId: 'desk-for-each',
    actor: 'inspector1',
    command: 'renewLicence',
    payload: { v: 1, inspectionId: 'IN-7', result: 'fail', ...payload },
    base: [],
    inDoubt: false,
    claimed: [],
  };
}

async function apply(op: ApplyOperation) {
  const opened: odbc.Connection[] = [];
  try {
    return await applyOperation(conn, bridge, sqlite, op, {
      evidence: async () => {
        const other = await odbc.connect(connection);
        opened.push(other);
        return { connection: other, done: () => {} };
      },
    });
  } finally {
    for (const other of opened) await other.close();
  }
}

async function legacyRows() {
  const rows = async (sql: string) => [...((await conn.query(sql)) as unknown as Record<string, unknown>[])];
  return {
    inspection: await rows("SELECT RESULT FROM INSSCH WHERE INSNO = 'IN-7'"),
    checklist: await rows('SELECT SEQ, ITEM, OUTCOME, NOTE, KEYTXT FROM INSCHK ORDER BY SEQ'),
    journal: await rows('SELECT OPID FROM WB_JOURNAL'),
  };
}

describe('a statement repeated for each element, in one legacy transaction (SQLite over ODBC)', () => {
  it('writes the plain statement once and the repeated one per element, in order, then commits', async () => {
    const op = operation({ items });
    const outcome = await apply(op);
    expect(outcome.kind).toBe('applied');
    const now = await legacyRows();
    expect(now.inspection).toEqual([{ RESULT: 'F' }]);
    expect(now.checklist).toEqual([
      { SEQ: 1, ITEM: 'FIRE', OUTCOME: 'pass', NOTE: null, KEYTXT: 'IN-7-01' },
      { SEQ: 2, ITEM: 'EXIT', OUTCOME: 'fail', NOTE: 'blocked by boxes', KEYTXT: 'IN-7-02' },
      { SEQ: 3, ITEM: 'FOOD', OUTCOME: 'na', NOTE: null, KEYTXT: 'IN-7-03' },
    ]);
    expect(now.journal).toEqual([{ OPID: op.operationId }]);
  });

  it('runs it no times for an empty list', async () => {
    expect((await apply(operation({ items: [] }))).kind).toBe('applied');
    const now = await legacyRows();
    expect(now.inspection).toEqual([{ RESULT: 'F' }]);
    expect(now.checklist).toEqual([]);
  });

  it('writes nothing when the third run changes no row, naming the statement and the element', async () => {
    const outcome = await apply(operation({ items: [...items.slice(0, 2), { ...items[2]!, item: 'ROOF' }] }));
    expect(outcome).toMatchObject({ kind: 'conflict', conflict: 'refused' });
    expect(outcome.kind === 'conflict' && outcome.message).toBe(
      'Statement 2 of renewLicence, for items #3 of 3 changed 0 rows where 1 were expected, so nothing was written.',
    );
    expect(await legacyRows()).toEqual({ inspection: [{ RESULT: null }], checklist: [], journal: [] });
  });

  it('writes nothing when the legacy database refuses the third run (a CHECK constraint), naming it', async () => {
    const outcome = await apply(
      operation({ items: [...items.slice(0, 2), { ...items[2]!, outcome: 'maybe' }] }),
    );
    expect(outcome).toMatchObject({ kind: 'conflict', conflict: 'refused' });
    const message = outcome.kind === 'conflict' ? outcome.message : '';
    expect(message).toMatch(/^Statement 2 of renewLicence, for items #3 of 3: .*CHECK constraint failed/);
    expect(await legacyRows()).toEqual({ inspection: [{ RESULT: null }], checklist: [], journal: [] });
  });

  it('refuses an element without a field it binds before writing anything, naming its position', async () => {
    const error = await apply(operation({ items: [items[0], { item: 'EXIT', outcome: 'fail' }] })).catch(
      (err: unknown) => err,
    );
    expect(error).toBeInstanceOf(ApplyError);
    expect((error as ApplyError).committed).toBe('none');
    expect((error as ApplyError).message).toMatch(
      /\(Statement 2 of renewLicence, for items #2 of 2\): the command has no value for "items\.note"/,
    );
    expect(await legacyRows()).toEqual({ inspection: [{ RESULT: null }], checklist: [], journal: [] });
  });
});

describe('workbench bridge check with a wrong for_each', () => {
  it('prints each problem at file:line:column with its field, and exits non-zero before connecting', () => {
    const dir = join(work, 'riverton-copy');
    cpSync(join(repoRoot, 'bridges', 'riverton'), dir, { recursive: true });
    const file = join(dir, 'bridge.yaml');
    const original = readFileSync(file, 'utf8');
    const anchor = '          - licenceId\n        expect_rows: 1\n    # Without the journal: the renewal';
    expect(original).toContain(anchor);
    const text = original.replace(
      anchor,
      anchor.replace(
        '        expect_rows: 1\n',
        `        expect_rows: 1
      - sql: INSERT INTO {RENNOT} ({LICNO}, {SEQ}, {NOTE}) VALUES (?, ?, ?)
        for_each: notes
        params: [licenceId, notes.#, notes.text]
      - sql: UPDATE {LICMST} SET {LICUPD} = ? WHERE {LICNO} = ?
        params: [notes.text, licenceId]
`,
      ),
    );
    writeFileSync(file, text);
    const lineOf = (needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;
    const desk = newDeskDir('for-each-check');
    try {
      // A database that is not there: the file's problems are reported before any connection.
      const r = workbench(desk, [
        'bridge',
        'check',
        file,
        '--connection',
        `Driver=SQLite3;Database=${join(work, 'none.db')}`,
      ]);
      expect(r.status, r.stderr).toBe(1);
      expect(r.stdout).toContain('The bridge file has 2 problems:');
      expect(r.stdout).toContain(
        `${file}:${lineOf('for_each: notes')}:9  commands.renewLicence.statements.1.for_each: "notes" is not a list of renewLicence; renewLicence has no list fields`,
      );
      expect(r.stdout).toContain(
        `${file}:${lineOf('params: [notes.text, licenceId]')}:18  commands.renewLicence.statements.2.params.0: "notes.text": "notes" is not a list of renewLicence`,
      );
    } finally {
      rmSync(desk, { recursive: true, force: true });
    }
  });
});

describe("workbench bridge check on Riverton's recordInspectionResult with a wrong for_each", () => {
  it('names a misspelt element field and a missing list at file:line with the field', () => {
    const dir = join(work, 'riverton-inspections');
    cpSync(join(repoRoot, 'bridges', 'riverton'), dir, { recursive: true });
    const file = join(dir, 'bridge.yaml');
    const original = readFileSync(file, 'utf8');
    expect(original).toContain('{ field: items.itemCode, pad: 6 }');
    expect(original).toContain('      - for_each: violations\n');
    const text = original
      .replace('{ field: items.itemCode, pad: 6 }', '{ field: items.itemKode, pad: 6 }')
      .replace('      - for_each: violations\n', '      - for_each: violatons\n');
    writeFileSync(file, text);
    const lineOf = (needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;
    const desk = newDeskDir('for-each-inspections');
    try {
      const r = workbench(desk, [
        'bridge',
        'check',
        file,
        '--connection',
        `Driver=SQLite3;Database=${join(work, 'none.db')}`,
      ]);
      expect(r.status, r.stderr).toBe(1);
      // The misspelt field; the missing list, and each of its fields bound without it (5).
      expect(r.stdout).toContain('The bridge file has 7 problems:');
      expect(r.stdout).toContain(
        `${file}:${lineOf('items.itemKode')}:13  commands.recordInspectionResult.statements.4.params.2: "itemKode" is not a field of an element of items; it has: itemCode, outcome, note, #`,
      );
      expect(r.stdout).toContain(
        `${file}:${lineOf('for_each: violatons')}:9  commands.recordInspectionResult.statements.5.for_each: "violatons" is not a list of recordInspectionResult; its lists are: items, violations, posting`,
      );
    } finally {
      rmSync(desk, { recursive: true, force: true });
    }
  });
});
