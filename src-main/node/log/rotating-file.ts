// The desk's log file, kept to a bounded size: when a line would take workbench.log past
// `maxBytes`, the file becomes workbench.log.1 (the older ones move up to .2 … `keep`, the oldest
// is dropped) and a new workbench.log is begun. A desk left running for months at the counter
// keeps at most (keep + 1) × maxBytes of diagnostics, and the newest lines are always in
// workbench.log. Writes are synchronous like the rest of the logger's: the line written just
// before a crash is the one IT needs.
import {
  closeSync,
  existsSync,
  fstatSync,
  mkdirSync,
  openSync,
  renameSync,
  rmSync,
  writeSync,
} from 'node:fs';
import { dirname } from 'node:path';
import type { DestinationStream } from 'pino';

export const DEFAULT_LOG_MAX_BYTES = 10 * 1024 * 1024;
export const DEFAULT_LOG_KEEP = 5;

export interface RotatingFileOptions {
  /** The size a file may reach before it is set aside (default 10 MiB). */
  maxBytes?: number;
  /** How many set-aside files are kept (default 5). */
  keep?: number;
}

export function rotatingFile(path: string, o: RotatingFileOptions = {}): DestinationStream {
  const maxBytes = o.maxBytes ?? DEFAULT_LOG_MAX_BYTES;
  const keep = Math.max(1, o.keep ?? DEFAULT_LOG_KEEP);
  mkdirSync(dirname(path), { recursive: true });
  let fd = openSync(path, 'a');
  let size = fstatSync(fd).size;

  const rotate = () => {
    closeSync(fd);
    rmSync(`${path}.${keep}`, { force: true });
    for (let n = keep - 1; n >= 1; n--) {
      if (existsSync(`${path}.${n}`)) renameSync(`${path}.${n}`, `${path}.${n + 1}`);
    }
    renameSync(path, `${path}.1`);
    fd = openSync(path, 'a');
    size = 0;
  };

  return {
    write(line: string) {
      const bytes = Buffer.byteLength(line);
      // A file never starts empty-handed: a single line longer than maxBytes is still written.
      if (size > 0 && size + bytes > maxBytes) rotate();
      writeSync(fd, line);
      size += bytes;
    },
  };
}
