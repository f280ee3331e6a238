// The bridge file format (bridges/NAME/bridge.yaml) as a zod schema. The JSON Schema shipped in
// bridges/bridge.schema.json is generated from this (node src-main/node/bridge/bridge-json-schema.ts --write), so editors can
// validate and complete bridge files as IT writes them.
import { z } from 'zod';
import { entitySchemas } from '../../common/model.ts';
import { type LegacyCommandName, legacyCommandNames } from '../../common/legacy-commands.ts';
import { TransformStep } from './transforms.ts';

const Identifier = z
  .string()
  .regex(
    /^[A-Za-z_][A-Za-z0-9_$#@]*(\.[A-Za-z_][A-Za-z0-9_$#@]*)?$/,
    'must be a plain table or column name (letters, digits, _)',
  );

export const columnTypes = ['text', 'integer', 'decimal', 'date', 'timestamp'] as const;

/** How one canonical field is read: a legacy column (with optional transforms) or a constant. */
export const FieldMapping = z.union([
  Identifier,
  z.strictObject({
    column: Identifier,
    /** Declared so the dialect can cast it in SQL: decimal is read as exact text, text as sized VARCHAR. */
    type: z.enum(columnTypes).optional(),
    length: z.number().int().positive().max(32_000).optional(),
    transform: z.union([TransformStep, z.array(TransformStep)]).optional(),
  }),
  z.strictObject({ value: z.union([z.string(), z.number(), z.boolean(), z.null()]) }),
  /** Made from other fields of the same record, e.g. '${codeTable}:${code}' or '${first} ${last}'. */
  z.strictObject({ template: z.string().regex(/\$\{[A-Za-z_]\w*\}/, 'must use at least one ${field}') }),
]);
export type FieldMapping = z.infer<typeof FieldMapping>;

export const ChangeDetection = z.discriminatedUnion('mode', [
  z.strictObject({ mode: z.literal('version'), column: Identifier }),
  z.strictObject({
    mode: z.literal('last_modified'),
    column: Identifier,
    /** Re-read this many minutes before the last high-water mark, for clock skew and slow commits. */
    overlap_minutes: z.number().int().min(0).max(1440).default(15),
  }),
  z.strictObject({
    mode: z.literal('row_hash'),
    chunk_size: z.number().int().min(100).max(100_000).default(5000),
  }),
  z.strictObject({ mode: z.literal('full') }),
]);

export const EntityMapping = z.strictObject({
  /** The legacy table (optionally schema-qualified), or… */
  table: Identifier.optional(),
  /** …a SELECT in a .sql file beside bridge.yaml, for entities spread over several tables. */
  query_file: z
    .string()
    .regex(/^[\w./-]+\.sql$/, 'must be a .sql file beside bridge.yaml')
    .optional(),
  /** The legacy key columns, in order. */
  key: z.array(Identifier).min(1),
  /** An optional SQL filter on the table, written in the legacy dialect. */
  where: z.string().optional(),
  changes: ChangeDetection.default({ mode: 'full' }),
  columns: z.record(z.string(), FieldMapping),
});
export type EntityMapping = z.infer<typeof EntityMapping> & {
  /** The text of query_file, filled in by the loader. */
  query?: string;
};

/** The write formats a command parameter can be sent in (the reverse of the read transforms). */
export const paramFormats = [
  'text',
  'integer',
  'decimal', // integer cents -> "123.45"
  'yyyymmdd', // ISO date -> "20240115"
  'cyymmdd', // ISO date -> 1240115
  'iso_date',
  'timestamp14', // ISO timestamp -> "20240115093000" in the bridge's time zone
  'iso_timestamp', // ISO timestamp -> "2024-01-15 09:30:00" in the bridge's time zone
] as const;

/** A field of the command, a value read earlier, or (in a `for_each` statement) `list.field` or `list.#`. */
const ParamField = /^[A-Za-z_]\w*(\.([A-Za-z_]\w*|#))?$/;
const ListName = /^[A-Za-z_]\w*$/;

export const CommandParam = z.union([
  z
    .string()
    .regex(
      ParamField,
      'must name a field of the command, a value read earlier, or list.field in a for_each statement',
    ),
  z.strictObject({
    field: z.string().regex(ParamField),
    as: z.enum(paramFormats).optional(),
    map: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
    pad: z.number().int().positive().max(1000).optional(),
  }),
  z.strictObject({
    /**
     * Text made of fields, for legacy numbers built from parts: "${paidOn:yy}${paymentNo:08}" is
     * the year's last two digits, then the payment number zero-padded to 8 digits.
     */
    template: z
      .string()
      .regex(
        /\$\{[A-Za-z_]\w*(\.([A-Za-z_]\w*|#))?(:(yy|yyyy|0\d{1,2}))?\}/,
        'must use at least one ${field}',
      ),
  }),
]);
export type CommandParam = z.infer<typeof CommandParam>;

export const CommandStatement = z.union([
  z.strictObject({
    /** A parameterised INSERT/UPDATE with `?` markers, bound in order from params. */
    sql: z.string().min(1),
    params: z.array(CommandParam).default([]),
    /**
     * A list field of the command's payload: the statement runs once per element, in order, in the
     * same transaction, its params binding the element's fields as `list.field` and its 1-based
     * position as `list.#`. An empty list runs it no times.
     */
    for_each: z.string().regex(ListName, 'must name a list field of the command').optional(),
    /** The statement must change exactly this many rows (each run, with for_each), else the command is not applied. */
    expect_rows: z.number().int().min(0).optional(),
  }),
  z.strictObject({
    /** A SELECT whose first column of the first row is kept under `into`, e.g. the next legacy number. */
    query: z.string().min(1),
    params: z.array(CommandParam).default([]),
    into: z.string().regex(/^[A-Za-z_]\w*$/),
  }),
]);

export const CommandMapping = z.strictObject({
  /** The canonical entity whose legacy row the command changes (re-read and locked before writing). */
  entity: z.enum(
    Object.keys(entitySchemas) as [keyof typeof entitySchemas, ...(keyof typeof entitySchemas)[]],
  ),
  statements: z.array(CommandStatement).min(1),
  /**
   * Without the operation journal, how replay tells that an operation it sent before a crash or a
   * dropped connection did reach the legacy database: a SELECT, bound from the command's fields,
   * that returns a row only when the operation's effect is there. With `into`, its first column
   * names the record the operation made (a payment number), and rows already claimed by other
   * settled operations of the desk are not taken for this one.
   */
  applied_check: z
    .strictObject({
      query: z.string().min(1),
      params: z.array(CommandParam).default([]),
      into: z
        .string()
        .regex(/^[A-Za-z_]\w*$/)
        .optional(),
    })
    .optional(),
  /**
   * A value kept `into` by a statement (or the applied_check) that is the legacy key of the record
   * the command creates in `entity`: replay re-reads that record after COMMIT so the desk holds the
   * legacy system's own numbers (e.g. the payment number in place of a provisional receipt).
   */
  result_key: z
    .string()
    .regex(/^[A-Za-z_]\w*$/)
    .optional(),
});
export type CommandMapping = z.infer<typeof CommandMapping>;

/** How a desk reaches the legacy database: a DSN-less connection-string template. */
export const ConnectionTemplate = z.strictObject({
  /** The ODBC driver name the template is written for, e.g. "PostgreSQL Unicode". */
  driver: z.string().min(1),
  /**
   * The connection string with {placeholders} a desk fills in (workbench connect --set NAME=VALUE),
   * e.g. "Driver={PostgreSQL Unicode};Server={server};Port={port};Database={database};Uid={user}".
   * It never holds the password: that comes from the OS keychain into `secret_keyword`.
   */
  template: z.string().min(1),
  defaults: z.record(z.string(), z.string()).default({}),
  /** The keyword the keychain's secret is passed under (PWD for most drivers). */
  secret_keyword: z.string().default('PWD'),
});

export const dialects = ['sqlite', 'postgres', 'mariadb', 'sqlserver', 'db2i'] as const;

export const BridgeFile = z.strictObject({
  /** Format version of this file. */
  version: z.literal(1),
  name: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'must be lower-case letters, digits and dashes'),
  title: z.string(),
  description: z.string().optional(),
  /** IANA time zone of the legacy system's local timestamps, e.g. America/Chicago. */
  time_zone: z.string().refine((tz) => {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: tz });
      return true;
    } catch {
      return false;
    }
  }, 'is not a known time zone (use an IANA name such as America/Chicago)'),
  /** The dialect; when left out it follows the driver in the desk's connection string. */
  dialect: z.enum(dialects).optional(),
  connection: ConnectionTemplate.optional(),
  /** Rows per fetch from the driver's cursor. */
  fetch_size: z.number().int().min(10).max(10_000).default(1000),
  entities: z.strictObject(
    Object.fromEntries(Object.keys(entitySchemas).map((name) => [name, EntityMapping.optional()])) as Record<
      keyof typeof entitySchemas,
      z.ZodOptional<typeof EntityMapping>
    >,
  ),
  /** The parameterised write statements of each command the desk sends back. */
  commands: z
    .strictObject(
      Object.fromEntries(legacyCommandNames.map((name) => [name, CommandMapping.optional()])) as Record<
        LegacyCommandName,
        z.ZodOptional<typeof CommandMapping>
      >,
    )
    .optional(),
});
export type BridgeFile = z.infer<typeof BridgeFile>;
