// A bridge worker that dies as it starts while the file named by WB_FAULT_WORKER_DIES exists (as
// one whose ODBC driver crashes while loading would), and otherwise is the real worker. With it the
// supervisor's restart back-off shows without a test hook in production code: the desk passes a
// worker entry anyway (the Electron shell passes its bundled one).
import { existsSync } from 'node:fs';

const marker = process.env.WB_FAULT_WORKER_DIES;
if (marker && existsSync(marker)) process.exit(70);
await import('../../../src-main/node/bridge/worker.ts');
