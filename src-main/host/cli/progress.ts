// Progress for long work on the command line: a bar per step on a terminal, plain lines in logs.
import cliProgress from 'cli-progress';

export interface StepProgress {
  update(step: string, done: number, total: number | null): void;
  finish(step: string, done: number): void;
  stop(): void;
}

export function stepProgress(stream: NodeJS.WriteStream = process.stderr): StepProgress {
  if (stream.isTTY) {
    const bars = new cliProgress.MultiBar(
      {
        stream,
        format: ' {step} |{bar}| {value}/{total} rows  {rate} rows/s',
        barsize: 30,
        hideCursor: true,
        clearOnComplete: false,
        etaBuffer: 50,
      },
      cliProgress.Presets.shades_classic,
    );
    const active = new Map<string, { bar: cliProgress.SingleBar; started: number }>();
    const get = (step: string, total: number) => {
      let a = active.get(step);
      if (!a) {
        a = { bar: bars.create(total, 0, { step: step.padEnd(12), rate: 0 }), started: Date.now() };
        active.set(step, a);
      }
      return a;
    };
    const rate = (a: { started: number }, done: number) =>
      Math.round(done / Math.max(0.001, (Date.now() - a.started) / 1000));
    return {
      update(step, done, total) {
        const a = get(step, total ?? done);
        if (total !== null) a.bar.setTotal(total);
        else a.bar.setTotal(Math.max(done, 1));
        a.bar.update(done, { rate: rate(a, done) });
      },
      finish(step, done) {
        const a = get(step, done);
        a.bar.setTotal(Math.max(done, 1));
        a.bar.update(done, { rate: rate(a, done) });
      },
      stop: () => bars.stop(),
    };
  }
  // Not a terminal: a line when a step starts, every ~5 seconds, and when it ends.
  const last = new Map<string, number>();
  const started = new Map<string, number>();
  return {
    update(step, done, total) {
      const now = Date.now();
      if (!started.has(step)) {
        started.set(step, now);
        stream.write(`${step}: started${total !== null ? ` (${total} rows)` : ''}\n`);
      }
      if (now - (last.get(step) ?? now) >= 5000 || !last.has(step)) {
        last.set(step, now);
        if (done > 0) stream.write(`${step}: ${done}${total !== null ? `/${total}` : ''} rows\n`);
      }
    },
    finish(step, done) {
      const secs = (Date.now() - (started.get(step) ?? Date.now())) / 1000;
      stream.write(`${step}: ${done} rows in ${secs.toFixed(1)} s\n`);
    },
    stop() {},
  };
}
