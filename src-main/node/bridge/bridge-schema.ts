// The bridge file format (bridges/NAME/bridge.yaml) as a zod schema. The JSON Schema shipped in
// bridges/bridge.schema.json is generated from this (npm run bridge-schema), so editors can
// validate and complete bridge files as IT writes them.
import { z } from 'zod';
import { entitySchemas } from '../../common/model.ts';
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
  /** The legacy table (optionally schema-qualified). */
  table: Identifier,
  /** The legacy key columns, in order. */
  key: z.array(Identifier).min(1),
  /** An optional SQL filter on the table, written in the legacy dialect. */
  where: z.string().optional(),
  changes: ChangeDetection.default({ mode: 'full' }),
  columns: z.record(z.string(), FieldMapping),
});
export type EntityMapping = z.infer<typeof EntityMapping>;

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
  /** Rows per fetch from the driver's cursor. */
  fetch_size: z.number().int().min(10).max(10_000).default(1000),
  entities: z.strictObject(
    Object.fromEntries(Object.keys(entitySchemas).map((name) => [name, EntityMapping.optional()])) as Record<
      keyof typeof entitySchemas,
      z.ZodOptional<typeof EntityMapping>
    >,
  ),
});
export type BridgeFile = z.infer<typeof BridgeFile>;
