// Duplicate suggestions: businesses on this desk that may be the one a clerk is about to register.
// Candidates come from indexes only (the licence search index for name words, the phone, tax id
// and house-number indexes of migration 0011, and the few businesses registered on this desk), then
// each candidate is scored in memory (normalise.ts). Measured in tests/bench: a few ms at 100,000.
import type { DuplicateSuggestion } from '../../common/ops/application-ops.ts';
import type { Cache } from '../cache/open-cache.ts';
import { formatPhone } from '../bridge/transforms.ts';
import { type BusinessFacts, matchBusiness, nameTokens, normaliseStreet, phoneDigits } from './normalise.ts';

interface Row {
  id: string;
  name: string;
  dba_name: string | null;
  owner_name: string | null;
  address_line: string | null;
  phone: string | null;
  tax_id: string | null;
}

/** Name words as an FTS5 query on the name columns: any word, by its first letters (typos at the end still match). */
export function nameMatchQuery(facts: Pick<BusinessFacts, 'name' | 'dbaName'>): string | null {
  const words = new Set<string>();
  for (const w of [...nameTokens(facts.name), ...nameTokens(facts.dbaName)]) {
    if (w === 'and' || w.length < 2) continue;
    words.add(w.length >= 5 ? w.slice(0, 4) : w);
  }
  if (words.size === 0) return null;
  const terms = [...words].slice(0, 8).map((w) => `"${w.replaceAll('"', '""')}"*`);
  return `{business_name dba_name} : (${terms.join(' OR ')})`;
}

export function suggestDuplicates(
  db: Cache,
  facts: BusinessFacts,
  limit: number,
): { suggestions: DuplicateSuggestion[]; tookMs: number } {
  const started = performance.now();
  const q = statements(db);
  const ids = new Set<string>();
  const match = nameMatchQuery(facts);
  if (match) for (const id of q.byName.all(match) as string[]) ids.add(id);
  const digits = phoneDigits(facts.phone);
  if (digits.length >= 7) {
    for (const id of q.byPhone.all(formatPhone(digits), facts.phone ?? '') as string[]) ids.add(id);
  }
  const tax = (facts.taxId ?? '').trim();
  if (tax) for (const id of q.byTax.all(tax) as string[]) ids.add(id);
  const house = /^(\d+[A-Za-z]?)\s/.exec(normaliseStreet(facts.addressLine))?.[1];
  if (house) for (const id of q.byHouse.all(`${house} %`) as string[]) ids.add(id);
  // Registered on this desk and not yet numbered by the legacy system: no licence, so not indexed.
  for (const id of q.local.all() as string[]) ids.add(id);

  const scored: DuplicateSuggestion[] = [];
  for (const id of ids) {
    const row = q.business.get(id) as Row | undefined;
    if (!row) continue;
    const m = matchBusiness(facts, {
      name: row.name,
      dbaName: row.dba_name,
      addressLine: row.address_line,
      phone: row.phone,
      taxId: row.tax_id,
    });
    if (!m) continue;
    scored.push({
      businessId: row.id,
      name: row.name,
      dbaName: row.dba_name,
      ownerName: row.owner_name,
      addressLine: row.address_line,
      phone: row.phone,
      taxId: row.tax_id,
      reasons: m.reasons,
      score: m.score,
      nameSimilarity: m.nameSimilarity,
      licenceIds: [],
      provisional: row.id.startsWith('local:'),
    });
  }
  scored.sort(
    (a, b) => b.score - a.score || b.nameSimilarity - a.nameSimilarity || a.name.localeCompare(b.name),
  );
  const top = scored.slice(0, limit);
  for (const s of top) s.licenceIds = q.licences.all(s.businessId) as string[];
  return { suggestions: top, tookMs: Math.round((performance.now() - started) * 10) / 10 };
}

const cached = new WeakMap<Cache, ReturnType<typeof prepare>>();
function statements(db: Cache) {
  let q = cached.get(db);
  if (!q) cached.set(db, (q = prepare(db)));
  return q;
}

function prepare(db: Cache) {
  return {
    byName: db
      .prepare(
        `SELECT DISTINCT l.business_id FROM licence_search s JOIN licence l ON l.rowid = s.rowid
         WHERE licence_search MATCH ? ORDER BY s.rank LIMIT 300`,
      )
      .pluck(),
    byPhone: db.prepare(`SELECT id FROM business WHERE phone IN (?, ?) LIMIT 50`).pluck(),
    byTax: db.prepare(`SELECT id FROM business WHERE tax_id = ? LIMIT 50`).pluck(),
    byHouse: db.prepare(`SELECT id FROM business WHERE address_line LIKE ? LIMIT 500`).pluck(),
    local: db.prepare(`SELECT id FROM business WHERE id >= 'local:' AND id < 'local;' LIMIT 200`).pluck(),
    business: db.prepare(
      `SELECT id, name, dba_name, owner_name, address_line, phone, tax_id FROM business WHERE id = ?`,
    ),
    licences: db.prepare(`SELECT id FROM licence WHERE business_id = ? ORDER BY id LIMIT 20`).pluck(),
  };
}
