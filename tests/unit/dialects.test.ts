// The SQL each dialect generates for the Riverton licence mapping. SQLite, PostgreSQL and MariaDB
// run for real in tests/integration; SQL Server and Db2 for i cannot run on this machine, so their
// SQL is PINNED here (reviewed by hand against the vendors' documentation) and must change only
// on purpose.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dialectTable, expandIdentifiers } from '../../src-main/node/bridge/dialects.ts';
import { loadBridge } from '../../src-main/node/bridge/load-bridge.ts';
import { buildReadPlan } from '../../src-main/node/bridge/read-plan.ts';

const { definition } = loadBridge(join(import.meta.dirname, '../../bridges/riverton/bridge.yaml'));
const plan = (dialect: keyof typeof dialectTable) =>
  buildReadPlan(definition, 'licence', definition.entities.licence!, dialectTable[dialect]);

const twoKeys = { ...definition.entities.payment!, key: ['PAYLIC', 'PAYNO'], where: 'PAYAMT > 0' };
const twoKeyPlan = (dialect: keyof typeof dialectTable) =>
  buildReadPlan(definition, 'payment', twoKeys, dialectTable[dialect]);

describe('SQL Server (pinned, not run here)', () => {
  const p = plan('sqlserver');
  it('reads with bracket quoting and exact DECIMAL text', () => {
    expect(p.sql).toBe(
      'SELECT [LICNO] AS [c0], [LICBUS] AS [c1], [LICTYP] AS [c2], [LICSTS] AS [c3], ' +
        'CONVERT(VARCHAR(40), [LICISS]) AS [c4], CONVERT(VARCHAR(40), [LICEXP]) AS [c5], ' +
        'CONVERT(VARCHAR(40), [LICFEE]) AS [c6], [LICUPD] AS [c7] FROM [LICMST]',
    );
  });
  it('pages by key with TOP and no row-value comparison', () => {
    expect(twoKeyPlan('sqlserver').pageSql(['RV-0000001', 17], 500)).toBe(
      'SELECT TOP (500) [PAYNO] AS [c0], [PAYLIC] AS [c1], [PAYDTE] AS [c2], CONVERT(VARCHAR(40), [PAYAMT]) AS [c3], ' +
        '[PAYMTH] AS [c4], [PAYRCT] AS [c5], [PAYREF] AS [c6], [PAYMTH] AS [c7], [PAYLIC] AS [k0], [PAYNO] AS [k1] FROM [PAYHST] ' +
        "WHERE (PAYAMT > 0) AND (([PAYLIC] > 'RV-0000001') OR ([PAYLIC] = 'RV-0000001' AND [PAYNO] > 17)) " +
        'ORDER BY [PAYLIC], [PAYNO]',
    );
  });
  it('re-reads with an update lock on the row', () => {
    expect(p.rereadSql).toMatch(/ FROM \[LICMST\] WITH \(UPDLOCK, ROWLOCK\) WHERE \[LICNO\] = \?$/);
  });
  it('reads dates and timestamps as ISO text', () => {
    expect(dialectTable.sqlserver.dateAsText('[D]')).toBe('CONVERT(VARCHAR(10), [D], 23)');
    expect(dialectTable.sqlserver.timestampAsText('[T]')).toBe('CONVERT(VARCHAR(19), [T], 120)');
    expect(dialectTable.sqlserver.textAsVarchar('[N]', 200)).toBe('CAST([N] AS NVARCHAR(200))');
  });
});

