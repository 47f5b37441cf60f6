import type * as sql from 'mssql';

/**
 * The part of `mssql`'s `ConnectionPool` the Kysely driver uses. A real `sql.ConnectionPool` is one;
 * tests pass a fake.
 */
export interface MssqlPoolLike {
  connect(): Promise<unknown>;
  close(): Promise<unknown>;
  request(): MssqlRequestLike;
  transaction(): MssqlTransactionLike;
}

export interface MssqlRequestLike {
  input(name: string, type: sql.ISqlTypeFactory | sql.ISqlType, value: unknown): unknown;
  query(command: string): Promise<Pick<sql.IResult<Record<string, unknown>>, 'recordset' | 'rowsAffected'>>;
}

export interface MssqlTransactionLike {
  begin(isolationLevel?: number): Promise<unknown>;
  commit(): Promise<void>;
  rollback(): Promise<void>;
  request(): MssqlRequestLike;
}
