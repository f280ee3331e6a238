// Discovery for IT on real parts, through the real CLI: `workbench discover` profiles Riverton
// (1990s) on SQLite and PostgreSQL and Lakeside's PermitFlow (2000s, SQL Server style) on
// PostgreSQL through the ODBC drivers; the report names every table and the formats found; the
// draft bridge loads; `workbench bridge check` reads every entity. PermitFlow's draft, with the
// edits its report points at made the way a person would make them, passes `bridge check`, and a
// desk connected to it syncs and finds licences. The report is looked at in Chromium.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadBridge } from '../../src-main/node/bridge/load-bridge.ts';
import { connectionFor, dropDatabase, uniqueDatabaseName } from './support/legacy-databases.ts';
import { PF_TABLE_NAMES } from '../../src-main/tooling/demo/permitflow/schema.ts';
import { TABLE_NAMES } from '../../src-main/tooling/demo/schema.ts';
import { newDeskDir, repoRoot, workbench, workbenchOk } from './support/workbench-cli.ts';

const SIZE = 600;
const RIVERTON_TABLES = TABLE_NAMES;
const PERMITFLOW_TABLES = PF_TABLE_NAMES;

interface Legacy {
  dir: string;
  connection: string;
  database?: string;
}
const riverton = {} as Record<'sqlite' | 'postgres', Legacy>;
let permitflow: Legacy;
const work = mkdtempSync(join(tmpdir(), 'wb-discovery-'));

function createDemo(label: string, system: 'riverton' | 'permitflow', engine: 'sqlite' | 'postgres'): Legacy {
  const dir = newDeskDir(label);
  const args = [
    'demo',
    'create',
    '--system',
    system,
    '--engine',
    engine,
    '--size',
    String(SIZE),
    '--seed',
    '7',
    '--json',
  ];
  let database: string | undefined;
  if (engine === 'postgres') {
    database = uniqueDatabaseName(label.replaceAll('-', '_'));
    args.push('--connection', connectionFor('postgres', database));
  }
  const created = JSON.parse(workbenchOk(dir, args)) as { connection: string };
  return { dir, connection: created.connection, ...(database ? { database } : {}) };
}

beforeAll(() => {
  riverton.sqlite = createDemo('disc-rv-sqlite', 'riverton', 'sqlite');
  riverton.postgres = createDemo('disc-rv-pg', 'riverton', 'postgres');
  permitflow = createDemo('disc-pf-pg', 'permitflow', 'postgres');
});

afterAll(async () => {
  for (const legacy of [riverton.sqlite, riverton.postgres, permitflow]) {
    if (!legacy) continue;
    if (legacy.database) await dropDatabase('postgres', legacy.database).catch(() => {});
    rmSync(legacy.dir, { recursive: true, force: true });
  }
  rmSync(work, { recursive: true, force: true });
});

interface DiscoverJson {
  bridgeFile: string;
  reportFile: string;
  dataFile: string;
  queryFiles: string[];
  tables: number;
  entities: Array<{ entity: string; table: string; mapped: number; fields: number }>;
  missing: string[];
  todos: Array<{ line: number; path: string; message: string; table: string | null; column: string | null }>;
  problems: unknown[];
}

interface CheckJson {
  ok: boolean;
  journal: {
    commands: string[];
    withoutAppliedCheck: string[];
    installed: boolean | null;
    warning: string | null;
  } | null;
  problems: Array<{ file: string; line: number; column: number; path: string; message: string }>;
  todos: Array<{ line: number; text: string }>;
  entities: Array<{
    entity: string;
    source: string;
    ok: boolean;
    rows: number;
    records: number;
    rejected: number;
    issues: Array<{
      field: string;
      count: number;
      examples: Array<{ value: string | null; problem: string }>;
    }>;
    error: string | null;
  }>;
}

function discover(legacy: Legacy, out: string, extra: string[] = []): DiscoverJson {
  return JSON.parse(
    workbenchOk(legacy.dir, [
      'discover',
      '--connection',
      legacy.connection,
      '--out',
      out,
      '--json',
      ...extra,
    ]),
  ) as DiscoverJson;
}

function check(dir: string, bridge: string, extra: string[] = []) {
  const r = workbench(dir, ['bridge', 'check', bridge, '--json', ...extra]);
  return { status: r.status, result: JSON.parse(r.stdout) as CheckJson, stderr: r.stderr };
}

