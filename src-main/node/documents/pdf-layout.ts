// A small layout toolkit over pdf-lib for every document the desk prints (receipts, certificates,
// notices, reports): Letter pages with margins, a header band, wrapped paragraphs, key/value
// blocks, tables that break across pages repeating their header row, a totals row, and a footer
// with "page X of Y" and the time the document was made. It flows top to bottom: each call
// places its block under the previous one and starts a new page when the block does not fit.
//
// Fonts are the PDF standard Helvetica family (nothing to embed, always available). They encode
// WinAnsi, which holds Spanish (á é í ó ú ü ñ ¿ ¡) and the usual punctuation; any other character
// is printed as its closest WinAnsi form (accents dropped) or "?" rather than failing the document.
import { type Color, degrees, PDFDocument, type PDFFont, type PDFPage, rgb, StandardFonts } from 'pdf-lib';
import { formatDateTime } from './doc-format.ts';
import { type DocLanguage, docText, localeOf } from './doc-text.ts';

export const LETTER = { width: 612, height: 792 } as const;
const MARGIN = 54; // three quarters of an inch
const FOOTER_HEIGHT = 28;
const CELL_PAD = 4;

export const colors = {
  text: rgb(0.1, 0.1, 0.12),
  muted: rgb(0.38, 0.38, 0.42),
  rule: rgb(0.75, 0.75, 0.78),
  band: rgb(0.12, 0.27, 0.45),
  bandText: rgb(1, 1, 1),
  headerRow: rgb(0.9, 0.92, 0.95),
  stripe: rgb(0.97, 0.97, 0.98),
  warning: rgb(0.7, 0.4, 0),
  danger: rgb(0.72, 0.1, 0.1),
} as const;

const layoutText = docText({
  en: { page: 'Page {n} of {total}', generated: 'Printed {at}', continued: '(continued)' },
  es: { page: 'Página {n} de {total}', generated: 'Impreso el {at}', continued: '(continuación)' },
});

export interface DocumentSetup {
  /** The city whose name heads the document. */
  city: string;
  title: string;
  subtitle?: string;
  /** The desk that printed it: the PDF's author, and named in the footer. */
  desk: string;
  language: DocLanguage;
  /** When the document was made, ISO with offset in the city's zone (common/time.ts zonedIso). */
  generatedAt: string;
  subject?: string;
  keywords?: string[];
}

export type Align = 'left' | 'right' | 'center';

export interface TableColumn {
  header: string;
  /** Relative width: the columns share the line in proportion to their weights. */
  width: number;
  align?: Align;
}

export interface TableSpec {
  columns: TableColumn[];
  rows: string[][];
  /** A last row in bold under a rule (totals). */
  totals?: string[];
  /** Shade every other row. */
  striped?: boolean;
}

export interface TextStyle {
  size?: number;
  bold?: boolean;
  color?: Color;
  align?: Align;
}

/** Characters the standard fonts cannot encode, turned into ones they can. */
const replacements: Record<string, string> = {
  '\t': ' ',
  '\u2010': '-',
  '\u2011': '-',
  '\u2012': '-',
  '\u2212': '-',
  '\u2032': "'",
  '\u2033': '"',
  '\u2192': '->',
};

export function makeTextSafe(font: PDFFont, text: string): string {
  // Printable ASCII is all in WinAnsi: most text needs no look-up at all.
  if (/^[\x20-\x7e]*$/.test(text)) return text;
  const supported = supportedCodePoints(font);
  let out = '';
  for (const ch of text.normalize('NFC')) {
    const cp = ch.codePointAt(0)!;
    if (supported.has(cp)) out += ch;
    else if (ch in replacements) out += replacements[ch];
    else if (/\p{Zs}/u.test(ch)) out += ' ';
    else if (/\p{Cc}/u.test(ch)) continue;
    else {
      // "ő" -> "o", "Ł" -> "?": keep the letter without its accent when the font has it.
      const base = ch
        .normalize('NFD')
        .replace(/\p{M}/gu, '')
        .split('')
        .filter((c) => supported.has(c.codePointAt(0)!))
        .join('');
      out += base || '?';
    }
  }
  return out;
}

const codePointCache = new WeakMap<PDFFont, Set<number>>();
function supportedCodePoints(font: PDFFont): Set<number> {
  let set = codePointCache.get(font);
  if (!set) {
    set = new Set(font.getCharacterSet());
    codePointCache.set(font, set);
  }
  return set;
}

