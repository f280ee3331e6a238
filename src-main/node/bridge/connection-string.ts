// ODBC connection strings (DSN-less): `Driver={PostgreSQL Unicode};Server=...;Database=...`.
// Parsed into an ordered, case-insensitive map so a desk can swap the database name, detect the
// engine from the driver, and redact secrets before anything is logged or shown.

export type ConnectionParts = Array<[key: string, value: string]>;

export function parseConnectionString(text: string): ConnectionParts {
  const parts: ConnectionParts = [];
  let i = 0;
  while (i < text.length) {
    while (text[i] === ';' || text[i] === ' ') i++;
    if (i >= text.length) break;
    const eq = text.indexOf('=', i);
    if (eq < 0)
      throw new Error(
        `connection string: "${text.slice(i)}" has no "=" (expected Key=Value pairs separated by ";")`,
      );
    const key = text.slice(i, eq).trim();
    i = eq + 1;
    let value = '';
    if (text[i] === '{') {
      // Braced values may contain ";"; "}}" stands for a literal "}".
      i++;
      while (i < text.length) {
        if (text[i] === '}' && text[i + 1] === '}') {
          value += '}';
          i += 2;
        } else if (text[i] === '}') {
          i++;
          break;
        } else value += text[i++];
      }
    } else {
      const end = text.indexOf(';', i);
      value = (end < 0 ? text.slice(i) : text.slice(i, end)).trim();
      i = end < 0 ? text.length : end;
    }
    parts.push([key, value]);
  }
  return parts;
}

export function formatConnectionString(parts: ConnectionParts): string {
  return parts
    .map(([k, v]) =>
      /[;{}=\s]/.test(v) || /^\s|\s$/.test(v) ? `${k}={${v.replaceAll('}', '}}')}}` : `${k}=${v}`,
    )
    .join(';');
}

export function getPart(parts: ConnectionParts, key: string): string | undefined {
  const k = key.toLowerCase();
  return parts.find(([name]) => name.toLowerCase() === k)?.[1];
}

/** Returns a copy with `key` set (replacing any spelling of it) or removed when value is undefined. */
export function withPart(parts: ConnectionParts, key: string, value: string | undefined): ConnectionParts {
  const k = key.toLowerCase();
  const out = parts.filter(([name]) => name.toLowerCase() !== k);
  if (value !== undefined) {
    const at = parts.findIndex(([name]) => name.toLowerCase() === k);
    out.splice(at < 0 ? out.length : at, 0, [key, value]);
  }
  return out;
}

const secretKeys = new Set(['pwd', 'password', 'passwd', 'secret', 'token', 'authentication']);

export const hasSecret = (parts: ConnectionParts) =>
  parts.some(([k, v]) => secretKeys.has(k.toLowerCase()) && v !== '');

/** For logs and error messages: the same string with every secret value replaced. */
export function redactConnectionString(text: string): string {
  try {
    return formatConnectionString(
      parseConnectionString(text).map(([k, v]) => [k, secretKeys.has(k.toLowerCase()) && v ? '***' : v]),
    );
  } catch {
    return '(unreadable connection string)';
  }
}

export type Engine = 'sqlite' | 'postgres' | 'mariadb';

/** The engine behind a DSN-less connection string, from its Driver entry. */
export function engineOf(parts: ConnectionParts): Engine | undefined {
  const driver = (getPart(parts, 'Driver') ?? '').toLowerCase();
  if (driver.includes('sqlite')) return 'sqlite';
  if (driver.includes('postgres')) return 'postgres';
  if (driver.includes('maria') || driver.includes('mysql')) return 'mariadb';
  return undefined;
}

/** The database (or file, for SQLite) a connection string points at. */
export function databaseOf(parts: ConnectionParts): string | undefined {
  return getPart(parts, 'Database') ?? getPart(parts, 'DB');
}

/**
 * Fills a bridge's connection template: `${name}` takes the desk's value for name, or the bridge's
 * default. ODBC's own braces ({PostgreSQL Unicode}) are not placeholders.
 */
export function fillConnectionTemplate(
  template: string,
  values: Record<string, string>,
  defaults: Record<string, string> = {},
): string {
  const missing = new Set<string>();
  const filled = template.replace(/\$\{([A-Za-z_]\w*)\}/g, (_, name: string) => {
    const value = values[name] ?? defaults[name];
    if (value === undefined) missing.add(name);
    return value ?? '';
  });
  if (missing.size) {
    throw new Error(
      `the connection needs ${[...missing].map((n) => `--set ${n}=...`).join(' ')} (the bridge's template has no default for ${missing.size === 1 ? 'it' : 'them'})`,
    );
  }
  return filled;
}
