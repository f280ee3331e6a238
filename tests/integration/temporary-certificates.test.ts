// Temporary certificates (issue 5: the counter works with the legacy link cut). On a SQLite demo
// desk with its link cut, a business registered and its licence issued at the counter get a
// TEMPORARY certificate under the provisional P- number; its code verifies as temporary, and as
// expired after its 30 days. Once the link is back and the desk synced, the same code says the
// licence has its city number (RV-…) and a permanent certificate prints under it. An ordinary
// licence with a renewal waiting is still refused.
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { isWorkbenchError } from '../../src-main/common/errors.ts';
import { verifyCertificate } from '../../src-main/node/certificates/certificates.ts';
import { cutSqliteLegacy, restoreSqliteLegacy } from '../e2e/support/sqlite-link.ts';
import { pdfText } from '../support/pdf-text.ts';
import { completeChecklist, deskUnderTest, kennelChecklistMet } from './support/desk-under-test.ts';

describe('temporary certificates with the legacy link cut (sqlite)', () => {
  const t = deskUnderTest('temporary-certificates', { size: 300, seed: 11, role: 'clerk', open: true });
  const { dir, call, cached } = t;
  afterAll(() => restoreSqliteLegacy(dir));

  it('a licence issued offline gets a TEMPORARY certificate under its P- number; after the sync, the permanent one', async () => {
    cutSqliteLegacy(dir);
    const created = await call('applications.create', {
      business: {
        kind: 'new',
        facts: {
          name: 'Kestrel Lane Kennels',
          ownerName: 'Rosa Ibarra',
          addressLine: '12 Kestrel Ln',
          city: 'Riverton',
          state: 'IL',
          postalCode: '60540',
          phone: '555 777 0199',
          taxId: '97-1234567',
        },
        dismissed: [],
      },
      licenceTypeCode: 'KENL',
    });
    expect(created.business.id).toMatch(/^local:/);
    await completeChecklist(call, created.application.id, kennelChecklistMet);
    const issued = await call('applications.issue', { applicationId: created.application.id });
    const local = issued.application.licenceId!;
    expect(local).toMatch(/^local:/);
    const shown = `P-${local.slice(6, 14).toUpperCase()}`;
    // Its own issue and its business's registration wait in the outbox: they do not stop a temporary certificate.
    expect(
      cached<{ command: string }>(`SELECT command FROM outbox WHERE status = 'pending' ORDER BY seq`).map(
        (r) => r.command,
      ),
    ).toEqual(['registerBusiness', 'issueLicence']);

    const temporary = await call('certificates.issue', { licenceId: local, language: 'en' });
    expect(temporary.certificate).toMatchObject({ kind: 'temporary', licenceId: local });
    expect(temporary.certificate.validUntil).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const text = await pdfText(readFileSync(temporary.savedTo));
    expect(text).toContain('TEMPORARY / PROVISIONAL CERTIFICATE');
    expect(text).toContain(`${shown} (provisional)`);
    expect(text).toContain('Kestrel Lane Kennels');
    expect(text).toContain('Temporary certificate valid until');
    expect(text).toContain(temporary.certificate.verificationCode);
    expect(text).not.toContain('local:');
    // The same in Spanish says TEMPORAL.
    const spanish = await call('certificates.issue', { licenceId: local, language: 'es' });
    expect(await pdfText(readFileSync(spanish.savedTo))).toContain('CERTIFICADO TEMPORAL / PROVISIONAL');

    const code = temporary.certificate.verificationCode;
    expect(await call('certificates.verify', { code })).toMatchObject({
      answer: 'temporary',
      certificate: { kind: 'temporary', licenceId: local },
      now: { licenceId: local },
    });
    // Past its validity it verifies as expired.
    const later = new Date(`${temporary.certificate.validUntil}T12:00:00Z`);
    later.setUTCDate(later.getUTCDate() + 2);
    expect(verifyCertificate(t.desk, code, later).answer).toBe('expired');
    const audited = cached<{ detail: string }>(
      `SELECT detail FROM audit_log WHERE action = 'certificate.issue' AND subject = ?`,
      local,
    );
    expect(JSON.parse(audited[0]!.detail)).toMatchObject({ kind: 'temporary' });

    // The link comes back; the sync gives the licence its city number.
    restoreSqliteLegacy(dir);
    const sync = await call('sync.now', {});
    expect(sync.push).toMatchObject({ conflicts: 0, remaining: 0 });
    const [adopted] = cached<{ legacy_id: string }>(
      'SELECT legacy_id FROM adopted_id WHERE local_id = ?',
      local,
    );
    const cityNo = adopted!.legacy_id;
    expect(cityNo).toMatch(/^RV-\d{7}$/);
    const after = await call('certificates.verify', { code });
    expect(after).toMatchObject({
      answer: 'temporary_numbered',
      certificate: { kind: 'temporary', licenceId: cityNo, facts: { licenceId: local } },
      now: { licenceId: cityNo, businessName: 'Kestrel Lane Kennels' },
    });
    // The temporary certificates are listed with the licence under its city number (and its old id).
    for (const asked of [cityNo, local]) {
      const { certificates } = await call('certificates.list', { licenceId: asked });
      expect(certificates.map((c) => c.kind)).toEqual(['temporary', 'temporary']);
    }

    // The permanent certificate prints under the city number; the temporary one is superseded by it.
    const permanent = await call('certificates.issue', { licenceId: local, language: 'en' });
    expect(permanent.certificate).toMatchObject({ kind: 'permanent', licenceId: cityNo, validUntil: null });
    const permanentText = await pdfText(readFileSync(permanent.savedTo));
    expect(permanentText).toContain(cityNo);
    expect(permanentText).not.toContain('TEMPORARY');
    expect((await call('certificates.verify', { code: permanent.certificate.verificationCode })).answer).toBe(
      'valid',
    );
    expect((await call('certificates.verify', { code })).answer).toBe('superseded');
  }, 180_000);

  it('a provisional licence whose issue is parked as a conflict gets no temporary certificate', async () => {
    cutSqliteLegacy(dir);
    try {
      const [business] = cached<{ id: string }>(
        `SELECT id FROM business WHERE id NOT LIKE 'local:%' ORDER BY id LIMIT 1`,
      );
      const created = await call('applications.create', {
        business: { kind: 'existing', businessId: business!.id },
        licenceTypeCode: 'KENL',
      });
      await completeChecklist(call, created.application.id, kennelChecklistMet);
      const local = (await call('applications.issue', { applicationId: created.application.id })).application
        .licenceId!;
      // As a push that found the legacy system refusing it would leave it (waiting for a person).
      t.desk.cache
        .prepare(`UPDATE outbox SET status = 'conflict' WHERE operation_id = ?`)
        .run(local.slice('local:'.length));
      const refused = await call('certificates.issue', { licenceId: local, language: 'en' }).catch(
        (e: unknown) => e,
      );
      expect(isWorkbenchError(refused) && refused.message).toContain('waits in a conflict');
      expect(cached('SELECT 1 FROM certificate WHERE licence_id = ?', local)).toEqual([]);
      // Put back, so the desk's later syncs send it.
      t.desk.cache
        .prepare(`UPDATE outbox SET status = 'pending' WHERE operation_id = ?`)
        .run(local.slice('local:'.length));
    } finally {
      restoreSqliteLegacy(dir);
    }
  }, 60_000);

  it('an ordinary licence with a renewal waiting is still refused, with nothing recorded', async () => {
    cutSqliteLegacy(dir);
    try {
      const [row] = cached<{ id: string }>(
        `SELECT id FROM licence WHERE status = 'active' AND id NOT LIKE 'local:%'
           AND licence_type_code NOT IN ('FOOD', 'LIQR')
           AND expires_on > date('now', '+5 days') AND expires_on < date('now', '+80 days')
           AND NOT EXISTS (SELECT 1 FROM hold h WHERE h.licence_id = licence.id AND h.released_on IS NULL)
         ORDER BY id`,
      );
      const id = row!.id;
      await call('licences.renew', { licenceId: id });
      const before = cached('SELECT certificate_no FROM certificate').length;
      const refused = await call('certificates.issue', { licenceId: id, language: 'en' }).catch(
        (e: unknown) => e,
      );
      expect(isWorkbenchError(refused) && refused.message).toContain(
        'has a change that has not reached the legacy system yet',
      );
      expect(cached('SELECT certificate_no FROM certificate')).toHaveLength(before);
    } finally {
      restoreSqliteLegacy(dir);
    }
  }, 60_000);
});
