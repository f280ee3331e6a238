// Secrets that hide inside free text: a connection string pasted into an error message, a driver's
// message that repeats the string it was given. pino's redact paths only see object keys, so every
// string the logger writes (the message, the fields, an error's message and stack) also goes
// through here. The keywords are the ones connection-string.ts treats as secret.

/** `PWD=s3cret`, `Password = {a;b}}c}`, `token=abc` up to the next `;`, quote or white space. */
const secretInText =
  /\b(pwd|password|passwd|secret|token|authentication)(\s*=\s*)(\{(?:[^}]|\}\})*\}?|[^;\s'"&]+)/gi;

export const MASK = '***';

/** The text with the value of every secret keyword replaced by ***. */
export function maskSecretsInText(text: string): string {
  return text.replace(secretInText, (_, key: string, eq: string) => `${key}${eq}${MASK}`);
}

/**
 * A copy of a logged value with every string in it masked (plain objects and arrays, a few levels
 * deep; anything else as it is). Live errors are left to the logger's err serializer, whose output
 * (a plain object with a prototype of its own) goes through here with `serialized`.
 */
export function maskSecretsDeep(value: unknown, depth = 4, serialized = false): unknown {
  if (typeof value === 'string') return maskSecretsInText(value);
  if (depth <= 0 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => maskSecretsDeep(v, depth - 1, serialized));
  const proto = Object.getPrototypeOf(value) as unknown;
  if (!serialized && proto !== Object.prototype && proto !== null) return value;
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>).map(([k, v]) => [
      k,
      maskSecretsDeep(v, depth - 1, serialized),
    ]),
  );
}
