// The Riverton generator on its own (no database): determinism, proportions, dirt, referential
// integrity, legacy encodings and the SQL it writes.
import { beforeAll, describe, expect, it } from 'vitest';
import {
  addMonths,
  dayOf,
  fromCyymmdd,
  isoOf,
  toCyymmdd,
  toTimestamp,
  toYyyymmdd,
  ymdOf,
} from '../../src-main/tooling/demo/dates.ts';
import {
  countDemoCity,
  type DemoBatch,
  feeScheduleRows,
  feesOn,
  generateDemoCity,
  LICNO_PATTERN,
  MAX_SIZE,
} from '../../src-main/tooling/demo/generator.ts';
import {
  type BusmstRow,
  createTableSql,
  DATA_TABLES,
  decimalText,
  type InspctRow,
  insertSql,
  type LicmstRow,
  type PayhstRow,
  TABLES,
} from '../../src-main/tooling/demo/schema.ts';
import { join } from 'node:path';
import { computeResult } from '../../src-main/node/inspections/grade.ts';
import { kindRules, loadInspectionRules } from '../../src-main/node/inspections/inspection-rules.ts';
import { type GeneratedCity, gatherCity, otherSeedCities, sameSeedCities } from './support/generated-city.ts';
import {
  ABBREVIATIONS,
  IMPOSSIBLE_OPENED_DATES,
  LEGAL_SUFFIXES,
  LICENCE_TYPES,
  PLACEHOLDER_OPENED_DATES,
} from '../../src-main/tooling/demo/word-lists.ts';

const TODAY_CYYMMDD = 1261101; // GENERATOR_TODAY, 2026-11-01

type Rows = { businesses: BusmstRow; licences: LicmstRow; payments: PayhstRow; inspections: InspctRow };
type City = GeneratedCity<DemoBatch, Rows>;

const city = (size: number, seed: number, batchSize?: number): City =>
  gatherCity<DemoBatch, Rows>(generateDemoCity({ size, seed, ...(batchSize ? { batchSize } : {}) }), {
    businesses: 'BUSMST',
    licences: 'LICMST',
    payments: 'PAYHST',
    inspections: 'INSPCT',
  });

/** A real calendar date written YYYYMMDD? */
const isRealYyyymmdd = (t: string) =>
  /^\d{8}$/.test(t) && toYyyymmdd(dayOf(+t.slice(0, 4), +t.slice(4, 6), +t.slice(6, 8))) === t;

const isRealCyymmdd = (n: number) => n > 0 && toCyymmdd(fromCyymmdd(n)) === n;

const rowsOf = <T extends DemoBatch['table']>(c: City, table: T) =>
  c.batches.filter((b) => b.table === table).flatMap((b) => b.rows as unknown[]) as Extract<
    DemoBatch,
    { table: T }
  >['rows'];

let big: City;
beforeAll(() => {
  big = city(5000, 42);
});

