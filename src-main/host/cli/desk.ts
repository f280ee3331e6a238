// What each `workbench` command does, on top of the desk's services.
import { existsSync } from 'node:fs';
import { errorText, WorkbenchError } from '../../common/errors.ts';
import { zonedIso } from '../../common/time.ts';
import { fillConnectionTemplate } from '../../node/bridge/connection-string.ts';
import { connectionUser } from '../../node/security/connection-secret.ts';
import { loadBridge, resolveBridgePath } from '../../node/bridge/load-bridge.ts';
import { assertNoSecret, newDeskId, readDeskConfig, writeDeskConfig } from '../../node/desk/desk-config.ts';
import { listOutbox } from '../../node/commands/outbox.ts';
import { configureLogging } from '../../node/log/logger.ts';
import { openDesk } from '../../node/desk/open-desk.ts';
import { deskPaths, projectRoot, resolveDataDir } from '../../node/desk/paths.ts';
import { currentActor } from '../../node/security/actor.ts';
import { audit } from '../../node/security/audit.ts';
import { createHandlers } from '../../node/handlers/handlers.ts';
import type { RefreshProgress } from '../../node/sync/refresh.ts';
import { type SyncOnceResult, syncOnce } from '../../node/sync/sync-once.ts';
import { countOpenConflicts } from '../../node/sync/conflicts.ts';
import { stepProgress } from './progress.ts';
import { needPersonLine, syncExitCode } from './sync-outcome.ts';
import { startServer } from '../server.ts';

const print = (value: unknown) => process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);

export async function runDemoCreate(
  dataDirFlag: string | undefined,
  o: {
    system?: 'riverton' | 'permitflow';
    engine: 'sqlite' | 'postgres' | 'mariadb';
    size: number;
    seed: number;
    connection?: string;
    json?: boolean;
  },
): Promise<void> {
  const dataDir = resolveDataDir(dataDirFlag);
  if (o.connection) assertNoSecret(o.connection);
  // Which demo legacy system: Riverton (a 1990s system) or PermitFlow (a 2000s product, in Lakeside).
  const system = o.system ?? 'riverton';
  const create =
    system === 'permitflow'
      ? (await import('../../tooling/demo/permitflow/create-permit-demo.ts')).createPermitDemo
      : (await import('../../tooling/demo/create-demo-city.ts')).createDemoCity;
  const progress = stepProgress();
  const result = await create({
    engine: o.engine,
    dataDir,
    size: o.size,
    seed: o.seed,
    ...(o.connection ? { connection: o.connection } : {}),
    onProgress: (p) =>
      p.rows >= p.total ? progress.finish(p.table, p.rows) : progress.update(p.table, p.rows, p.total),
  });
  progress.stop();
  configureDesk(dataDir, system, result.connection);
  if (o.json) print({ dataDir, system, ...result });
  else {
    console.log(
      system === 'permitflow'
        ? `Lakeside's PermitFlow database is ready on ${o.engine} (${o.size} permits, seed ${o.seed}).`
        : `Riverton's legacy database is ready on ${o.engine} (${o.size} licences, seed ${o.seed}).`,
    );
    console.log(`This desk (${dataDir}) now uses it. Next: "workbench sync" to fill the desk's cache.`);
  }
}

export async function runConnect(
  dataDirFlag: string | undefined,
  o: { bridge: string; connection?: string; set?: string[] },
): Promise<void> {
  const dataDir = resolveDataDir(dataDirFlag);
  const file = resolveBridgePath(o.bridge, projectRoot());
  if (!existsSync(file))
    throw new WorkbenchError('invalid_input', errorText('bridge.file_missing', { file }));
  const { definition } = loadBridge(file); // refuse a broken bridge now rather than at the first sync
  let connection = o.connection;
  if (!connection) {
    // No string given: fill the bridge's template with --set NAME=VALUE and its defaults.
    if (!definition.connection) {
      throw new WorkbenchError('invalid_input', errorText('bridge.no_template', { bridge: o.bridge }));
    }
    const values: Record<string, string> = {};
    for (const pair of o.set ?? []) {
      const eq = pair.indexOf('=');
      if (eq < 1) throw new WorkbenchError('invalid_input', errorText('bridge.set_syntax', { pair }));
      values[pair.slice(0, eq)] = pair.slice(eq + 1);
    }
    try {
      connection = fillConnectionTemplate(
        definition.connection.template,
        values,
        definition.connection.defaults,
      );
    } catch (err) {
      throw new WorkbenchError(
        'invalid_input',
        errorText('bridge.template_refused', { bridge: o.bridge, detail: (err as Error).message }),
      );
    }
  }
  assertNoSecret(connection);
  configureDesk(dataDir, o.bridge, connection);
  console.log(`This desk (${dataDir}) now uses bridge "${o.bridge}". Next: "workbench sync".`);
}