describe('Db2 for i (pinned, not run here)', () => {
  const p = plan('db2i');
  it('reads with double-quote quoting and VARCHAR of DECIMAL', () => {
    expect(p.sql).toBe(
      'SELECT "LICNO" AS "c0", "LICBUS" AS "c1", "LICTYP" AS "c2", "LICSTS" AS "c3", VARCHAR("LICISS") AS "c4", ' +
        'VARCHAR("LICEXP") AS "c5", VARCHAR("LICFEE") AS "c6", "LICUPD" AS "c7" FROM "LICMST"',
    );
  });
  it('pages with FETCH FIRST and qualifies library.file names', () => {
    expect(twoKeyPlan('db2i').pageSql(null, 1000)).toBe(
      'SELECT "PAYNO" AS "c0", "PAYLIC" AS "c1", "PAYDTE" AS "c2", VARCHAR("PAYAMT") AS "c3", "PAYMTH" AS "c4", ' +
        '"PAYRCT" AS "c5", "PAYREF" AS "c6", "PAYMTH" AS "c7", "PAYLIC" AS "k0", "PAYNO" AS "k1" FROM "PAYHST" WHERE (PAYAMT > 0) ' +
        'ORDER BY "PAYLIC", "PAYNO" FETCH FIRST 1000 ROWS ONLY',
    );
    expect(dialectTable.db2i.quote('RIVLIB.LICMST')).toBe('"RIVLIB"."LICMST"');
  });
  it('re-reads for update with read stability', () => {
    expect(p.rereadSql).toMatch(/ FROM "LICMST" WHERE "LICNO" = \? FOR UPDATE WITH RS$/);
  });
  it('reads dates and timestamps as ISO text', () => {
    expect(dialectTable.db2i.dateAsText('D')).toBe("VARCHAR_FORMAT(D, 'YYYY-MM-DD')");
    expect(dialectTable.db2i.timestampAsText('T')).toBe("VARCHAR_FORMAT(T, 'YYYY-MM-DD HH24:MI:SS')");
  });
});

describe('the engines that run here', () => {
  it('quote identifiers their own way, doubling the quote inside a name', () => {
    expect(dialectTable.postgres.quote('a"b')).toBe('"a""b"');
    expect(dialectTable.mariadb.quote('a`b')).toBe('`a``b`');
    expect(dialectTable.sqlserver.quote('a]b')).toBe('[a]]b]');
  });
  it('lock rows on re-read: FOR UPDATE on PostgreSQL and MariaDB; SQLite locks the database', () => {
    expect(plan('postgres').rereadSql).toMatch(/ FROM "LICMST" WHERE "LICNO" = \? FOR UPDATE$/);
    expect(plan('mariadb').rereadSql).toMatch(/ FROM `LICMST` WHERE `LICNO` = \? FOR UPDATE$/);
    expect(plan('sqlite').rereadSql).toMatch(/ FROM "LICMST" WHERE "LICNO" = \?$/);
  });
  it('page a single key with a plain comparison, and escape text keys', () => {
    expect(plan('mariadb').pageSql(["O'BRIEN"], 10)).toMatch(
      /WHERE `LICNO` > 'O''BRIEN' ORDER BY `LICNO` LIMIT 10$/,
    );
  });
  it('read DECIMAL as exact text on every engine', () => {
    expect(dialectTable.postgres.decimalAsText('"X"')).toBe('CAST("X" AS VARCHAR(40))');
    expect(dialectTable.mariadb.decimalAsText('`X`')).toBe('CAST(`X` AS CHAR(40))');
  });
});

describe('identifiers in write statements', () => {
  it('quotes {NAME} per engine and leaves ODBC escapes alone', () => {
    const sql =
      "UPDATE {LICMST} SET {LICUPD} = {fn NOW()}, {LICISS} = {d '2024-01-15'} WHERE {RIVLIB.LICNO} = ?";
    expect(expandIdentifiers(sql, dialectTable.mariadb)).toBe(
      "UPDATE `LICMST` SET `LICUPD` = {fn NOW()}, `LICISS` = {d '2024-01-15'} WHERE `RIVLIB`.`LICNO` = ?",
    );
    expect(expandIdentifiers(sql, dialectTable.sqlserver)).toMatch(/^UPDATE \[LICMST\] SET \[LICUPD\]/);
    expect(expandIdentifiers(sql, dialectTable.db2i)).toMatch(/WHERE "RIVLIB"\."LICNO" = \?$/);
  });
});
