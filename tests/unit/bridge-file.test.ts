import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type LegacyCommandCatalog, legacyCommandCatalog } from '../../src-main/common/legacy-commands.ts';
import { BridgeFileError, loadBridge, parseBridge } from '../../src-main/node/bridge/load-bridge.ts';
import { refusedProblems } from './support/file-problems.ts';

const riverton = join(import.meta.dirname, '../../bridges/riverton/bridge.yaml');
// Beside the real bridge, so its query files resolve; never written.
const testFile = join(import.meta.dirname, '../../bridges/riverton/edited-bridge.yaml');

const problemsOf = (text: string) =>
  refusedProblems(
    () => parseBridge(text, testFile),
    BridgeFileError,
    'expected the bridge file to be refused',
  );

describe('bridge files', () => {
  it('accepts the Riverton bridge and maps every canonical entity', () => {
    const { definition } = loadBridge(riverton);
    expect(definition.name).toBe('riverton');
    expect(Object.keys(definition.entities).sort()).toEqual(
      [
        'business',
        'codeValue',
        'feeSchedule',
        'inspection',
        'licence',
        'licenceType',
        'payment',
        'hold',
        'balance',
        'scheduledInspection',
        'checklistResult',
        'violation',
        'ordinance',
        'complaint',
        'enforcementCase',
      ].sort(),
    );
  });

  it('reports three mistakes as three errors, each with file, line and field', () => {
    const text = readFileSync(riverton, 'utf8')
      .replace('time_zone: America/Chicago', 'time_zone: America/Riverton') // 1: unknown zone
      .replace('status: { column: LICSTS, transform: { map:', 'statsu: { column: LICSTS, transform: { map:') // 2: field name
      .replace(
        'paidOn: { column: PAYDTE, transform: { date: yyyymmdd } }',
        'paidOn: { column: PAYDTE, transform: { date: ddmmyyyy } }',
      ); // 3
    const problems = problemsOf(text);
    const lines = text.split('\n');
    const lineOf = (needle: string) => lines.findIndex((l) => l.includes(needle)) + 1;
    expect(problems).toHaveLength(3);
    expect(problems.map((p) => p.file)).toEqual(Array(3).fill(testFile));
    expect(problems[0]).toMatchObject({ path: 'time_zone', line: lineOf('time_zone:') });
    expect(problems[0]!.message).toMatch(/not a known time zone/);
    expect(problems[1]).toMatchObject({ path: 'entities.licence.columns.statsu', line: lineOf('statsu:') });
    expect(problems[1]!.message).toMatch(/not a field of licence; did you mean "status"/);
    expect(problems[2]).toMatchObject({ line: lineOf('paidOn:') });
    expect(problems[2]!.path).toMatch(/^entities\.payment\.columns\.paidOn/);
  });

  it('names an unknown setting and a field left unmapped', () => {
    const problems = problemsOf(`version: 1
name: tiny
title: Tiny
time_zone: UTC
colour: blue
entities:
  licenceType:
    table: LT
    key: [CODE]
    columns:
      code: CODE
      name: NAME
`);
    expect(problems.map((p) => [p.line, p.path])).toEqual([
      [5, 'colour'],
      [10, 'entities.licenceType.columns'],
    ]);
    expect(problems[1]!.message).toMatch(/"termMonths" is not mapped/);
  });

  it('reports YAML syntax errors with their position', () => {
    const problems = problemsOf('version: 1\nname: [unclosed\n');
    expect(problems[0]!.path).toBe('(yaml)');
    expect(problems[0]!.line).toBeGreaterThanOrEqual(2);
  });

  it('prints every problem in one plain message', () => {
    try {
      parseBridge('version: 2\nname: Bad Name\n', 'b.yaml');
    } catch (err) {
      expect((err as Error).message).toMatch(/^The bridge file has \d+ problems:/);
      expect((err as Error).message).toContain('b.yaml:1:1  version');
      expect((err as Error).message).toContain('b.yaml:2:1  name: must be lower-case');
      return;
    }
    throw new Error('expected a BridgeFileError');
  });
});

