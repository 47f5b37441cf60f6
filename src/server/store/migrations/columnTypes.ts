import { sql, type Expression, type RawBuilder } from 'kysely';

/**
 * Column types that mean the same on both engines. SQLite accepts SQL Server's type names
 * (they get TEXT/INTEGER affinity), so only unbounded text differs.
 */
export interface ColumnTypes {
  id: RawBuilder<unknown>;
  text: (maxLength: number) => RawBuilder<unknown>;
  longText: RawBuilder<unknown>;
  timestamp: RawBuilder<unknown>;
  integer: RawBuilder<unknown>;
}

export function columnTypes(dialect: 'sqlite' | 'mssql'): ColumnTypes {
  return {
    /** GUIDs as lower-case strings. */
    id: sql`varchar(36)`,
    text: (maxLength: number) => sql.raw(`nvarchar(${maxLength})`),
    longText: dialect === 'mssql' ? sql`nvarchar(max)` : sql`text`,
    /** ISO-8601 UTC timestamps. */
    timestamp: sql`varchar(32)`,
    integer: sql`integer`,
  } satisfies Record<string, Expression<unknown> | ((n: number) => Expression<unknown>)>;
}
