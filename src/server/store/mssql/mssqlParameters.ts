import * as sql from 'mssql';

export interface TypedParameter {
  type: sql.ISqlTypeFactory | sql.ISqlType;
  value: unknown;
}

const ASCII_ONLY = /^\p{ASCII}*$/u;
const INT32_MIN = -2_147_483_648;
const INT32_MAX = 2_147_483_647;

/**
 * The SQL Server type a Kysely parameter is bound as.
 *
 * Strings: ids and timestamps are `varchar` columns, and comparing a `varchar` column with an
 * `nvarchar` parameter converts the column, which (under Azure SQL's default SQL_* collation) turns
 * index seeks into scans. So a string that is pure ASCII is sent as `varchar` (lossless in every code
 * page; against an `nvarchar` column the parameter is the side converted), anything else as `nvarchar`.
 */
export function typedParameter(value: unknown): TypedParameter {
  if (value === null || value === undefined) return { type: sql.NVarChar, value: null };
  if (typeof value === 'string') return { type: ASCII_ONLY.test(value) ? sql.VarChar : sql.NVarChar, value };
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError(`cannot bind ${value} as a SQL Server parameter`);
    if (Number.isInteger(value)) return { type: value >= INT32_MIN && value <= INT32_MAX ? sql.Int : sql.BigInt, value };
    return { type: sql.Float, value };
  }
  if (typeof value === 'bigint') return { type: sql.BigInt, value };
  if (typeof value === 'boolean') return { type: sql.Bit, value };
  if (value instanceof Date) return { type: sql.DateTime2, value };
  if (Buffer.isBuffer(value)) return { type: sql.VarBinary(sql.MAX), value };
  if (value instanceof Uint8Array) return { type: sql.VarBinary(sql.MAX), value: Buffer.from(value) };
  throw new TypeError(`cannot bind a value of type ${Object.prototype.toString.call(value)} as a SQL Server parameter; serialise it first`);
}