/** Lines of `text` no wider than `maxWidth` (greedy word wrap; a word too long is cut). Keeps "\n" breaks. */
export function wrapText(font: PDFFont, size: number, text: string, maxWidth: number): string[] {
  const width = (s: string) => font.widthOfTextAtSize(s, size);
  const lines: string[] = [];
  for (const paragraph of text.split(/\r\n?|\n/).map((p) => makeTextSafe(font, p))) {
    let line = '';
    for (const word of paragraph.split(/ +/).filter(Boolean)) {
      const candidate = line ? `${line} ${word}` : word;
      if (width(candidate) <= maxWidth) {
        line = candidate;
        continue;
      }
      if (line) lines.push(line);
      // A word wider than the line (a long reference number) is cut where it must be.
      let rest = word;
      while (width(rest) > maxWidth && rest.length > 1) {
        let cut = rest.length - 1;
        while (cut > 1 && width(rest.slice(0, cut)) > maxWidth) cut--;
        lines.push(rest.slice(0, cut));
        rest = rest.slice(cut);
      }
      line = rest;
    }
    lines.push(line);
  }
  return lines;
}

export class DocumentLayout {
  readonly doc: PDFDocument;
  readonly setup: DocumentSetup;
  readonly regular: PDFFont;
  readonly bold: PDFFont;
  readonly pages: PDFPage[] = [];
  /** The current page and the height still free on it (y grows upwards in PDF). */
  page!: PDFPage;
  y = 0;

  private constructor(doc: PDFDocument, setup: DocumentSetup, regular: PDFFont, bold: PDFFont) {
    this.doc = doc;
    this.setup = setup;
    this.regular = regular;
    this.bold = bold;
  }

  static async create(setup: DocumentSetup): Promise<DocumentLayout> {
    const doc = await PDFDocument.create();
    const regular = await doc.embedFont(StandardFonts.Helvetica);
    const bold = await doc.embedFont(StandardFonts.HelveticaBold);
    const layout = new DocumentLayout(doc, setup, regular, bold);
    const safe = (s: string) => makeTextSafe(regular, s);
    doc.setTitle(safe(setup.subtitle ? `${setup.title} - ${setup.subtitle}` : setup.title), {
      showInWindowTitleBar: true,
    });
    doc.setAuthor(safe(setup.desk));
    doc.setLanguage(localeOf(setup.language));
    doc.setCreator('Civic Workbench');
    doc.setProducer('Civic Workbench (pdf-lib)');
    if (setup.subject) doc.setSubject(safe(setup.subject));
    if (setup.keywords) doc.setKeywords(setup.keywords.map(safe));
    const made = new Date(setup.generatedAt);
    if (!Number.isNaN(made.getTime())) {
      doc.setCreationDate(made);
      doc.setModificationDate(made);
    }
    layout.newPage();
    return layout;
  }

  get contentWidth(): number {
    return LETTER.width - 2 * MARGIN;
  }
  get left(): number {
    return MARGIN;
  }
  /** The lowest y a block may reach on a page (above the footer). */
  get bottom(): number {
    return MARGIN + FOOTER_HEIGHT;
  }

  fontOf(style: TextStyle = {}): PDFFont {
    return style.bold ? this.bold : this.regular;
  }

  /** Where each part (a letter in a pile of notices) begins: indexes into `pages`. */
  private readonly partStarts: number[] = [0];
  private partHeader: { title: string; subtitle?: string } | undefined;

  /** Starts a page: the full header band on a part's first page, a one-line reminder on the others. */
  newPage(): void {
    this.page = this.doc.addPage([LETTER.width, LETTER.height]);
    this.pages.push(this.page);
    const { city } = this.setup;
    const { title, subtitle } = this.partHeader ?? this.setup;
    const top = LETTER.height - MARGIN;
    if (this.partStarts.includes(this.pages.length - 1)) {
      const bandHeight = subtitle ? 70 : 56;
      this.page.drawRectangle({
        x: MARGIN,
        y: top - bandHeight,
        width: this.contentWidth,
        height: bandHeight,
        color: colors.band,
      });
      this.textAt(city.toUpperCase(), MARGIN + 12, top - 18, { size: 9, bold: true, color: colors.bandText });
      this.textAt(title, MARGIN + 12, top - 40, { size: 18, bold: true, color: colors.bandText });
      if (subtitle) this.textAt(subtitle, MARGIN + 12, top - 58, { size: 10, color: colors.bandText });
      this.y = top - bandHeight - 18;
    } else {
      const t = layoutText(this.setup.language);
      this.textAt(`${city} - ${title} ${t('continued')}`, MARGIN, top - 10, { size: 9, color: colors.muted });
      this.rule(top - 16);
      this.y = top - 30;
    }
  }

