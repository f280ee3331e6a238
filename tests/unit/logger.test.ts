// The diagnostics logger (src-main/node/log): secrets never reach a line, the level follows
// WB_LOG_LEVEL, and the desk's log file holds one JSON object per line.
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { configureLogging, createLogger, levelFromEnv, logger } from '../../src-main/node/log/logger.ts';
import { maskSecretsInText } from '../../src-main/node/log/mask-secrets.ts';

/** A logger writing into an array, one parsed JSON object per line. */
function capture(level: 'info' | 'debug' = 'info') {
  const lines: Record<string, unknown>[] = [];
  const raw: string[] = [];
  const stream = {
    write(s: string) {
      raw.push(s);
      lines.push(JSON.parse(s) as Record<string, unknown>);
    },
  };
  return { log: createLogger({ level, stream }), lines, raw };
}

describe('the logger redacts secrets', () => {
  it('replaces a password field, at the top and nested, and keeps the other fields', () => {
    const { log, lines, raw } = capture();
    log.info({ password: 'hunter2', user: 'clerk1', desk: { pwd: 'p', token: 't' } }, 'signed in');
    expect(lines[0]).toMatchObject({
      password: '[redacted]',
      user: 'clerk1',
      desk: { pwd: '[redacted]', token: '[redacted]' },
    });
    expect(raw.join('')).not.toMatch(/hunter2/);
  });

  it('masks PWD= of a connection string inside the message, braced values included', () => {
    const { log, lines, raw } = capture();
    log.warn('could not connect with Driver={PostgreSQL Unicode};Server=db;UID=wb;PWD=s3cret;Database=city');
    log.warn('retrying Driver={X};Pwd={a;b}}c};Server=db');
    expect(lines[0]!.msg).toBe(
      'could not connect with Driver={PostgreSQL Unicode};Server=db;UID=wb;PWD=***;Database=city',
    );
    expect(lines[1]!.msg).toBe('retrying Driver={X};Pwd=***;Server=db');
    expect(raw.join('')).not.toMatch(/s3cret|a;b/);
  });

  it('masks the password of a connection field and of an error message and stack', () => {
    const { log, lines, raw } = capture();
    const err = new Error('login failed for Driver={X};UID=wb;PASSWORD=topsecret');
    log.error({ err, connection: 'Driver={X};UID=wb;PWD=topsecret;Database=city' }, 'sync failed');
    log.error(err);
    expect(lines[0]!.connection).toBe('Driver={X};UID=wb;PWD=***;Database=city');
    expect((lines[0]!.err as { message: string }).message).toBe(
      'login failed for Driver={X};UID=wb;PASSWORD=***',
    );
    expect(lines[1]!.msg).toBe('login failed for Driver={X};UID=wb;PASSWORD=***');
    expect(raw.join('')).not.toMatch(/topsecret/);
  });

  it('redacts authorization and cookie headers', () => {
    const { log, lines } = capture();
    log.info(
      { req: { headers: { authorization: 'Bearer abc', cookie: 'wb=abc', host: '127.0.0.1' } } },
      'request',
    );
    expect(lines[0]!.req).toEqual({
      headers: { authorization: '[redacted]', cookie: '[redacted]', host: '127.0.0.1' },
    });
  });

  it('leaves text without secrets as it is', () => {
    expect(maskSecretsInText('Driver={SQLite3};Database=/tmp/city.db')).toBe(
      'Driver={SQLite3};Database=/tmp/city.db',
    );
    expect(maskSecretsInText('token=abc&page=2')).toBe('token=***&page=2');
  });
});

describe('the log level', () => {
  it('comes from WB_LOG_LEVEL, info by default, silent under vitest unless asked', () => {
    expect(levelFromEnv({ WB_LOG_LEVEL: 'debug' })).toBe('debug');
    expect(levelFromEnv({ WB_LOG_LEVEL: ' WARN ' })).toBe('warn');
    expect(levelFromEnv({})).toBe('info');
    expect(levelFromEnv({ WB_LOG_LEVEL: 'chatty' })).toBe('info');
    expect(levelFromEnv({ VITEST: 'true' })).toBe('silent');
    expect(levelFromEnv({ VITEST: 'true', WB_LOG_LEVEL: 'error' })).toBe('error');
  });

  it('drops the lines below it', () => {
    const previous = process.env.WB_LOG_LEVEL;
    process.env.WB_LOG_LEVEL = 'warn';
    try {
      const lines: string[] = [];
      const log = createLogger({ stream: { write: (s: string) => void lines.push(s) } });
      expect(log.level).toBe('warn');
      log.info('not this');
      log.warn('this');
      expect(lines.map((l) => (JSON.parse(l) as { msg: string }).msg)).toEqual(['this']);
    } finally {
      if (previous === undefined) delete process.env.WB_LOG_LEVEL;
      else process.env.WB_LOG_LEVEL = previous;
    }
  });
});

