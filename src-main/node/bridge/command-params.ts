// Binds a command's payload to the `?` markers of a bridge's write statement, in the legacy
// formats the statement declares (the reverse of the read transforms): ISO dates to YYYYMMDD text
// or CYYMMDD numbers, cents to exact decimal text, timestamps to the legacy system's wall clock.
// node-odbc refuses undefined and JS Dates as parameters, so only text, numbers and null leave here.
// A statement repeated per element of a payload list (`for_each: items`) binds the element's fields
// as `items.<field>` and its 1-based position as `items.#` (elementValues below), under the same rules.
import { zonedIso } from '../../common/time.ts';
import type { CommandParam } from './bridge-schema.ts';

export type ParamValue = string | number | null;

export class CommandBindError extends Error {}

const TEMPLATE_PART = /\$\{([A-Za-z_]\w*(?:\.(?:[A-Za-z_]\w*|#))?)(?::(yy|yyyy|0\d{1,2}))?\}/g;

/** The position of an element in its list, as a param names it: `items.#` (1-based). */
export const POSITION = '#';

/** `items.note` as its list and the element's field (`#` for the position); null for a plain field. */
export function listReference(name: string): { list: string; field: string } | null {
  const dot = name.indexOf('.');
  return dot < 0 ? null : { list: name.slice(0, dot), field: name.slice(dot + 1) };
}

/**
 * The bindings one run of a repeated statement adds to the command's values: each field of the
 * element as `<list>.<field>`, and its 1-based position as `<list>.#`. An element that is not a
 * record has no fields to bind, which is refused (naming its position) rather than sent as text.
 */
export function elementValues(list: string, element: unknown, position: number): Record<string, unknown> {
  if (!element || typeof element !== 'object' || Array.isArray(element))
    throw new CommandBindError(`${list} #${position} is not a record with fields`);
  const values: Record<string, unknown> = { [`${list}.${POSITION}`]: position };
  for (const [field, value] of Object.entries(element)) values[`${list}.${field}`] = value;
  return values;
}

/** The fields a parameter reads (for the bridge file's checks). */
export function paramFields(param: CommandParam): string[] {
  if (typeof param === 'string') return [param];
  if ('template' in param) return [...param.template.matchAll(TEMPLATE_PART)].map((m) => m[1]!);
  return [param.field];
}

function fillTemplate(template: string, values: Record<string, unknown>): string {
  return template.replace(TEMPLATE_PART, (_, field: string, format: string | undefined) => {
    const value = values[field];
    if (value === undefined || value === null)
      throw new CommandBindError(`the command has no value for "${field}"`);
    const text = String(value);
    if (format === 'yy' || format === 'yyyy') {
      const year = /^(\d{4})-\d{2}-\d{2}/.exec(text)?.[1];
      if (!year) throw new CommandBindError(`${field}: "${text}" is not a date (YYYY-MM-DD)`);
      return format === 'yy' ? year.slice(2) : year;
    }
    if (format) return text.padStart(Number(format.slice(1)), '0');
    return text;
  });
}

export function bindParams(
  params: CommandParam[],
  values: Record<string, unknown>,
  timeZone: string,
): ParamValue[] {
  return params.map((param) => {
    if (typeof param === 'object' && 'template' in param) return fillTemplate(param.template, values);
    const spec = typeof param === 'string' ? { field: param } : param;
    if (!(spec.field in values) || values[spec.field] === undefined) {
      throw new CommandBindError(`the command has no value for "${spec.field}"`);
    }
    let value = format(values[spec.field], 'as' in spec ? spec.as : undefined, timeZone, spec.field);
    if ('map' in spec && spec.map && value !== null) {
      const mapped = spec.map[String(value)];
      if (mapped === undefined)
        throw new CommandBindError(`"${String(value)}" has no legacy code for ${spec.field}`);
      value = mapped;
    }
    if ('pad' in spec && spec.pad && typeof value === 'string') value = value.padEnd(spec.pad);
    return value;
  });
}

function format(value: unknown, as: string | undefined, timeZone: string, field: string): ParamValue {
  if (value === null) return null;
  const fail = (what: string) => new CommandBindError(`${field}: "${String(value)}" is not ${what}`);
  switch (as) {
    case undefined:
    case 'text':
      return typeof value === 'number' && as === undefined ? value : String(value);
    case 'integer': {
      const n = Number(value);
      if (!Number.isSafeInteger(n)) throw fail('a whole number');
      return n;
    }
    case 'decimal': {
      if (typeof value !== 'number' || !Number.isSafeInteger(value)) throw fail('an amount in cents');
      const sign = value < 0 ? '-' : '';
      const abs = Math.abs(value);
      return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
    }
    case 'yyyymmdd':
    case 'cyymmdd':
    case 'iso_date': {
      const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(String(value));
      if (!m) throw fail('a date (YYYY-MM-DD)');
      if (as === 'iso_date') return String(value);
      if (as === 'yyyymmdd') return `${m[1]}${m[2]}${m[3]}`;
      const year = Number(m[1]);
      if (year < 1900 || year > 2899) throw fail('a date a CYYMMDD field can hold');
      return Number(`${Math.floor((year - 1900) / 100)}${String(year % 100).padStart(2, '0')}${m[2]}${m[3]}`);
    }
    case 'timestamp14':
    case 'iso_timestamp': {
      const instant = new Date(String(value));
      if (Number.isNaN(instant.getTime()) || !/T\d{2}:\d{2}/.test(String(value))) throw fail('a timestamp');
      const wall = zonedIso(instant, timeZone).slice(0, 19); // YYYY-MM-DDTHH:MM:SS in the legacy zone
      return as === 'iso_timestamp' ? wall.replace('T', ' ') : wall.replace(/[-T:]/g, '');
    }
    default:
      throw new CommandBindError(`${field}: unknown format ${as}`);
  }
}