  /**
   * Starts a new part on a new page: its own header band (the document's title and subtitle unless
   * given) and its own page count in the footer ("Page 1 of 2" of this letter, not of the pile).
   * For files holding several letters, such as one renewal notice per business.
   */
  startPart(header: { title?: string; subtitle?: string } = {}): void {
    this.partHeader = {
      title: header.title ?? this.setup.title,
      subtitle: header.subtitle ?? this.setup.subtitle,
    };
    this.partStarts.push(this.pages.length);
    this.newPage();
  }

  /** Makes room for `height` points, on a new page when the current one is too full. */
  ensureSpace(height: number): void {
    if (this.y - height < this.bottom) this.newPage();
  }

  space(height = 10): void {
    this.y -= height;
  }

  /** One line of text at a position, made safe for the font; returns its width. */
  textAt(text: string, x: number, y: number, style: TextStyle = {}): number {
    const font = this.fontOf(style);
    const size = style.size ?? 10;
    const safe = makeTextSafe(font, text);
    this.page.drawText(safe, { x, y, size, font, color: style.color ?? colors.text });
    return font.widthOfTextAtSize(safe, size);
  }

  rule(y = this.y, color: Color = colors.rule): void {
    this.page.drawLine({
      start: { x: MARGIN, y },
      end: { x: LETTER.width - MARGIN, y },
      thickness: 0.75,
      color,
    });
  }

  /** A section heading, kept on the same page as at least two lines of what follows. */
  heading(text: string): void {
    this.ensureSpace(50);
    this.space(4);
    this.textAt(text, MARGIN, this.y - 12, { size: 12, bold: true });
    this.y -= 18;
    this.rule(this.y + 2);
    this.space(6);
  }

  /** Wrapped text across the content width (or aligned); lines flow onto new pages. */
  paragraph(text: string, style: TextStyle = {}): void {
    const size = style.size ?? 10;
    const leading = size * 1.35;
    for (const line of wrapText(this.fontOf(style), size, text, this.contentWidth)) {
      this.ensureSpace(leading);
      const x = this.alignedX(line, MARGIN, this.contentWidth, style);
      this.textAt(line, x, this.y - size, style);
      this.y -= leading;
    }
    this.space(size * 0.5);
  }

  /** Label / value pairs in two columns; values wrap. Pairs with an empty value are left out. */
  keyValues(
    pairs: Array<[string, string | null | undefined]>,
    options: { labelWidth?: number; size?: number } = {},
  ): void {
    const size = options.size ?? 10;
    const leading = size * 1.4;
    const labelWidth = options.labelWidth ?? 150;
    const valueWidth = this.contentWidth - labelWidth - 8;
    for (const [label, value] of pairs) {
      if (value === null || value === undefined || value === '') continue;
      const labelLines = wrapText(this.bold, size, label, labelWidth);
      const valueLines = wrapText(this.regular, size, value, valueWidth);
      const height = Math.max(labelLines.length, valueLines.length) * leading;
      this.ensureSpace(height);
      labelLines.forEach((l, i) => this.textAt(l, MARGIN, this.y - size - i * leading, { size, bold: true }));
      valueLines.forEach((l, i) =>
        this.textAt(l, MARGIN + labelWidth + 8, this.y - size - i * leading, { size }),
      );
      this.y -= height;
    }
    this.space(size * 0.6);
  }

  /**
   * A label and `count` empty ruled lines to write on by hand (an inspector's notes on a route
   * sheet), kept together on one page.
   */
  writeInLines(label: string, count = 2, options: { size?: number } = {}): void {
    const size = options.size ?? 9;
    const gap = 18;
    this.ensureSpace(size + 4 + count * gap);
    this.textAt(label, MARGIN, this.y - size, { size, bold: true, color: colors.muted });
    this.y -= size + 4;
    for (let n = 0; n < count; n++) {
      this.y -= gap;
      this.rule(this.y);
    }
    this.space(8);
  }

  /** A bordered box with a bold line of text: "PROVISIONAL RECEIPT", "VOID". */
  banner(text: string, color: Color = colors.warning, detail?: string): void {
    const size = 13;
    const detailLines = detail ? wrapText(this.regular, 9, detail, this.contentWidth - 20) : [];
    const height = 26 + detailLines.length * 12;
    this.ensureSpace(height + 6);
    this.page.drawRectangle({
      x: MARGIN,
      y: this.y - height,
      width: this.contentWidth,
      height,
      borderColor: color,
      borderWidth: 2,
    });
    this.textAt(text, MARGIN + 10, this.y - 18, { size, bold: true, color });
    detailLines.forEach((l, i) => this.textAt(l, MARGIN + 10, this.y - 32 - i * 12, { size: 9, color }));
    this.y -= height + 10;
  }

