// Every document the desk prints is also kept on the desk, under
// <data dir>/documents/<kind>/<file name>, so a clerk can find what was handed over the counter.
// A second print of the same document is kept beside the first (name-2.pdf), never over it.
import {
  constants,
  copyFileSync,
  existsSync,
  linkSync,
  mkdirSync,
  readdirSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import type { PrintedDocument } from '../../common/ops/document-ops.ts';

export interface DocumentToSave {
  /** The family of document, a folder name: receipts, certificates, notices, reports… */
  kind: string;
  /** The file name offered to the person (with its extension). */
  fileName: string;
  mimeType: string;
  bytes: Uint8Array | string;
}

/** A file name safe on Windows, macOS and Linux: letters, digits, dot, dash and underscore. */
export function safeFileName(name: string): string {
  const cleaned = name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/-+/g, '-')
    .replace(/^[-.]+|-+$/g, '');
  return cleaned.slice(0, 120) || 'document';
}

export function documentsDir(dataDir: string, kind: string): string {
  return join(dataDir, 'documents', safeFileName(kind));
}

/** Writes the document under the desk's documents folder and returns what the UI receives. */
export function saveDocument(dataDir: string, document: DocumentToSave): PrintedDocument {
  const dir = documentsDir(dataDir, document.kind);
  mkdirSync(dir, { recursive: true });
  const fileName = safeFileName(document.fileName);
  const dot = fileName.lastIndexOf('.');
  const [stem, ext] = dot > 0 ? [fileName.slice(0, dot), fileName.slice(dot)] : [fileName, ''];
  const bytes = typeof document.bytes === 'string' ? Buffer.from(document.bytes, 'utf8') : document.bytes;
  // Written aside, then linked under the first free name: a crash never leaves half a receipt under
  // the real name, and two prints at once never take the same name (link fails if it exists).
  const partial = join(dir, `.${stem}.${process.pid}.${Date.now()}.partial`);
  writeFileSync(partial, bytes);
  let target = join(dir, fileName);
  try {
    for (let n = 2; ; n++) {
      try {
        linkSync(partial, target);
        break;
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code;
        if (code === 'EEXIST') {
          target = join(dir, `${stem}-${n}${ext}`);
          continue;
        }
        if (!['EPERM', 'ENOTSUP', 'ENOSYS', 'EOPNOTSUPP'].includes(code ?? '')) throw err;
        // A file system without hard links: the first free name, then a plain copy.
        while (existsSync(target)) target = join(dir, `${stem}-${n++}${ext}`);
        copyFileSync(partial, target, constants.COPYFILE_EXCL);
        break;
      }
    }
  } finally {
    unlinkSync(partial);
  }
  return {
    fileName,
    mimeType: document.mimeType,
    base64: Buffer.from(bytes).toString('base64'),
    savedTo: target,
  };
}

/** How many copies of this file the desk already kept (name.pdf, name-2.pdf, …): a reprint is not the first. */
export function keptCopies(dataDir: string, kind: string, fileName: string): number {
  const dir = documentsDir(dataDir, kind);
  if (!existsSync(dir)) return 0;
  const safe = safeFileName(fileName);
  const dot = safe.lastIndexOf('.');
  const [stem, ext] = dot > 0 ? [safe.slice(0, dot), safe.slice(dot)] : [safe, ''];
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const copy = new RegExp(`^${escape(stem)}(-\\d+)?${escape(ext)}$`);
  return readdirSync(dir).filter((name) => copy.test(name)).length;
}
