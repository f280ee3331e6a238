// Duplicate suggestions: the normalising rules, the scoring, and the look-up over a real cache
// (with migration 0011's indexes and the licence search index), including its query plans.
import { beforeAll, describe, expect, it } from 'vitest';
import {
  matchBusiness,
  nameSimilarity,
  normaliseName,
  normaliseStreet,
  normaliseTaxId,
  phoneDigits,
} from '../../src-main/node/applications/normalise.ts';
import { nameMatchQuery, suggestDuplicates } from '../../src-main/node/applications/duplicates.ts';
import { rebuildSearchIndex } from '../../src-main/node/cache/search-index.ts';
import { entityWriter } from '../../src-main/node/cache/store.ts';
import { businessRow as business, oneLicenceEach } from './support/cache-rows.ts';
import { cacheForAll } from './support/desk-cache.ts';
import { expectEach } from './support/each-case.ts';

describe('normalising', () => {
  it('names: case, punctuation, legal forms and & vs and', () => {
    expectEach(normaliseName, {
      "Joe's Diner, Inc.": 'joes diner',
      'JOES DINER LLC': 'joes diner',
      'Smith & Sons Co': 'smith and sons',
      'Smith and Sons Company': 'smith and sons',
      'The Café Olé, L.L.C.': 'cafe ole',
      '': '',
    });
  });

  it('streets: abbreviations and punctuation', () => {
    expectEach(normaliseStreet, {
      '123 North Main Street, Suite 4': '123 n main st ste 4',
      '123 N. Main St #4': '123 n main st ste 4',
    });
  });

  it('phones and tax ids', () => {
    expectEach(phoneDigits, {
      '(555) 201-3344': '5552013344',
      '+1 555 201 3344': '5552013344',
    });
    expect(normaliseTaxId('12-3456789')).toBe('123456789');
  });

  it('name similarity is 1 for the same name and high for a near miss', () => {
    expect(nameSimilarity('joes diner', 'joes diner')).toBe(1);
    expect(nameSimilarity('joes diner', 'joes dinner')).toBeGreaterThan(0.6);
    expect(nameSimilarity('joes diner', 'riverside hardware')).toBeLessThan(0.2);
    // One long common word does not make two businesses alike.
    expect(nameSimilarity('martinez enterprises', 'walker enterprises')).toBeLessThan(0.6);
    expect(nameSimilarity('heron point bistro', 'heron point')).toBeGreaterThanOrEqual(0.6);
  });
});

describe('scoring', () => {
  it('says why a business matched, strongest first by score', () => {
    const typed = {
      name: "Joe's Diner LLC",
      addressLine: '12 N Main St',
      phone: '555-201-3344',
      taxId: '12-3456789',
    };
    const same = matchBusiness(typed, {
      name: 'Joes Diner',
      addressLine: '12 North Main Street',
      phone: '(555) 201-3344',
      taxId: '12-3456789',
    });
    expect(same?.reasons).toEqual(['same_name', 'same_address', 'same_phone', 'same_tax_id']);
    const similar = matchBusiness(typed, { name: 'Joes Dinner Inc' });
    expect(similar?.reasons).toEqual(['similar_name']);
    expect(similar!.score).toBeLessThan(same!.score);
    expect(matchBusiness(typed, { name: 'Riverside Hardware' })).toBeNull();
  });

  it('a DBA name counts as a name', () => {
    expect(
      matchBusiness({ name: 'Acme Holdings', dbaName: 'Corner Bakery' }, { name: 'Corner Bakery Co' })
        ?.reasons,
    ).toEqual(['same_name']);
  });

  it('the name query asks the name columns for any word, by its first letters', () => {
    expect(nameMatchQuery({ name: "Joe's Dinner & Grill, LLC" })).toBe(
      '{business_name dba_name} : ("joes"* OR "dinn"* OR "gril"*)',
    );
    expect(nameMatchQuery({ name: 'Inc' })).toBeNull();
  });
});

describe('suggestions from a cache', () => {
  const db = cacheForAll('wb-dup-');
  const at = '2026-11-01T09:00:00-06:00';
  beforeAll(() => {
    const rows = [
      business('1', 'Joes Diner', { addressLine: '12 N Main St', phone: '(555) 201-3344' }),
      business('2', 'Riverside Hardware', { taxId: '12-3456789' }),
      business('3', 'Blue Heron Books', { addressLine: '40 Elm Ave' }),
    ];
    for (let i = 0; i < 2000; i++)
      rows.push(business(String(100 + i), `Filler Company ${i}`, { addressLine: `${i} Oak St` }));
    entityWriter(db, 'business').upsert(rows, at);
    entityWriter(db, 'licence').upsert(oneLicenceEach(rows), at);
    rebuildSearchIndex(db);
  });

  it('finds a near-duplicate name, the same phone, tax id and address', () => {
    const byName = suggestDuplicates(db, { name: "Joe's Dinner LLC" }, 5).suggestions;
    expect(byName[0]).toMatchObject({
      businessId: '1',
      reasons: ['similar_name'],
      licenceIds: ['RV-0000001'],
    });
    expect(suggestDuplicates(db, { name: 'Zzz', phone: '555 201 3344' }, 5).suggestions[0]).toMatchObject({
      businessId: '1',
      reasons: ['same_phone'],
    });
    expect(suggestDuplicates(db, { name: 'Zzz', taxId: '12-3456789' }, 5).suggestions[0]).toMatchObject({
      businessId: '2',
      reasons: ['same_tax_id'],
    });
    expect(
      suggestDuplicates(db, { name: 'Zzz', addressLine: '40 Elm Avenue' }, 5).suggestions[0],
    ).toMatchObject({
      businessId: '3',
      reasons: ['same_address'],
    });
    expect(suggestDuplicates(db, { name: 'Completely Different Name' }, 5).suggestions).toEqual([]);
  });

  it('uses indexes for phone, tax id and house number (no scan of the business table)', () => {
    const plan = (sql: string, ...p: unknown[]) =>
      (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...p) as Array<{ detail: string }>)
        .map((r) => r.detail)
        .join('; ');
    expect(plan('SELECT id FROM business WHERE phone IN (?, ?)', 'a', 'b')).toMatch(/business_by_phone/);
    expect(plan('SELECT id FROM business WHERE tax_id = ?', 'a')).toMatch(/business_by_tax_id/);
    expect(plan('SELECT id FROM business WHERE address_line LIKE ?', '12 %')).toMatch(/business_by_address/);
    expect(plan(`SELECT id FROM business WHERE id >= 'local:' AND id < 'local;'`)).not.toMatch(
      /^SCAN business$/,
    );
  });
});
