// Column profiles made by hand for the discovery tests, counted the way the profiling SQL counts them.
import type {
  ColumnProfile,
  ColumnType,
  ValueCount,
} from '../../../src-main/tooling/discovery/profile-types.ts';

export const columnType = (kind: ColumnType['kind'], extra: Partial<ColumnType> = {}): ColumnType => ({
  kind,
  typeName: kind,
  length: null,
  precision: null,
  scale: kind === 'integer' ? 0 : null,
  ...extra,
});

export function profileOf(
  name: string,
  type: ColumnType,
  values: Array<string | null>,
  extra: Partial<ColumnProfile> = {},
): ColumnProfile {
  const counts = new Map<string | null, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  const top: ValueCount[] = [...counts]
    .map(([value, count]) => ({ value, count }))
    .sort((a, b) => b.count - a.count)
    .slice(0, 25);
  const nonNull = values.filter((v) => v !== null) as string[];
  return {
    name,
    ordinal: 1,
    type,
    nullable: true,
    defaultValue: null,
    autoIncrement: false,
    rows: values.length,
    nonNull: nonNull.length,
    blank: ['char', 'varchar', 'longtext'].includes(type.kind)
      ? nonNull.filter((v) => v.trim() === '').length
      : null,
    distinct: new Set(nonNull).size,
    distinctEstimated: false,
    min: null,
    max: null,
    top,
    topSampled: false,
    sample: nonNull.slice(0, 1000),
    notes: [],
    ...extra,
  };
}
