/** True when an insert failed on a primary key or unique constraint, on either engine. */
export function isUniqueViolation(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code, number, originalError } = error as { code?: unknown; number?: unknown; originalError?: unknown };
  if (code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === 'SQLITE_CONSTRAINT_UNIQUE') return true;
  // SQL Server: 2627 violates a PRIMARY KEY/UNIQUE constraint, 2601 a unique index.
  if (number === 2627 || number === 2601) return true;
  return originalError !== undefined && originalError !== error && isUniqueViolation(originalError);
}
