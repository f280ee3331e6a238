// `workbench discover --connection STR --out DIR`: for IT facing a legacy database for the first
// time. Profiles every table through ODBC (in the discovery worker) and writes report.html, a
// draft bridge.yaml with a TODO wherever a person must decide, its query files and discovery.json.
import { resolve } from 'node:path';
import cliProgress from 'cli-progress';
import { type Command, InvalidArgumentError, Option } from 'commander';
import { dialects } from '../../node/bridge/bridge-schema.ts';
import type { DialectName } from '../../node/bridge/dialects.ts';
import { discover } from '../../tooling/discovery/discover.ts';
import { projectRoot } from '../../node/desk/paths.ts';

interface DiscoverOptions {
  connection: string;
  out: string;
  name?: string;
  timeZone?: string;
  dialect?: DialectName;
  schema?: string;
  table?: string[];
  sample: number;
  json?: boolean;
}

const count = (label: string, min: number, max: number) => (value: string) => {
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < min || n > max)
    throw new InvalidArgumentError(`${label} must be a whole number from ${min} to ${max}`);
  return n;
};

export function registerDiscoverSubcommand(program: Command): void {
  program
    .command('discover')
    .description('profile a legacy database through ODBC; write a report and a draft bridge to edit')
    .requiredOption('--connection <odbc>', 'DSN-less ODBC connection string of the legacy database')
    .requiredOption('--out <dir>', 'folder for report.html, bridge.yaml and discovery.json')
    .option('--name <name>', 'name of the draft bridge (default: the folder name)')
    .option(
      '--time-zone <iana>',
      "the legacy system's time zone, e.g. America/Chicago (default: this machine's)",
    )
    .addOption(
      new Option('--dialect <dialect>', 'the SQL to speak, when the driver does not say it').choices([
        ...dialects,
      ]),
    )
    .option('--schema <schema>', 'only tables in this schema')
    .option('--table <name...>', 'only these tables')
    .option(
      '--sample <rows>',
      'rows sampled per table for format detection',
      count('--sample', 10, 100_000),
      1000,
    )
    .option('--json', 'print the result as JSON')
    .action((o: DiscoverOptions) => runDiscover(o));
}

export async function runDiscover(o: DiscoverOptions): Promise<void> {
  const out = resolve(o.out);
  const progress = o.json ? null : discoveryProgress();
  try {
    const result = await discover({
      connection: o.connection,
      out,
      ...(o.dialect ? { dialect: o.dialect } : {}),
      ...(o.name ? { name: o.name } : {}),
      ...(o.timeZone ? { timeZone: o.timeZone } : {}),
      ...(o.schema ? { schema: o.schema } : {}),
      ...(o.table?.length ? { tables: o.table } : {}),
      options: { sampleSize: o.sample },
      schemaFile: resolve(projectRoot(), 'bridges', 'bridge.schema.json'),
      ...(progress
        ? {
            onCatalog: progress.catalog,
            onProgress: progress.column,
            onTable: (t) => progress.table(t.qualified, t.rows, t.columns.length, t.seconds),
            onPhase: progress.phase,
          }
        : {}),
    });
    progress?.stop();
    if (o.json) {
      process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
      return;
    }
    const lines = [
      `Profiled ${result.tables} tables in ${result.seconds.toFixed(1)} s.`,
      ...result.entities.map(
        (e) => `  ${e.entity.padEnd(12)} ← ${e.table} (${e.mapped} of ${e.fields} fields found)`,
      ),
      ...result.missing.map((e) => `  ${e.padEnd(12)} ← no table found`),
      '',
      `Report:       ${result.reportFile}   (open it in a browser)`,
      `Draft bridge: ${result.bridgeFile}${result.queryFiles.length ? ` (+ ${result.queryFiles.join(', ')})` : ''}`,
      result.todos.length
        ? `              ${result.todos.length} TODO${result.todos.length === 1 ? '' : 's'} to decide; the report's "What to check" lists them with their lines.`
        : '              nothing left to decide.',
      ...(result.problems.length
        ? [
            'The draft does not load yet:',
            ...result.problems.map((p) => `  ${p.file}:${p.line}:${p.column}  ${p.path}: ${p.message}`),
          ]
        : []),
      '',
      `Then: npx workbench bridge check ${result.bridgeFile} --connection "<the same connection>"`,
    ];
    console.log(lines.join('\n'));
  } finally {
    progress?.stop();
  }
}

/** A bar over all columns on a terminal; a line per table otherwise. */
function discoveryProgress(stream: NodeJS.WriteStream = process.stderr) {
  let bar: cliProgress.SingleBar | null = null;
  let totalColumns = 0;
  let doneColumns = 0;
  let current = '';
  const tty = stream.isTTY;
  return {
    catalog(tables: Array<{ name: string; columns: number }>) {
      totalColumns = tables.reduce((n, t) => n + t.columns, 0);
      if (tty) {
        bar = new cliProgress.SingleBar(
          {
            stream,
            format: ' Profiling |{bar}| {value}/{total} columns  {table}',
            barsize: 30,
            hideCursor: true,
          },
          cliProgress.Presets.shades_classic,
        );
        bar.start(totalColumns, 0, { table: '' });
      } else stream.write(`Found ${tables.length} tables (${totalColumns} columns); profiling them.\n`);
    },
    column(table: string, column: number, columns: number) {
      if (table !== current) current = table;
      bar?.update(doneColumns + column, { table: `${table} (${column}/${columns})` });
    },
    table(name: string, rows: number, columns: number, seconds: number) {
      doneColumns += columns;
      bar?.update(doneColumns, { table: name });
      if (!tty)
        stream.write(
          `${name}: ${rows.toLocaleString('en-US')} row${rows === 1 ? '' : 's'}, ${columns} columns in ${seconds.toFixed(1)} s\n`,
        );
    },
    phase(phase: 'relations' | 'writing') {
      if (!tty)
        stream.write(
          phase === 'relations'
            ? 'Checking which columns refer to other tables.\n'
            : 'Writing the report and the draft bridge.\n',
        );
      else bar?.update(doneColumns, { table: phase === 'relations' ? 'checking references' : 'writing' });
    },
    stop() {
      bar?.stop();
      bar = null;
    },
  };
}
