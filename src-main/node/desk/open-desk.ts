// The composition of one desk for the command line, the loopback host and the Electron shell:
// its paths, settings, cache, bridge and bridge worker.

import { join } from 'node:path';
import { errorText, WorkbenchError } from '../../common/errors.ts';
import { type LoadedBridge, loadBridge, resolveBridgePath } from '../bridge/load-bridge.ts';
import { BridgeWorkerClient, type WorkerClientOptions } from '../bridge/worker-client.ts';
import { type Cache, openCache } from '../cache/open-cache.ts';
import { keepOutboxMark, outboxMarkFile } from '../cache/outbox-mark.ts';
import { guardCache, markInWords, readMark, refuseVanishedCache } from './cache-guard.ts';
import { type DeskConfig, readDeskConfig } from './desk-config.ts';
import { type DeskPaths, deskPaths, projectRoot } from './paths.ts';

export interface Desk {
  paths: DeskPaths;
  root: string;
  config: DeskConfig | null;
  cache: Cache;
  worker: BridgeWorkerClient;
  timeZone: string;
  /** The bridge this desk is configured for; throws not_configured when there is none. */
  bridge(): LoadedBridge;
  configured(): DeskConfig;
  close(): void;
}

export interface OpenDeskOptions {
  dataDir: string;
  /** The bridge worker entry; the Electron shell passes its bundled worker. */
  workerPath?: string;
  /** Timeouts and the like of the bridge worker (see WorkerClientOptions). */
  worker?: WorkerClientOptions;
  /**
   * Open a cache that lacks changes its outbox mark knows of (cache-guard.ts) instead of refusing:
   * only for `workbench outbox salvage` and `forget-missing`, which exist to settle that.
   */
  acceptMissingChanges?: boolean;
}

export function openDesk(options: OpenDeskOptions): Desk {
  const paths = deskPaths(options.dataDir);
  const root = projectRoot();
  const config = readDeskConfig(paths.config);
  const mark = readMark(paths.dataDir);
  if (!options.acceptMissingChanges) refuseVanishedCache(paths.cache, mark);
  let cache: Cache;
  try {
    cache = openCache(paths.cache, { migrationsDir: join(root, 'migrations') });
  } catch (err) {
    // A damaged cache: say what the mark knows is in it, so nobody throws the file away.
    if (err instanceof WorkbenchError && mark && mark.count > 0)
      throw new WorkbenchError(err.code, `${err.message} This desk has ${markInWords(mark)}.`);
    throw err;
  }
  try {
    if (!options.acceptMissingChanges) guardCache(cache, paths.dataDir, paths.cache, mark);
    keepOutboxMark(cache, outboxMarkFile(paths.dataDir));
  } catch (err) {
    cache.close();
    throw err;
  }
  const worker = new BridgeWorkerClient({
    ...options.worker,
    ...(options.workerPath ? { workerPath: options.workerPath } : {}),
  });
  let bridge: LoadedBridge | undefined;
  const configured = () => {
    if (!config) {
      throw new WorkbenchError('not_configured', errorText('desk.not_connected', {}));
    }
    return config;
  };
  const getBridge = () => {
    bridge ??= loadBridge(resolveBridgePath(configured().bridge, root));
    return bridge;
  };
  let timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  if (config) {
    try {
      timeZone = getBridge().definition.time_zone;
    } catch {
      // a broken bridge file is reported when it is used; reading the cache still works
    }
  }
  return {
    paths,
    root,
    config,
    cache,
    worker,
    timeZone,
    bridge: getBridge,
    configured,
    close() {
      worker.close();
      cache.close();
    },
  };
}
