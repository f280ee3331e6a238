// The legacy database's tables and columns from the ODBC catalog (SQLTables, SQLColumns,
// SQLPrimaryKeys). Runs inside the discovery worker. Drivers differ: the SQLite driver names types
// with their widths ("DECIMAL(7,0)") and reports every column as VARCHAR; psqlODBC and MariaDB's
// driver give bare type names with sizes in COLUMN_SIZE/DECIMAL_DIGITS; MariaDB lists every
// database on the server unless asked for one; result keys may come in either case.
import type odbc from 'odbc';
import type { DialectName } from '../../node/bridge/dialects.ts';
import { classifyColumn } from './detect.ts';
import type { CatalogColumn, CatalogTable } from './profile-types.ts';

type Row = Record<string, unknown>;

/** A catalog field by its ODBC name, whatever case the driver used. */
function field(row: Row, name: string): unknown {
  if (name in row) return row[name];
  const lower = name.toLowerCase();
  for (const [k, v] of Object.entries(row)) if (k.toLowerCase() === lower) return v;
  return undefined;
}

const text = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));
const num = (v: unknown): number | null => {
  if (v === null || v === undefined || v === '') return null;
  const n = Number(v);
  return Number.isFinite(n) ? n : null;
};

/** Schemas that hold the engine's own tables, never the legacy system's. */
const SYSTEM_SCHEMAS = new Set([
  'information_schema',
  'pg_catalog',
  'pg_toast',
  'sys',
  'mysql',
  'performance_schema',
  'qsys',
  'qsys2',
  'syscat',
  'sysibm',
  'sysibmadm',
  'systools',
]);

/** The schema a bridge may leave out of a table name (the connection's default). */
const DEFAULT_SCHEMAS = new Set(['public', 'dbo', '']);

export interface CatalogOptions {
  dialect: DialectName;
  /** The database the connection string names (MariaDB lists all of them otherwise). */
  database?: string | undefined;
  /** Only tables of this schema. */
  schema?: string | undefined;
  /** Only tables whose names match (case-insensitive), e.g. ["BUSMST", "LICMST"]. */
  tables?: string[] | undefined;
}

export async function readCatalog(
  connection: odbc.Connection,
  options: CatalogOptions,
): Promise<CatalogTable[]> {
  const catalog = options.dialect === 'mariadb' ? (options.database ?? null) : null;
  const listed = [
    ...((await connection.tables(catalog, options.schema ?? null, null, 'TABLE,VIEW')) as Row[]),
  ];
  const wanted = options.tables?.map((t) => t.toLowerCase());
  const tables: CatalogTable[] = [];
  for (const row of listed) {
    const name = text(field(row, 'TABLE_NAME'));
    if (!name) continue;
    const schema = text(field(row, 'TABLE_SCHEM'));
    const cat = text(field(row, 'TABLE_CAT'));
    const type = String(field(row, 'TABLE_TYPE') ?? 'TABLE').toUpperCase();
    if (type !== 'TABLE' && type !== 'VIEW') continue;
    if (schema && SYSTEM_SCHEMAS.has(schema.toLowerCase())) continue;
    if (catalog && cat && cat.toLowerCase() !== catalog.toLowerCase()) continue;
    if (options.dialect === 'sqlite' && name.toLowerCase().startsWith('sqlite_')) continue;
    const qualified = schema && !DEFAULT_SCHEMAS.has(schema.toLowerCase()) ? `${schema}.${name}` : name;
    if (wanted && !wanted.includes(name.toLowerCase()) && !wanted.includes(qualified.toLowerCase())) continue;
    const columnRows = [...((await connection.columns(cat || null, schema || null, name, null)) as Row[])];
    const columns: CatalogColumn[] = columnRows
      .filter((c) => (text(field(c, 'TABLE_NAME')) ?? name) === name)
      .map((c, i) => {
        const defaultValue = text(field(c, 'COLUMN_DEF'));
        const typeName = text(field(c, 'TYPE_NAME')) ?? '';
        const nullable = num(field(c, 'NULLABLE'));
        return {
          name: String(field(c, 'COLUMN_NAME')),
          ordinal: num(field(c, 'ORDINAL_POSITION')) ?? i + 1,
          type: classifyColumn({
            typeName,
            dataType: num(field(c, 'DATA_TYPE')),
            columnSize: num(field(c, 'COLUMN_SIZE')),
            decimalDigits: num(field(c, 'DECIMAL_DIGITS')),
          }),
          nullable: nullable === null ? null : nullable !== 0,
          defaultValue,
          autoIncrement:
            num(field(c, 'AUTO_INCREMENT')) === 1 ||
            /identity|nextval\(|auto_increment/i.test(`${typeName} ${defaultValue ?? ''}`) ||
            text(field(c, 'IS_AUTOINCREMENT'))?.toUpperCase() === 'YES',
        };
      })
      .sort((a, b) => a.ordinal - b.ordinal);
    let primaryKey: string[] = [];
    try {
      const pk = [...((await connection.primaryKeys(cat || null, schema || null, name)) as Row[])];
      primaryKey = pk
        .map((p) => ({ column: String(field(p, 'COLUMN_NAME')), seq: num(field(p, 'KEY_SEQ')) ?? 0 }))
        .sort((a, b) => a.seq - b.seq)
        .map((p) => p.column);
    } catch {
      // Some drivers do not implement SQLPrimaryKeys: keys are then guessed from the data.
    }
    tables.push({
      name,
      schema: schema || null,
      qualified,
      type: type === 'VIEW' ? 'view' : 'table',
      columns,
      primaryKey,
    });
  }
  return tables.sort((a, b) => a.qualified.localeCompare(b.qualified));
}