describe('the shipped JSON Schema', () => {
  it('is the one generated from the bridge format (run bridge-json-schema.ts --write after a change)', async () => {
    const { bridgeJsonSchema } = await import('../../src-main/node/bridge/bridge-json-schema.ts');
    const shipped = readFileSync(join(import.meta.dirname, '../../bridges/bridge.schema.json'), 'utf8');
    expect(shipped).toBe(bridgeJsonSchema());
  });
});

describe('fields made from other fields', () => {
  it('builds a code value id from its table and code, and refuses a template naming an unknown field', () => {
    const text = readFileSync(riverton, 'utf8').replace(
      "id: { template: '${codeTable}:${code}' }",
      "id: { template: '${codeTable}:${kode}' }",
    );
    const problems = problemsOf(text);
    expect(problems.map((p) => p.path)).toEqual(['entities.codeValue.columns.id.template']);
    expect(problems[0]!.message).toMatch(/"\$\{kode\}" must name a field of codeValue/);
  });
});

describe('write statements and query files', () => {
  it('loads the Riverton commands and its connection template', () => {
    const { definition } = loadBridge(riverton);
    expect(definition.commands?.renewLicence?.statements).toHaveLength(1);
    expect(definition.commands?.recordPayment?.statements[0]).toMatchObject({ into: 'paymentNo' });
    expect(definition.connection?.template).toContain('${server}');
  });

  it('names a parameter that is not a field of the command, and a marker count that does not match', () => {
    const text = readFileSync(riverton, 'utf8')
      .replace('- { field: renewedAt, as: timestamp14 }', '- { field: renewdAt, as: timestamp14 }')
      .replace('VALUES (?, ?, ?, ?, ?, ?)', 'VALUES (?, ?, ?, ?, ?)');
    const problems = problemsOf(text);
    expect(problems.map((p) => p.path)).toEqual([
      'commands.renewLicence.statements.0.params.2',
      'commands.recordPayment.statements.1',
    ]);
    expect(problems[0]!.message).toMatch(/"renewdAt" is not a field of renewLicence/);
    expect(problems[1]!.message).toMatch(/has 5 "\?" markers but 6 params/);
    expect(problems[0]!.line).toBe(text.split('\n').findIndex((l) => l.includes('renewdAt')) + 1);
  });

  it('reads an entity from a query file beside the bridge, and says when it is missing', () => {
    const dir = mkdtempSync(join(tmpdir(), 'wb-bridge-'));
    const text = readFileSync(riverton, 'utf8').replace('    table: RVLTYP\n', '    query_file: types.sql\n');
    writeFileSync(join(dir, 'bridge.yaml'), text);
    writeFileSync(join(dir, 'code-values.sql'), readFileSync(join(dirname(riverton), 'code-values.sql')));
    expect(() => loadBridge(join(dir, 'bridge.yaml'))).toThrow(
      /entities\.licenceType\.query_file: cannot be read: ENOENT/,
    );
    writeFileSync(join(dir, 'types.sql'), "SELECT * FROM RVLTYP WHERE LTCODE <> 'XXXX';\n");
    const { definition } = loadBridge(join(dir, 'bridge.yaml'));
    expect(definition.entities.licenceType).toMatchObject({
      query: "SELECT * FROM RVLTYP WHERE LTCODE <> 'XXXX'",
    });
    rmSync(dir, { recursive: true, force: true });
  });
});

describe('how replay recognises an applied command', () => {
  it('loads the applied checks and the payment number as the result key', () => {
    const { definition } = loadBridge(riverton);
    expect(definition.commands?.recordPayment).toMatchObject({
      result_key: 'paymentNo',
      applied_check: { into: 'paymentNo' },
    });
    expect(definition.commands?.renewLicence?.applied_check?.params).toHaveLength(3);
  });

  it('names an applied_check parameter that is not a field, a marker count that does not match, and an unknown result key', () => {
    const text = readFileSync(riverton, 'utf8')
      .replace(
        '        - { field: renewedAt, as: timestamp14 }\n\n',
        '        - { field: renewdAt, as: timestamp14 }\n\n',
      )
      .replace('AND {PAYMTH} = ? ORDER BY {PAYNO}', 'AND {PAYMTH} = ? AND 1 = ? ORDER BY {PAYNO}')
      .replace('result_key: paymentNo', 'result_key: paymentNumber');
    const problems = problemsOf(text);
    expect(problems.map((p) => p.path)).toEqual([
      'commands.renewLicence.applied_check.params.2',
      'commands.recordPayment.result_key',
      'commands.recordPayment.applied_check',
    ]);
    expect(problems[0]!.message).toMatch(/"renewdAt" is not a field of renewLicence/);
    expect(problems[1]!.message).toMatch(/"paymentNumber" is not a value any statement keeps/);
    expect(problems[2]!.message).toMatch(/has 5 "\?" markers but 4 params/);
  });
});

