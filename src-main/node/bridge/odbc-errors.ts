// Plain-language messages for ODBC failures, with every secret redacted, and the classification
// the bridge worker acts on: a connection that is gone is discarded and rebuilt, a statement that
// ran out of time is reported as such.
import { parseConnectionString, redactConnectionString } from './connection-string.ts';

interface OdbcErrorLike {
  message?: string;
  odbcErrors?: Array<{ state?: string; code?: number; message?: string }>;
}

/** The driver's own words, first error first, without the noise of the driver manager prefixes. */
export function driverMessage(err: unknown): string {
  const e = err as OdbcErrorLike;
  const first = e?.odbcErrors?.find((x) => x.message)?.message ?? e?.message ?? String(err);
  return first.replace(/^(\[[^\]]*\])+\s*/, '').trim();
}

/**
 * driverMessage as sentences on one line. Drivers wrap theirs over lines (libpq indents the
 * continuation with a tab) and psqlODBC joins its own message to libpq's with ";" on a line of its
 * own; a line that starts a new sentence gets the full stop its predecessor lacked.
 */
export function driverMessageOneLine(err: unknown): string {
  return driverMessage(err)
    .split(/\s*;\s*\n\s*/)
    .map((part) =>
      part
        .split(/\s*\n\s*/)
        .filter((line) => line !== '')
        .reduce((text, line) => {
          if (text === '') return line;
          return /[.:;!?]$/.test(text) || !/^[A-Z]/.test(line) ? `${text} ${line}` : `${text}. ${line}`;
        }, '')
        .replace(/[.;\s]+$/, ''),
    )
    .filter((part) => part !== '')
    .map(sentence)
    .join(' ');
}

/** The text with a full stop at its end unless it already ends a sentence. */
export function sentence(text: string): string {
  const t = text.trim();
  return /[.!?]$/.test(t) ? t : `${t}.`;
}

export function sqlState(err: unknown): string | undefined {
  return (err as OdbcErrorLike)?.odbcErrors?.[0]?.state;
}

const sqlStates = (err: unknown): string[] =>
  ((err as OdbcErrorLike)?.odbcErrors ?? []).map((x) => (x.state ?? '').toUpperCase());

/**
 * SQLSTATEs that mean the session is gone: class 08 (connection exception: 08001 cannot connect,
 * 08S01 communication link failure, 08003 not open, 08006 failure...), PostgreSQL's 57P01-57P03
 * (administrator / crash shutdown, cannot connect now) and HYT01 (connection timeout).
 */
const lostStates = /^(08...|57P0[123]|HYT01)$/;

/**
 * Words drivers use when they report a lost session under a generic SQLSTATE (HY000), measured
 * with psqlODBC, MariaDB Connector/ODBC and the SQLite driver, plus the usual ones of other drivers.
 */
const lostWords =
  /connection (has been |was )?lost|connection lost|server closed the connection|terminating connection|could not (send|receive) data|no connection to the server|server has gone away|lost connection|communication link failure|connection reset|broken pipe|connection (is )?(not open|closed|dead)/i;

/** True when the error says the connection itself is gone: it must not be used again. */
export function isConnectionLost(err: unknown): boolean {
  if (sqlStates(err).some((s) => lostStates.test(s))) return true;
  const e = err as OdbcErrorLike;
  const words = [e?.message ?? '', ...(e?.odbcErrors ?? []).map((x) => x.message ?? '')].join('\n');
  return lostWords.test(words);
}

/**
 * True when the statement ran out of the time it was given (SQL_ATTR_QUERY_TIMEOUT): HYT00, or
 * 57014 (PostgreSQL's statement timeout, which psqlODBC uses for it). The connection survives.
 */
export function isStatementTimeout(err: unknown): boolean {
  return sqlStates(err).some((s) => s === 'HYT00' || s === '57014');
}

/**
 * SQLSTATEs by which the legacy database refuses this change, and would refuse it again however
 * often it is sent: class 22 (data exception: a value too long for its column, a number out of
 * its DECIMAL's range, a bad date), class 23 (integrity constraint: CHECK, NOT NULL, foreign key;
 * the unique-key race of two desks numbering at once is retried before it gets here), 42501
 * (PostgreSQL: insufficient privilege), 44000 (WITH CHECK OPTION), and what triggers raise
 * (PostgreSQL's RAISE EXCEPTION, P0001; SIGNAL SQLSTATE '45000' on MySQL and MariaDB).
 */
const refusalStates = /^(22...|23...|42501|44000|P0001|45000)$/;

/**
 * MySQL and MariaDB report a denied privilege under 42000, the class they share with syntax
 * errors, so their native error numbers tell: 1142 table, 1143 column, 1044 database, 1227 the
 * operation. Some drivers (the SQLite one) put everything under HY000: their words or codes tell.
 */
const refusalCodes = new Set([1142, 1143, 1044, 1227]);
const refusalWords =
  /constraint failed|violates (check|not-null|foreign key|unique) constraint|out of range|value too long|data too long|too large|permission denied|command denied/i;

/**
 * True when the legacy database refused the change itself (see refusalStates): sending it again
 * cannot help, so replay parks it for a person instead of waiting behind it forever. A lost
 * connection, a timeout or a bridge's broken SQL is not a refusal.
 */
export function isRefusal(err: unknown): boolean {
  if (isConnectionLost(err) || isStatementTimeout(err)) return false;
  if (sqlStates(err).some((s) => refusalStates.test(s))) return true;
  const errors = (err as OdbcErrorLike)?.odbcErrors ?? [];
  if (errors.some((x) => (x.state ?? '').toUpperCase() === '42000' && refusalCodes.has(x.code ?? -1)))
    return true;
  return errors.some(
    (x) =>
      (x.state ?? '').toUpperCase() === 'HY000' &&
      // The SQLite driver: SQLITE_CONSTRAINT (19) for CHECK, NOT NULL, UNIQUE and a trigger's RAISE(ABORT).
      (refusalWords.test(x.message ?? '') || (x.code === 19 && /^\[SQLite\]/i.test(x.message ?? ''))),
  );
}

export function redactSecrets(text: string, connection: string): string {
  // The whole string first (as written, braces and all), then each secret value on its own,
  // as the connection-string parser reads it (a braced value may hold ";" and "}}").
  let out = text.split(connection).join(redactConnectionString(connection));
  let secrets: string[] = [];
  try {
    secrets = parseConnectionString(connection)
      .filter(([key, value]) => /^(pwd|password|passwd|secret|token)$/i.test(key.trim()) && value.length > 0)
      .map(([, value]) => value);
  } catch {
    // an unreadable string: fall back to what can be cut out by pattern
    for (const m of connection.matchAll(/(?:pwd|password|passwd)\s*=\s*(\{[^}]*\}|[^;]*)/gi)) {
      const secret = (m[1] ?? '').replace(/^\{|\}$/g, '');
      if (secret) secrets.push(secret);
    }
  }
  for (const secret of secrets.sort((a, b) => b.length - a.length)) out = out.split(secret).join('***');
  return out;
}