describe('determinism', () => {
  it('gives identical rows for the same (size, seed), whatever the batch size', () => {
    const [a, b] = sameSeedCities(city, DATA_TABLES);
    expect(b.licences[123]).toEqual(a.licences[123]);
  });

  it('gives a different city for another seed, with the same code tables', () => {
    const [a, b] = otherSeedCities(city, DATA_TABLES, ['RVSTAT', 'RVLTYP', 'RVFEE']);
    expect(
      b.businesses[0]!.BUSNAM === a.businesses[0]!.BUSNAM &&
        b.businesses[1]!.BUSNAM === a.businesses[1]!.BUSNAM,
    ).toBe(false);
  });

  it('counts exactly what it generates, from the shapes alone', () => {
    const counts = countDemoCity(5000, 42);
    expect(counts).toEqual({
      RVSTAT: 5,
      RVLTYP: 15,
      RVFEE: feeScheduleRows().length,
      BUSMST: big.businesses.length,
      LICMST: 5000,
      PAYHST: big.payments.length,
      INSPCT: big.inspections.length,
      RVHOLD: big.batches.filter((b) => b.table === 'RVHOLD').reduce((n, b) => n + b.rows.length, 0),
      ARBAL: big.batches.filter((b) => b.table === 'ARBAL').reduce((n, b) => n + b.rows.length, 0),
      ORDSEC: rowsOf(big, 'ORDSEC').length,
      INSSCH: rowsOf(big, 'INSSCH').length,
      INSCHK: rowsOf(big, 'INSCHK').length,
      VIOLTN: rowsOf(big, 'VIOLTN').length,
      CMPLNT: rowsOf(big, 'CMPLNT').length,
      ENFCAS: rowsOf(big, 'ENFCAS').length,
    });
  });

  it('puts a hold on every 61st licence (some on the business, a third released) and a balance on every 47th business', () => {
    const holds = big.batches.filter((b) => b.table === 'RVHOLD').flatMap((b) => b.rows);
    const balances = big.batches.filter((b) => b.table === 'ARBAL').flatMap((b) => b.rows);
    expect(holds.length).toBe(Math.floor(5000 / 61));
    expect(holds[0]).toMatchObject({ HLDNO: 1, HLDLIC: 'RV-0000061', HLDBUS: 0, HLDREL: '' });
    expect(holds.filter((h) => h.HLDLIC === '').every((h) => (h.HLDBUS as number) > 0)).toBe(true);
    expect(holds.filter((h) => h.HLDREL !== '').length).toBe(Math.floor(holds.length / 3));
    const businesses = new Set(big.businesses.map((b) => b.BUSNO));
    expect(balances.length).toBeGreaterThan(0);
    for (const b of balances) {
      expect(businesses.has(b.ARBUS as number)).toBe(true);
      expect(b.ARAMT).toBeGreaterThan(0);
    }
  });

  it('streams: batches never exceed the batch size and the largest city starts at once', () => {
    for (const b of big.batches) expect(b.rows.length).toBeLessThanOrEqual(500);
    const started = performance.now();
    const huge = generateDemoCity({ size: MAX_SIZE, seed: 1 });
    let rows = 0;
    for (let i = 0; i < 40; i++) rows += huge.next().value?.rows.length ?? 0;
    expect(rows).toBeGreaterThan(10_000);
    expect(performance.now() - started).toBeLessThan(10_000); // lazily, not the 40 million rows first
  });

  it('rejects sizes and seeds out of range', () => {
    expect(() => generateDemoCity({ size: 0, seed: 1 }).next()).toThrow(/size/);
    expect(() => generateDemoCity({ size: 10, seed: -1 }).next()).toThrow(/seed/);
    expect(() => countDemoCity(1.5, 1)).toThrow(/size/);
    expect(() => countDemoCity(MAX_SIZE + 1, 1)).toThrow(/size/);
  });
});