describe('the log file', () => {
  let dir = '';
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('gets one JSON object per line with time, level and msg (its folder is made)', () => {
    dir = mkdtempSync(join(tmpdir(), 'wb-log-'));
    const file = join(dir, 'logs', 'workbench.log');
    const log = createLogger({ level: 'info', file, stderr: false });
    log.child({ component: 'sync' }).warn('the legacy database did not answer');
    log.info({ pushed: 2 }, 'pushed');
    const lines = readFileSync(file, 'utf8').trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    const first = JSON.parse(lines[0]!) as Record<string, unknown>;
    expect(first).toMatchObject({
      level: 'warn',
      component: 'sync',
      msg: 'the legacy database did not answer',
    });
    expect(new Date(first.time as string).toISOString()).toBe(first.time);
    expect(JSON.parse(lines[1]!)).toMatchObject({ level: 'info', pushed: 2, msg: 'pushed' });
  });

  it("takes every component's lines once configured, as the shell and workbench serve do", () => {
    dir = mkdtempSync(join(tmpdir(), 'wb-log-'));
    const file = join(dir, 'workbench.log');
    const before = logger('server');
    configureLogging({ level: 'info', file, stderr: false });
    try {
      expect(logger('server')).not.toBe(before);
      logger('server').error({ err: new Error('socket hang up') }, 'serve: request failed');
      const line = JSON.parse(readFileSync(file, 'utf8').trim()) as Record<string, unknown>;
      expect(line).toMatchObject({ level: 'error', component: 'server', msg: 'serve: request failed' });
      expect((line.err as { message: string }).message).toBe('socket hang up');
    } finally {
      configureLogging({});
    }
  });

  it('is set aside as workbench.log.1 … .N when it outgrows its size, the newest lines in workbench.log', () => {
    dir = mkdtempSync(join(tmpdir(), 'wb-log-'));
    const file = join(dir, 'logs', 'workbench.log');
    const log = createLogger({ level: 'info', file, stderr: false, rotation: { maxBytes: 2000, keep: 2 } });
    for (let n = 1; n <= 60; n++) log.info({ n }, `line ${n} ${'x'.repeat(60)}`);
    const numbers = (path: string) =>
      readFileSync(path, 'utf8')
        .trimEnd()
        .split('\n')
        .map((l) => (JSON.parse(l) as { n: number }).n);
    const now = numbers(file);
    const one = numbers(`${file}.1`);
    const two = numbers(`${file}.2`);
    // Every file within its size; the three kept files hold the newest lines, in order, none lost
    // between them; the oldest lines went with the file dropped beyond keep.
    for (const path of [file, `${file}.1`, `${file}.2`])
      expect(statSync(path).size).toBeLessThanOrEqual(2000);
    expect(existsSync(`${file}.3`)).toBe(false);
    expect(now.at(-1)).toBe(60);
    expect([...two, ...one, ...now]).toEqual(
      Array.from({ length: two.length + one.length + now.length }, (_, i) => two[0]! + i),
    );
    expect(two[0]).toBeGreaterThan(1);
  });

  it('goes on from the size a file already has when the desk starts again', () => {
    dir = mkdtempSync(join(tmpdir(), 'wb-log-'));
    const file = join(dir, 'workbench.log');
    writeFileSync(file, `${JSON.stringify({ level: 'info', msg: 'yesterday', pad: 'y'.repeat(1900) })}\n`);
    createLogger({ level: 'info', file, stderr: false, rotation: { maxBytes: 2000 } }).info('today');
    expect(readFileSync(`${file}.1`, 'utf8')).toContain('yesterday');
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ msg: 'today' });
  });
});
