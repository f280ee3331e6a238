import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrate, readMigrations, schemaVersion } from '../../src-main/node/cache/migrate.ts';
import { openCache } from '../../src-main/node/cache/open-cache.ts';
import { searchLicences, toMatchQuery } from '../../src-main/node/cache/search.ts';
import { rebuildSearchIndex } from '../../src-main/node/cache/search-index.ts';
import { entityWriter } from '../../src-main/node/cache/store.ts';

const migrationsDir = join(import.meta.dirname, '../../migrations');
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'wb-cache-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const tables = (db: Database.Database) =>
  (
    db.prepare(`SELECT name FROM sqlite_master WHERE type IN ('table') ORDER BY name`).all() as {
      name: string;
    }[]
  ).map((r) => r.name);

// Each migration has its own test in tests/unit/migrations/, named after it; these are the migrator's.
describe('migrations', () => {
  const all = readMigrations(migrationsDir);

  it('every migration is numbered without gaps and applies in one go', () => {
    expect(all.map((m) => m.version)).toEqual(all.map((_, i) => i + 1));
    const db = new Database(join(dir, 'c.sqlite'));
    expect(migrate(db, all)).toHaveLength(all.length);
    expect(migrate(db, all)).toHaveLength(0);
    db.close();
  });

  it('a failing migration leaves the cache at the last whole version', () => {
    const bad = join(dir, 'migrations');
    rmSync(bad, { recursive: true, force: true });
    mkdirSync(bad);
    writeFileSync(join(bad, '0001_ok.sql'), 'CREATE TABLE a (x INTEGER);');
    writeFileSync(join(bad, '0002_broken.sql'), 'CREATE TABLE b (x INTEGER); CREATE TABLE a (y INTEGER);');
    const db = new Database(join(dir, 'c.sqlite'));
    expect(() => migrate(db, readMigrations(bad))).toThrow(/already exists/);
    expect(schemaVersion(db)).toBe(1);
    expect(tables(db)).not.toContain('b');
    db.close();
  });
});

describe('opening a cache', () => {
  it('uses WAL and synchronous=FULL', () => {
    const db = openCache(join(dir, 'c.sqlite'), { migrationsDir });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    db.close();
  });

  it('refuses a file written by a newer version and leaves it untouched', () => {
    const file = join(dir, 'c.sqlite');
    const raw = new Database(file);
    raw.pragma('user_version = 999');
    raw.close();
    expect(() => openCache(file, { migrationsDir })).toThrow(
      /newer version of Civic Workbench \(cache version 999/,
    );
    const again = new Database(file);
    expect(again.pragma('user_version', { simple: true })).toBe(999);
    again.close();
  });

  it('refuses a damaged file with what to do', () => {
    const file = join(dir, 'c.sqlite');
    writeFileSync(file, Buffer.alloc(4096, 7));
    expect(() => openCache(file, { migrationsDir })).toThrow(
      /could not be (opened|prepared)|damaged|not a database/,
    );
  });
});

describe('search', () => {
  it('builds prefix queries from what is typed, and ignores punctuation', () => {
    expect(toMatchQuery('rivers bak')).toBe('"rivers"* "bak"*');
    expect(toMatchQuery('  (555) 201-33')).toBe('"555"* "201"* "33"*');
    expect(toMatchQuery(' - ')).toBeNull();
  });

  it('finds licences by name, DBA, owner, number, address and phone digits', () => {
    const db = openCache(join(dir, 'c.sqlite'), { migrationsDir });
    const at = '2026-11-23T10:00:00-06:00';
    entityWriter(db, 'business').upsert(
      [
        {
          id: '1',
          name: 'Riverside Bakery',
          dbaName: 'Sweet Rolls',
          ownerName: 'Gonzalez, Maria',
          addressLine: '12 N Main St',
          city: 'Riverton',
          state: 'IL',
          postalCode: '60000',
          phone: '(555) 201-3344',
          taxId: null,
          openedOn: null,
          legacyUpdatedAt: null,
        },
        {
          id: '2',
          name: 'Golden Dragon Restaurant',
          dbaName: null,
          ownerName: 'Chen, Wei',
          addressLine: '400 Elm St',
          city: 'Riverton',
          state: 'IL',
          postalCode: '60001',
          phone: null,
          taxId: null,
          openedOn: null,
          legacyUpdatedAt: null,
        },
      ],
      at,
    );
    entityWriter(db, 'licence').upsert(
      [
        {
          id: 'RV-0000001',
          businessId: '1',
          licenceTypeCode: null,
          status: 'active',
          issuedOn: '2025-01-01',
          expiresOn: '2026-12-31',
          feeCents: 5000,
          legacyUpdatedAt: null,
        },
        {
          id: 'RV-0000002',
          businessId: '2',
          licenceTypeCode: null,
          status: 'expired',
          issuedOn: null,
          expiresOn: '2024-06-30',
          feeCents: null,
          legacyUpdatedAt: null,
        },
      ],
      at,
    );
    rebuildSearchIndex(db);
    const ids = (text: string) => searchLicences(db, text, 10).results.map((r) => r.licenceId);
    expect(ids('river bak')).toEqual(['RV-0000001']);
    expect(ids('sweet')).toEqual(['RV-0000001']);
    expect(ids('maria')).toEqual(['RV-0000001']);
    expect(ids('rv-0000002')).toEqual(['RV-0000002']);
    expect(ids('elm')).toEqual(['RV-0000002']);
    expect(ids('5552013')).toEqual(['RV-0000001']);
    expect(ids('riverton').sort()).toEqual(['RV-0000001', 'RV-0000002']);
    expect(ids('nothing-here')).toEqual([]);
    const limited = searchLicences(db, 'riverton', 1);
    expect(limited.results).toHaveLength(1);
    expect(limited.more).toBe(true);
    expect(searchLicences(db, 'dragon', 5).results[0]).toMatchObject({
      businessName: 'Golden Dragon Restaurant',
      status: 'expired',
      expiresOn: '2024-06-30',
    });
    db.close();
  });
});