describe('query files and filters written once for every engine', () => {
  it('strips SQL comments outside quoted text (SQLite refuses a ";" even in a comment)', async () => {
    const { stripSqlComments } = await import('../../src-main/node/bridge/load-bridge.ts');
    expect(
      stripSqlComments("SELECT 'a--b', x -- why; it matters\nFROM t /* old; */ WHERE y = 'O''Brien'"),
    ).toBe("SELECT 'a--b', x \nFROM t   WHERE y = 'O''Brien'");
  });

  it('quotes {NAME} in a where filter, and lets _scratch fields feed templates without reaching the record', async () => {
    const { buildReadPlan } = await import('../../src-main/node/bridge/read-plan.ts');
    const { dialectTable } = await import('../../src-main/node/bridge/dialects.ts');
    const text = readFileSync(riverton, 'utf8').replace(
      'ownerName: { column: BUSOWN, transform: [collapse_spaces, title_case] }',
      "ownerName: { template: '${_first} ${_last}' }\n      _first: { column: BUSOWN, transform: trim }\n      _last: { value: 'Jr' }",
    );
    const bridge = parseBridge(text, testFile);
    const mapping = { ...bridge.entities.business!, where: '{BUSST} = ?' };
    const plan = buildReadPlan(bridge, 'business', mapping, dialectTable.mariadb);
    expect(plan.sql).toMatch(/ WHERE `BUSST` = \?$/);
    const aliasOf = (column: string) => plan.sql.match(new RegExp(`\`${column}\` AS \`(c\\d+)\``))![1]!;
    const row = { [aliasOf('BUSNO')]: 7, [aliasOf('BUSNAM')]: 'ACME', [aliasOf('BUSOWN')]: ' Ann Lee ' };
    const record = plan.toRecord(row, []);
    expect(record).toMatchObject({ id: '7', name: 'Acme', ownerName: 'Ann Lee Jr' });
    expect(Object.keys(record!).some((k) => k.startsWith('_'))).toBe(false);
  });
});

