// `workbench renewals batch …`: batch renewal runs from the command line, through the same
// services as the wizard. `batch post` posts chunk by chunk with a progress bar; run again after
// an interruption (a kill, a power cut), it resumes with the licences not posted yet.
// Create, select, deselect, validate, notices and cancel write records: they go through the
// contract's operations in this process (in-process.ts), with the wizard's limits, roles, audit and
// messages. Post stays on the services: the contract's batches.post starts a run in the background
// and returns at once (the wizard polls), where this command posts chunk by chunk in the foreground
// with a progress bar and must stay until the last chunk; both check the role in startPosting.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Command, InvalidArgumentError, Option } from 'commander';
import {
  type BatchCriteria,
  type BatchDetail,
  type BatchSummary,
  defaultChunkSize,
} from '../../common/ops/batch-ops.ts';
import { postNextChunk, startPosting } from '../../node/renewals/batch-posting.ts';
import { batchRow, countItems, toSummary } from '../../node/renewals/batch-store.ts';
import { currentActor } from '../../node/security/actor.ts';
import { withDeskCalls } from './in-process.ts';
import { stepProgress } from './progress.ts';

const print = (value: unknown) => process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
const money = (c: number) => `$${(c / 100).toFixed(2)}`;
const notRunning = { running: false, lastError: null };
const count = (label: string) => (value: string) => {
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < 1)
    throw new InvalidArgumentError(`${label} must be a whole number, 1 or more`);
  return n;
};

function summaryLine(s: BatchSummary): string {
  const c = s.counts;
  return `${s.id}  ${s.state.padEnd(15)} ${String(c.selected).padStart(5)} of ${String(c.items).padEnd(5)} selected  ${String(c.posted).padStart(5)} posted  ${money(c.selectedTotalCents).padStart(12)}  ${s.createdAt} by ${s.createdBy}`;
}

function printDetail(d: BatchDetail): void {
  const c = d.counts;
  console.log(`Batch ${d.id}: ${d.state}, chunks of ${d.chunkSize}; built ${d.createdAt} by ${d.createdBy}`);
  console.log(
    `${c.items} licences, ${c.selected} selected (${c.businesses} businesses, ${money(c.selectedTotalCents)}): ` +
      `${c.valid} valid, ${c.invalid} with problems, ${c.unvalidated} not validated; ${c.posted} posted, ${c.blocked} refused at posting, ${c.remaining} to post.`,
  );
  for (const i of d.items) {
    const mark = i.selected ? '[x]' : '[ ]';
    const amount = i.quoteTotalCents === null ? '' : money(i.quoteTotalCents);
    console.log(
      `${mark} ${i.licenceId.padEnd(12)} ${i.state.padEnd(8)} ${(i.currentExpiresOn ?? '—').padEnd(10)} -> ${(i.newExpiresOn ?? '?').padEnd(10)} ${amount.padStart(10)}  ${i.businessName}`,
    );
    for (const p of i.problems ?? []) console.log(`      ${p.code}: ${p.message}`);
  }
}

