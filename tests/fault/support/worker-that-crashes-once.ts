// A bridge worker whose "driver" crashes (SIGSEGV) on the first read it is asked for while the
// file named by WB_FAULT_WORKER_CRASHES exists, removing the file as it goes; otherwise it is the
// real worker. Shows that a read is asked again on a fresh worker after a driver crash that came
// before any row, without a test hook in production code.
import { existsSync, unlinkSync } from 'node:fs';

const marker = process.env.WB_FAULT_WORKER_CRASHES;
process.on('message', (m: { t?: string }) => {
  if (m?.t === 'read' && marker && existsSync(marker)) {
    unlinkSync(marker);
    process.kill(process.pid, 'SIGSEGV');
  }
});
await import('../../../src-main/node/bridge/worker.ts');
