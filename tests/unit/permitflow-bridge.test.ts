// bridges/permitflow/bridge.yaml on its own: it loads, its SQL quotes PermitFlow's PascalCase names
// for each engine, and rows as the drivers hand them over become the expected canonical records.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { EntityName } from '../../src-main/common/model.ts';
import { dialectTable } from '../../src-main/node/bridge/dialects.ts';
import { loadBridge } from '../../src-main/node/bridge/load-bridge.ts';
import { buildReadPlan, type DataIssue } from '../../src-main/node/bridge/read-plan.ts';
import type { Raw } from '../../src-main/node/bridge/transforms.ts';

const file = join(import.meta.dirname, '..', '..', 'bridges', 'permitflow', 'bridge.yaml');
const { definition } = loadBridge(file);

const plan = (entity: EntityName, dialect: 'postgres' | 'mariadb' | 'sqlite' = 'postgres') =>
  buildReadPlan(definition, entity, definition.entities[entity]!, dialectTable[dialect]);

/** A fetched row from values by canonical field (the plan reads column i of the mapping as c<i>). */
function row(entity: EntityName, values: Record<string, Raw>): Record<string, Raw> {
  const out: Record<string, Raw> = {};
  Object.keys(definition.entities[entity]!.columns).forEach((field, i) => {
    if (field in values) out[`c${i}`] = values[field]!;
  });
  return out;
}

describe('the PermitFlow bridge file', () => {
  it('loads, maps every canonical entity, and names PermitFlow as its bridge', () => {
    expect(definition.name).toBe('permitflow');
    expect(Object.keys(definition.entities).sort()).toEqual(
      [
        'business',
        'codeValue',
        'feeSchedule',
        'inspection',
        'licence',
        'licenceType',
        'payment',
        // Its Inspections rows are the schedule too; it has no checklists, violations or ordinances.
        'scheduledInspection',
      ].sort(),
    );
  });

  it('quotes the PascalCase names for each engine and leaves out soft-deleted rows', () => {
    const pg = plan('licence', 'postgres').sql;
    const my = plan('licence', 'mariadb').sql;
    const lite = plan('licence', 'sqlite').sql;
    expect(pg).toContain('FROM "Permits"');
    expect(pg).toContain('CAST("IsDeleted" AS INTEGER) = 0');
    expect(my).toContain('FROM `Permits`');
    expect(my).toContain('CAST(`IsDeleted` AS INTEGER) = 0');
    expect(my).not.toContain('"IsDeleted"'); // a string, not a column, on MariaDB
    expect(lite).toContain('"IsDeleted"');
    for (const entity of ['business', 'licence', 'payment', 'inspection', 'codeValue'] as const) {
      for (const dialect of ['postgres', 'mariadb', 'sqlite'] as const) {
        expect(plan(entity, dialect).sql, `${entity} on ${dialect}`).not.toMatch(/\{[A-Za-z_]+\}/);
      }
    }
    // MariaDB pages by key through the query, in key order.
    expect(plan('payment', 'mariadb').pageSql([40], 1000)).toMatch(
      /WHERE `PaymentId` > 40 ORDER BY `PaymentId` LIMIT 1000$/,
    );
  });

  it('makes a licence of a permit: number trimmed, status mapped, datetimes as dates, 4-place money in cents', () => {
    const issues: DataIssue[] = [];
    const licence = plan('licence').toRecord(
      row('licence', {
        id: '98-00412 ',
        businessId: 17, // MariaDB hands over integers as numbers
        licenceTypeCode: 3,
        status: 5,
        issuedOn: '2026-01-20',
        expiresOn: '2027-01-20',
        feeCents: '157.5000',
        legacyUpdatedAt: '2026-01-20 13:07:30',
      }),
      issues,
    );
    expect(issues).toEqual([]);
    expect(licence).toEqual({
      id: '98-00412',
      businessId: '17',
      licenceTypeCode: '3',
      status: 'unknown', // 5 Pending: an application, not a licence yet
      issuedOn: '2026-01-20',
      expiresOn: '2027-01-20',
      feeCents: 15750,
      legacyUpdatedAt: '2026-01-20T13:07:30-08:00',
    });
    const statuses = ['1', '2', '3', '4', '6', '9'].map(
      (s) =>
        plan('licence').toRecord(row('licence', { id: 'LK-2020-000001', businessId: '1', status: s }), [])!
          .status,
    );
    expect(statuses).toEqual(['active', 'expired', 'suspended', 'revoked', 'closed', 'unknown']);
  });

  it('reads the owner, the zero date and NULLs of a business', () => {
    const issues: DataIssue[] = [];
    const business = plan('business').toRecord(
      row('business', {
        id: '42',
        name: "O'BRIEN'S  PUB LLC ",
        dbaName: null,
        ownerName: ' Murphy',
        addressLine: '1200 N Main St',
        city: 'Lakeside ',
        state: 'or',
        postalCode: null,
        phone: '5553014455',
        taxId: null,
        openedOn: '1900-01-01',
        legacyUpdatedAt: '2019-12-29 08:32:40',
      }),
      issues,
    );
    expect(issues).toEqual([]);
    expect(business).toMatchObject({
      name: "O'Brien's Pub LLC",
      dbaName: null,
      ownerName: 'Murphy',
      city: 'Lakeside',
      state: 'OR',
      phone: '(555) 301-4455',
      openedOn: null,
      legacyUpdatedAt: '2019-12-29T08:32:40-08:00',
    });
  });

  it('maps tender types and outcomes; a real fraction of a cent is a data issue, never rounded', () => {
    const methods = ['1', '2', '3', '4', null].map(
      (t) =>
        plan('payment').toRecord(
          row('payment', { id: '1', licenceId: 'LK-2020-000001', amountCents: '5.0000', method: t }),
          [],
        )!.method,
    );
    expect(methods).toEqual(['cash', 'check', 'card', 'other', 'other']);
    const results = ['Passed', 'FAILED', 'Reinspection required ', null, 'Cancelled'].map(
      (o) =>
        plan('inspection').toRecord(
          row('inspection', { id: '1', licenceId: 'LK-2020-000001', result: o }),
          [],
        )!.result,
    );
    expect(results).toEqual(['pass', 'fail', 'reinspect', 'pending', 'unknown']);
    const refund = plan('payment').toRecord(
      row('payment', { id: '2', licenceId: 'LK-2020-000001', amountCents: '-37.5000', method: '2' }),
      [],
    );
    expect(refund!.amountCents).toBe(-3750);
    const issues: DataIssue[] = [];
    expect(
      plan('payment').toRecord(
        row('payment', { id: '3', licenceId: 'x', amountCents: '12.3450', method: '1' }),
        issues,
      ),
    ).toBeNull();
    expect(issues[0]).toMatchObject({
      field: 'amountCents',
      value: '12.3450',
      problem: expect.stringMatching(/fractions of a cent/),
    });
  });

  it('gives code values an id of table and code', () => {
    const code = plan('codeValue').toRecord(
      row('codeValue', { codeTable: 'paymentMethod', code: 3, label: 'Credit Card' }),
      [],
    );
    expect(code).toEqual({
      id: 'paymentMethod:3',
      codeTable: 'paymentMethod',
      code: '3',
      label: 'Credit Card',
    });
  });
});
