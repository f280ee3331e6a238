// Incremental refresh on real engines (the Riverton demo on SQLite, PostgreSQL and MariaDB): rows
// are changed in the legacy database behind the desk's back (an UPDATE that stamps LICUPD, one that
// leaves LICUPD blank, a DELETE, an INSERT, a renamed business, a payment deleted and one added) and
// refreshChanged must bring exactly those changes into the cache, keep a licence renewed on this
// desk (its change still waits) as the clerk left it, and find the renamed business by search.
// A second desk on the same legacy database reads it through a bridge with the other change modes
// (payments by version column, inspections by row-hash chunks).
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayIn, zonedIso } from '../../src-main/common/time.ts';
import { dialectTable, expandIdentifiers } from '../../src-main/node/bridge/dialects.ts';
import { searchLicences } from '../../src-main/node/cache/search.ts';
import { newDeskId, writeDeskConfig } from '../../src-main/node/desk/desk-config.ts';
import { type Desk, openDesk } from '../../src-main/node/desk/open-desk.ts';
import { deskPaths } from '../../src-main/node/desk/paths.ts';
import { refreshChanged } from '../../src-main/node/sync/refresh.ts';
import type { RefreshResult } from '../../src-main/node/sync/refresh-types.ts';
import { connectionFor, dropDatabase, queryLegacy, uniqueDatabaseName } from './support/legacy-databases.ts';
import { newDeskDir, repoRoot, workbenchOk } from './support/workbench-cli.ts';
import { checkRenewals } from '../../src-main/node/renewals/renewal-check.ts';

const engines = ['sqlite', 'postgres', 'mariadb'] as const;
type Engine = (typeof engines)[number];
const SIZE = 1500;

interface Setup {
  dir: string;
  variantDir: string;
  connection: string;
  database?: string;
}
const setups = {} as Record<Engine, Setup>;
const bridgeDir = mkdtempSync(join(tmpdir(), 'wb-bridge-variant-'));

/**
 * Riverton's bridge (payments by their PAYNO as a version, inspections by row-hash chunks) with
 * small chunks, so that 1,500 licences' inspections make many chunks and "only the changed chunks
 * are read" can be seen.
 */
function variantBridge(): string {
  cpSync(join(repoRoot, 'bridges', 'riverton'), bridgeDir, { recursive: true });
  const file = join(bridgeDir, 'bridge.yaml');
  const shipped = readFileSync(file, 'utf8');
  const text = shipped.replace(
    /changes: \{ mode: row_hash, chunk_size: \d+ \}/,
    'changes: { mode: row_hash, chunk_size: 100 }',
  );
  if (text === shipped || !shipped.includes('changes: { mode: version, column: PAYNO }')) {
    throw new Error('bridges/riverton no longer reads payments by version and inspections by row hash');
  }
  writeFileSync(file, text);
  return file;
}

/** Runs SQL with {NAME} identifiers on an engine's legacy database. */
const legacy = (engine: Engine, sql: string) =>
  queryLegacy(setups[engine].connection, expandIdentifiers(sql, dialectTable[engine]));

const stampNow = () => zonedIso(new Date(), 'America/Chicago').slice(0, 19).replace(/\D/g, '');

beforeAll(() => {
  const variant = variantBridge();
  for (const engine of engines) {
    const dir = newDeskDir(`incr-${engine}`);
    const args = ['demo', 'create', '--engine', engine, '--size', String(SIZE), '--seed', '5', '--json'];
    let database: string | undefined;
    if (engine !== 'sqlite') {
      database = uniqueDatabaseName(engine);
      args.push('--connection', connectionFor(engine, database));
    }
    workbenchOk(dir, args);
    workbenchOk(dir, ['sync']);
    const { connection } = JSON.parse(readFileSync(deskPaths(dir).config, 'utf8')) as { connection: string };
    const variantDir = newDeskDir(`incr-${engine}-variant`);
    writeDeskConfig(deskPaths(variantDir).config, {
      version: 1,
      deskId: newDeskId(),
      bridge: variant,
      connection,
    });
    workbenchOk(variantDir, ['sync']);
    setups[engine] = { dir, variantDir, connection, ...(database ? { database } : {}) };
  }
}, 600_000);