  /** Large diagonal text across the current page (VOID, REFUNDED), light enough to read what is under it. */
  watermark(text: string, color: Color = colors.danger): void {
    const size = 96;
    const safe = makeTextSafe(this.bold, text);
    const width = this.bold.widthOfTextAtSize(safe, size);
    const angle = Math.PI / 5;
    this.page.drawText(safe, {
      x: LETTER.width / 2 - (Math.cos(angle) * width) / 2,
      y: LETTER.height / 2 - (Math.sin(angle) * width) / 2,
      size,
      font: this.bold,
      color,
      opacity: 0.25,
      rotate: degrees((angle * 180) / Math.PI),
    });
  }

  /** A table: the header row repeats at the top of every page the rows run onto. */
  table(spec: TableSpec): void {
    const size = 9;
    const leading = size * 1.3;
    const total = spec.columns.reduce((s, c) => s + c.width, 0);
    const widths = spec.columns.map((c) => (c.width / total) * this.contentWidth);
    const xs = widths.map((_, i) => MARGIN + widths.slice(0, i).reduce((s, w) => s + w, 0));
    const cellLines = (cells: string[], font: PDFFont) =>
      spec.columns.map((_, i) => wrapText(font, size, cells[i] ?? '', widths[i]! - 2 * CELL_PAD));
    const rowHeight = (lines: string[][]) =>
      Math.max(1, ...lines.map((l) => l.length)) * leading + 2 * CELL_PAD;

    const drawRow = (lines: string[][], style: { bold?: boolean; fill?: Color; topRule?: boolean }) => {
      const height = rowHeight(lines);
      if (style.fill) {
        this.page.drawRectangle({
          x: MARGIN,
          y: this.y - height,
          width: this.contentWidth,
          height,
          color: style.fill,
        });
      }
      if (style.topRule) this.rule(this.y, colors.text);
      lines.forEach((cell, i) => {
        const column = spec.columns[i]!;
        cell.forEach((line, n) => {
          const x = this.alignedX(line, xs[i]! + CELL_PAD, widths[i]! - 2 * CELL_PAD, {
            size,
            bold: style.bold,
            align: column.align,
          });
          this.textAt(line, x, this.y - CELL_PAD - size - n * leading + 2, { size, bold: style.bold });
        });
      });
      this.y -= height;
    };

    const headerLines = cellLines(
      spec.columns.map((c) => c.header),
      this.bold,
    );
    const header = () => {
      drawRow(headerLines, { bold: true, fill: colors.headerRow });
    };
    const firstRow = spec.rows[0] ? rowHeight(cellLines(spec.rows[0], this.regular)) : 0;
    this.ensureSpace(rowHeight(headerLines) + firstRow);
    header();
    spec.rows.forEach((row, index) => {
      const lines = cellLines(row, this.regular);
      if (this.y - rowHeight(lines) < this.bottom) {
        this.newPage();
        header();
      }
      drawRow(lines, { fill: spec.striped && index % 2 === 1 ? colors.stripe : undefined });
    });
    if (spec.totals) {
      const lines = cellLines(spec.totals, this.bold);
      if (this.y - rowHeight(lines) < this.bottom) {
        this.newPage();
        header();
      }
      drawRow(lines, { bold: true, topRule: true });
    }
    this.rule(this.y);
    this.space(12);
  }

  private alignedX(line: string, x: number, width: number, style: TextStyle): number {
    if (!style.align || style.align === 'left') return x;
    const font = this.fontOf(style);
    const w = font.widthOfTextAtSize(makeTextSafe(font, line), style.size ?? 10);
    return style.align === 'right' ? x + width - w : x + (width - w) / 2;
  }

  /** Draws the footers (which need the page count) and returns the PDF's bytes. */
  async save(): Promise<Uint8Array> {
    const t = layoutText(this.setup.language);
    const printed = t('generated', { at: formatDateTime(this.setup.generatedAt, this.setup.language) });
    const left = `${printed} - ${this.setup.desk}`;
    this.pages.forEach((page, i) => {
      const y = MARGIN - 4;
      page.drawLine({
        start: { x: MARGIN, y: y + 14 },
        end: { x: LETTER.width - MARGIN, y: y + 14 },
        thickness: 0.5,
        color: colors.rule,
      });
      const style = { size: 8, color: colors.muted };
      const previous = this.page;
      this.page = page;
      this.textAt(left, MARGIN, y, style);
      const start = this.partStarts.findLast((p) => p <= i) ?? 0;
      const end = this.partStarts.find((p) => p > i) ?? this.pages.length;
      const label = t('page', { n: i - start + 1, total: end - start });
      const width = this.regular.widthOfTextAtSize(makeTextSafe(this.regular, label), 8);
      this.textAt(label, LETTER.width - MARGIN - width, y, style);
      this.page = previous;
    });
    return this.doc.save();
  }
}
