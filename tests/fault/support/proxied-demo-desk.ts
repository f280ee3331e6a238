// One desk, opened in the test's own process, on Riverton's demo city in a test-owned PostgreSQL
// behind a test-owned proxy, with a bridge worker of the test's choosing (short timeouts, so a
// stalled network is given up in seconds) and a refreshed cache: where the tests of the worker and
// of the connectivity monitor start.
import { rmSync } from 'node:fs';
import { BridgeWorkerClient, type WorkerClientOptions } from '../../../src-main/node/bridge/worker-client.ts';
import { type Desk, openDesk } from '../../../src-main/node/desk/open-desk.ts';
import { refreshAll } from '../../../src-main/node/sync/refresh.ts';
import { newDeskDir } from '../../integration/support/workbench-cli.ts';
import { postgresDemoArgs, runDesk } from './desk-commands.ts';
import { type LegacyBehindProxies, legacyBehindProxies } from './legacy-behind-proxies.ts';
import type { TcpProxy } from './tcp-proxy.ts';

export interface ProxiedDemoDesk {
  legacy: LegacyBehindProxies;
  /** The desk's one link to the server. */
  proxy: TcpProxy;
  dir: string;
  /** The desk's connection string, through the proxy. */
  connection: string;
  desk: Desk;
  /** The desk's worker, with the options asked for (openDesk's own uses the defaults). */
  worker: BridgeWorkerClient;
  /** Closes the desk and its worker, removes the proxy, the cluster and the desk's directory. */
  close(): Promise<void>;
}

export async function openProxiedDemoDesk(options: {
  label: string;
  size: number;
  worker: WorkerClientOptions;
  actor: string;
}): Promise<ProxiedDemoDesk> {
  const legacy = await legacyBehindProxies(1);
  const proxy = legacy.links[0]!;
  const dir = newDeskDir(options.label);
  const connection = legacy.connectionVia(proxy);
  const removeAll = async () => {
    await legacy.close();
    rmSync(dir, { recursive: true, force: true });
  };
  let desk: Desk | undefined;
  try {
    await runDesk(dir, postgresDemoArgs(connection, options.size)).catch((err: Error) => {
      throw new Error(`demo create failed: ${err.message}\n${legacy.pg.log()}`);
    });
    desk = openDesk({ dataDir: dir });
    desk.worker.close();
    const worker = new BridgeWorkerClient(options.worker);
    desk.worker = worker;
    await refreshAll(desk, options.actor);
    const opened = desk;
    return {
      legacy,
      proxy,
      dir,
      connection,
      desk: opened,
      worker,
      async close() {
        worker.close();
        opened.close();
        await removeAll();
      },
    };
  } catch (err) {
    desk?.worker.close();
    desk?.close();
    await removeAll();
    throw err;
  }
}
