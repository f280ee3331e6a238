// The documents toolkit: wrapping, page breaks that repeat a table's header row, "page X of Y",
// text the standard fonts cannot encode, money and dates per language, CSV, and the kept copy.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { toCsv } from '../../src-main/node/documents/csv.ts';
import { formatDate, formatDateTime, formatMoney } from '../../src-main/node/documents/doc-format.ts';
import { docText } from '../../src-main/node/documents/doc-text.ts';
import { DocumentLayout, makeTextSafe, wrapText } from '../../src-main/node/documents/pdf-layout.ts';
import { keptCopies, safeFileName, saveDocument } from '../../src-main/node/documents/save-document.ts';
import { pdfInfo, pdfPages, pdfText } from '../support/pdf-text.ts';

const setup = {
  city: 'Riverton',
  title: 'Test document',
  subtitle: 'A subtitle',
  desk: 'desk-7',
  language: 'en' as const,
  generatedAt: '2026-11-23T09:30:05-06:00',
};

describe('pdf layout', () => {
  it('wraps words to the width and cuts a word longer than a line', async () => {
    const layout = await DocumentLayout.create(setup);
    const font = layout.regular;
    const lines = wrapText(font, 10, 'one two three four five six seven eight nine ten', 60);
    expect(lines.length).toBeGreaterThan(2);
    for (const line of lines) expect(font.widthOfTextAtSize(line, 10)).toBeLessThanOrEqual(60);
    expect(lines.join(' ')).toBe('one two three four five six seven eight nine ten');
    const long = wrapText(font, 10, 'X'.repeat(80), 100);
    expect(long.length).toBeGreaterThan(1);
    expect(long.join('')).toBe('X'.repeat(80));
    expect(wrapText(font, 10, 'a\nb', 500)).toEqual(['a', 'b']);
  });

  it('prints Spanish and degrades characters the fonts cannot encode instead of failing', async () => {
    const layout = await DocumentLayout.create({ ...setup, language: 'es' });
    expect(makeTextSafe(layout.regular, '¿Señor Núñez? ¡Sí!')).toBe('¿Señor Núñez? ¡Sí!');
    expect(makeTextSafe(layout.regular, 'Łódź 東京 Dvořák\u202f€')).toBe('?ódz ?? Dvorák €');
    layout.paragraph('Łódź 東京 Dvořák — ¿Señor Núñez? ¡Sí!');
    const text = await pdfText(await layout.save());
    expect(text).toContain('¿Señor Núñez? ¡Sí!');
    expect(text).toContain('Dvorák');
    expect(text).toContain('Página 1 de 1');
  });

  it('breaks a long table across pages, repeating the header row, with page X of Y and a totals row', async () => {
    const layout = await DocumentLayout.create(setup);
    layout.keyValues([
      ['Desk', 'desk-7'],
      ['Skipped', null],
    ]);
    layout.table({
      columns: [
        { header: 'Licence', width: 2 },
        { header: 'Business', width: 5 },
        { header: 'Amount', width: 2, align: 'right' },
      ],
      rows: Array.from({ length: 120 }, (_, i) => [
        `L-${i + 1}`,
        `Business number ${i + 1}`,
        formatMoney(i * 1000),
      ]),
      totals: ['', 'Total', formatMoney(7_140_000)],
      striped: true,
    });
    const pages = await pdfPages(await layout.save());
    expect(pages.length).toBeGreaterThan(2);
    pages.forEach((page, i) => {
      expect(page).toContain(`Page ${i + 1} of ${pages.length}`);
      expect(page).toContain('Licence Business Amount');
      expect(page).toContain('Printed November 23, 2026');
    });
    expect(pages[0]).toContain('RIVERTON');
    expect(pages[0]).toContain('Test document');
    expect(pages[1]).toContain('(continued)');
    expect(pages.join('\n')).not.toContain('Skipped');
    expect(pages.at(-1)).toContain('Total $71,400.00');
    // every row printed exactly once
    const all = pages.join('\n');
    for (const n of [1, 60, 120]) expect(all.match(new RegExp(`L-${n} `, 'g'))).toHaveLength(1);
  });

  it('starts parts (one letter each) with their own header band and their own page count', async () => {
    const layout = await DocumentLayout.create(setup);
    layout.paragraph('First letter');
    layout.startPart({ subtitle: 'Second letter' });
    layout.table({
      columns: [{ header: 'Line', width: 1 }],
      rows: Array.from({ length: 40 }, (_, i) => [`row ${i + 1}`]),
    });
    layout.startPart({ title: 'Third title' });
    layout.paragraph('Third letter');
    const pages = await pdfPages(await layout.save());
    expect(pages).toHaveLength(4);
    expect(pages[0]).toContain('Page 1 of 1');
    expect(pages[1]).toMatch(/RIVERTON\s+Test document\s+Second letter/);
    expect(pages[1]).toContain('Page 1 of 2');
    expect(pages[2]).toContain('Test document (continued)');
    expect(pages[2]).toContain('Page 2 of 2');
    expect(pages[3]).toMatch(/RIVERTON\s+Third title\s+A subtitle/);
    expect(pages[3]).toContain('Page 1 of 1');
  });

  it('writes title, author (the desk) and language into the document information', async () => {
    const layout = await DocumentLayout.create({ ...setup, language: 'es' });
    const info = await pdfInfo(await layout.save());
    expect(info).toEqual({ title: 'Test document - A subtitle', author: 'desk-7', language: 'es-US' });
  });
});

