// One push at a time per desk. Two pushes of the same outbox would each see the other's entry in
// flight as "in doubt" and could apply it twice where there is no journal. Within a process, a
// second caller joins the running push; across processes (the desktop app and a `workbench sync`
// run by IT), the desk's cache holds a lease naming the process, which a dead process loses. A
// caller that may wait (the command line) waits a while for the other process to finish, since a
// person who types `workbench sync` means "send my changes", not "fail if the app is sending".
import { errorText, WorkbenchError } from '../../common/errors.ts';
import type { PushSummary } from '../../common/sync-model.ts';
import type { Cache } from '../cache/open-cache.ts';

const running = new WeakMap<Cache, Promise<PushSummary>>();

/** How long the command line waits for another process's push before saying it is busy. */
export const OTHER_SENDER_WAIT_MS = 120_000;
const RETRY_MS = 250;

/** How long to wait for another process's push, and whom to tell (once) that the desk waits. */
export interface OtherSenderWait {
  ms: number;
  onWait?: (pid: number) => void;
}

export async function withPushLease(
  db: Cache,
  push: () => Promise<PushSummary>,
  wait: OtherSenderWait = { ms: 0 },
): Promise<PushSummary> {
  const current = running.get(db);
  if (current) return current;
  const run = (async () => {
    await takeWithin(db, wait);
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

async function takeWithin(db: Cache, wait: OtherSenderWait): Promise<void> {
  const deadline = Date.now() + wait.ms;
  let told = false;
  for (;;) {
    try {
      take(db);
      return;
    } catch (err) {
      if (!isPushBusy(err) || Date.now() + RETRY_MS > deadline) throw err;
      if (!told) wait.onWait?.(Number((err as WorkbenchError).text?.params?.pid));
      told = true;
      await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
    }
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

/** Another process on this computer was pushing the desk: the link itself is fine. */
export function isPushBusy(err: unknown): boolean {
  return err instanceof WorkbenchError && err.key === 'sync.push_busy';
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