describe('proportions at 5000 licences', () => {
  it('has about 0.8 businesses per licence, most with one licence and some with 2-3', () => {
    expect(big.licences).toHaveLength(5000);
    expect(big.businesses.length / 5000).toBeGreaterThan(0.76);
    expect(big.businesses.length / 5000).toBeLessThan(0.84);
    const perBusiness = new Map<number, number>();
    for (const l of big.licences) perBusiness.set(l.LICBUS, (perBusiness.get(l.LICBUS) ?? 0) + 1);
    const many = [...perBusiness.values()].filter((n) => n >= 2).length;
    expect(many / perBusiness.size).toBeGreaterThan(0.12);
    expect(Math.max(...perBusiness.values())).toBe(3);
  });

  it('has the status mix 62/20/5/13 within a few points', () => {
    const share = (s: string) => big.licences.filter((l) => l.LICSTS === s).length / 5000;
    expect(share('A')).toBeCloseTo(0.62, 1);
    expect(Math.abs(share('A') - 0.62)).toBeLessThan(0.025);
    expect(Math.abs(share('E') - 0.2)).toBeLessThan(0.02);
    expect(Math.abs(share('S') - 0.05)).toBeLessThan(0.012);
    expect(Math.abs(share('C') - 0.13)).toBeLessThan(0.015);
  });

  it('has about 2.5 payments and 0.6 inspections per licence, more inspections for FOOD and LIQR', () => {
    expect(big.payments.length / 5000).toBeGreaterThan(2.25);
    expect(big.payments.length / 5000).toBeLessThan(2.75);
    expect(big.inspections.length / 5000).toBeGreaterThan(0.5);
    expect(big.inspections.length / 5000).toBeLessThan(0.7);
    const typeOf = new Map(big.licences.map((l) => [l.LICNO, l.LICTYP]));
    const rate = (types: string[]) => {
      const lic = big.licences.filter((l) => types.includes(l.LICTYP)).length;
      const ins = big.inspections.filter((i) => types.includes(typeOf.get(i.INSLIC)!)).length;
      return ins / lic;
    };
    expect(rate(['FOOD', 'LIQR'])).toBeGreaterThan(3 * rate(['GENL', 'HOME', 'TAXI', 'PEDL']));
  });

  it('uses every licence type, with realistic names', () => {
    const types = new Set(big.licences.map((l) => l.LICTYP));
    expect([...types].sort()).toEqual(LICENCE_TYPES.map((t) => t.code).sort());
    const names = big.businesses.map((b) => b.BUSNAM.trim().replace(/\s+/g, ' ').toUpperCase());
    expect(names.filter((n) => /^[A-Z0-9'&.,\- ]+$/.test(n)).length).toBe(names.length);
    expect(names.filter((n) => n.split(' ').length >= 2).length / names.length).toBeGreaterThan(0.9);
    expect(new Set(names).size / names.length).toBeGreaterThan(0.85);
  });
});

describe('dates consistent with status', () => {
  it('active licences expire after 2026-11-01, expired ones before; issue + term = expiry', () => {
    const term = new Map(LICENCE_TYPES.map((t) => [t.code, t.term]));
    for (const l of big.licences) {
      expect(isRealCyymmdd(l.LICISS), l.LICNO).toBe(true);
      expect(l.LICISS).toBeLessThanOrEqual(TODAY_CYYMMDD);
      if (l.LICSTS === 'A') expect(l.LICEXP).toBeGreaterThan(TODAY_CYYMMDD);
      if (l.LICSTS === 'E') expect(l.LICEXP).toBeLessThan(TODAY_CYYMMDD);
      if (l.LICEXP === 0) {
        expect(l.LICSTS).toBe('C');
        continue;
      }
      expect(isRealCyymmdd(l.LICEXP)).toBe(true);
      expect(l.LICISS).toBeLessThan(l.LICEXP);
      expect(toCyymmdd(addMonths(fromCyymmdd(l.LICISS), term.get(l.LICTYP)!))).toBe(l.LICEXP);
    }
    const noExpiry = big.licences.filter((l) => l.LICEXP === 0).length;
    expect(noExpiry).toBeGreaterThan(0);
    expect(noExpiry).toBeLessThan(50);
  });

  it('bills each licence the fee of its type in force at its issue date', () => {
    for (const l of big.licences) expect(l.LICFEE).toBe(feesOn(l.LICTYP, fromCyymmdd(l.LICISS)).base);
  });

  it('takes payments at the fee schedule of the time (base, + application, + late), some split', () => {
    const typeOf = new Map(big.licences.map((l) => [l.LICNO, l.LICTYP]));
    const allowed = new Map<string, Set<number>>();
    for (const f of feeScheduleRows()) {
      const fees = feesOn(f.FSLTYP, fromCyymmdd(f.FSEFDT));
      const set = allowed.get(f.FSLTYP) ?? new Set<number>();
      for (const a of [fees.base, fees.base + fees.application, fees.base + fees.late]) set.add(a);
      allowed.set(f.FSLTYP, set);
    }
    const bad: PayhstRow[] = [];
    let whole = 0;
    let split = 0;
    const ps = big.payments;
    for (let i = 0; i < ps.length; i++) {
      const p = ps[i]!;
      if (!isRealYyyymmdd(p.PAYDTE) || p.PAYDTE < '19950101' || p.PAYDTE > '20261101' || p.PAYAMT <= 0)
        bad.push(p);
      if (p.PAYMTH === 'CC' && p.PAYDTE < '20000101') bad.push(p); // no cards before 2000
      const ok = allowed.get(typeOf.get(p.PAYLIC)!)!;
      const next = ps[i + 1]?.PAYLIC === p.PAYLIC ? ps[i + 1] : undefined;
      const prev = ps[i - 1]?.PAYLIC === p.PAYLIC ? ps[i - 1] : undefined;
      if (ok.has(p.PAYAMT)) whole++;
      else if ((next && ok.has(p.PAYAMT + next.PAYAMT)) || (prev && ok.has(p.PAYAMT + prev.PAYAMT))) split++;
      else if (!next && p.PAYAMT % 100 === 0)
        split++; // a first part whose rest is not paid (yet)
      else bad.push(p);
      expect(['CA', 'CK', 'CC', 'MO']).toContain(p.PAYMTH);
    }
    expect(bad).toEqual([]);
    expect(whole / ps.length).toBeGreaterThan(0.8);
    expect(split / ps.length).toBeGreaterThan(0.03);
  });

  it('has rising fees from 1995 to 2025, several effective dates per type', () => {
    const rows = feeScheduleRows();
    expect(new Set(rows.map((r) => r.FSNO)).size).toBe(rows.length);
    for (const t of LICENCE_TYPES) {
      const base = rows.filter((r) => r.FSLTYP === t.code && r.FSDESC === 'BASE FEE');
      expect(base.length).toBeGreaterThanOrEqual(4);
      expect(base[0]!.FSEFDT).toBe(950101);
      for (let i = 1; i < base.length; i++) {
        expect(base[i]!.FSEFDT).toBeGreaterThan(base[i - 1]!.FSEFDT);
        expect(base[i]!.FSAMT).toBeGreaterThan(base[i - 1]!.FSAMT);
      }
    }
    expect(rows.some((r) => r.FSEFDT === 1240701)).toBe(true);
    expect(rows.some((r) => r.FSEFDT === 1250701)).toBe(true);
  });

  it('dates inspections within the licence life; only recent ones are pending', () => {
    const licence = new Map(big.licences.map((l) => [l.LICNO, l]));
    for (const i of big.inspections) {
      expect(isRealCyymmdd(i.INSDTE)).toBe(true);
      expect(i.INSDTE).toBeLessThanOrEqual(TODAY_CYYMMDD);
      expect(['FIRE', 'HLTH', 'ZONE', 'BLDG']).toContain(i.INSTYP);
      expect(['P', 'F', 'R', ' ']).toContain(i.INSRES);
      if (i.INSRES === ' ') expect(i.INSDTE).toBeGreaterThanOrEqual(toCyymmdd(dayOf(2026, 9, 1)));
      const l = licence.get(i.INSLIC)!;
      if (l.LICEXP) expect(i.INSDTE).toBeLessThanOrEqual(l.LICEXP);
    }
    const blankNotes = big.inspections.filter((i) => i.INSNOT === '').length / big.inspections.length;
    expect(blankNotes).toBeGreaterThan(0.4);
  });
});

describe('dirt', () => {
  it('has placeholder, unknown and impossible opened dates; the rest are real', () => {
    const opened = big.businesses.map((b) => b.BUSOPN);
    const count = (pred: (s: string) => boolean) => opened.filter(pred).length;
    expect(count((s) => s === PLACEHOLDER_OPENED_DATES[0])).toBeGreaterThan(big.businesses.length * 0.015);
    expect(count((s) => s === '00000000')).toBeGreaterThan(0);
    expect(count((s) => s === '')).toBeGreaterThan(0);
    const impossible = opened.filter((s) => s !== '' && s !== '00000000' && !isRealYyyymmdd(s));
    expect(impossible.length).toBeGreaterThan(5);
    for (const s of impossible) expect(IMPOSSIBLE_OPENED_DATES).toContain(s);
    expect(impossible).toContain(impossible.find((s) => s.slice(4, 6) > '12' || s.slice(6) > '28'));
  });

  it('leaves about 10% of the last-update columns blank, the others real timestamps', () => {
    const blankBus = big.businesses.filter((b) => b.BUSUPD === '').length / big.businesses.length;
    const blankLic = big.licences.filter((l) => l.LICUPD === '').length / big.licences.length;
    expect(blankBus).toBeGreaterThan(0.07);
    expect(blankBus).toBeLessThan(0.13);
    expect(blankLic).toBeGreaterThan(0.07);
    expect(blankLic).toBeLessThan(0.13);
    for (const t of [...big.businesses.map((b) => b.BUSUPD), ...big.licences.map((l) => l.LICUPD)]) {
      if (t === '') continue;
      expect(t).toMatch(/^\d{14}$/);
      expect(isRealYyyymmdd(t.slice(0, 8))).toBe(true);
      expect(+t.slice(8, 10)).toBeLessThan(24);
      expect(+t.slice(10, 12)).toBeLessThan(60);
      expect(t.slice(0, 8) <= '20261101').toBe(true);
    }
  });

  it('has near-duplicate businesses: same phone or tax id, name spelled another way', () => {
    const long = new Map(ABBREVIATIONS.map(([s, l]) => [l, s]));
    const legal = new Set<string>([...LEGAL_SUFFIXES.map((s) => s.replace('.', '')), 'LLC']);
    const norm = (name: string) =>
      name
        .toUpperCase()
        .replace(/[.,']/g, '')
        .trim()
        .split(/\s+/)
        .map((w) => long.get(w) ?? w)
        .filter((w) => !legal.has(w))
        .join(' ');
    const seen = new Map<string, BusmstRow>();
    const pairs: Array<[BusmstRow, BusmstRow]> = [];
    for (const b of big.businesses) {
      const keys = [
        b.BUSPHN && `P${b.BUSPHN.replace(/\D/g, '').slice(-7)}`,
        b.BUSTAX && `T${b.BUSTAX.replace(/\D/g, '')}`,
      ]
        .filter(Boolean)
        .map((k) => `${norm(b.BUSNAM)}|${k}`);
      const earlier = keys.map((k) => seen.get(k)).find((x) => x);
      if (earlier && earlier.BUSNAM !== b.BUSNAM) pairs.push([earlier, b]);
      for (const k of keys) if (!seen.has(k)) seen.set(k, b);
    }
    expect(pairs.length / big.businesses.length).toBeGreaterThan(0.01);
    expect(pairs.length / big.businesses.length).toBeLessThan(0.04);
    expect(pairs.some(([a, b]) => a.BUSNAM.toUpperCase() === b.BUSNAM.toUpperCase())).toBe(true); // case only
  });

  it('has stray spaces and some mixed-case rows, mostly upper case', () => {
    const names = big.businesses.map((b) => b.BUSNAM);
    expect(names.filter((n) => n.startsWith(' ')).length).toBeGreaterThan(0);
    expect(names.filter((n) => n.includes('  ')).length).toBeGreaterThan(0);
    expect(big.businesses.filter((b) => b.BUSAD1.includes('  ')).length).toBeGreaterThan(0);
    const mixed = names.filter((n) => /[a-z]/.test(n)).length / names.length;
    expect(mixed).toBeGreaterThan(0.01);
    expect(mixed).toBeLessThan(0.1);
  });

  it('writes phone numbers in several formats, some blank', () => {
    const phones = big.businesses.map((b) => b.BUSPHN);
    expect(phones.some((p) => /^\(555\) \d{3}-\d{4}$/.test(p))).toBe(true);
    expect(phones.some((p) => /^555-\d{3}-\d{4}$/.test(p))).toBe(true);
    expect(phones.some((p) => /^555\d{7}$/.test(p))).toBe(true);
    expect(phones.filter((p) => p === '').length / phones.length).toBeGreaterThan(0.05);
    expect(big.businesses.some((b) => /^\d{2}-\d{7}$/.test(b.BUSTAX))).toBe(true);
    expect(big.businesses.some((b) => b.BUSTAX === '')).toBe(true);
  });
});

describe('integrity and encodings', () => {
  it('links every licence to a business and every payment and inspection to a licence', () => {
    const busNos = new Set(big.businesses.map((b) => b.BUSNO));
    const licNos = new Set(big.licences.map((l) => l.LICNO));
    expect(busNos.size).toBe(big.businesses.length);
    expect(licNos.size).toBe(big.licences.length);
    expect(new Set(big.payments.map((p) => p.PAYNO)).size).toBe(big.payments.length);
    expect(new Set(big.inspections.map((i) => i.INSNO)).size).toBe(big.inspections.length);
    for (const l of big.licences) expect(busNos.has(l.LICBUS)).toBe(true);
    for (const p of big.payments) expect(licNos.has(p.PAYLIC)).toBe(true);
    for (const i of big.inspections) expect(licNos.has(i.INSLIC)).toBe(true);
    for (const l of big.licences) expect(l.LICNO).toMatch(LICNO_PATTERN);
    expect(big.licences[0]!.LICNO).toBe('RV-0000001');
  });

  it('fits every value in its column', () => {
    const misfits: string[] = [];
    for (const table of ['BUSMST', 'LICMST', 'PAYHST', 'INSPCT'] as const) {
      const rows = big.batches
        .filter((b) => b.table === table)
        .flatMap((b) => b.rows as unknown as Record<string, unknown>[]);
      for (const c of TABLES[table].columns) {
        for (const r of rows) {
          const v = r[c.name];
          const fits =
            c.kind === 'char' || c.kind === 'varchar'
              ? typeof v === 'string' && v.length <= c.length
              : Number.isSafeInteger(v) &&
                (c.kind !== 'decimal' || Math.abs(v as number) < 10 ** c.precision);
          if (!fits) misfits.push(`${table}.${c.name} = ${JSON.stringify(v)}`);
        }
      }
    }
    expect(misfits).toEqual([]);
  });

  it('encodes CYYMMDD with C = 0 for 19xx and 1 for 20xx', () => {
    expect(toCyymmdd(dayOf(2024, 7, 1))).toBe(1240701);
    expect(toCyymmdd(dayOf(1995, 3, 15))).toBe(950315);
    expect(toCyymmdd(dayOf(1999, 12, 31))).toBe(991231);
    expect(toCyymmdd(dayOf(2000, 1, 1))).toBe(1000101);
    expect(isoOf(fromCyymmdd(1240229))).toBe('2024-02-29');
    expect(isoOf(fromCyymmdd(950101))).toBe('1995-01-01');
    expect(toYyyymmdd(dayOf(2003, 4, 9))).toBe('20030409');
    expect(toTimestamp(dayOf(2003, 4, 9), 13 * 3600 + 5 * 60 + 7)).toBe('20030409130507');
    for (let day = dayOf(1899, 12, 25); day < dayOf(2101, 1, 5); day += 13) {
      const { y, m, d } = ymdOf(day);
      expect(dayOf(y, m, d)).toBe(day);
    }
    expect(isoOf(addMonths(dayOf(2023, 1, 31), 1))).toBe('2023-02-28');
    expect(isoOf(addMonths(dayOf(2024, 3, 31), -1))).toBe('2024-02-29');
  });
});

describe('SQL', () => {
  it('writes DECIMAL literals from scaled integers, exactly', () => {
    expect(decimalText(12550, 2)).toBe('125.50');
    expect(decimalText(5, 2)).toBe('0.05');
    expect(decimalText(-5, 2)).toBe('-0.05');
    expect(decimalText(1240701, 0)).toBe('1240701');
  });

  it('pads CHAR values, doubles quotes, and doubles backslashes for MariaDB only', () => {
    const row = {
      PAYNO: 1,
      PAYLIC: "O'B\\",
      PAYDTE: '20240101',
      PAYAMT: 12550,
      PAYMTH: 'CK',
      PAYRCT: '',
      PAYREF: 0,
    };
    expect(insertSql('postgres', 'PAYHST', [row])).toBe(
      'INSERT INTO "PAYHST" ("PAYNO","PAYLIC","PAYDTE","PAYAMT","PAYMTH","PAYRCT","PAYREF") ' +
        "VALUES (1,'O''B\\      ','20240101',125.50,'CK','          ',0)",
    );
    expect(insertSql('mariadb', 'PAYHST', [row, { ...row, PAYNO: 2 }])).toBe(
      'INSERT INTO `PAYHST` (`PAYNO`,`PAYLIC`,`PAYDTE`,`PAYAMT`,`PAYMTH`,`PAYRCT`,`PAYREF`) ' +
        "VALUES (1,'O''B\\\\      ','20240101',125.50,'CK','          ',0),(2,'O''B\\\\      ','20240101',125.50,'CK','          ',0)",
    );
    expect(() => insertSql('sqlite', 'PAYHST', [{ ...row, PAYAMT: '1.5' }])).toThrow(/PAYAMT/);
  });

  it('declares the same columns and types on the three engines', () => {
    const shape = (sql: string) => sql.replace(/[`"]/g, '').replace(/ ENGINE=.*$/, '');
    for (const table of ['RVDEMO', ...DATA_TABLES] as const) {
      const sqlite = createTableSql('sqlite', table);
      expect(shape(createTableSql('postgres', table))).toBe(shape(sqlite));
      expect(shape(createTableSql('mariadb', table))).toBe(shape(sqlite));
    }
    expect(createTableSql('postgres', 'LICMST')).toContain('"LICFEE" DECIMAL(9,2) DEFAULT 0 NOT NULL');
    expect(createTableSql('mariadb', 'BUSMST')).toContain("`BUSNAM` CHAR(40) DEFAULT '' NOT NULL");
  });
});

describe("the inspector's tables", () => {
  const rules = loadInspectionRules(join(import.meta.dirname, '../../bridges/riverton/inspections.yaml'));
  const today = '2026-12-07';
  const todayCyymmdd = 1261207;
  let work: City;
  beforeAll(() => {
    work = gatherCity<DemoBatch, Rows>(generateDemoCity({ size: 2000, seed: 1, today }), {
      businesses: 'BUSMST',
      licences: 'LICMST',
      payments: 'PAYHST',
      inspections: 'INSPCT',
    });
  });

  it('has rows in every new table, in proportion to the licences', () => {
    const schedule = rowsOf(work, 'INSSCH');
    expect(rowsOf(work, 'ORDSEC').length).toBeGreaterThan(30);
    expect(schedule.length).toBeGreaterThan(work.inspections.length);
    expect(rowsOf(work, 'INSCHK').length).toBeGreaterThan(5 * work.inspections.length);
    expect(rowsOf(work, 'VIOLTN').length).toBeGreaterThan(0.5 * work.inspections.length);
    expect(new Set(schedule.map((s) => s.SCHSTS))).toEqual(new Set(['S', 'D', 'C', 'N']));
    expect(schedule.some((s) => s.SCHLIC === '' && s.SCHADR.trim() !== '')).toBe(true);
  });

  it('posts every done inspection of a licence to one INSPCT row of the same licence, kind and day', () => {
    const history = new Map(work.inspections.map((i) => [i.INSNO, i]));
    const posted = rowsOf(work, 'INSSCH').filter((s) => s.SCHINS > 0);
    expect(posted.length).toBe(work.inspections.length);
    for (const s of posted) {
      const i = history.get(s.SCHINS)!;
      expect([s.SCHLIC, s.SCHTYP, s.SCHDTE, s.SCHSTS]).toEqual([i.INSLIC, i.INSTYP, i.INSDTE, 'D']);
      expect(s.SCHRES).toBe(i.INSRES === 'P' ? 'P' : i.INSRES.trim() === '' ? '' : 'F');
    }
  });

  it('has inspections today and overdue, assigned to the demo inspectors', () => {
    const open = rowsOf(work, 'INSSCH').filter((s) => s.SCHSTS === 'S');
    const onToday = open.filter((s) => s.SCHDTE === todayCyymmdd && s.SCHBY === 'MGARCIA');
    expect(onToday.length).toBeGreaterThan(0);
    expect(open.filter((s) => s.SCHDTE < todayCyymmdd).length).toBeGreaterThan(10);
    // The open schedule moves with the demo's today; the history does not.
    const other = gatherCity<DemoBatch, Rows>(
      generateDemoCity({ size: 2000, seed: 1, today: '2027-01-04' }),
      {
        businesses: 'BUSMST',
        licences: 'LICMST',
        payments: 'PAYHST',
        inspections: 'INSPCT',
      },
    );
    expect(other.inspections).toEqual(work.inspections);
    expect(
      rowsOf(other, 'INSSCH').filter((s) => s.SCHSTS === 'S' && s.SCHDTE === 1270104).length,
    ).toBeGreaterThan(0);
    expect(() => [...generateDemoCity({ size: 5, seed: 1, today: '2026-02-30' })]).toThrow(/real date/);
  });

  it('writes only item codes inspections.yaml has, and the score and grade the desk would give', () => {
    const schedule = new Map(rowsOf(work, 'INSSCH').map((s) => [s.SCHNO, s]));
    const checks = Map.groupBy(rowsOf(work, 'INSCHK'), (c) => c.CHKSCH);
    expect(checks.size).toBeGreaterThan(0);
    for (const [schNo, lines] of checks) {
      const s = schedule.get(schNo)!;
      const kind = kindRules(rules, s.SCHTYP)!;
      const codes = new Set(kind.items.map((i) => i.code));
      for (const l of lines) expect(codes.has(l.CHKITM), `${s.SCHTYP} ${l.CHKITM}`).toBe(true);
      expect(lines.map((l) => l.CHKSEQ)).toEqual(lines.map((_, i) => i + 1));
      const outcomes = Object.fromEntries(
        lines.map((l) => [
          l.CHKITM,
          ({ P: 'pass', F: 'fail', N: 'na' } as const)[l.CHKOUT.toUpperCase() as 'P'],
        ]),
      );
      const r = computeResult(kind, outcomes);
      expect([s.SCHSCR, s.SCHGRD, s.SCHRES], `SCHNO ${schNo}`).toEqual([
        r.score,
        r.grade,
        r.result === 'pass' ? 'P' : 'F',
      ]);
    }
  });

  it('cites only sections of ORDSEC, with its severity, on inspections that exist', () => {
    const sections = new Map(rowsOf(work, 'ORDSEC').map((o) => [o.ORDSEC, o]));
    const schedule = new Set(rowsOf(work, 'INSSCH').map((s) => s.SCHNO));
    const items = Object.values(rules.kinds).flatMap((k) => k.items);
    for (const i of items) expect(sections.has(i.ordinance!), i.code).toBe(true);
    const violations = rowsOf(work, 'VIOLTN');
    const keys = violations.map((v) => `${v.VIOSCH}:${v.VIOSEQ}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (const v of violations) {
      expect(sections.get(v.VIOSEC)?.ORDSEV, v.VIOSEC).toBe(v.VIOSEV);
      expect(schedule.has(v.VIOSCH)).toBe(true);
    }
    expect(new Set(violations.map((v) => v.VIOSTS))).toEqual(new Set(['O', 'C', 'T']));
    expect(violations.some((v) => v.VIOSEC.startsWith('4-60-'))).toBe(true); // liquor
    expect(violations.some((v) => v.VIODUE === '00000000')).toBe(true); // dirt
    for (const o of sections.values()) expect(o.ORDTES.length).toBeGreaterThan(3);
  });
});

describe('the code enforcement tables', () => {
  it('has complaints about licensed sites and bare addresses, most of them on a case', () => {
    const complaints = rowsOf(big, 'CMPLNT');
    const cases = rowsOf(big, 'ENFCAS');
    expect(complaints.length).toBeGreaterThan(0.04 * 5000);
    expect(cases.length).toBeGreaterThan(0.5 * complaints.length);
    const licensed = complaints.filter((c) => c.CMPLIC !== '');
    expect(licensed.length / complaints.length).toBeGreaterThan(0.5);
    expect(complaints.length - licensed.length).toBeGreaterThan(0.1 * complaints.length);
    const numbers = complaints.map((c) => c.CMPNO);
    expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
    expect(new Set(numbers).size).toBe(numbers.length);
  });

  it('puts every complaint marked O on a case that exists, at its address, and only those', () => {
    const cases = new Map(rowsOf(big, 'ENFCAS').map((c) => [c.CASNO, c]));
    const licences = new Map(big.licences.map((l) => [l.LICNO, l]));
    for (const c of rowsOf(big, 'CMPLNT')) {
      if (c.CMPSTS !== 'O') {
        expect(c.CMPCAS).toBe(0);
        expect(['N', 'D']).toContain(c.CMPSTS);
        continue;
      }
      const kase = cases.get(c.CMPCAS)!;
      expect(kase, `CMPNO ${c.CMPNO}`).toBeDefined();
      expect(c.CMPADR.trim().replace(/\s+/g, ' ')).toBe(kase.CASADR.trim().replace(/\s+/g, ' '));
      expect(c.CMPLIC.toUpperCase()).toBe(kase.CASLIC);
    }
    for (const k of cases.values()) {
      if (k.CASLIC) expect(licences.get(k.CASLIC)?.LICBUS).toBe(k.CASBUS);
      else expect(k.CASBUS).toBe(0);
    }
    // Some cases have two complaints (a second caller about the same site).
    const perCase = new Map<number, number>();
    for (const c of rowsOf(big, 'CMPLNT'))
      if (c.CMPCAS) perCase.set(c.CMPCAS, (perCase.get(c.CMPCAS) ?? 0) + 1);
    expect([...perCase.values()].some((n) => n === 2)).toBe(true);
    expect(perCase.size).toBe(cases.size);
  });

  it('closes old cases corrected, cited or dismissed with dates in order; fines only on citations; recent cases open', () => {
    const cases = rowsOf(big, 'ENFCAS');
    expect(new Set(cases.map((k) => k.CASSTS))).toEqual(new Set(['O', 'C', 'T', 'X']));
    for (const k of cases) {
      expect(isRealCyymmdd(k.CASOPN)).toBe(true);
      expect(k.CASOPN).toBeLessThan(TODAY_CYYMMDD);
      if (k.CASSTS === 'O') expect([k.CASCLS, k.CASFIN, k.CASPAY]).toEqual([0, 0, 0]);
      else {
        expect(isRealCyymmdd(k.CASCLS)).toBe(true);
        expect(k.CASCLS).toBeGreaterThanOrEqual(k.CASOPN);
      }
      if (k.CASSTS === 'T') expect(k.CASFIN).toBeGreaterThanOrEqual(100_00);
      else expect(k.CASFIN).toBe(0);
      if (k.CASPAY) expect(k.CASPAY).toBeGreaterThan(k.CASCLS);
      if (k.CASOPN > toCyymmdd(dayOf(2026, 11, 1) - 60)) expect(k.CASSTS).toBe('O');
    }
    const cited = cases.filter((k) => k.CASSTS === 'T');
    expect(cited.some((k) => k.CASPAY === 0)).toBe(true); // unpaid fines
    expect(cited.some((k) => k.CASPAY > 0)).toBe(true);
  });

  it('has the dirt of the rest: blank officers and channels, padded and doubled spaces, lower case, no deadline', () => {
    const complaints = rowsOf(big, 'CMPLNT');
    const cases = rowsOf(big, 'ENFCAS');
    expect(complaints.some((c) => c.CMPCHN === '')).toBe(true);
    expect(complaints.some((c) => c.CMPADR.startsWith(' ') || c.CMPADR.includes('  '))).toBe(true);
    expect(complaints.some((c) => c.CMPDSC !== c.CMPDSC.toUpperCase())).toBe(true);
    expect(cases.some((k) => k.CASDUE === 0)).toBe(true);
    expect(cases.some((k) => k.CASUPD === '')).toBe(true);
    expect(cases.filter((k) => k.CASSTS === 'O').some((k) => k.CASOFF === '')).toBe(true);
    // No web complaints before the city's web form (2003).
    for (const c of complaints) if (c.CMPCHN === 'I') expect(c.CMPRCV).toBeGreaterThanOrEqual(1030101);
  });
});
