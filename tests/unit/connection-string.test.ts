import { describe, expect, it } from 'vitest';
import {
  engineOf,
  fillConnectionTemplate,
  formatConnectionString,
  hasSecret,
  parseConnectionString,
  redactConnectionString,
  withPart,
} from '../../src-main/node/bridge/connection-string.ts';

describe('ODBC connection strings', () => {
  it('parses braced values with semicolons and round-trips', () => {
    const parts = parseConnectionString(
      'Driver={PostgreSQL Unicode};Server=127.0.0.1;Pwd={a;b}}c};Database=riverton',
    );
    expect(parts).toEqual([
      ['Driver', 'PostgreSQL Unicode'],
      ['Server', '127.0.0.1'],
      ['Pwd', 'a;b}c'],
      ['Database', 'riverton'],
    ]);
    expect(parseConnectionString(formatConnectionString(parts))).toEqual(parts);
  });
  it('detects the engine from the driver', () => {
    expect(engineOf(parseConnectionString('Driver=SQLite3;Database=/x.db'))).toBe('sqlite');
    expect(engineOf(parseConnectionString('Driver={MariaDB Unicode};Server=h'))).toBe('mariadb');
    expect(engineOf(parseConnectionString('Driver={PostgreSQL Unicode};Server=h'))).toBe('postgres');
    expect(engineOf(parseConnectionString('Driver={IBM i Access ODBC Driver}'))).toBeUndefined();
  });
  it('finds and redacts secrets, whatever the key spelling', () => {
    const text = 'Driver=X;UID=clerk;PASSWORD=hunter2;Database=d';
    expect(hasSecret(parseConnectionString(text))).toBe(true);
    expect(redactConnectionString(text)).toBe('Driver=X;UID=clerk;PASSWORD=***;Database=d');
    expect(hasSecret(parseConnectionString('Driver=X;Uid=root;Pwd='))).toBe(false);
  });
  it('replaces a part keeping its position', () => {
    const parts = withPart(parseConnectionString('Driver=X;database=a;Port=1'), 'Database', 'b');
    expect(formatConnectionString(parts)).toBe('Driver=X;Database=b;Port=1');
  });
  it('says what is wrong with a malformed string', () => {
    expect(() => parseConnectionString('Driver=X;oops')).toThrow(/has no "="/);
  });
});

describe('connection templates of bridges', () => {
  it('fills ${name} from the desk, then the defaults, and leaves ODBC braces alone', () => {
    expect(
      fillConnectionTemplate(
        'Driver={PostgreSQL Unicode};Server=${server};Port=${port};Uid=${user}',
        { server: 'db' },
        { port: '5432', user: 'wb' },
      ),
    ).toBe('Driver={PostgreSQL Unicode};Server=db;Port=5432;Uid=wb');
  });
  it('names every value it lacks', () => {
    expect(() => fillConnectionTemplate('Server=${server};Database=${database}', {})).toThrow(
      '--set server=... --set database=...',
    );
  });
});
