// The PermitFlow generator on its own (no database): determinism, proportions, the dirt of a 2000s
// product, referential integrity, and the SQL it writes per engine.
import { beforeAll, describe, expect, it } from 'vitest';
import { addMonths, dayOf } from '../../src-main/tooling/demo/dates.ts';
import { MAX_SIZE } from '../../src-main/tooling/demo/generator.ts';
import {
  CONVERTED_PERMIT_NUMBER_PATTERN,
  countPermitDemo,
  feeScheduleRows,
  feesOn,
  generatePermitDemo,
  PERMIT_NUMBER_PATTERN,
  type PfBatch,
} from '../../src-main/tooling/demo/permitflow/generator.ts';
import {
  type BusinessRow,
  createTableSql,
  type InspectionRow,
  insertSql,
  moneyText,
  type PaymentRow,
  type PermitRow,
  PF_DATA_TABLES,
  PF_TABLES,
  resetIdentitySql,
} from '../../src-main/tooling/demo/permitflow/schema.ts';
import { type GeneratedCity, gatherCity, otherSeedCities, sameSeedCities } from './support/generated-city.ts';
import {
  CONVERSION_AT,
  GO_LIVE_DAY,
  PERMIT_TYPES,
  PLACEHOLDER_DATETIME,
  STATUS,
  UNICODE_FIRST_NAMES,
  UNICODE_SURNAMES,
} from '../../src-main/tooling/demo/permitflow/word-lists.ts';

const TODAY = '2026-11-01';

type Rows = { businesses: BusinessRow; permits: PermitRow; payments: PaymentRow; inspections: InspectionRow };
type City = GeneratedCity<PfBatch, Rows>;

const city = (size: number, seed: number, batchSize?: number): City =>
  gatherCity<PfBatch, Rows>(generatePermitDemo({ size, seed, ...(batchSize ? { batchSize } : {}) }), {
    businesses: 'Businesses',
    permits: 'Permits',
    payments: 'Payments',
    inspections: 'Inspections',
  });

const share = <T>(rows: T[], test: (r: T) => boolean) => rows.filter(test).length / rows.length;
const dayText = (t: string | null) => (t === null ? null : t.slice(0, 10));

let big: City;
let live: PermitRow[];
beforeAll(() => {
  big = city(6000, 42);
  live = big.permits.filter((p) => !p.IsDeleted);
});

describe('determinism', () => {
  it('gives identical rows for the same (size, seed), whatever the batch size', () => {
    const [a, , c] = sameSeedCities(city, PF_DATA_TABLES);
    expect(c.permits[321]).toEqual(a.permits[321]);
  });

  it('gives another city for another seed, with the same code tables and fees', () => {
    const [a, b] = otherSeedCities(city, PF_DATA_TABLES, [
      'PermitStatuses',
      'TenderTypes',
      'PermitTypes',
      'FeeSchedules',
    ]);
    expect(b.businesses.slice(0, 5).map((x) => x.LegalName)).not.toEqual(
      a.businesses.slice(0, 5).map((x) => x.LegalName),
    );
  });

  it('counts exactly what it generates, from the shapes alone', () => {
    expect(countPermitDemo(6000, 42)).toEqual({
      PermitStatuses: 6,
      TenderTypes: 4,
      PermitTypes: PERMIT_TYPES.length,
      FeeSchedules: feeScheduleRows().length,
      Businesses: big.businesses.length,
      Permits: 6000,
      Payments: big.payments.length,
      Inspections: big.inspections.length,
    });
  });

  it('streams: batches never exceed the batch size, and the largest city starts at once', () => {
    for (const b of big.batches) expect(b.rows.length).toBeLessThanOrEqual(500);
    const huge = generatePermitDemo({ size: MAX_SIZE, seed: 1 });
    let rows = 0;
    for (let i = 0; i < 40; i++) rows += huge.next().value?.rows.length ?? 0;
    expect(rows).toBeGreaterThan(10_000);
  });

  it('rejects sizes and seeds out of range', () => {
    expect(() => generatePermitDemo({ size: 0, seed: 1 }).next()).toThrow(/size/);
    expect(() => generatePermitDemo({ size: 10, seed: -1 }).next()).toThrow(/seed/);
    expect(() => countPermitDemo(MAX_SIZE + 1, 1)).toThrow(/size/);
  });
});

