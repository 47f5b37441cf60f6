import { AliasNode, FromNode, MssqlAdapter, RawNode, SelectQueryNode, TableNode, type Kysely, type KyselyPlugin, type OperationNode, type Transaction } from 'kysely';

export const SQL_SERVER_UPDATE_LOCK_HINT = 'with (updlock, rowlock, holdlock)';

function withUpdateLock(from: OperationNode): OperationNode {
  const isTable = TableNode.is(from) || (AliasNode.is(from) && TableNode.is(from.node));
  if (!isTable) throw new Error('a locking read reads from tables only (no subqueries or raw sources)');
  return RawNode.create(['', ` ${SQL_SERVER_UPDATE_LOCK_HINT}`], [from]);
}

const SQL_SERVER_UPDATE_LOCK: KyselyPlugin = {
  transformQuery({ node }) {
    if (!SelectQueryNode.is(node) || !node.from) return node;
    return Object.freeze({ ...node, from: FromNode.create(node.from.froms.map(withUpdateLock)) });
  },
  async transformResult({ result }) {
    return result;
  },
};

/**
 * Reads inside a transaction that lock what they read until the transaction ends, so a use case that reads a
 * row and then writes what it computed from it (progress, plan completion, find-or-create) cannot interleave
 * with another instance doing the same: the second waits at the read and then sees the first one's commit.
 *
 *   const enrolment = await lockingReads(trx).selectFrom('enrolments').selectAll().where('id', '=', id).executeTakeFirst();
 *
 * SQL Server: each table in the FROM clause gets `with (updlock, rowlock, holdlock)`. UPDLOCK takes an update
 * lock that is held to the end of the transaction and conflicts only with other update/exclusive locks (plain
 * readers go on), so two writers queue rather than deadlock on a lock conversion; it also makes the read a
 * locking read of the latest committed row under READ_COMMITTED_SNAPSHOT (Azure SQL's default), where a plain
 * read would return an older version. HOLDLOCK (serializable for this table only) also locks the key range
 * when no row matches, so a concurrent insert of that key waits: find-or-create makes one row. Chosen over a
 * version column with compare-and-retry: no schema change, no retry loop to get wrong, and it holds for
 * inserts, which a version column on an existing row cannot guard.
 *
 * SQLite: nothing is added; every transaction begins immediate (sqlite/immediateTransactions.ts), so it holds
 * the database's write lock from its first statement and other processes wait for it.
 */
export function lockingReads<DB>(trx: Transaction<DB>): Transaction<DB> {
  return isSqlServer(trx) ? trx.withPlugin(SQL_SERVER_UPDATE_LOCK) : trx;
}

function isSqlServer<DB>(db: Kysely<DB>): boolean {
  return db.getExecutor().adapter instanceof MssqlAdapter;
}
