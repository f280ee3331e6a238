// Plain-language messages for ODBC failures, with every secret redacted.
import { redactConnectionString } from './connection-string.ts';

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

export function sqlState(err: unknown): string | undefined {
  return (err as OdbcErrorLike)?.odbcErrors?.[0]?.state;
}

export function redactSecrets(text: string, connection: string): string {
  let out = text;
  for (const m of connection.matchAll(/(?:pwd|password|passwd)\s*=\s*(\{[^}]*\}|[^;]*)/gi)) {
    const secret = (m[1] ?? '').replace(/^\{|\}$/g, '');
    if (secret.length > 0) out = out.split(secret).join('***');
  }
  return out.split(connection).join(redactConnectionString(connection));
}