describe('proportions at 6000 permits', () => {
  it('makes exactly `size` permit rows, about 1 in 80 soft-deleted', () => {
    expect(big.permits).toHaveLength(6000);
    const deleted = share(big.permits, (p) => p.IsDeleted);
    expect(deleted).toBeGreaterThan(0.006);
    expect(deleted).toBeLessThan(0.02);
  });

  it('has the status mix of live permits within a few points of 58/20/3/2/6/11', () => {
    const of = (s: number) => share(live, (p) => p.StatusId === s);
    expect(Math.abs(of(STATUS.issued) - 0.58)).toBeLessThan(0.025);
    expect(Math.abs(of(STATUS.expired) - 0.2)).toBeLessThan(0.02);
    expect(Math.abs(of(STATUS.suspended) - 0.03)).toBeLessThan(0.01);
    expect(Math.abs(of(STATUS.revoked) - 0.02)).toBeLessThan(0.01);
    expect(Math.abs(of(STATUS.pending) - 0.06)).toBeLessThan(0.015);
    expect(Math.abs(of(STATUS.closed) - 0.11)).toBeLessThan(0.015);
  });

  it('has about 0.84 business rows per permit, some with no permit at all, most with one', () => {
    const ratio = big.businesses.length / big.permits.length;
    expect(ratio).toBeGreaterThan(0.78);
    expect(ratio).toBeLessThan(0.9);
    const perBusiness = new Map<number, number>();
    for (const p of big.permits) perBusiness.set(p.BusinessId, (perBusiness.get(p.BusinessId) ?? 0) + 1);
    const liveBusinesses = big.businesses.filter((b) => !b.IsDeleted);
    const idle = liveBusinesses.filter((b) => !perBusiness.has(b.BusinessId)).length / liveBusinesses.length;
    expect(idle).toBeGreaterThan(0.015);
    expect(idle).toBeLessThan(0.05);
    expect(Math.max(...perBusiness.values())).toBe(3);
  });

  it('has about 2.7 payments and 0.6 inspections per permit; most types in use', () => {
    expect(big.payments.length / 6000).toBeGreaterThan(2.3);
    expect(big.payments.length / 6000).toBeLessThan(3.1);
    expect(big.inspections.length / 6000).toBeGreaterThan(0.45);
    expect(big.inspections.length / 6000).toBeLessThan(0.75);
    const used = new Set(big.permits.map((p) => p.PermitTypeId));
    expect(used.size).toBe(PERMIT_TYPES.filter((t) => t.isActive).length);
    for (const t of PERMIT_TYPES.filter((x) => !x.isActive)) expect(used.has(t.id)).toBe(false);
  });
});

