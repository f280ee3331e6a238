// A clock the test moves by hand, for the connectivity monitor and the sync loop: timers fire
// only when the test advances time, and the promises they start settle before advance returns.
import type { Clock } from '../../../src-main/node/sync/connectivity.ts';

interface Timer {
  at: number;
  fn: () => void;
  id: number;
}

export class ManualClock implements Clock {
  private time: number;
  private timers: Timer[] = [];
  private nextId = 1;

  constructor(start = Date.parse('2026-11-23T15:00:00Z')) {
    this.time = start;
  }

  now(): number {
    return this.time;
  }

  setTimeout(fn: () => void, ms: number): unknown {
    const timer = { at: this.time + ms, fn, id: this.nextId++ };
    this.timers.push(timer);
    return timer.id;
  }

  clearTimeout(handle: unknown): void {
    this.timers = this.timers.filter((t) => t.id !== handle);
  }

  /** Milliseconds until the next timer fires (Infinity: none). */
  get nextIn(): number {
    return Math.min(...this.timers.map((t) => t.at - this.time));
  }

  /** Moves time on, firing each timer due on the way, and lets what they start settle. */
  async advance(ms: number): Promise<void> {
    const end = this.time + ms;
    await settle();
    for (;;) {
      const due = this.timers.filter((t) => t.at <= end).sort((a, b) => a.at - b.at || a.id - b.id)[0];
      if (!due) break;
      this.timers = this.timers.filter((t) => t !== due);
      this.time = due.at;
      due.fn();
      await settle();
    }
    this.time = end;
  }
}

/** Lets pending promise callbacks and I/O callbacks run. */
export async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await new Promise((r) => setImmediate(r));
}
