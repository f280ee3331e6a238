// The command line's reads go through the contract like its writes (issue 12, "one path for every
// front end"): `application suggest|list|show`, `certificate list|verify` and `renewals batch list`
// answer with the operations' values and refuse with the operations' words, on a real desk over a
// Riverton demo city on SQLite.
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { newDeskDir, workbench, workbenchOk } from './support/workbench-cli.ts';

let dir: string;
const json = <T>(args: string[]) => JSON.parse(workbenchOk(dir, [...args, '--json'])) as T;

function cacheRow<T>(sql: string): T {
  const db = new Database(join(dir, 'cache.sqlite'), { readonly: true });
  try {
    return db.prepare(sql).get() as T;
  } finally {
    db.close();
  }
}

beforeAll(() => {
  dir = newDeskDir('cli-reads');
  workbenchOk(dir, ['demo', 'create', '--engine', 'sqlite', '--size', '200', '--seed', '7']);
  workbenchOk(dir, ['sync']);
}, 300_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the command line reads through the contract', () => {
  it('suggests the business on file for a name typed again', () => {
    const { id, name } = cacheRow<{ id: string; name: string }>('SELECT id, name FROM business LIMIT 1');
    const r = json<{ suggestions: { businessId: string }[] }>(['application', 'suggest', '--name', name]);
    expect(r.suggestions.map((s) => s.businessId)).toContain(id);
  });

  it('lists and shows an application created at the command line', () => {
    const created = json<{ application: { id: string; status: string } }>([
      'application',
      'create',
      '--name',
      'Harbour Light Tea Room',
      '--type',
      'AUTO',
    ]);
    const list = json<{ id: string; businessName: string }[]>(['application', 'list']);
    expect(list.find((a) => a.id === created.application.id)?.businessName).toBe('Harbour Light Tea Room');
    const shown = json<{ application: { id: string; status: string } }>([
      'application',
      'show',
      created.application.id,
    ]);
    expect(shown.application).toMatchObject({ id: created.application.id, status: 'open' });
  });

  it("refuses an unknown application and an overlong code in the operations' words", () => {
    const missing = workbench(dir, ['application', 'show', 'NOPE']);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('Application NOPE is not on this desk. Check the number.');
    const long = workbench(dir, ['certificate', 'verify', 'X'.repeat(70)]);
    expect(long.status).toBe(1);
    expect(long.stderr).toContain('The request was not valid.');
    expect(long.stderr).toMatch(/code: Too big: expected string to have <=64 characters/);
  });

  it('lists no certificates and no batches on a new desk, as the operations say', () => {
    const { id } = cacheRow<{ id: string }>('SELECT id FROM licence LIMIT 1');
    expect(json<unknown[]>(['certificate', 'list', id])).toEqual([]);
    expect(json<unknown[]>(['renewals', 'batch', 'list'])).toEqual([]);
    const verify = json<{ answer: string }>(['certificate', 'verify', '7KQ3-M9XT-2RD']);
    expect(verify.answer).toBe('mistyped'); // its check letter is wrong
  });
});