describe('dates, money and numbers as PermitFlow keeps them', () => {
  it('writes datetimes as SQL Server text with 1/300 s ticks, dates at midnight or with a time', () => {
    const stamps = [
      ...big.businesses.flatMap((b) => [b.CreatedOn, b.ModifiedOn]),
      ...big.permits.flatMap((p) => [p.IssuedOn, p.ExpiresOn, p.ModifiedOn]),
      ...big.payments.map((p) => p.ReceivedAt),
    ].filter((t): t is string => t !== null);
    for (const t of stamps) expect(t).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.\d{2}[037]$/);
    const issued = live.filter((p) => p.IssuedOn !== null);
    expect(share(issued, (p) => p.IssuedOn!.endsWith(' 00:00:00.000'))).toBeGreaterThan(0.5);
    expect(share(issued, (p) => !p.IssuedOn!.endsWith(' 00:00:00.000'))).toBeGreaterThan(0.2);
    expect(share(issued, (p) => p.ExpiresOn?.endsWith(' 23:59:59.997') ?? false)).toBeGreaterThan(0.05);
  });

  it('issued permits expire after today and were issued before; expired ones lapsed; pending have no dates', () => {
    const term = new Map(PERMIT_TYPES.map((t) => [t.id, t.like?.term ?? 12]));
    for (const p of live) {
      if (p.StatusId === STATUS.pending) {
        expect(p.IssuedOn).toBeNull();
        expect(p.ExpiresOn).toBeNull();
        continue;
      }
      expect(dayText(p.IssuedOn)! <= TODAY, p.PermitNumber).toBe(true);
      if (p.StatusId === STATUS.issued) expect(dayText(p.ExpiresOn)! > TODAY).toBe(true);
      if (p.StatusId === STATUS.expired) expect(dayText(p.ExpiresOn)! < TODAY).toBe(true);
      if (p.ExpiresOn === null) {
        expect([STATUS.revoked, STATUS.closed]).toContain(p.StatusId);
        continue;
      }
      const [y, m, d] = dayText(p.IssuedOn)!.split('-').map(Number) as [number, number, number];
      const expected = addMonths(dayOf(y, m, d), term.get(p.PermitTypeId)!);
      const [ey, em, ed] = dayText(p.ExpiresOn)!.split('-').map(Number) as [number, number, number];
      expect(dayOf(ey, em, ed)).toBe(expected);
    }
  });

  it('keeps money in whole cents (four places in SQL), annual fees from the schedule, refunds negative', () => {
    for (const r of [...big.payments.map((p) => p.Amount), ...feeScheduleRows().map((f) => f.Amount)])
      expect(Number.isSafeInteger(r)).toBe(true);
    for (const p of live) {
      if (p.AnnualFee === null) continue;
      const day = p.IssuedOn ?? p.CreatedOn;
      const [y, m, d] = day.slice(0, 10).split('-').map(Number) as [number, number, number];
      if (p.StatusId !== STATUS.pending)
        expect(p.AnnualFee).toBe(feesOn(p.PermitTypeId, dayOf(y, m, d)).annual);
    }
    const refunds = big.payments.filter((p) => p.Amount < 0);
    expect(refunds.length).toBeGreaterThan(0);
    for (const r of refunds) expect(r.ReceiptNumber === null || r.ReceiptNumber.startsWith('RF')).toBe(true);
    expect(moneyText(12550)).toBe('125.5000');
    expect(moneyText(-5)).toBe('-0.0500');
    expect(moneyText(0)).toBe('0.0000');
  });

  it('numbers new permits LK-YYYY-NNNNNN and keeps the converted ones old numbers, all unique', () => {
    const numbers = big.permits.map((p) => p.PermitNumber);
    expect(new Set(numbers.map((n) => n.trim())).size).toBe(numbers.length);
    for (const n of numbers)
      expect(PERMIT_NUMBER_PATTERN.test(n) || CONVERTED_PERMIT_NUMBER_PATTERN.test(n), n).toBe(true);
    expect(numbers.filter((n) => CONVERTED_PERMIT_NUMBER_PATTERN.test(n)).length).toBeGreaterThan(50);
    expect(numbers.filter((n) => n.endsWith(' ')).length).toBeGreaterThan(0);
  });

  it('gives identity keys that increase, with a SQL Server restart gap now and then', () => {
    for (const rows of [big.businesses.map((b) => b.BusinessId), big.payments.map((p) => p.PaymentId)]) {
      for (let i = 1; i < rows.length; i++) expect(rows[i]!).toBeGreaterThan(rows[i - 1]!);
    }
    const big2 = city(20_000, 3);
    const ids = big2.payments.map((p) => p.PaymentId);
    expect(ids.some((id, i) => i > 0 && id - ids[i - 1]! === 1000)).toBe(true);
    const rowVers = [...big2.businesses, ...big2.permits].map((r) => r.RowVer);
    expect(new Set(rowVers).size).toBe(rowVers.length);
  });
});