describe('document formats', () => {
  it('formats money exactly from integer cents', () => {
    expect(formatMoney(123450)).toBe('$1,234.50');
    expect(formatMoney(123450, 'es')).toBe('$1,234.50');
    expect(formatMoney(5)).toBe('$0.05');
    expect(formatMoney(-500)).toBe('-$5.00');
    expect(formatMoney(100_000_000_00)).toBe('$100,000,000.00');
    expect(() => formatMoney(1.5)).toThrow();
  });

  it('formats dates and the wall-clock time of a zoned timestamp per language', () => {
    expect(formatDate('2026-11-23', 'en')).toBe('November 23, 2026');
    expect(formatDate('2026-11-23', 'es')).toBe('23 de noviembre de 2026');
    expect(formatDateTime('2026-11-23T21:05:00-06:00', 'en')).toBe('November 23, 2026 at 9:05 PM');
    expect(formatDateTime('2026-11-23T21:05:00-06:00', 'es')).toMatch(
      /^23 de noviembre de 2026.* 9:05 p\. ?m\.$/,
    );
    expect(formatDate(null, 'en')).toBe('');
  });

  it('looks labels up per language with placeholders', () => {
    const text = docText({ en: { hello: 'Receipt {n}' }, es: { hello: 'Recibo {n}' } });
    expect(text('en')('hello', { n: 7 })).toBe('Receipt 7');
    expect(text('es')('hello', { n: 'A-1' })).toBe('Recibo A-1');
  });
});

describe('csv', () => {
  it('quotes per RFC 4180, ends records in CRLF, neutralizes formulas, optional BOM', () => {
    const csv = toCsv(
      ['name', 'amount', 'note'],
      [
        ['Café "Luna", S.A.', -12.5, 'line\nbreak'],
        ['=HYPERLINK("x")', 3, null],
      ],
      { bom: true },
    );
    expect(csv).toBe(
      '\ufeffname,amount,note\r\n"Café ""Luna"", S.A.",-12.5,"line\nbreak"\r\n"\'=HYPERLINK(""x"")",3,\r\n',
    );
    expect(toCsv(['a'], [['-5']])).toBe('a\r\n-5\r\n');
  });
});

describe('saved documents', () => {
  it('keeps every print under documents/<kind>/ without overwriting an earlier one', () => {
    const dir = mkdtempSync(join(tmpdir(), 'docs-'));
    const first = saveDocument(dir, {
      kind: 'receipts',
      fileName: 'receipt D1/0001.pdf',
      mimeType: 'application/pdf',
      bytes: 'one',
    });
    const second = saveDocument(dir, {
      kind: 'receipts',
      fileName: 'receipt D1/0001.pdf',
      mimeType: 'application/pdf',
      bytes: 'two',
    });
    expect(first.fileName).toBe('receipt-D1-0001.pdf');
    expect(first.savedTo).toBe(join(dir, 'documents', 'receipts', 'receipt-D1-0001.pdf'));
    expect(second.savedTo).toBe(join(dir, 'documents', 'receipts', 'receipt-D1-0001-2.pdf'));
    expect(readFileSync(first.savedTo, 'utf8')).toBe('one');
    expect(Buffer.from(second.base64, 'base64').toString()).toBe('two');
    expect(safeFileName('Recibo Núñez ¿?.pdf')).toBe('Recibo-Nunez-.pdf');
    expect(keptCopies(dir, 'receipts', 'receipt D1/0001.pdf')).toBe(2);
    expect(keptCopies(dir, 'receipts', 'receipt-D1-000.pdf')).toBe(0);
    expect(keptCopies(dir, 'certificates', 'x.pdf')).toBe(0);
  });
});
