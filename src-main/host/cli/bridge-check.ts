// `workbench bridge check NAME`: is this bridge file right for this legacy database? Validates the
// file (every problem as file:line:column), connects with the desk's connection (or --connection),
// reads a few rows of every entity it maps and says, per entity, what came out. Exits 0 only when
// every mapped entity reads without a refused row.
import { existsSync } from 'node:fs';
import { type Command, InvalidArgumentError } from 'commander';
import { errorText, WorkbenchError } from '../../common/errors.ts';
import { loadBridge, resolveBridgePath } from '../../node/bridge/load-bridge.ts';
import { readDeskConfig } from '../../node/desk/desk-config.ts';
import { deskPaths, projectRoot, resolveDataDir } from '../../node/desk/paths.ts';
import {
  type BridgeCheckResult,
  checkBridge,
  type EntityCheck,
} from '../../tooling/discovery/bridge-check.ts';
import { connectionWithSecret } from '../../node/security/connection-secret.ts';
import { keytarCredentialStore } from '../../node/security/credential-store.ts';
import { bridgeCommandGroup } from './bridge-group.ts';

interface CheckOptions {
  connection?: string;
  rows: number;
  json?: boolean;
}

export function registerBridgeCheckSubcommand(program: Command, dataDir: () => string | undefined): void {
  const bridge = bridgeCommandGroup(program);
  bridge
    .command('check')
    .description(
      'validate a bridge file, then read a few rows of every entity it maps and report each mapping',
    )
    .argument('<bridge>', 'a bridge under bridges/ (e.g. riverton) or a path to a bridge.yaml')
    .option('--connection <odbc>', "ODBC connection string (default: this desk's connection)")
    .option(
      '--rows <n>',
      'rows read per entity',
      (v: string) => {
        const n = Number(v);
        if (!Number.isSafeInteger(n) || n < 1 || n > 100_000)
          throw new InvalidArgumentError('--rows must be a whole number from 1 to 100000');
        return n;
      },
      200,
    )
    .option('--json', 'print the result as JSON')
    .action(async (name: string, o: CheckOptions) => {
      const ok = await runBridgeCheck(dataDir(), name, o);
      process.exitCode = ok ? 0 : 1;
    });
}

async function deskConnection(dataDirFlag: string | undefined): Promise<string> {
  const dataDir = resolveDataDir(dataDirFlag);
  const config = readDeskConfig(deskPaths(dataDir).config);
  if (!config) {
    throw new WorkbenchError('not_configured', errorText('bridge.check_no_connection', { dataDir }));
  }
  // The password, if the desk uses one, is filed in the keychain under the desk's own bridge.
  let deskBridge = config.bridge;
  try {
    deskBridge = loadBridge(resolveBridgePath(config.bridge, projectRoot())).definition.name;
  } catch {
    // a broken desk bridge does not stop checking another file
  }
  return connectionWithSecret(config, deskBridge, keytarCredentialStore());
}

export async function runBridgeCheck(
  dataDirFlag: string | undefined,
  name: string,
  o: CheckOptions,
): Promise<boolean> {
  const file = resolveBridgePath(name, projectRoot());
  if (!existsSync(file))
    throw new WorkbenchError('invalid_input', errorText('bridge.file_missing', { file }));
  const connection = o.connection ?? (await deskConnection(dataDirFlag));
  if (!o.json)
    console.log(
      `Checking ${file}\n  against ${connection === o.connection ? 'the given connection' : "this desk's connection"}, ${o.rows} rows per entity.`,
    );
  const result = await checkBridge({
    file,
    connection,
    rows: o.rows,
    ...(o.json ? {} : { onEntity: (e: EntityCheck) => console.log(describeEntity(e)) }),
  });
  if (o.json) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  else console.log(summary(result));
  return result.ok;
}

function describeEntity(e: EntityCheck): string {
  const head = `${e.ok ? 'ok  ' : 'FAIL'} ${e.entity} (${e.source})`;
  if (e.error) return `${head}\n       ${e.error}`;
  const lines = [
    `${head}: ${e.rows} rows read, ${e.records} records made${e.rejected ? `, ${e.rejected} rows refused` : ''}${e.issues.length ? `, ${e.issues.reduce((n, i) => n + i.count, 0)} values unreadable` : ''}`,
  ];
  for (const issue of e.issues) {
    lines.push(`       ${issue.field}: ${issue.count} value${issue.count === 1 ? '' : 's'}, e.g.`);
    for (const x of issue.examples)
      lines.push(
        `         ${x.recordId ?? '(no id)'}: ${x.value === null ? 'null' : JSON.stringify(x.value)}: ${x.problem}`,
      );
  }
  return lines.join('\n');
}

function summary(r: BridgeCheckResult): string {
  const lines: string[] = [];
  if (r.problems.length) {
    lines.push(`The bridge file has ${r.problems.length} problem${r.problems.length === 1 ? '' : 's'}:`);
    for (const p of r.problems) lines.push(`  ${p.file}:${p.line}:${p.column}  ${p.path}: ${p.message}`);
  }
  if (r.todos.length) {
    lines.push(`${r.todos.length} TODO comment${r.todos.length === 1 ? ' is' : 's are'} still in the file:`);
    for (const t of r.todos) lines.push(`  ${r.file}:${t.line}  ${t.text}`);
  }
  if (r.journal?.warning) lines.push(`Warning: ${r.journal.warning}`);
  else if (r.journal?.installed)
    lines.push(`The operation journal ${r.journal.table} is installed: replay is exactly-once.`);
  if (r.ok)
    lines.push(
      `The bridge passes: every mapped entity read ${r.rowsPerEntity} rows or fewer without a refused row.`,
    );
  else if (!r.problems.length) {
    const failed = r.entities.filter((e) => !e.ok).map((e) => e.entity);
    lines.push(
      r.entities.length === 0
        ? 'The bridge maps no entity.'
        : `The bridge does not pass yet: ${failed.join(', ')} ${failed.length === 1 ? 'has' : 'have'} refused rows or could not be read.`,
    );
  }
  return lines.join('\n');
}