export function registerBatchSubcommands(program: Command, dataDir: () => string | undefined): void {
  // `renewals` may already exist (the renewal queue's commands): the batch joins it.
  const renewals =
    program.commands.find((c) => c.name() === 'renewals') ??
    program.command('renewals').description('the renewal queue and batch renewal runs');
  const batch = renewals.command('batch').description('batch renewal runs: build, validate, notices, post');

  batch
    .command('create')
    .description('build a batch from the renewal queue: every matching licence, selected')
    .addOption(
      new Option('--kind <kind>', 'which licences')
        .choices(['expiring', 'expired', 'delinquent', 'all'])
        .default('expiring'),
    )
    .option('--within <days>', 'expiring within this many days', count('--within'), 60)
    .option('--type <code>', 'only this licence type')
    .option('--text <text>', 'only businesses or licences matching this')
    .option('--limit <n>', 'at most this many licences', count('--limit'), 1000)
    .option('--chunk <n>', 'licences committed together when posting', count('--chunk'), defaultChunkSize)
    .option('--json', 'print the batch as JSON')
    .action(
      (o: {
        kind: string;
        within: number;
        type?: string;
        text?: string;
        limit: number;
        chunk: number;
        json?: boolean;
      }) =>
        withDeskCalls(dataDir(), async (call) => {
          const d = await call('batches.create', {
            criteria: {
              kind: o.kind as BatchCriteria['kind'],
              withinDays: o.within,
              limit: o.limit,
              ...(o.type ? { licenceTypeCode: o.type } : {}),
              ...(o.text ? { text: o.text } : {}),
            },
            chunkSize: o.chunk,
          });
          const id = d.id;
          if (o.json) print(d);
          else {
            console.log(`Batch ${id} holds ${d.counts.items} licences, all selected.`);
            console.log(`Next: "workbench renewals batch validate ${id}".`);
          }
        }),
    );

  batch
    .command('show')
    .description('a batch with its licences, their problems and amounts')
    .argument('<batch>', 'batch number')
    .option('--json', 'print as JSON')
    .action((id: string, o: { json?: boolean }) =>
      withDeskCalls(dataDir(), async (call) => {
        const d = await call('batches.get', { batchId: id });
        if (o.json) print(d);
        else printDetail(d);
      }),
    );

  batch
    .command('list')
    .description("this desk's batches, newest first")
    .option('--open', 'only batches not posted or cancelled')
    .option('--json', 'print as JSON')
    .action((o: { open?: boolean; json?: boolean }) =>
      withDeskCalls(dataDir(), async (call) => {
        const { batches } = await call('batches.list', { includeFinished: !o.open, limit: 500 });
        if (o.json) print(batches);
        else if (batches.length === 0) console.log('No renewal batch on this desk yet.');
        else for (const s of batches) console.log(summaryLine(s));
      }),
    );

  for (const [name, selected] of [
    ['select', true],
    ['deselect', false],
  ] as const) {
    batch
      .command(name)
      .description(`${name} licences of a batch (all of them with --all)`)
      .argument('<batch>', 'batch number')
      .argument('[licences...]', 'licence numbers')
      .option('--all', 'every licence of the batch')
      .action((id: string, licences: string[], o: { all?: boolean }) =>
        withDeskCalls(dataDir(), async (call) => {
          if (!o.all && licences.length === 0)
            throw new InvalidArgumentError('name the licences, or give --all');
          const d = await call('batches.setSelected', {
            batchId: id,
            selected,
            ...(o.all ? {} : { licenceIds: licences }),
          });
          console.log(
            `Batch ${id}: ${d.counts.selected} of ${d.counts.items} licences selected; state ${d.state}.`,
          );
        }),
      );
  }

  batch
    .command('validate')
    .description('check every licence for today: holds, balances, window, status, requirements')
    .argument('<batch>', 'batch number')
    .option('--json', 'print the batch as JSON')
    .action((id: string, o: { json?: boolean }) =>
      withDeskCalls(dataDir(), async (call) => {
        const d = await call('batches.validate', { batchId: id });
        if (o.json) {
          print(d);
          return;
        }
        const c = d.counts;
        console.log(
          `Batch ${id}: ${c.valid} selected licences can be renewed (${money(c.selectedTotalCents)}).`,
        );
        for (const i of d.items.filter((x) => x.selected && x.problems?.length)) {
          for (const p of i.problems!) console.log(`  ${i.licenceId}: ${p.message}`);
        }
        if (c.invalid > 0)
          console.log(
            `${c.invalid} selected licences have problems: deselect them ("workbench renewals batch deselect ${id} …") or fix them and validate again.`,
          );
        else console.log(`Next: "workbench renewals batch notices ${id} --out DIR".`);
      }),
    );

  batch
    .command('notices')
    .description('the notices: one PDF (a notice per business) and a CSV for mail merge')
    .argument('<batch>', 'batch number')
    .requiredOption('--out <dir>', 'where to write them')
    .addOption(new Option('--language <lang>', 'language of the notices').choices(['en', 'es']).default('en'))
    .option('--json', 'print what was written as JSON')
    .action((id: string, o: { out: string; language: 'en' | 'es'; json?: boolean }) =>
      withDeskCalls(dataDir(), async (call) => {
        const written = [];
        for (const operation of ['batches.notices', 'batches.noticesCsv'] as const) {
          const doc = await call(operation, { batchId: id, language: o.language });
          const file = join(o.out, doc.fileName);
          writeFileSync(file, Buffer.from(doc.base64, 'base64'));
          written.push({ file, notices: doc.notices, savedTo: doc.savedTo });
        }
        if (o.json) print(written);
        else {
          for (const w of written) console.log(`Wrote ${w.file} (${w.notices} notices).`);
          console.log(`Next: "workbench renewals batch post ${id}".`);
        }
      }),
    );

  batch
    .command('post')
    .description(
      'renew the selected licences, a chunk per transaction; run again to resume after an interruption',
    )
    .argument('<batch>', 'batch number')
    .option('--chunk <n>', 'licences committed together (default: the batch’s)', count('--chunk'))
    .option('--json', 'print the batch summary as JSON at the end')
    .action((id: string, o: { chunk?: number; json?: boolean }) =>
      // Posts in this process, chunk after chunk with a progress line, where the contract's
      // batches.post starts the run in the desk's background runtime (the UI polls it).
      withDeskCalls(dataDir(), (_call, desk) => {
        const actor = currentActor();
        const { resumed, alreadyPosted } = startPosting(desk, actor, id, o.chunk);
        if (alreadyPosted && !o.json) {
          console.log(`Batch ${id} is already posted: nothing is left to post.`);
          return;
        }
        const progress = stepProgress();
        const total = countItems(desk.cache, id);
        const all = total.posted + total.blocked + total.remaining;
        let done = total.posted + total.blocked;
        const started = performance.now();
        const before = total.posted;
        try {
          for (;;) {
            progress.update('licences posted', done, all);
            const chunk = postNextChunk(desk, actor, id);
            if (chunk.done) break;
            done += chunk.posted + chunk.blocked;
          }
          progress.finish('licences posted', done);
        } finally {
          progress.stop();
        }
        const s = toSummary(desk.cache, batchRow(desk.cache, id), notRunning);
        const seconds = (performance.now() - started) / 1000;
        if (o.json) {
          print({ ...s, resumed, seconds });
          return;
        }
        const now = s.counts.posted - before;
        console.log(
          `${resumed ? 'Resumed: ' : ''}${now} licences renewed in ${seconds.toFixed(1)} s; batch ${id} is ${s.state} (${s.counts.posted} posted, ${s.counts.blocked} refused).`,
        );
        if (s.counts.blocked)
          console.log(`See the refused ones and why: "workbench renewals batch show ${id}".`);
        console.log('The renewals reach the legacy database at the next "workbench sync".');
      }),
    );

  batch
    .command('cancel')
    .description('cancel a batch not posted yet (renewals already posted stay)')
    .argument('<batch>', 'batch number')
    .requiredOption('--reason <text>', 'why')
    .action((id: string, o: { reason: string }) =>
      withDeskCalls(dataDir(), async (call) => {
        await call('batches.cancel', { batchId: id, reason: o.reason });
        console.log(`Batch ${id} is cancelled.`);
      }),
    );
}
