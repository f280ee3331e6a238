// CSV as spreadsheets and mail-merge tools read it (RFC 4180): fields with a comma, quote or line
// break are quoted and quotes doubled, records end in CRLF. Excel on Windows reads UTF-8 (Spanish
// accents) only when the file starts with a byte order mark, hence the `bom` option.

export type CsvValue = string | number | boolean | null | undefined;

export interface CsvOptions {
  /** Start with a UTF-8 byte order mark so Excel reads accents right. */
  bom?: boolean;
  /**
   * Text starting with = + - @ is a formula to a spreadsheet: a business named "=HYPERLINK(...)"
   * would run. Such text gets a leading apostrophe (numbers are left alone). Default on.
   */
  neutralizeFormulas?: boolean;
}

const needsQuotes = /[",\r\n]|^\s|\s$/;
const looksLikeFormula = /^[=+\-@\t\r]/;
const plainNumber = /^[+-]?\d+(\.\d+)?$/;

export function csvField(value: CsvValue, options: CsvOptions = {}): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (
    typeof value === 'string' &&
    (options.neutralizeFormulas ?? true) &&
    looksLikeFormula.test(text) &&
    !plainNumber.test(text)
  ) {
    text = `'${text}`;
  }
  return needsQuotes.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The CSV text of a header row and data rows. */
export function toCsv(header: string[], rows: CsvValue[][], options: CsvOptions = {}): string {
  const lines = [header, ...rows].map((row) => row.map((v) => csvField(v, options)).join(','));
  return (options.bom ? '\ufeff' : '') + lines.map((l) => `${l}\r\n`).join('');
}
