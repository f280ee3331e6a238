// One push at a time per desk. Two pushes of the same outbox would each see the other's entry in
// flight as "in doubt" and could apply it twice where there is no journal. Within a process, a
// second caller joins the running push; across processes (the desktop app and a `workbench sync`
// run by IT), the desk's cache holds a lease naming the process, which a dead process loses.
import { errorText, WorkbenchError } from '../../common/errors.ts';
import type { PushSummary } from '../../common/sync-model.ts';
import type { Cache } from '../cache/open-cache.ts';

const running = new WeakMap<Cache, Promise<PushSummary>>();

export async function withPushLease(db: Cache, push: () => Promise<PushSummary>): Promise<PushSummary> {
  const current = running.get(db);
  if (current) return current;
  const run = (async () => {
    take(db);
    try {
      return await push();
    } finally {
      db.prepare(`DELETE FROM desk_meta WHERE key = 'push_lease' AND value = ?`).run(String(process.pid));
    }
  })();
  running.set(db, run);
  try {
    return await run;
  } finally {
    running.delete(db);
  }
}

function take(db: Cache): void {
  db.transaction(() => {
    const held = db.prepare(`SELECT value FROM desk_meta WHERE key = 'push_lease'`).get() as
      { value: string } | undefined;
    const pid = held ? Number(held.value) : null;
    if (pid && pid !== process.pid && alive(pid)) {
      throw new WorkbenchError('legacy_unavailable', errorText('sync.push_busy', { pid }));
    }
    db.prepare(
      `INSERT INTO desk_meta (key, value) VALUES ('push_lease', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
    ).run(String(process.pid));
  }).immediate();
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
