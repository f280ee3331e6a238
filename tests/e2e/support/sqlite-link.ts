// Cuts and restores a desk's link to its demo legacy database on SQLite: the demo puts the file in
// <desk>/legacy/, and with that folder moved away the SQLite ODBC driver cannot open (nor create)
// it, so every probe, push and refresh fails as with a network outage. Moving it back is the link
// coming back. (For a real network cut, see tests/fault/support/tcp-proxy.ts.)
import { existsSync, renameSync } from 'node:fs';
import { join } from 'node:path';

export function cutSqliteLegacy(dataDir: string): void {
  renameSync(join(dataDir, 'legacy'), join(dataDir, 'legacy-away'));
}

export function restoreSqliteLegacy(dataDir: string): void {
  if (existsSync(join(dataDir, 'legacy-away')))
    renameSync(join(dataDir, 'legacy-away'), join(dataDir, 'legacy'));
}

export const sqliteLegacyPath = (dataDir: string): string => join(dataDir, 'legacy', 'riverton.sqlite');