describe('dirt', () => {
  it('uses NULLs, not blanks, for what is unknown, and the 1900-01-01 zero date', () => {
    expect(share(big.businesses, (b) => b.DateEstablished === PLACEHOLDER_DATETIME)).toBeGreaterThan(0.03);
    expect(share(big.businesses, (b) => b.DateEstablished === null)).toBeGreaterThan(0.05);
    expect(share(big.businesses, (b) => b.PhoneNumber === null)).toBeGreaterThan(0.04);
    expect(share(big.businesses, (b) => b.FEIN === null)).toBeGreaterThan(0.2);
    expect(
      share(big.businesses, (b) => b.OwnerFirstName === null && b.OwnerLastName === null),
    ).toBeGreaterThan(0.05);
    expect(share(big.payments, (p) => p.TenderType === null)).toBeGreaterThan(0.005);
    for (const b of big.businesses) {
      for (const v of [b.Street1, b.City, b.Zip, b.PhoneNumber, b.FEIN, b.OwnerFirstName, b.OwnerLastName])
        expect(v === null || v.trim() !== '').toBe(true);
    }
    // A blank TradeName is rare, not the rule.
    expect(share(big.businesses, (b) => b.TradeName === '')).toBeLessThan(0.01);
  });

  it('soft-deletes merged duplicates and test records, which keep no permits', () => {
    const deleted = big.businesses.filter((b) => b.IsDeleted);
    expect(deleted.length / big.businesses.length).toBeGreaterThan(0.008);
    expect(deleted.length / big.businesses.length).toBeLessThan(0.03);
    const withPermits = new Set(big.permits.map((p) => p.BusinessId));
    for (const b of deleted) expect(withPermits.has(b.BusinessId)).toBe(false);
    // A merged duplicate repeats a live business's phone or FEIN.
    const phones = new Set(
      big.businesses.filter((b) => !b.IsDeleted).map((b) => b.PhoneNumber?.replace(/\D/g, '')),
    );
    const feins = new Set(big.businesses.filter((b) => !b.IsDeleted).map((b) => b.FEIN));
    const repeats = deleted.filter(
      (b) => (b.PhoneNumber && phones.has(b.PhoneNumber.replace(/\D/g, ''))) || (b.FEIN && feins.has(b.FEIN)),
    );
    expect(repeats.length / deleted.length).toBeGreaterThan(0.6);
  });

  it('has names in capitals (converted rows), in lower case, with double, trailing and non-ASCII letters', () => {
    const names = big.businesses.filter((b) => !b.IsDeleted).map((b) => b.LegalName);
    expect(share(names, (n) => n === n.toUpperCase() && /[A-Z]{3}/.test(n))).toBeGreaterThan(0.05);
    expect(names.some((n) => n === n.toLowerCase() && /[a-z]{3}/.test(n))).toBe(true);
    expect(names.some((n) => n.includes('  '))).toBe(true);
    expect(names.some((n) => n.endsWith(' '))).toBe(true);
    const owners = big.businesses.flatMap((b) => [b.OwnerFirstName, b.OwnerLastName]);
    const unicode = new Set<string>([...UNICODE_FIRST_NAMES, ...UNICODE_SURNAMES]);
    expect(owners.filter((o) => o !== null && unicode.has(o)).length).toBeGreaterThan(50);
    expect(big.businesses.some((b) => b.CreatedBy.includes('\\'))).toBe(true);
  });

  it('has converted rows: stamped at the conversion, upper-case outcomes, the old inspector ids', () => {
    const converted = big.permits.filter((p) => p.CreatedOn === CONVERSION_AT);
    expect(converted.length).toBeGreaterThan(50);
    const oldInspections = big.inspections.filter((i) => i.ScheduledFor.slice(0, 10) < '2003-07-01');
    expect(oldInspections.length).toBeGreaterThan(10);
    for (const i of oldInspections) {
      if (i.Outcome !== null) expect(i.Outcome.trim()).toBe(i.Outcome.trim().toUpperCase());
      if (i.InspectorName !== null) expect(i.InspectorName).toMatch(/^[A-Z]+$/);
    }
    expect(big.inspections.some((i) => i.Outcome?.endsWith(' '))).toBe(true);
    expect(GO_LIVE_DAY).toBe(dayOf(2003, 7, 1));
  });

  it('writes long inspection notes with Windows line ends, none longer than the bridge reads', () => {
    const notes = big.inspections.map((i) => i.Notes).filter((n): n is string => n !== null);
    expect(notes.some((n) => n.includes('\r\n') && n.length > 800)).toBe(true);
    expect(notes.some((n) => n.includes('\u2019'))).toBe(true);
    for (const n of notes) expect(n.length).toBeLessThanOrEqual(4000);
    const pending = big.inspections.filter((i) => i.Outcome === null);
    expect(pending.length).toBeGreaterThan(0);
    for (const i of pending) expect(i.CompletedAt).toBeNull();
  });
});

