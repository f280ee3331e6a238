// Puts the detectors together over a whole database: findings for every column, the key of every
// table, and the foreign keys the data confirms.
import {
  analyseColumn,
  type ColumnFindings,
  isTextKind,
  type ReferenceCandidate,
  referenceCandidates,
} from './detect.ts';
import type { ColumnProfile, OverlapResult, TableProfile } from './profile-types.ts';

export interface AnalysedTable {
  profile: TableProfile;
  findings: Map<string, ColumnFindings>;
  /** The key a bridge would use: the catalog's primary key, else the best key candidate. */
  key: string[];
  keySource: 'catalog' | 'data' | 'none';
}

export interface Analysis {
  tables: AnalysedTable[];
  /** Foreign keys seen in the data: table.column -> referenced table and key. */
  references: OverlapResult[];
}

export function column(table: AnalysedTable, name: string): ColumnProfile {
  return table.profile.columns.find((c) => c.name === name)!;
}

/** Column findings and keys, before foreign keys are checked. */
export function analyseTables(profiles: TableProfile[]): Analysis {
  const tables = profiles.map((profile): AnalysedTable => {
    const findings = new Map(
      profile.columns.map((c) => [c.name, analyseColumn(c, profile.primaryKey.includes(c.name))]),
    );
    if (profile.primaryKey.length)
      return { profile, findings, key: profile.primaryKey, keySource: 'catalog' };
    // Prefer a key candidate that looks like one: an identity or a name ending in NO/ID/CODE,
    // numbers before text, leftmost first.
    const candidates = profile.columns
      .filter((c) => findings.get(c.name)!.key && c.type.kind !== 'float')
      .map((c) => ({
        c,
        score:
          (c.autoIncrement ? 4 : 0) +
          (/(no|num|nbr|id|code|key|cd)$/i.test(c.name) ? 2 : 0) +
          (c.type.kind === 'integer' ? 1 : 0) -
          c.ordinal / 100,
      }))
      .sort((a, b) => b.score - a.score);
    const best = candidates[0]?.c;
    return { profile, findings, key: best ? [best.name] : [], keySource: best ? 'data' : 'none' };
  });
  return { tables, references: [] };
}

/** The candidate pairs worth checking against the data (single-column keys only). */
export function overlapChecks(analysis: Analysis): Array<ReferenceCandidate & { text: boolean }> {
  const keys = new Map(
    analysis.tables.filter((t) => t.key.length === 1).map((t) => [t.profile.qualified, t.key[0]!]),
  );
  const profiles = analysis.tables.filter((t) => !t.profile.error).map((t) => t.profile);
  return referenceCandidates(profiles, keys).map((c) => {
    const table = analysis.tables.find((t) => t.profile.qualified === c.table)!;
    return { ...c, text: isTextKind(column(table, c.column).type.kind) };
  });
}

/**
 * Records the foreign keys the data confirms: at least 90% of a column's sampled values are found
 * in the other table's key. When one column seems to refer to several tables, the best name wins.
 */
export function applyReferences(
  analysis: Analysis,
  results: OverlapResult[],
  candidates: ReferenceCandidate[],
): void {
  const score = (r: OverlapResult) =>
    candidates.find(
      (c) =>
        c.table === r.table &&
        c.column === r.column &&
        c.refTable === r.refTable &&
        c.refColumn === r.refColumn,
    )?.nameScore ?? 0;
  const confirmed = results
    .filter((r) => !r.error && r.checked > 0 && r.found / r.checked >= 0.9)
    .sort((a, b) => score(b) - score(a) || b.found / b.checked - a.found / a.checked);
  for (const r of confirmed) {
    const table = analysis.tables.find((t) => t.profile.qualified === r.table);
    const f = table?.findings.get(r.column);
    if (!f || f.references) continue;
    f.references = { table: r.refTable, column: r.refColumn, found: r.found, checked: r.checked };
    f.labels.push(`refers to ${r.refTable}.${r.refColumn} (${r.found} of ${r.checked} sampled values found)`);
    // A column that refers to a key is not a code list of its own, whatever its spread.
    if (f.codes && f.codes.length > 0) {
      const lookup = analysis.tables.find((t) => t.profile.qualified === r.refTable);
      if (!lookup?.profile.contents) {
        f.codes = null;
        f.labels = f.labels.filter((l) => !l.startsWith('codes:'));
      }
    }
  }
  analysis.references = results;
}
