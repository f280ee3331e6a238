// The text of a PDF, page by page, for tests that check what a document says:
//   expect(await pdfText(bytes)).toContain('Receipt')
// unpdf bundles pdf.js for Node (no worker thread, no canvas, no native optional packages: the
// registry here lacks most of @napi-rs/canvas's platform builds, which broke \`npm ci\` with pdfjs-dist).
import { getDocumentProxy } from 'unpdf';

export type PdfSource = Uint8Array | ArrayBuffer | string;

function toBytes(source: PdfSource): Uint8Array {
  if (typeof source === 'string') return new Uint8Array(Buffer.from(source, 'base64'));
  // pdfjs takes ownership of (detaches) the buffer it is given: hand it a copy.
  return new Uint8Array(source instanceof ArrayBuffer ? source.slice(0) : source.slice());
}

/** Each page's text: items joined with spaces, one string per page; source may be base64. */
export async function pdfPages(source: PdfSource): Promise<string[]> {
  const pdf = await getDocumentProxy(toBytes(source), { useSystemFonts: false, verbosity: 0 });
  try {
    const pages: string[] = [];
    for (let n = 1; n <= pdf.numPages; n++) {
      const page = await pdf.getPage(n);
      const content = await page.getTextContent();
      const text = content.items
        .map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : ' ') : ''))
        .join('')
        .replace(/[ \t]+/g, ' ')
        .trim();
      pages.push(text);
    }
    return pages;
  } finally {
    await pdf.cleanup();
  }
}

/** All the text of a PDF, its pages separated by blank lines. */
export async function pdfText(source: PdfSource): Promise<string> {
  return (await pdfPages(source)).join('\n\n');
}

/** The document information (title, author, language) as pdfjs reads it. */
export async function pdfInfo(
  source: PdfSource,
): Promise<{ title?: string; author?: string; language?: string }> {
  const pdf = await getDocumentProxy(toBytes(source), { verbosity: 0 });
  try {
    const { info } = (await pdf.getMetadata()) as unknown as { info: Record<string, unknown> };
    return {
      title: info.Title as string | undefined,
      author: info.Author as string | undefined,
      language: info.Language as string | undefined,
    };
  } finally {
    await pdf.cleanup();
  }
}