/** The labels the report gives a column (its data-labels attribute). */
function labelsOf(html: string, table: string, column: string): string[] {
  const m = new RegExp(`<tr id="t-${table}-${column}"[^>]*data-labels="([^"]*)"`).exec(html);
  if (!m) throw new Error(`the report has no row for ${table}.${column}`);
  return m[1]!.replaceAll('&quot;', '"').replaceAll('&amp;', '&').split('|');
}

describe('discover on Riverton (1990s)', () => {
  const outs = {} as Record<'sqlite' | 'postgres', { out: string; result: DiscoverJson }>;

  beforeAll(() => {
    for (const engine of ['sqlite', 'postgres'] as const) {
      const out = join(work, `riverton-${engine}`);
      outs[engine] = { out, result: discover(riverton[engine], out, ['--time-zone', 'America/Chicago']) };
    }
  });

  it('reports every table and the formats the legacy system uses, on SQLite and PostgreSQL', () => {
    for (const engine of ['sqlite', 'postgres'] as const) {
      const { result } = outs[engine];
      expect(result.tables, engine).toBe(RIVERTON_TABLES.length);
      const html = readFileSync(result.reportFile, 'utf8');
      for (const table of RIVERTON_TABLES)
        expect(html, `${engine} ${table}`).toContain(`data-table="${table}"`);
      expect(labelsOf(html, 'LICMST', 'LICEXP')).toContain('date as CYYMMDD number');
      expect(labelsOf(html, 'LICMST', 'LICISS')).toContain('date as CYYMMDD number');
      expect(labelsOf(html, 'BUSMST', 'BUSOPN')).toEqual(
        expect.arrayContaining(['date as YYYYMMDD text', 'placeholder 19870101']),
      );
      expect(labelsOf(html, 'BUSMST', 'BUSOPN').some((l) => l.startsWith('not real dates: '))).toBe(true);
      expect(labelsOf(html, 'PAYHST', 'PAYAMT')).toContain('money');
      expect(labelsOf(html, 'PAYHST', 'PAYDTE')).toContain('date as YYYYMMDD text');
      expect(labelsOf(html, 'BUSMST', 'BUSUPD')).toContain('timestamp as YYYYMMDDHHMMSS text');
      expect(labelsOf(html, 'BUSMST', 'BUSNAM')).toEqual(
        expect.arrayContaining(['CHAR padding', 'upper case']),
      );
      expect(labelsOf(html, 'LICMST', 'LICSTS')).toEqual(
        expect.arrayContaining([
          'codes: A, E, C, S',
          'refers to RVSTAT.STCODE (500 of 500 sampled values found)',
        ]),
      );
      expect(labelsOf(html, 'LICMST', 'LICBUS').some((l) => l.startsWith('refers to BUSMST.BUSNO'))).toBe(
        true,
      );
      expect(labelsOf(html, 'PAYHST', 'PAYLIC').some((l) => l.startsWith('refers to LICMST.LICNO'))).toBe(
        true,
      );
      expect(labelsOf(html, 'BUSMST', 'BUSNO')).toContain('primary key');
    }
  });

  it('takes the right table for each entity and writes a draft the loader accepts', () => {
    for (const engine of ['sqlite', 'postgres'] as const) {
      const { result } = outs[engine];
      expect(Object.fromEntries(result.entities.map((e) => [e.entity, e.table])), engine).toEqual({
        licenceType: 'RVLTYP',
        feeSchedule: 'RVFEE',
        business: 'BUSMST',
        licence: 'LICMST',
        payment: 'PAYHST',
        inspection: 'INSPCT',
      });
      for (const e of result.entities) expect(e.mapped, `${engine} ${e.entity}`).toBe(e.fields);
      expect(result.problems).toEqual([]);
      const { definition } = loadBridge(result.bridgeFile);
      const columns = definition.entities;
      expect(columns.business?.columns.openedOn).toEqual({
        column: 'BUSOPN',
        transform: { date: { format: 'yyyymmdd', placeholders: ['19870101'] } },
      });
      expect(columns.licence?.columns.expiresOn).toEqual({
        column: 'LICEXP',
        type: 'decimal',
        transform: { date: 'cyymmdd' },
      });
      expect(columns.payment?.columns.amountCents).toEqual({
        column: 'PAYAMT',
        type: 'decimal',
        transform: 'cents',
      });
      expect(columns.licence?.columns.status).toEqual({
        column: 'LICSTS',
        transform: {
          map: { A: 'active', E: 'expired', C: 'closed', S: 'suspended', R: 'revoked', '*': 'unknown' },
        },
      });
      expect(columns.codeValue?.query_file).toBe('code-values.sql');
      // The two engines give the same draft (apart from its header).
      const body = (file: string) =>
        readFileSync(file, 'utf8')
          .split('\n')
          .slice(5)
          .join('\n')
          .replace(/riverton-\w+/g, '');
      expect(body(outs.postgres.result.bridgeFile)).toBe(body(outs.sqlite.result.bridgeFile));
    }
  });

  it('points each item of "What to check" at its TODO line in the draft', () => {
    const { result } = outs.postgres;
    const lines = readFileSync(result.bridgeFile, 'utf8').split('\n');
    const html = readFileSync(result.reportFile, 'utf8');
    expect(result.todos.length).toBeGreaterThan(0);
    for (const todo of result.todos) {
      expect(lines[todo.line - 1]).toMatch(/^\s*# TODO: /);
      expect(lines[todo.line - 1]).toContain(todo.message);
      expect(html).toContain(`bridge.yaml:${todo.line}</code>`);
    }
    // The code maps are TODOs: a person confirms what each code means.
    expect(result.todos.map((t) => t.path)).toEqual(
      expect.arrayContaining([
        'entities.licence.columns.status',
        'entities.payment.columns.method',
        'entities.inspection.columns.result',
      ]),
    );
  });

  it('passes bridge check as drafted, listing the TODOs left as reminders', () => {
    const { status, result } = check(riverton.postgres.dir, outs.postgres.result.bridgeFile, [
      '--connection',
      riverton.postgres.connection,
    ]);
    expect(status).toBe(0);
    expect(result.ok).toBe(true);
    expect(result.entities.map((e) => e.entity).sort()).toEqual(
      ['business', 'codeValue', 'feeSchedule', 'inspection', 'licence', 'licenceType', 'payment'].sort(),
    );
    for (const e of result.entities) {
      expect(e.rows, e.entity).toBeGreaterThan(0);
      expect(e.records, e.entity).toBe(e.rows);
    }
    // Impossible opening dates are data issues with examples, not failures.
    const opened = result.entities
      .find((e) => e.entity === 'business')!
      .issues.find((i) => i.field === 'openedOn');
    expect(opened?.examples[0]?.problem).toMatch(/not a real date/);
    expect(result.todos.length).toBe(outs.postgres.result.todos.length);
  });
});

describe('bridge check', () => {
  it('passes for bridges/riverton against a Riverton demo, with the desk’s own connection', () => {
    for (const engine of ['sqlite', 'postgres'] as const) {
      const { status, result, stderr } = check(riverton[engine].dir, 'riverton', ['--rows', '100']);
      expect(status, stderr).toBe(0);
      expect(result.problems).toEqual([]);
      expect(result.entities.length).toBeGreaterThanOrEqual(6);
      for (const e of result.entities) {
        expect(e.ok, `${engine} ${e.entity}`).toBe(true);
        expect(e.rows).toBeLessThanOrEqual(100);
      }
    }
  });

  it('warns when a bridge that writes has no operation journal, and says so no more once it is installed', () => {
    const dir = riverton.sqlite.dir;
    const before = check(dir, 'riverton', ['--rows', '5']);
    expect(before.status, before.stderr).toBe(0); // a warning, not a failure
    expect(before.result.journal).toMatchObject({ installed: false });
    expect(before.result.journal!.commands).toContain('recordPayment');
    expect(before.result.journal!.warning).toMatch(
      /no operation journal \(WB_JOURNAL\).*workbench bridge install-journal riverton/,
    );
    const plain = workbench(dir, ['bridge', 'check', 'riverton', '--rows', '5']);
    expect(plain.stdout).toMatch(/^Warning: The legacy database has no operation journal/m);

    expect(workbench(dir, ['bridge', 'install-journal', 'riverton']).stdout).toMatch(
      /Created the operation journal/,
    );
    const after = check(dir, 'riverton', ['--rows', '5']);
    expect(after.result.journal).toMatchObject({ installed: true, warning: null });
    expect(workbench(dir, ['bridge', 'check', 'riverton', '--rows', '5']).stdout).toMatch(
      /The operation journal WB_JOURNAL is installed: replay is exactly-once\./,
    );
  });

  it('fails a bridge with a wrong column name, naming the entity and the driver’s words', () => {
    const dir = join(work, 'broken');
    cpSync(join(repoRoot, 'bridges', 'riverton'), dir, { recursive: true });
    const file = join(dir, 'bridge.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('column: BUSNAM,', 'column: BUSNAME,'));
    const { status, result } = check(riverton.postgres.dir, file);
    expect(status).toBe(1);
    expect(result.ok).toBe(false);
    const business = result.entities.find((e) => e.entity === 'business')!;
    expect(business.ok).toBe(false);
    expect(business.error).toContain('business (BUSMST)');
    expect(business.error).toMatch(/column "BUSNAME" does not exist/);
    // The other entities still read.
    expect(result.entities.filter((e) => e.entity !== 'business').every((e) => e.ok)).toBe(true);
    // And in words, on the terminal.
    const plain = workbench(riverton.postgres.dir, ['bridge', 'check', file]);
    expect(plain.status).toBe(1);
    expect(plain.stdout).toMatch(/FAIL business \(BUSMST\)\n.*BUSNAME/);
  });

  it('fails a bridge file with mistakes, each at its file:line:column, before connecting', () => {
    const dir = join(work, 'misspelt');
    cpSync(join(repoRoot, 'bridges', 'riverton'), dir, { recursive: true });
    const file = join(dir, 'bridge.yaml');
    writeFileSync(
      file,
      readFileSync(file, 'utf8').replace('      status: { column: LICSTS', '      statsu: { column: LICSTS'),
    );
    const { status, result } = check(riverton.postgres.dir, file);
    expect(status).toBe(1);
    expect(result.entities).toEqual([]);
    expect(result.problems).toContainEqual(
      expect.objectContaining({
        path: 'entities.licence.columns.statsu',
        message: expect.stringContaining('did you mean "status"'),
      }),
    );
    const plain = workbench(riverton.postgres.dir, ['bridge', 'check', file]);
    expect(plain.stdout).toMatch(
      new RegExp(`${file.replaceAll('/', '\\/')}:\\d+:\\d+  entities\\.licence\\.columns\\.statsu`),
    );
  });
});

describe('discover on PermitFlow (2000s, SQL Server style) on PostgreSQL', () => {
  let out: string;
  let result: DiscoverJson;

  beforeAll(() => {
    out = join(work, 'permitflow');
    result = discover(permitflow, out);
  });

  it('reports every table, the identity keys, soft deletes, datetimes and the placeholder date', () => {
    expect(result.tables).toBe(PERMITFLOW_TABLES.length);
    const html = readFileSync(result.reportFile, 'utf8');
    for (const table of PERMITFLOW_TABLES) expect(html).toContain(`data-table="${table}"`);
    expect(labelsOf(html, 'Businesses', 'DateEstablished')).toEqual(
      expect.arrayContaining(['date kept in a datetime (always midnight)', 'placeholder 1900-01-01']),
    );
    expect(labelsOf(html, 'Businesses', 'IsDeleted')).toContain('yes/no flag (1/0)');
    expect(labelsOf(html, 'Payments', 'Amount')).toContain('money');
    expect(labelsOf(html, 'Permits', 'ModifiedOn')).toContain('timestamp');
    expect(labelsOf(html, 'Permits', 'PermitNumber')).toContain('key candidate (unique, never empty)');
    expect(
      labelsOf(html, 'Permits', 'StatusId').some((l) => l.startsWith('refers to PermitStatuses.StatusId')),
    ).toBe(true);
    expect(Object.fromEntries(result.entities.map((e) => [e.entity, e.table]))).toEqual({
      licenceType: 'PermitTypes',
      feeSchedule: 'FeeSchedules',
      business: 'Businesses',
      licence: 'Permits',
      payment: 'Payments',
      inspection: 'Inspections',
    });
    expect(result.queryFiles.sort()).toEqual(['code-values.sql', 'inspection.sql', 'payment.sql']);
    expect(result.problems).toEqual([]);
  });

  it('does not pass bridge check before the TODOs are decided, and says which codes are undecided', () => {
    const { status, result: checked } = check(permitflow.dir, result.bridgeFile);
    expect(status).toBe(1);
    const licence = checked.entities.find((e) => e.entity === 'licence')!;
    expect(licence.rejected).toBeGreaterThan(0);
    expect(licence.issues.find((i) => i.field === 'status')?.examples[0]?.value).toBe('TODO');
  });

  it('passes bridge check once the edits the report points at are made, and a desk syncs and searches with it', () => {
    let text = readFileSync(result.bridgeFile, 'utf8');
    const todoPaths = result.todos.map((t) => t.path).sort();
    // What the report asks a person to decide, and what Lakeside's IT answered:
    expect(todoPaths).toEqual(
      [
        'time_zone',
        'entities.licence.columns.status',
        'entities.payment.columns.method',
        'entities.inspection.columns.result',
      ].sort(),
    );
    const edit = (from: string | RegExp, to: string) => {
      const next = text.replace(from, to);
      expect(next, `edit ${String(from)}`).not.toBe(text);
      text = next;
    };
    // 1. time_zone: Lakeside is on Pacific time, not this machine's zone.
    edit(/time_zone: .*/, 'time_zone: America/Los_Angeles');
    // 2. licence status 5 (Pending) is an application, not yet a licence: the model has no such status.
    edit("'5': TODO", "'5': unknown");
    // 3. payments without a tender type were converted in 2003 and their method is not known.
    edit("'': TODO", "'': other");
    // 4. a cancelled inspection has no result.
    edit('cancelled: TODO', 'cancelled: unknown');
    // Each TODO answered is deleted.
    text = text.replace(/^[ \t]*# TODO: .*\n/gm, '');
    expect(text).not.toMatch(/^[ \t]*# TODO:/m);
    expect(text).not.toMatch(/: TODO\b/);
    writeFileSync(result.bridgeFile, text);

    const { status, result: checked, stderr } = check(permitflow.dir, result.bridgeFile, ['--rows', '1000']);
    expect(status, stderr + JSON.stringify(checked.entities, null, 1)).toBe(0);
    expect(checked.ok).toBe(true);
    expect(checked.todos).toEqual([]);
    for (const e of checked.entities) {
      expect(e.rejected, e.entity).toBe(0);
      expect(e.records, e.entity).toBeGreaterThan(0);
    }

    // A desk connected to the edited bridge syncs and finds licences by number and by name.
    const desk = newDeskDir('disc-pf-desk');
    try {
      workbenchOk(desk, ['connect', '--bridge', result.bridgeFile, '--connection', permitflow.connection]);
      const synced = JSON.parse(workbenchOk(desk, ['sync', '--json'])) as {
        entities: Array<{ entity: string; loaded: number; rejected: number }>;
      };
      const loaded = Object.fromEntries(synced.entities.map((e) => [e.entity, e.loaded]));
      expect(loaded.licence).toBeGreaterThan(SIZE * 0.8);
      expect(loaded.business).toBeGreaterThan(SIZE * 0.5);
      expect(loaded.payment).toBeGreaterThan(SIZE);
      for (const e of synced.entities) expect(e.rejected, e.entity).toBe(0);
      // The owner's name, split over two columns in PermitFlow, arrives whole.
      const cache = new Database(join(desk, 'cache.sqlite'), { readonly: true });
      const owners = cache
        .prepare('SELECT owner_name FROM business WHERE owner_name IS NOT NULL')
        .all() as Array<{
        owner_name: string;
      }>;
      cache.close();
      expect(owners.filter((o) => /^\S+ \S+/.test(o.owner_name)).length).toBeGreaterThan(owners.length / 2);
      const byNumber = JSON.parse(workbenchOk(desk, ['search', 'LK-', '--json', '--limit', '5'])) as Array<{
        licenceId: string;
        businessName: string;
      }>;
      expect(byNumber.length).toBeGreaterThan(0);
      expect(byNumber[0]!.licenceId).toMatch(/^LK-\d{4}-\d+$/);
      const word = byNumber[0]!.businessName.split(' ').find((w) => w.length >= 4)!;
      const byName = JSON.parse(workbenchOk(desk, ['search', word, '--json', '--limit', '500'])) as Array<{
        licenceId: string;
      }>;
      expect(byName.map((r) => r.licenceId)).toContain(byNumber[0]!.licenceId);
    } finally {
      rmSync(desk, { recursive: true, force: true });
    }
  });

  it('writes a report that renders offline in Chromium, with no request leaving the file', async () => {
    const browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
      ],
    });
    try {
      const page = await browser.newPage({ viewport: { width: 1360, height: 1000 } });
      const requests: string[] = [];
      page.on('request', (r) => requests.push(r.url()));
      await page.goto(`file://${result.reportFile}`);
      expect(requests.filter((u) => !u.startsWith('file://'))).toEqual([]);
      await expect(page.locator('h1').textContent()).resolves.toBe('Legacy database discovery');
      expect(await page.locator('ol.todos li').count()).toBe(result.todos.length);
      expect(await page.locator('section.table').count()).toBe(PERMITFLOW_TABLES.length);
      expect(await page.locator('svg.bar').count()).toBeGreaterThan(50);
      await page.screenshot({ path: join(repoRoot, 'test-results', 'discovery-report-permitflow.png') });
    } finally {
      await browser.close();
    }
  });
});
