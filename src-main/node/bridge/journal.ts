// The operation journal: one extra table in the legacy database, for cities whose DBA allows it,
// that makes replay exactly-once. Each applied operation inserts its row (keyed by the operation
// id) in the same legacy transaction as the command's own statements, so the row exists exactly
// when the command's effect does, and the legacy database itself refuses a second application.
import { type Dialect, expandIdentifiers } from './dialects.ts';

export const JOURNAL_TABLE = 'WB_JOURNAL';

const sql = (text: string, dialect: Dialect) => expandIdentifiers(text, dialect);

export const journalSql = {
  /** Cheap and harmless: fails when the table is not there. */
  probe: (d: Dialect) => sql(`SELECT COUNT(*) AS {N} FROM {${JOURNAL_TABLE}} WHERE 1 = 0`, d),
  create: (d: Dialect) =>
    sql(
      `CREATE TABLE {${JOURNAL_TABLE}} (` +
        '{OPID} VARCHAR(36) NOT NULL PRIMARY KEY, ' +
        '{DESK} VARCHAR(64) NOT NULL, ' +
        '{CMD} VARCHAR(64) NOT NULL, ' +
        '{ACTOR} VARCHAR(128) NOT NULL, ' +
        '{APPLIED_AT} VARCHAR(40) NOT NULL, ' +
        '{RESULT} VARCHAR(2000))',
      d,
    ),
  lookup: (d: Dialect) => sql(`SELECT {RESULT} AS {R} FROM {${JOURNAL_TABLE}} WHERE {OPID} = ?`, d),
  insert: (d: Dialect) =>
    sql(
      `INSERT INTO {${JOURNAL_TABLE}} ({OPID}, {DESK}, {CMD}, {ACTOR}, {APPLIED_AT}, {RESULT}) VALUES (?, ?, ?, ?, ?, ?)`,
      d,
    ),
};