function configureDesk(dataDir: string, bridge: string, connection: string): void {
  const paths = deskPaths(dataDir);
  const previous = readDeskConfig(paths.config);
  // The keychain reference stays while the desk keeps its bridge and account: reconnecting to a
  // moved server must not silently drop the password.
  const keep =
    previous?.credential && previous.bridge === bridge && sameAccount(previous.connection, connection)
      ? { credential: previous.credential }
      : {};
  writeDeskConfig(paths.config, {
    version: 1,
    deskId: previous?.deskId ?? newDeskId(),
    bridge,
    connection,
    ...keep,
  });
  const desk = openDesk({ dataDir });
  try {
    audit(desk.cache, {
      at: zonedIso(new Date(), desk.timeZone),
      actor: currentActor(),
      action: 'desk.configure',
      subject: bridge,
      detail: { previousBridge: previous?.bridge ?? null },
    });
  } finally {
    desk.close();
  }
}

function sameAccount(a: string, b: string): boolean {
  const user = (text: string) => connectionUser(text)?.toLowerCase() ?? null;
  return user(a) === user(b);
}

export async function runSync(
  dataDirFlag: string | undefined,
  actor: string,
  o: { json?: boolean; full?: boolean; push?: boolean },
): Promise<void> {
  const desk = openDesk({ dataDir: resolveDataDir(dataDirFlag) });
  const progress = o.json ? null : stepProgress();
  const onRefresh = (p: RefreshProgress) =>
    p.phase === 'done' ? progress?.finish(p.entity, p.rows) : progress?.update(p.entity, p.rows, p.total);
  try {
    const result = await syncOnce(desk, actor, {
      push: (p) => progress?.update('changes sent', p.done, p.total),
      refresh: onRefresh,
      waiting: (pid) =>
        console.error(`workbench: process ${pid} is sending this desk's changes; waiting for it to finish…`),
      ...(o.full ? { full: true } : {}),
      ...(o.push === false ? { noPush: true } : {}),
    });
    progress?.stop();
    const { refresh, ...rest } = result;
    const facts = {
      message: result.message,
      push: result.push,
      openConflicts: countOpenConflicts(desk.cache),
    };
    if (o.json) print({ ...rest, ...(refresh ?? {}), needPerson: facts.openConflicts });
    else reportSync(result, listOutbox(desk.cache, 'pending').length);
    const needPerson = needPersonLine(facts);
    if (needPerson) console.error(`workbench: ${needPerson}`);
    if (result.message) console.error(`workbench: ${result.message}`);
    process.exitCode = syncExitCode(facts);
  } finally {
    progress?.stop();
    desk.close();
  }
}

function reportSync(result: SyncOnceResult, waiting: number): void {
  const { push, refresh } = result;
  const sent = push.applied + push.alreadyApplied;
  if (sent) console.log(`Sent ${sent} change${sent === 1 ? '' : 's'} to the legacy database.`);
  if (push.alreadyApplied)
    console.log(
      `${push.alreadyApplied} of them had already reached it (the answer was lost before); they were not applied again.`,
    );
  const otherConflicts = push.conflicts - push.refused;
  if (otherConflicts)
    console.log(
      `${otherConflicts} change${otherConflicts === 1 ? '' : 's'} could not be applied because the record changed in the legacy database meanwhile, or may have reached it: see "workbench conflicts".`,
    );
  if (push.refused)
    console.log(
      `${push.refused} change${push.refused === 1 ? ' was' : 's were'} refused by the legacy database and parked for a person: see "workbench conflicts".`,
    );
  if (refresh) {
    const loaded = refresh.entities.reduce((n, e) => n + e.loaded, 0);
    const issues = refresh.entities.reduce((n, e) => n + e.issues, 0);
    const rejected = refresh.entities.reduce((n, e) => n + e.rejected, 0);
    console.log(`Refreshed ${loaded} records from the legacy database.`);
    if (issues)
      console.log(`${issues} values could not be read and were left blank (see data issues for IT).`);
    if (rejected) console.log(`${rejected} legacy rows could not be loaded at all (see data issues for IT).`);
  }
  if (waiting) {
    console.log(
      `${waiting} change${waiting === 1 ? '' : 's'} made on this desk still wait${waiting === 1 ? 's' : ''} for the legacy database ("workbench outbox"); they are kept on this desk.`,
    );
  }
}

