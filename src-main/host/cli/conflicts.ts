// `workbench conflicts` and `workbench conflicts resolve`: the conflicts replay parked for a person,
// and their resolution from the command line. A resolution writes records: it goes through the
// contract's conflicts.resolve in this process (in-process.ts), as the conflicts screen does.
import { type Command, InvalidArgumentError } from 'commander';
import type { Conflict } from '../../common/sync-model.ts';
import { openDesk } from '../../node/desk/open-desk.ts';
import { resolveDataDir } from '../../node/desk/paths.ts';
import { listConflicts } from '../../node/sync/conflicts.ts';
import { withDeskCalls } from './in-process.ts';

const print = (value: unknown): void => {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
};

const edit = (value: string, previous: Record<string, string> = {}) => {
  const m = /^([A-Za-z]+)=(.*)$/.exec(value);
  if (!m) throw new InvalidArgumentError('write edits as FIELD=VALUE, e.g. newExpiresOn=2027-06-30');
  return { ...previous, [m[1]!]: m[2]! };
};

export function registerConflictSubcommands(program: Command, dataDir: () => string | undefined): void {
  const conflicts = program
    .command('conflicts')
    .description(
      'changes of this desk that the legacy database could not take as they were: a person decides',
    )
    .option('--all', 'also the ones already resolved')
    .option('--json', 'print as JSON')
    .action((o: { all?: boolean; json?: boolean }) => {
      const desk = openDesk({ dataDir: resolveDataDir(dataDir()) });
      try {
        const list = listConflicts(desk, o.all);
        if (o.json) return print(list);
        if (list.length === 0) console.log('No conflicts wait for a decision on this desk.');
        for (const c of list) describe(c);
      } finally {
        desk.close();
      }
    });

  conflicts
    .command('resolve')
    .description(
      'apply a conflicting change again on the current values, edit it then apply, or discard it with a reason',
    )
    .argument('<id>', 'the conflict number', (v) => {
      const n = Number(v);
      if (!Number.isSafeInteger(n) || n <= 0)
        throw new InvalidArgumentError('the conflict number is a whole number');
      return n;
    })
    .option('--apply-again', 'apply the change again on top of the legacy values as they are now')
    .option('--edit <field=value>', 'change a field of the change, then apply it (repeatable)', edit)
    .option('--discard', 'do not apply the change (needs --reason)')
    .option('--reason <text>', 'why (kept with the conflict)')
    .option('--json', 'print the resolved conflict as JSON')
    .action(
      (
        id: number,
        o: {
          applyAgain?: boolean;
          edit?: Record<string, string>;
          discard?: boolean;
          reason?: string;
          json?: boolean;
        },
      ) => {
        const chosen = [o.applyAgain && 'apply_again', o.edit && 'edit', o.discard && 'discard'].filter(
          Boolean,
        );
        if (chosen.length !== 1) {
          throw new InvalidArgumentError(
            'choose one of --apply-again, --edit FIELD=VALUE or --discard --reason TEXT',
          );
        }
        return withDeskCalls(dataDir(), async (call) => {
          const { conflict: resolved } = await call('conflicts.resolve', {
            conflictId: id,
            resolution: chosen[0] as 'apply_again' | 'edit' | 'discard',
            ...(o.reason !== undefined ? { reason: o.reason } : {}),
            ...(o.edit !== undefined ? { edits: o.edit } : {}),
          });
          if (o.json) return print(resolved);
          console.log(
            resolved.resolution === 'discard'
              ? `Conflict ${id} resolved: the change was discarded (kept on record with your reason).`
              : `Conflict ${id} resolved: the change waits to be sent again as operation ${resolved.newOperationId} ("workbench sync").`,
          );
        });
      },
    );
}

function describe(c: Conflict): void {
  console.log(`#${c.id}  ${c.status}  ${c.command} ${c.licenceId}  taken ${c.takenAt} by ${c.takenBy}`);
  console.log(`    ${c.explanation}`);
  console.log(`    ${'field'.padEnd(16)} ${'you saw'.padEnd(26)} ${'your change'.padEnd(26)} legacy now`);
  for (const f of c.fields) {
    const cell = (v: string | number | null) => String(v ?? '—').padEnd(26);
    console.log(
      `  ${f.changedElsewhere ? '!' : ' '} ${f.field.padEnd(16)} ${cell(f.seen)} ${cell(f.mine)} ${f.current ?? '—'}`,
    );
  }
  if (c.status === 'resolved')
    console.log(
      `    resolved: ${c.resolution} by ${c.resolvedBy} at ${c.resolvedAt}${c.reason ? ` (${c.reason})` : ''}`,
    );
}