describe('statements repeated for each element of a payload list (for_each)', () => {
  // No command of the product has a list yet (recordInspectionResult will), so these tests check a
  // bridge against a command shape of their own: renewLicence's name, with an inspection's fields
  // and two lists. The product's catalog is used wherever it is not given.
  const catalog: LegacyCommandCatalog = {
    fields: {
      ...legacyCommandCatalog.fields,
      renewLicence: ['operationId', 'actor', 'inspectionId', 'result'],
    },
    lists: {
      ...legacyCommandCatalog.lists,
      renewLicence: { items: ['item', 'outcome', 'note'], violations: ['section'] },
    },
  };
  const bridgeWith = (statements: string, appliedCheck = '') => `version: 1
name: tiny
title: Tiny
time_zone: UTC
entities: {}
commands:
  renewLicence:
    entity: inspection
    statements:
${statements}${appliedCheck}`;
  const good = `      - sql: UPDATE {INSSCH} SET {RESULT} = ? WHERE {INSNO} = ?
        params: [result, inspectionId]
        expect_rows: 1
      - sql: INSERT INTO {INSCHK} ({INSNO}, {SEQ}, {ITEM}, {OUTCOME}, {NOTE}, {KEYTXT}) VALUES (?, ?, ?, ?, ?, ?)
        for_each: items
        params:
          - inspectionId
          - items.#
          - items.item
          - { field: items.outcome, map: { pass: P, fail: F, na: N } }
          - items.note
          - { template: '\${inspectionId}-\${items.#:03}' }
        expect_rows: 1
`;
  const problemsWith = (text: string, commands = catalog) =>
    refusedProblems(() => parseBridge(text, testFile, commands), BridgeFileError);
  const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;

  it('loads a statement repeated over a list, binding the element fields and its position', () => {
    const bridge = parseBridge(bridgeWith(good), testFile, catalog);
    const statement = bridge.commands!.renewLicence!.statements[1]!;
    expect(statement).toMatchObject({ for_each: 'items', expect_rows: 1 });
    expect(statement.params).toContain('items.#');
  });

  it('names a for_each over a field that is not a list, at its line, and not its params again', () => {
    const text = bridgeWith(
      good.replace('for_each: items', 'for_each: itmes').replaceAll('items.', 'itmes.'),
    );
    const problems = problemsWith(text);
    expect(problems).toEqual([
      {
        file: testFile,
        line: lineOf(text, 'for_each: itmes'),
        column: 9,
        path: 'commands.renewLicence.statements.1.for_each',
        message: '"itmes" is not a list of renewLicence; its lists are: items, violations',
      },
    ]);
  });

  it('names an element field the list does not have, at the param’s line', () => {
    const text = bridgeWith(good.replace('- items.note', '- items.notes'));
    const problems = problemsWith(text);
    expect(problems).toEqual([
      {
        file: testFile,
        line: lineOf(text, 'items.notes'),
        column: 13,
        path: 'commands.renewLicence.statements.1.params.4',
        message: '"notes" is not a field of an element of items; it has: item, outcome, note, #',
      },
    ]);
  });

  it('refuses an element field or position outside its for_each, another list’s field, and the list itself', () => {
    const text = bridgeWith(
      good
        .replace('params: [result, inspectionId]', 'params: [items.note, items.#, items]')
        .replace('SET {RESULT} = ? WHERE', 'SET {RESULT} = ?, {N} = ? WHERE')
        .replace('- items.item', '- violations.section'),
      `    applied_check:
      query: SELECT 1 FROM {INSCHK} WHERE {ITEM} = ?
      params: [items.item]
`,
    );
    const problems = problemsWith(text);
    expect(problems.map((p) => [p.path, p.message])).toEqual([
      [
        'commands.renewLicence.statements.0.params.0',
        '"items.note" is a field of an element of items, so the statement needs "for_each: items"',
      ],
      [
        'commands.renewLicence.statements.0.params.1',
        '"items.#" is the position of an element of items, so the statement needs "for_each: items"',
      ],
      [
        'commands.renewLicence.statements.0.params.2',
        '"items" is a list of renewLicence: bind its elements\' fields as items.<field> in a statement with "for_each: items"',
      ],
      [
        'commands.renewLicence.statements.1.params.2',
        '"violations.section" is a field of an element of violations, but this statement runs for each element of items',
      ],
      [
        'commands.renewLicence.applied_check.params.0',
        '"items.item" is a field of an element of items; the applied_check runs once, so it binds only the command\'s fields',
      ],
    ]);
    expect(problems[0]!.line).toBe(lineOf(text, 'params: [items.note'));
    expect(problems[3]!.line).toBe(lineOf(text, '- violations.section'));
    expect(problems[4]!.line).toBe(lineOf(text, 'params: [items.item]'));
  });

  it('checks against the command definitions when no catalog is given: renewLicence has no list', () => {
    const text = bridgeWith(good).replace(
      'params: [result, inspectionId]',
      'params: [newExpiresOn, licenceId]',
    );
    const problems = problemsWith(text, legacyCommandCatalog);
    expect(problems.map((p) => p.path)).toEqual([
      'commands.renewLicence.statements.1.for_each',
      'commands.renewLicence.statements.1.params.0',
      'commands.renewLicence.statements.1.params.5',
    ]);
    expect(problems[0]!.message).toBe(
      '"items" is not a list of renewLicence; renewLicence has no list fields',
    );
    expect(problems[1]!.message).toMatch(/"inspectionId" is not a field of renewLicence/);
  });
});