describe('referential integrity', () => {
  it('every permit names a business and a type; payments and inspections a permit', () => {
    const businesses = new Set(big.businesses.map((b) => b.BusinessId));
    const types = new Set(PERMIT_TYPES.map((t) => t.id));
    const permits = new Map(big.permits.map((p) => [p.PermitId, p]));
    for (const p of big.permits) {
      expect(businesses.has(p.BusinessId)).toBe(true);
      expect(types.has(p.PermitTypeId)).toBe(true);
    }
    for (const x of [...big.payments, ...big.inspections]) expect(permits.has(x.PermitId)).toBe(true);
    // Soft-deleted permits were keyed in error: nothing hangs off them.
    for (const x of [...big.payments, ...big.inspections])
      expect(permits.get(x.PermitId)!.IsDeleted).toBe(false);
    for (const f of feeScheduleRows()) expect(types.has(f.PermitTypeId)).toBe(true);
  });

  it('dates no payment or completed inspection after today; completes after scheduling; modifies after creating', () => {
    const permits = new Map(big.permits.map((p) => [p.PermitId, p]));
    for (const pay of big.payments) expect(pay.ReceivedAt.slice(0, 10) <= TODAY).toBe(true);
    for (const i of big.inspections) {
      if (i.CompletedAt !== null) {
        expect(i.CompletedAt >= i.ScheduledFor).toBe(true);
        expect(i.CompletedAt.slice(0, 10) <= TODAY).toBe(true);
      }
      expect(permits.get(i.PermitId)).toBeDefined();
    }
    for (const r of [...big.businesses, ...big.permits]) expect(r.ModifiedOn >= r.CreatedOn).toBe(true);
  });
});

describe('SQL per engine', () => {
  it('creates PascalCase tables with the migrated types of each engine', () => {
    expect(createTableSql('postgres', 'Permits')).toContain(
      '"PermitId" integer GENERATED BY DEFAULT AS IDENTITY NOT NULL',
    );
    expect(createTableSql('postgres', 'Permits')).toContain('"IsDeleted" BOOLEAN DEFAULT FALSE NOT NULL');
    expect(createTableSql('postgres', 'Permits')).toContain('"AnnualFee" NUMERIC(19,4) NULL');
    expect(createTableSql('postgres', 'Permits')).toContain('"IssuedOn" TIMESTAMP(3) NULL');
    expect(createTableSql('mariadb', 'Permits')).toContain('`PermitId` INT AUTO_INCREMENT NOT NULL');
    expect(createTableSql('mariadb', 'Permits')).toContain('`IsDeleted` TINYINT(1) DEFAULT 0 NOT NULL');
    expect(createTableSql('mariadb', 'Inspections')).toContain('`Notes` LONGTEXT NULL');
    expect(createTableSql('mariadb', 'Inspections')).toMatch(/ENGINE=InnoDB DEFAULT CHARSET=utf8mb4$/);
    expect(createTableSql('sqlite', 'Businesses')).toContain('"ModifiedOn" DATETIME NOT NULL');
    expect(createTableSql('sqlite', 'FeeSchedules')).toContain('"Amount" DECIMAL(19,4) NOT NULL');
    expect(resetIdentitySql('postgres')).toHaveLength(
      PF_DATA_TABLES.filter((t) => PF_TABLES[t].columns.some((c) => c.type === 'identity')).length,
    );
    expect(resetIdentitySql('mariadb')).toEqual([]);
  });

  it('writes literals: money in four places, bits per engine, NULL, doubled quotes and backslashes', () => {
    const permit = {
      ...big.permits.find((p) => p.AnnualFee !== null && p.IssuedOn !== null)!,
      AnnualFee: 12550,
    };
    expect(insertSql('postgres', 'Permits', [permit])).toMatch(/,125\.5000,FALSE,/);
    expect(insertSql('mariadb', 'Permits', [permit])).toMatch(/,125\.5000,0,/);
    const business = {
      ...big.businesses[0]!,
      LegalName: "O'Brien's Pub",
      TradeName: null,
      CreatedBy: 'LAKESIDE\\jsmith',
      IsDeleted: true,
    };
    const pg = insertSql('postgres', 'Businesses', [business]);
    const my = insertSql('mariadb', 'Businesses', [business]);
    expect(pg).toContain("'O''Brien''s Pub',NULL,");
    expect(pg).toContain("'LAKESIDE\\jsmith'");
    expect(my).toContain("'LAKESIDE\\\\jsmith'");
    expect(pg).toContain('TRUE');
    expect(() =>
      insertSql('postgres', 'Businesses', [{ ...business, LegalName: null as unknown as string }]),
    ).toThrow(/LegalName cannot be NULL/);
  });
});
