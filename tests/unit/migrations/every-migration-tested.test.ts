// Every cache migration has a test named after it: migrations/0007_cash_drawer.sql is tested by
// tests/unit/migrations/0007-cash-drawer.test.ts. A new migration without its test fails here.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrationsDir } from '../support/migration-cache.ts';

/** The test file a migration file is tested by. */
export const testFileOf = (sqlFile: string): string =>
  `${sqlFile.replace(/\.sql$/, '').replaceAll('_', '-')}.test.ts`;

describe('the migration tests', () => {
  it('name a test after every migrations/*.sql', () => {
    const sql = readdirSync(migrationsDir).filter((f) => f.endsWith('.sql'));
    expect(sql.length).toBeGreaterThan(0);
    expect(testFileOf('0007_cash_drawer.sql')).toBe('0007-cash-drawer.test.ts');
    const untested = sql.filter((f) => !existsSync(join(import.meta.dirname, testFileOf(f))));
    expect(untested, 'migrations without tests/unit/migrations/<NNNN-name>.test.ts').toEqual([]);
  });

  it('are each named after a migration that exists', () => {
    const sql = new Set(
      readdirSync(migrationsDir)
        .filter((f) => f.endsWith('.sql'))
        .map(testFileOf),
    );
    const orphans = readdirSync(import.meta.dirname).filter(
      (f) => /^\d{4}-.*\.test\.ts$/.test(f) && !sql.has(f),
    );
    expect(orphans).toEqual([]);
  });
});
