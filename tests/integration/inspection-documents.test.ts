// The inspector's documents on real parts (SQLite, as the other document tests): the demo city,
// the desk's first sync, then through the contract as the UI calls it. The route sheet lists the
// visits of `inspections.day` in that op's order with their businesses; a failed result with two
// violations prints a notice of violation, in English and Spanish, with each section, its plain
// words from the ordinance table, its deadline and the re-inspection date (the visit the failure
// scheduled, or the rule's last day when none is on the schedule); a visit that found no
// violations is refused with its own message, never printed empty. The CLI prints both too.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isWorkbenchError } from '../../src-main/common/errors.ts';
import { formatErrorText } from '../../src-main/common/messages/error-text.ts';
import { kindRules, loadInspectionRules } from '../../src-main/node/inspections/inspection-rules.ts';
import { reinspectionDue } from '../../src-main/node/inspections/reinspection.ts';
import { pdfText } from '../support/pdf-text.ts';
import { deskUnderTest } from './support/desk-under-test.ts';
import { workbench } from './support/workbench-cli.ts';

const rules = loadInspectionRules(join(import.meta.dirname, '../../bridges/riverton/inspections.yaml'));
/** A day written out as the documents write it: "December 17, 2026", "17 de diciembre de 2026". */
const longDate = (iso: string, locale: 'en-US' | 'es-US') =>
  new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' })
    .format(new Date(`${iso}T00:00:00Z`))
    .replace(/\s/g, ' ');
/** Text as pdf.js gives it, spaces squeezed, so a wrapped cell still reads as its words. */
const squeezed = (s: string) => s.replace(/\s+/g, ' ');

/** Where each of `parts` is found in `text`, each searched after the one before (-1 if missing). */
function positionsInOrder(text: string, parts: string[]): number[] {
  let from = 0;
  return parts.map((part) => {
    const at = text.indexOf(part, from);
    if (at >= 0) from = at + part.length;
    return at;
  });
}

async function refusal(promise: Promise<unknown>) {
  const e = await promise.then(
    () => null,
    (err: unknown) => err,
  );
  if (!isWorkbenchError(e)) throw new Error(`expected a refusal, got ${String(e)}`);
  return e;
}