export async function runSearch(
  dataDirFlag: string | undefined,
  text: string,
  o: { limit: number; json?: boolean },
): Promise<void> {
  const desk = openDesk({ dataDir: resolveDataDir(dataDirFlag) });
  try {
    const { results, more } = await createHandlers(desk)['licences.search']({ text, limit: o.limit });
    if (o.json) {
      print(results);
      return;
    }
    if (results.length === 0) console.log(`No licences match "${text}".`);
    for (const r of results) {
      console.log(
        `${r.licenceId.padEnd(12)} ${r.status.padEnd(9)} ${(r.expiresOn ?? '—').padEnd(10)}  ${r.businessName}${r.dbaName ? ` (${r.dbaName})` : ''}`,
      );
    }
    if (more)
      console.log(`More licences match; showing the first ${o.limit}. Type more of the name to narrow it.`);
  } finally {
    desk.close();
  }
}

export async function runStatus(dataDirFlag: string | undefined, o: { json?: boolean }): Promise<void> {
  const desk = openDesk({ dataDir: resolveDataDir(dataDirFlag) });
  try {
    const status = await createHandlers(desk)['desk.status']({});
    if (o.json) {
      print(status);
      return;
    }
    console.log(
      `Desk ${status.deskId}: bridge ${status.bridge ?? '(none)'} on ${status.legacyEngine ?? '(none)'}`,
    );
    console.log(
      `${status.licences} licences, ${status.businesses} businesses; last refreshed ${status.lastRefreshedAt ?? 'never'}`,
    );
    if (status.pendingChanges) {
      console.log(`${status.pendingChanges} changes wait for the legacy database ("workbench outbox").`);
    }
    console.log(
      `You are ${status.actor}, ${status.role ? `a ${status.role}` : 'with no role in the policy file (ask IT)'}.`,
    );
    if (status.openConflicts) {
      console.log(`${status.openConflicts} conflicts need a person's decision ("workbench conflicts").`);
    }
    for (const d of status.datasets.filter((x) => x.lastError)) {
      console.log(`The last refresh of ${d.dataset} failed: ${d.lastError}`);
    }
  } finally {
    desk.close();
  }
}

export async function runServe(
  dataDirFlag: string | undefined,
  o: { port: number; probeIntervalMs?: number; maxBackoffMs?: number; refreshMinutes?: number },
): Promise<void> {
  const dataDir = resolveDataDir(dataDirFlag);
  // The server's diagnostics go to the desk's log file and stderr; stdout is the person's.
  configureLogging({ file: deskPaths(dataDir).log, stderr: true });
  const desk = openDesk({ dataDir });
  // A connected desk keeps its link checked and its changes flowing while it serves.
  const { SyncEngine } = await import('../../node/sync/sync-engine.ts');
  const engine = desk.config
    ? new SyncEngine(desk, {
        actor: currentActor(),
        ...(o.probeIntervalMs ? { probeIntervalMs: o.probeIntervalMs } : {}),
        ...(o.maxBackoffMs ? { maxBackoffMs: o.maxBackoffMs } : {}),
        ...(o.refreshMinutes ? { refreshEveryMs: o.refreshMinutes * 60_000 } : {}),
      })
    : undefined;
  const server = await startServer({ desk, port: o.port, ...(engine ? { runtime: engine } : {}) });
  engine?.start();
  console.log(`Civic Workbench is serving this desk on this machine only.`);
  console.log(`Open ${server.url}`);
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    server.close();
    // The job under way (a push, a refresh) may end first; one stuck on a dead network is not
    // waited for long: an entry sent without an answer is settled by re-reading at the next push.
    await Promise.race([engine?.stop(), new Promise((r) => setTimeout(r, 5_000))]);
    desk.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}
