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
