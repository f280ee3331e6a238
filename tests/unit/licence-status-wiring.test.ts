// The status machine wired to the rest: the policy's service actions say the same as the machine
// about who may act; the bridge maps every status a person can land on to a Riverton code; replay
// watches the status; migration 0008 lets the cache hold 'revoked' (keeping rowids, which the
// search index is keyed by) and keeps certificates unchangeable.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { licenceStatusActionTable } from '../../src-main/common/licence-status.ts';
import { licenceStatuses } from '../../src-main/common/model.ts';
import {
  ChangeLicenceStatusPayload,
  personStatusActions,
} from '../../src-main/common/command-defs/change-licence-status.ts';
import { changedFields, commandWatch, rebase } from '../../src-main/common/replay-rules.ts';
import { serviceRoles } from '../../src-main/common/roles.ts';
import { migrate, readMigrations } from '../../src-main/node/cache/migrate.ts';
import { statusServiceAction } from '../../src-main/node/licence-status/change-status.ts';

const root = join(import.meta.dirname, '../..');

describe('the status machine, wired', () => {
  it('the policy file allows each status action to exactly the roles the machine names', () => {
    for (const action of personStatusActions) {
      const row = licenceStatusActionTable.find((r) => r.action === action)!;
      expect([...serviceRoles[statusServiceAction[action]]].sort(), action).toEqual(
        row.actors.filter((a) => a !== 'system').sort(),
      );
    }
  });

  it("Riverton's bridge writes a LICSTS code for every status a person can land on, and reads it back", () => {
    const bridge = parse(readFileSync(join(root, 'bridges/riverton/bridge.yaml'), 'utf8')) as {
      entities: { licence: { columns: { status: { transform: { map: Record<string, string> } } } } };
      commands: {
        changeLicenceStatus: {
          statements: Array<{ params: Array<{ field?: string; map?: Record<string, string> }> }>;
        };
      };
    };
    const written = bridge.commands.changeLicenceStatus.statements[0]!.params[0]!.map!;
    const read = bridge.entities.licence.columns.status.transform.map;
    const landings = new Set(
      licenceStatusActionTable
        .filter((r) => personStatusActions.includes(r.action as never))
        .map((r) => r.to),
    );
    landings.add('expired'); // reinstating a licence whose date passed
    for (const status of landings) {
      expect(written[status], status).toBeDefined();
      expect(read[written[status]!], status).toBe(status);
    }
    expect(read.R).toBe('revoked');
  });

  it('replay applies a status change only while the legacy status is the one the person saw', () => {
    expect(commandWatch.changeLicenceStatus).toEqual(['status']);
    const seen = { status: 'active', expiresOn: '2027-01-01', feeCents: 100 };
    expect(changedFields('changeLicenceStatus', seen, { ...seen, expiresOn: '2028-01-01' })).toEqual([]);
    expect(changedFields('changeLicenceStatus', seen, { ...seen, status: 'closed' })).toEqual(['status']);
    const payload = {
      v: 1,
      licenceId: 'L1',
      action: 'suspend',
      from: 'active',
      to: 'suspended',
      reason: 'x',
      changedAt: '2026-11-23T10:00:00-06:00',
    };
    expect(
      rebase('changeLicenceStatus', payload, { ...seen, status: 'expired' }, '2026-11-23', 12),
    ).toMatchObject({ from: 'expired', to: 'suspended' });
  });

  it('the payload needs a reason that is not blank', () => {
    const ok = {
      v: 1,
      licenceId: 'L1',
      action: 'revoke',
      from: 'active',
      to: 'revoked',
      reason: 'Fraud',
      changedAt: '2026-11-23T10:00:00-06:00',
    };
    expect(ChangeLicenceStatusPayload.safeParse(ok).success).toBe(true);
    expect(ChangeLicenceStatusPayload.safeParse({ ...ok, reason: '   ' }).success).toBe(false);
    expect(ChangeLicenceStatusPayload.safeParse({ ...ok, action: 'expire' }).success).toBe(false);
  });
});

describe('migration 0008', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'wb-0008-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("lets the cache hold 'revoked', keeps every licence and its rowid, and keeps certificates for good", () => {
    const all = readMigrations(join(root, 'migrations'));
    const db = new Database(join(dir, 'c.sqlite'));
    migrate(db, all.slice(0, 7));
    const insert = db.prepare(
      `INSERT INTO licence (rowid, id, business_id, status, expires_on, refreshed_at) VALUES (?, ?, 'B1', ?, '2027-01-01', 'x')`,
    );
    insert.run(7, 'L7', 'active');
    insert.run(42, 'L42', 'closed');
    expect(() => insert.run(43, 'L43', 'revoked')).toThrow(/CHECK/);
    migrate(db, all.slice(0, 8));
    expect(db.prepare('SELECT rowid, id, status, expires_on FROM licence ORDER BY rowid').all()).toEqual([
      { rowid: 7, id: 'L7', status: 'active', expires_on: '2027-01-01' },
      { rowid: 42, id: 'L42', status: 'closed', expires_on: '2027-01-01' },
    ]);
    for (const status of licenceStatuses)
      insert.run(100 + licenceStatuses.indexOf(status), `S-${status}`, status);
    expect(() => insert.run(200, 'LX', 'lost')).toThrow(/CHECK/);
    const indexes = db
      .prepare(
        `SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'licence' AND name NOT LIKE 'sqlite_%'`,
      )
      .pluck()
      .all();
    expect(indexes).toEqual(expect.arrayContaining(['licence_by_business', 'licence_by_expiry']));

    db.prepare(
      `INSERT INTO certificate (certificate_no, code, licence_id, language, desk_id, issued_at, issued_by, facts) VALUES ('C-1', 'ABC', 'L7', 'en', 'D', 't', 'me', '{}')`,
    ).run();
    expect(() => db.prepare(`UPDATE certificate SET licence_id = 'L42'`).run()).toThrow(/never changed/);
    expect(() => db.prepare(`DELETE FROM certificate`).run()).toThrow(/never deleted/);
    expect(() =>
      db
        .prepare(
          `INSERT INTO certificate (certificate_no, code, licence_id, language, desk_id, issued_at, issued_by, facts) VALUES ('C-2', 'ABC', 'L7', 'en', 'D', 't', 'me', '{}')`,
        )
        .run(),
    ).toThrow(/UNIQUE/);
    // The later migrations still apply on top.
    migrate(db, all);
    db.close();
  });
});
