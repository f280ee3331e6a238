// The outbox mark beside the cache (src-main/node/cache/outbox-mark.ts) and the guard that reads it
// (src-main/node/desk/cache-guard.ts), on a real desk directory: the mark follows committed outbox
// entries only, a mark left behind by a crash between commit and mark is accepted and brought
// forward, and a cache that went back, vanished or was replaced is refused with what it lacks.
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { enqueue } from '../../src-main/node/commands/outbox.ts';
import { type Desk, openDesk } from '../../src-main/node/desk/open-desk.ts';

let dir: string;
const markOf = () => JSON.parse(readFileSync(join(dir, 'outbox-mark.json'), 'utf8'));
const open = () => openDesk({ dataDir: dir });
const write = (desk: Desk) =>
  enqueue(desk.cache, {
    deskId: 'desk-1',
    actor: 'clerk',
    createdAt: '2026-01-01T09:00:00-06:00',
    command: 'recordPayment',
    payload: { v: 1, licenceId: 'RV-1' },
    base: [],
    changes: [],
  });
const command = (desk: Desk) => desk.cache.transaction(() => write(desk)).immediate();

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'wb-mark-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('the outbox mark', () => {
  it('a new desk starts and gets an empty mark; each committed entry moves it, a rolled-back one does not', () => {
    const desk = open();
    try {
      expect(markOf()).toMatchObject({ lastSeq: 0, count: 0, lastOperationId: null });
      const first = command(desk);
      expect(markOf()).toMatchObject({ lastSeq: 1, count: 1, lastOperationId: first });
      expect(() =>
        desk.cache.transaction(() => {
          write(desk);
          throw new Error('the command failed after its outbox entry');
        })(),
      ).toThrow('the command failed');
      expect(markOf()).toMatchObject({ lastSeq: 1, count: 1, lastOperationId: first });
      const second = command(desk);
      expect(markOf()).toMatchObject({ lastSeq: 2, count: 2, lastOperationId: second });
    } finally {
      desk.close();
    }
  });

  it('a mark one command behind (a crash between commit and mark) is accepted and brought forward', () => {
    const desk = open();
    command(desk);
    const behind = readFileSync(join(dir, 'outbox-mark.json'));
    const last = command(desk);
    desk.close();
    writeFileSync(join(dir, 'outbox-mark.json'), behind);
    open().close();
    expect(markOf()).toMatchObject({ lastSeq: 2, count: 2, lastOperationId: last });
  });

  it('a desk from before the mark gets one made from its cache', () => {
    const desk = open();
    const last = command(desk);
    desk.close();
    rmSync(join(dir, 'outbox-mark.json'));
    open().close();
    expect(markOf()).toMatchObject({ lastSeq: 1, count: 1, lastOperationId: last });
  });

  it('refuses a cache that went back, one that vanished and a different one, naming what is missing', () => {
    const desk = open();
    command(desk);
    desk.close();
    copyFileSync(join(dir, 'cache.sqlite'), join(dir, 'older.sqlite'));
    const again = open();
    command(again);
    const last = command(again);
    again.close();

    copyFileSync(join(dir, 'older.sqlite'), join(dir, 'cache.sqlite'));
    expect(open).toThrow(
      /went back: it holds 1 outbox entry \(up to seq 1\).*2 changes are missing \(seq 2 to 3\)/,
    );
    expect(open).toThrow(last);

    rmSync(join(dir, 'cache.sqlite'));
    expect(open).toThrow(/is missing, but this desk has written 3 changes/);
    expect(() => readFileSync(join(dir, 'cache.sqlite'))).toThrow(); // no new cache was made in its place

    const other = mkdtempSync(join(tmpdir(), 'wb-mark-other-'));
    try {
      const stranger = openDesk({ dataDir: other });
      command(stranger);
      stranger.close();
      copyFileSync(join(other, 'cache.sqlite'), join(dir, 'cache.sqlite'));
      expect(open).toThrow(/is a different cache file/);
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
  });
});
