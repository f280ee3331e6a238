// `workbench dashboard`: the supervisor's numbers on the command line, through the same service as
// the screen (supervisors and admins only): a summary, --json for all figures, --csv DIR to write
// every section's CSV into a folder (each also kept on the desk under documents/dashboard/).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Command, InvalidArgumentError } from 'commander';
import { type DashboardFigures, dashboardSections } from '../../common/ops/dashboard-ops.ts';
import { dashboardCsv } from '../../node/dashboard/dashboard-csv.ts';
import { dashboardFigures } from '../../node/dashboard/dashboard.ts';
import { openDesk } from '../../node/desk/open-desk.ts';
import { resolveDataDir } from '../../node/desk/paths.ts';
import { currentActor } from '../../node/security/actor.ts';

const print = (value: unknown) => process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
const money = (c: number) => `${c < 0 ? '-' : ''}$${(Math.abs(c) / 100).toFixed(2)}`;
const isoDate = (flag: string) => (value: string) => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) throw new InvalidArgumentError(`${flag} is a date as YYYY-MM-DD`);
  return value;
};

export function dashboardSummary(f: DashboardFigures): string[] {
  const lines = [`Dashboard ${f.from} to ${f.to} (days in ${f.timeZone})`];
  const r = f.revenue;
  if (r) {
    lines.push(
      `Revenue, all desks, from the legacy system as of ${r.asOf ?? 'never (no refresh yet)'}: net ${money(r.netCents)} ` +
        `(${r.paymentCount} payments ${money(r.grossCents)}, ${r.reversalCount} voids/refunds ${money(-r.reversedCents)}); ` +
        `cash ${money(r.byMethod.cash)}, check ${money(r.byMethod.check)}, card ${money(r.byMethod.card)}, other ${money(r.byMethod.other)}`,
    );
    if (r.provisionalCount)
      lines.push(
        `  of which ${r.provisionalCount} taken at this desk not yet in the legacy system: ${money(r.provisionalCents)}`,
      );
  } else lines.push('Revenue: not available on this desk yet');
  const n = f.renewals;
  lines.push(
    n
      ? `Renewals taken at this desk: ${n.total} (${n.onTime} on time, ${n.late} late${n.averageDaysLate !== null ? `, ${n.averageDaysLate} days late on average` : ''}); ${n.waiting} still waiting for the legacy system`
      : 'Renewals: not available on this desk yet',
  );
  const a = f.applications;
  lines.push(
    a
      ? `Applications at this desk: ${a.received} received, ${a.issued} issued, ${a.withdrawn} withdrawn`
      : 'Applications: not available on this desk yet',
  );
  const b = f.backlog;
  if (b) {
    lines.push(
      `Backlog on ${b.asOf}: ${b.open} open (${b.buckets.map((x) => `${x.bucket} days: ${x.count}`).join(', ')})` +
        (b.oldestDays !== null ? `; the oldest waits ${b.oldestDays} days` : ''),
    );
  }
  return lines;
}

export function registerDashboardSubcommands(program: Command, dataDir: () => string | undefined): void {
  program
    .command('dashboard')
    .description(
      "the supervisor's numbers for a period (supervisors and admins): revenue, renewals, applications, backlog",
    )
    .option('--from <date>', 'first day (YYYY-MM-DD; default: 29 days before --to)', isoDate('--from'))
    .option('--to <date>', "last day (YYYY-MM-DD; default: today in the city's time zone)", isoDate('--to'))
    .option('--csv <dir>', "write each section's CSV into this folder")
    .option('--language <lang>', 'CSV headers in en or es', 'en')
    .option('--json', 'print every figure as JSON')
    .action((o: { from?: string; to?: string; csv?: string; language: string; json?: boolean }) => {
      const desk = openDesk({ dataDir: resolveDataDir(dataDir()) });
      try {
        const actor = currentActor();
        const period = { ...(o.from ? { from: o.from } : {}), ...(o.to ? { to: o.to } : {}) };
        const figures = dashboardFigures(desk, actor, period);
        const written: string[] = [];
        if (o.csv) {
          mkdirSync(o.csv, { recursive: true });
          const language = o.language === 'es' ? 'es' : 'en';
          for (const section of dashboardSections) {
            if ((section === 'applications' || section === 'backlog') && !figures.applications) continue;
            const doc = dashboardCsv(desk, actor, { from: figures.from, to: figures.to, section, language });
            const target = join(o.csv, doc.fileName);
            writeFileSync(target, Buffer.from(doc.base64, 'base64'));
            written.push(target);
          }
        }
        if (o.json) print(o.csv ? { ...figures, csvFiles: written } : figures);
        else {
          for (const line of dashboardSummary(figures)) console.log(line);
          for (const file of written) console.log(`Wrote ${file}`);
        }
      } finally {
        desk.close();
      }
    });
}
