// How the bridge worker classifies ODBC failures, on the errors psqlODBC actually raised in the
// fault tests (measured through the test proxy and a restarted server), plus the other drivers'
// usual words. A connection-class failure makes the worker discard the connection; a statement
// timeout leaves it alone.
import { describe, expect, it } from 'vitest';
import {
  driverMessageOneLine,
  isConnectionLost,
  isRefusal,
  isStatementTimeout,
} from '../../src-main/node/bridge/odbc-errors.ts';

const odbcError = (state: string, message: string) => ({
  message: '[odbc] Error executing the sql statement',
  odbcErrors: [{ state, code: 35, message }],
});

const serverRestarted = odbcError(
  '57P01',
  'FATAL: terminating connection due to administrator command;\nThe connection has been lost',
);
const afterRestart = odbcError('08S01', 'SQLExecDirect unable due to the connection lost');
const networkCut = odbcError(
  '08S01',
  'server closed the connection unexpectedly\n\tThis probably means the server terminated abnormally\n\tbefore or while processing the request.\n;\nThe connection has been lost',
);
const refusedConnect = odbcError(
  '08001',
  'connection to server at "127.0.0.1", port 42447 failed: Connection reset by peer\n\tIs the server running on that host and accepting TCP/IP connections?\n',
);
const statementTimeout = odbcError(
  '57014',
  'ERROR: canceling statement due to statement timeout;\nError while executing the query',
);

describe('ODBC failures, classified', () => {
  it('a lost connection, by SQLSTATE (08xxx, 57P01) or by the words under HY000', () => {
    for (const err of [serverRestarted, afterRestart, networkCut, refusedConnect])
      expect(isConnectionLost(err)).toBe(true);
    expect(isConnectionLost(odbcError('HY000', 'server closed the connection unexpectedly'))).toBe(true);
    expect(isConnectionLost(odbcError('HY000', '[ma-3.1.20]Lost connection to server during query'))).toBe(
      true,
    );
    expect(isConnectionLost(odbcError('HY000', 'MySQL server has gone away'))).toBe(true);
    expect(isConnectionLost(odbcError('HYT01', 'Connection timeout expired'))).toBe(true);
  });

  it('not a lost connection: a statement timeout, a syntax error, a missing table', () => {
    expect(isConnectionLost(statementTimeout)).toBe(false);
    expect(isConnectionLost(odbcError('42601', 'ERROR: syntax error at or near "FORM"'))).toBe(false);
    expect(isConnectionLost(odbcError('42P01', 'ERROR: relation "LICMST" does not exist'))).toBe(false);
    expect(isConnectionLost(new Error('Cannot read properties of undefined'))).toBe(false);
  });

  it('a refusal: data, constraint, permission and trigger errors, by SQLSTATE, native code or words', () => {
    const refused = [
      odbcError(
        '22003',
        'ERROR: numeric field overflow;\nA field with precision 7, scale 2 must round to an absolute value less than 10^5',
      ),
      odbcError('22001', 'ERROR: value too long for type character(10)'),
      odbcError(
        '23514',
        'ERROR: new row for relation "LICMST" violates check constraint "wb_frozen_licence"',
      ),
      odbcError('23502', 'ERROR: null value in column "PAYAMT" violates not-null constraint'),
      odbcError('42501', 'ERROR: permission denied for table PAYHST'),
      odbcError('P0001', 'ERROR: licence is frozen'),
      odbcError('45000', '[ma-3.1.20]licence is frozen'),
      odbcError('22003', "[ma-3.1.20]Out of range value for column 'PAYAMT' at row 1"),
      {
        message: 'x',
        odbcErrors: [{ state: '42000', code: 1142, message: 'UPDATE command denied to user' }],
      },
      odbcError('HY000', 'CHECK constraint failed: wb_frozen_licence'),
      // The SQLite driver, measured: a trigger's RAISE(ABORT) is SQLITE_CONSTRAINT (19) in its words.
      { message: 'x', odbcErrors: [{ state: 'HY000', code: 19, message: '[SQLite]five is frozen (19)' }] },
    ];
    for (const err of refused) expect(isRefusal(err), JSON.stringify(err)).toBe(true);
  });

  it('not a refusal: a lost connection, a timeout, broken SQL in a bridge, a missing table', () => {
    for (const err of [serverRestarted, networkCut, refusedConnect, statementTimeout])
      expect(isRefusal(err)).toBe(false);
    expect(isRefusal(odbcError('42601', 'ERROR: syntax error at or near "FORM"'))).toBe(false);
    expect(isRefusal(odbcError('42P01', 'ERROR: relation "LICMST" does not exist'))).toBe(false);
    expect(
      isRefusal({
        message: 'x',
        odbcErrors: [{ state: '42000', code: 1064, message: 'You have an error in your SQL syntax' }],
      }),
    ).toBe(false);
    expect(isRefusal(new Error('Cannot read properties of undefined'))).toBe(false);
  });

  it('a statement timeout: 57014 (psqlODBC) or HYT00', () => {
    expect(isStatementTimeout(statementTimeout)).toBe(true);
    expect(isStatementTimeout(odbcError('HYT00', 'Query timeout expired'))).toBe(true);
    expect(isStatementTimeout(networkCut)).toBe(false);
  });

  it("puts the driver's words on one line, as sentences", () => {
    expect(driverMessageOneLine(networkCut)).toBe(
      'server closed the connection unexpectedly. This probably means the server terminated abnormally ' +
        'before or while processing the request. The connection has been lost.',
    );
    expect(driverMessageOneLine(serverRestarted)).toBe(
      'FATAL: terminating connection due to administrator command. The connection has been lost.',
    );
    expect(driverMessageOneLine(refusedConnect)).toBe(
      'connection to server at "127.0.0.1", port 42447 failed: Connection reset by peer. ' +
        'Is the server running on that host and accepting TCP/IP connections?',
    );
  });
});