describe("the inspector's documents", () => {
  // An inspector's desk on the demo city (the same city as inspection-results.test.ts).
  const t = deskUnderTest('inspection-documents', { size: 400, seed: 13, role: 'inspector', open: true });

  /** Open visits of a licensed business, numbered by the legacy system, of a kind with three items or more. */
  const openVisits = () =>
    t
      .cached<{ id: string; kind: string; inspector: string }>(
        `SELECT s.id, s.kind, s.inspector FROM scheduled_inspection s JOIN licence l ON l.id = s.licence_id
          WHERE s.status = 'scheduled' AND s.inspector IS NOT NULL AND s.id NOT LIKE 'local:%'
          ORDER BY CAST(s.id AS INTEGER)`,
      )
      .filter((v) => (kindRules(rules, v.kind)?.items.length ?? 0) >= 3);

  it("prints the route sheet of a day: the op's visits, in its order, with their businesses", async () => {
    // The last day anything is scheduled: an inspector's day then holds every open visit of theirs.
    const [{ on, inspector }] = t.cached<{ on: string; inspector: string }>(
      `SELECT (SELECT max(scheduled_on) FROM scheduled_inspection WHERE status = 'scheduled') AS "on",
              inspector
         FROM scheduled_inspection WHERE status = 'scheduled' AND inspector IS NOT NULL
        GROUP BY inspector ORDER BY count(*) DESC, inspector LIMIT 1`,
    ) as [{ on: string; inspector: string }];
    const day = await t.call('inspections.day', { inspector, on });
    expect(day.visits.length).toBeGreaterThanOrEqual(3);

    const doc = await t.call('documents.routeSheet', { inspector, on, language: 'en' });
    expect(doc.mimeType).toBe('application/pdf');
    expect(doc.savedTo.startsWith(join(t.dir, 'documents', 'inspections'))).toBe(true);
    expect(existsSync(doc.savedTo)).toBe(true);
    const text = squeezed(await pdfText(doc.base64));
    expect(text).toContain('Route sheet');
    expect(text).toContain(`Inspector ${inspector}`);
    expect(text).toContain(`Day ${longDate(on, 'en-US')}`);
    expect(text).toMatch(new RegExp(`Visits ${day.visits.length}\\b`));
    // Each stop, numbered in the op's order, with its business and its inspection number.
    const parts = day.visits.flatMap((v, i) => [
      `${i + 1}. `,
      v.businessName ?? '(no licence)',
      ...(v.inspection.licenceId ? [`Licence ${v.inspection.licenceId}`] : []),
      `Inspection ${v.inspection.id}`,
      'Notes',
    ]);
    const at = positionsInOrder(text, parts);
    expect(parts.filter((_, i) => at[i]! < 0)).toEqual([]);
    // The open violations at a site are listed with their section (the op's count first).
    for (const v of day.visits.filter((x) => x.openViolations > 0))
      expect(text).toContain(`Inspection ${v.inspection.id} Open violations ${v.openViolations}: `);

    const es = squeezed(
      await pdfText((await t.call('documents.routeSheet', { inspector, on, language: 'es' })).base64),
    );
    expect(es).toContain('Hoja de ruta');
    expect(es).toContain(`Día ${longDate(on, 'es-US')}`);
    const atEs = positionsInOrder(
      es,
      day.visits.map((v) => `Inspección ${v.inspection.id}`),
    );
    expect(atEs.every((p) => p >= 0)).toBe(true);
  });

  it('prints the notice of violation of a failed inspection in English and Spanish', async () => {
    const visit = openVisits()[0]!;
    const items = kindRules(rules, visit.kind)!.items;
    const answers = Object.fromEntries(
      items.map((item, i) => [item.code, { outcome: i < 2 ? ('fail' as const) : ('pass' as const) }]),
    );
    const sections = t.cached<{ section: string; title_en: string; title_es: string }>(
      'SELECT section, title_en, title_es FROM ordinance ORDER BY section LIMIT 2',
    );
    const recorded = await t.call('inspections.record', {
      inspectionId: visit.id,
      answers,
      violations: [
        { ordinanceSection: sections[0]!.section, description: 'Cold holding at 48 °F' },
        { ordinanceSection: sections[1]!.section, description: 'No soap at the hand sink' },
      ],
    });
    expect(recorded.result).toBe('fail');
    const reinspectOn = recorded.reinspection!.scheduledOn;
    const violations = t.cached<{ ordinance_section: string; correct_by: string }>(
      'SELECT ordinance_section, correct_by FROM violation WHERE inspection_id = ? ORDER BY id',
      visit.id,
    );
    expect(violations).toHaveLength(2);

    const en = await t.call('documents.violationNotice', { inspectionId: visit.id, language: 'en' });
    expect(en.savedTo.startsWith(join(t.dir, 'documents', 'notices'))).toBe(true);
    const text = squeezed(await pdfText(en.base64));
    expect(text).toContain('Notice of violation');
    expect(text).toContain(`Inspection number ${visit.id}`);
    expect(text).toContain(`Inspector ${visit.inspector}`);
    expect(text).toContain('Violations found (2)');
    for (const [n, v] of violations.entries()) {
      const section = sections.find((s) => s.section === v.ordinance_section)!;
      const [row] = positionsInOrder(text, [`${n + 1} ${section.section} ${section.title_en}`]);
      expect(row, `violation ${n + 1} row`).toBeGreaterThan(0);
      expect(text).toContain(longDate(v.correct_by, 'en-US'));
    }
    expect(text).toContain('Cold holding at 48 °F');
    expect(text).toContain(`Re-inspection: ${longDate(reinspectOn, 'en-US')}`);
    expect(text).toContain(`A re-inspection is scheduled for ${longDate(reinspectOn, 'en-US')}`);

    const es = squeezed(
      await pdfText(
        (await t.call('documents.violationNotice', { inspectionId: visit.id, language: 'es' })).base64,
      ),
    );
    expect(es).toContain('Aviso de infracción');
    expect(es).toContain('Infracciones encontradas (2)');
    for (const v of violations) {
      const section = sections.find((s) => s.section === v.ordinance_section)!;
      expect(es).toContain(`${section.section} ${section.title_es}`);
      expect(es).toContain(longDate(v.correct_by, 'es-US'));
    }
    expect(es).toContain(`Nueva inspección: ${longDate(reinspectOn, 'es-US')}`);

    // Once synced, the re-inspection has its legacy number and the notice still finds it.
    expect((await t.call('sync.now', {})).push).toMatchObject({ conflicts: 0, remaining: 0 });
    expect(
      t.cached('SELECT 1 FROM scheduled_inspection WHERE id = ?', recorded.reinspection!.inspectionId),
    ).toEqual([]);
    const synced = squeezed(
      await pdfText(
        (await t.call('documents.violationNotice', { inspectionId: visit.id, language: 'en' })).base64,
      ),
    );
    expect(synced).toContain(`A re-inspection is scheduled for ${longDate(reinspectOn, 'en-US')}`);
  });

  it("gives the rule's last day for a failure with no re-inspection on the schedule", async () => {
    // A failed visit of the demo city with violations and no open visit of its kind at its licence since.
    const [failed] = t.cached<{ id: string; kind: string; scheduled_on: string }>(
      `SELECT s.id, s.kind, s.scheduled_on FROM scheduled_inspection s
        WHERE s.status = 'done' AND s.result = 'fail' AND s.licence_id IS NOT NULL
          AND EXISTS (SELECT 1 FROM violation v WHERE v.inspection_id = s.id)
          AND NOT EXISTS (SELECT 1 FROM scheduled_inspection o WHERE o.status = 'scheduled'
                AND o.licence_id = s.licence_id AND o.kind = s.kind AND o.scheduled_on >= s.scheduled_on)
        ORDER BY CAST(s.id AS INTEGER) LIMIT 1`,
    );
    expect(failed).toBeTruthy();
    const due = reinspectionDue(kindRules(rules, failed!.kind)!.reinspection, failed!.scheduled_on, 'fail');
    const text = squeezed(
      await pdfText(
        (await t.call('documents.violationNotice', { inspectionId: failed!.id, language: 'en' })).base64,
      ),
    );
    expect(text).toContain(`The site will be inspected again on or before ${longDate(due!, 'en-US')}`);
  });

  it('refuses a notice for a visit that found no violations, and for one not done, in both languages', async () => {
    const visit = openVisits().at(-1)!;
    const items = kindRules(rules, visit.kind)!.items;
    const passed = await t.call('inspections.record', {
      inspectionId: visit.id,
      answers: Object.fromEntries(items.map((i) => [i.code, { outcome: 'pass' as const }])),
      violations: [],
    });
    expect(passed.result).toBe('pass');
    const none = await refusal(
      t.call('documents.violationNotice', { inspectionId: visit.id, language: 'en' }),
    );
    expect(none.code).toBe('invalid_input');
    expect(none.text?.key).toBe('inspection.notice_no_violations');
    expect(formatErrorText(none.text!, 'en')).toBe(
      `Inspection ${visit.id} found no violations, so there is no notice of violation to print.`,
    );
    expect(formatErrorText(none.text!, 'es')).toContain('no encontró infracciones');

    const open = openVisits()[0]!;
    const notDone = await refusal(
      t.call('documents.violationNotice', { inspectionId: open.id, language: 'en' }),
    );
    expect(notDone.text?.key).toBe('inspection.notice_not_done');
    const missing = await refusal(
      t.call('documents.violationNotice', { inspectionId: '99999999', language: 'en' }),
    );
    expect(missing.code).toBe('not_found');
    // Nothing was kept for the refused visits.
    expect(existsSync(join(t.dir, 'documents', 'notices', `violation-notice-${visit.id}-en.pdf`))).toBe(
      false,
    );
  });

  it('prints both from the command line and says where they were kept', async () => {
    const [done] = t.cached<{ id: string; inspector: string; scheduled_on: string }>(
      `SELECT id, inspector, scheduled_on FROM scheduled_inspection s WHERE status = 'done'
         AND EXISTS (SELECT 1 FROM violation v WHERE v.inspection_id = s.id) ORDER BY CAST(id AS INTEGER) LIMIT 1`,
    );
    {
      const notice = workbench(t.dir, ['inspections', 'notice', done!.id, '--lang', 'es']);
      expect(notice.stderr).toBe('');
      expect(notice.status).toBe(0);
      const kept = /kept at (.+\.pdf)\.$/m.exec(notice.stdout)?.[1];
      expect(kept).toContain(join('documents', 'notices', `violation-notice-${done!.id}-es`));
      expect(squeezed(await pdfText(new Uint8Array(readFileSync(kept!))))).toContain('Aviso de infracción');
      const sheet = workbench(t.dir, [
        'inspections',
        'route-sheet',
        '--inspector',
        done!.inspector,
        '--on',
        done!.scheduled_on,
        '--json',
      ]);
      expect(sheet.status).toBe(0);
      const where = JSON.parse(sheet.stdout) as { fileName: string; savedTo: string };
      expect(where.fileName).toBe(`route-sheet-${done!.inspector}-${done!.scheduled_on}-en.pdf`);
      expect(existsSync(where.savedTo)).toBe(true);
      const refused = workbench(t.dir, ['inspections', 'notice', openVisits()[0]!.id], undefined, {
        WB_LANG: 'es',
      });
      expect(refused.status).not.toBe(0);
      expect(refused.stderr).toContain(
        'el aviso de infracción solo se imprime después de hacer la inspección',
      );
    }
  });
});