afterAll(async () => {
  for (const engine of engines) {
    const s = setups[engine];
    if (!s) continue;
    if (s.database && engine !== 'sqlite') await dropDatabase(engine, s.database).catch(() => {});
    rmSync(s.dir, { recursive: true, force: true });
    rmSync(s.variantDir, { recursive: true, force: true });
  }
  rmSync(bridgeDir, { recursive: true, force: true });
});

type Row = Record<string, unknown>;
/** A cached table without refreshed_at, by id. */
function snapshot(desk: Desk, table: string): Map<string, Row> {
  const rows = desk.cache.prepare(`SELECT * FROM ${table}`).all() as Row[];
  return new Map(rows.map(({ refreshed_at: _, ...r }) => [String(r.id), r]));
}
/** The ids whose row differs between two snapshots (added, changed or removed). */
function differences(before: Map<string, Row>, after: Map<string, Row>): string[] {
  const ids = new Set([...before.keys(), ...after.keys()]);
  return [...ids].filter((id) => JSON.stringify(before.get(id)) !== JSON.stringify(after.get(id))).sort();
}
const entityOf = (r: RefreshResult, entity: string) => r.entities.find((e) => e.entity === entity)!;

describe.each(engines)('incremental refresh on %s', (engine) => {
  it('brings exactly the legacy changes into the cache, keeps pending changes and removes deleted rows', async () => {
    const { dir } = setups[engine];
    let desk = openDesk({ dataDir: dir });
    const one = (sql: string, ...params: unknown[]) => desk.cache.prepare(sql).get(...params) as Row;
    // What the test changes, picked from the cache as the first refresh left it.
    const stamped = one(
      `SELECT id FROM licence WHERE status = 'active' AND legacy_updated_at IS NOT NULL ORDER BY id LIMIT 1`,
    ).id as string;
    const blank =
      one(`SELECT id, fee_cents FROM licence WHERE legacy_updated_at IS NULL AND fee_cents IS NOT NULL
                       ORDER BY id LIMIT 1`);
    const deleted = one(
      `SELECT id FROM licence WHERE id NOT IN (?, ?) ORDER BY id DESC LIMIT 1`,
      stamped,
      blank.id,
    ).id as string;
    // One the counter may renew today (the city's window, no hold or balance, its requirements met).
    const candidates = (
      desk.cache
        .prepare(
          `SELECT id FROM licence WHERE status = 'active' AND expires_on IS NOT NULL AND id NOT IN (?, ?, ?)
           ORDER BY id`,
        )
        .all(stamped, blank.id, deleted) as Row[]
    ).map((r) => r.id as string);
    const today = todayIn(desk.timeZone);
    const renewed = checkRenewals(desk, candidates, today).find((c) => c.ok)!.licenceId;
    const renamed = one(
      `SELECT b.id, l.id AS licence FROM business b JOIN licence l ON l.business_id = b.id
       WHERE l.id NOT IN (?, ?, ?, ?) ORDER BY b.id LIMIT 1`,
      stamped,
      blank.id,
      deleted,
      renewed,
    );
    const template = one(`SELECT * FROM licence WHERE id = ?`, stamped);
    const payment = one(`SELECT id, licence_id FROM payment ORDER BY CAST(id AS INTEGER) LIMIT 1`);
    const maxPayment = Number(one(`SELECT max(CAST(id AS INTEGER)) AS n FROM payment`).n);
    desk.close();

    // A renewal taken at this desk: its licence has a change waiting for the legacy database.
    workbenchOk(dir, ['renew', renewed, '--json']);
    desk = openDesk({ dataDir: dir });
    const before = snapshot(desk, 'licence');
    const paymentsBefore = snapshot(desk, 'payment');
    const renewedLocally = before.get(renewed);

    const now = stampNow();
    await legacy(
      engine,
      `UPDATE {LICMST} SET {LICSTS} = 'S', {LICUPD} = '${now}' WHERE {LICNO} = '${stamped}'`,
    );
    // Changed by a program that does not stamp LICUPD: the row's LICUPD stays blank.
    await legacy(engine, `UPDATE {LICMST} SET {LICFEE} = {LICFEE} + 1 WHERE {LICNO} = '${blank.id}'`);
    await legacy(engine, `DELETE FROM {LICMST} WHERE {LICNO} = '${deleted}'`);
    await legacy(
      engine,
      `INSERT INTO {LICMST} ({LICNO}, {LICBUS}, {LICTYP}, {LICSTS}, {LICISS}, {LICEXP}, {LICFEE}, {LICUPD})
       VALUES ('RV-9999999', ${template.business_id}, '${template.licence_type_code}', 'A', 1261101, 1271031, 125.00, '${now}')`,
    );
    // Somebody else changed the licence renewed here: the desk keeps its own version until replay decides.
    await legacy(
      engine,
      `UPDATE {LICMST} SET {LICSTS} = 'C', {LICUPD} = '${now}' WHERE {LICNO} = '${renewed}'`,
    );
    await legacy(
      engine,
      `UPDATE {BUSMST} SET {BUSNAM} = 'ZZYZX HARDWARE', {BUSUPD} = '${now}' WHERE {BUSNO} = ${renamed.id}`,
    );
    await legacy(engine, `DELETE FROM {PAYHST} WHERE {PAYNO} = ${payment.id}`);
    await legacy(
      engine,
      `INSERT INTO {PAYHST} ({PAYNO}, {PAYLIC}, {PAYDTE}, {PAYAMT}, {PAYMTH}, {PAYRCT})
       VALUES (${maxPayment + 1}, '${payment.licence_id}', '20261120', 42.50, 'CA', 'R1')`,
    );

    const result = await refreshChanged(desk, 'test');
    const after = snapshot(desk, 'licence');
    expect(differences(before, after)).toEqual([blank.id, deleted, stamped, 'RV-9999999'].sort());
    expect(after.get(stamped)).toMatchObject({ status: 'suspended' });
    expect(after.get(blank.id as string)).toMatchObject({ fee_cents: (blank.fee_cents as number) + 100 });
    expect(after.has(deleted)).toBe(false);
    expect(after.get('RV-9999999')).toMatchObject({
      status: 'active',
      fee_cents: 12500,
      expires_on: '2027-10-31',
    });
    expect(after.get(renewed)).toEqual(renewedLocally);
    expect(differences(paymentsBefore, snapshot(desk, 'payment'))).toEqual(
      [String(payment.id), String(maxPayment + 1)].sort(),
    );

    const licence = entityOf(result, 'licence');
    expect(licence).toMatchObject({ mode: 'changed', added: 1, updated: 2, removed: 1 });
    expect(licence.kept).toBeGreaterThanOrEqual(1);
    expect(entityOf(result, 'business')).toMatchObject({ mode: 'changed', added: 0, updated: 1, removed: 0 });
    // Payments by version: the new number is read, the deleted one found by the keys-only read.
    expect(entityOf(result, 'payment')).toMatchObject({ mode: 'changed', added: 1, updated: 0, removed: 1 });
    // The search index was updated for the renamed business's licences, and forgot the deleted one.
    expect(searchLicences(desk.cache, 'zzyzx', 10).results.map((r) => r.licenceId)).toContain(
      renamed.licence,
    );
    expect(searchLicences(desk.cache, deleted, 10).results.map((r) => r.licenceId)).not.toContain(deleted);
    expect(searchLicences(desk.cache, 'RV-9999999', 10).results.map((r) => r.licenceId)).toContain(
      'RV-9999999',
    );
    const audited = desk.cache
      .prepare(`SELECT detail FROM audit_log WHERE action = 'cache.refresh' ORDER BY id DESC LIMIT 1`)
      .pluck()
      .get() as string;
    expect(JSON.parse(audited)).toMatchObject({
      refresh: 'changed',
      datasets: { licence: { mode: 'changed', added: 1, updated: 2, removed: 1 } },
    });

    // Nothing changed since: nothing is written, and the renewed licence is still the desk's own.
    const again = await refreshChanged(desk, 'test');
    expect(entityOf(again, 'licence')).toMatchObject({ mode: 'changed', added: 0, updated: 0, removed: 0 });
    expect(entityOf(again, 'payment')).toMatchObject({ added: 0, updated: 0, removed: 0 });
    expect(snapshot(desk, 'licence').get(renewed)).toEqual(renewedLocally);
    desk.close();
  }, 180_000);

  it('reads payments by a version column and inspections by row-hash chunks', async () => {
    const { variantDir } = setups[engine];
    const desk = openDesk({ dataDir: variantDir });
    // Catch up with what the other test changed in the same legacy database.
    await refreshChanged(desk, 'test');
    const one = (sql: string) => desk.cache.prepare(sql).get() as Row;
    const inspection = one(
      `SELECT id, result FROM inspection WHERE result <> 'fail' ORDER BY CAST(id AS INTEGER) LIMIT 1 OFFSET 500`,
    );
    const goneInspection = one(`SELECT id FROM inspection ORDER BY CAST(id AS INTEGER) DESC LIMIT 1`).id;
    const inspectionsBefore = snapshot(desk, 'inspection');
    const paymentsBefore = snapshot(desk, 'payment');
    const maxPayment = Number(one(`SELECT max(CAST(id AS INTEGER)) AS n FROM payment`).n);

    await legacy(engine, `UPDATE {INSPCT} SET {INSRES} = 'F' WHERE {INSNO} = ${inspection.id}`);
    await legacy(engine, `DELETE FROM {INSPCT} WHERE {INSNO} = ${goneInspection}`);
    const added = maxPayment + 7;
    await legacy(
      engine,
      `INSERT INTO {PAYHST} ({PAYNO}, {PAYLIC}, {PAYDTE}, {PAYAMT}, {PAYMTH}, {PAYRCT})
       SELECT ${added}, {PAYLIC}, '20261121', 10.00, 'CK', 'R2' FROM {PAYHST} WHERE {PAYNO} = ${maxPayment}`,
    );

    const result = await refreshChanged(desk, 'test');
    expect(entityOf(result, 'payment')).toMatchObject({ mode: 'changed', added: 1, updated: 0, removed: 0 });
    const inspections = entityOf(result, 'inspection');
    expect(inspections).toMatchObject({ mode: 'chunks', added: 0, updated: 1, removed: 1 });
    // Only the two chunks that changed were read (100 rows a chunk on average), not the whole table.
    expect(inspections.rows).toBeLessThan(inspectionsBefore.size / 2);
    expect(differences(inspectionsBefore, snapshot(desk, 'inspection'))).toEqual(
      [String(inspection.id), String(goneInspection)].sort(),
    );
    expect(snapshot(desk, 'inspection').get(String(inspection.id))).toMatchObject({ result: 'fail' });
    expect(differences(paymentsBefore, snapshot(desk, 'payment'))).toEqual([String(added)]);

    const again = await refreshChanged(desk, 'test');
    expect(entityOf(again, 'inspection')).toMatchObject({ rows: 0, added: 0, updated: 0, removed: 0 });
    expect(entityOf(again, 'payment')).toMatchObject({ rows: 0, added: 0 });
    desk.close();
  }, 180_000);
});
