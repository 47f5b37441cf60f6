import {
  Kysely,
  MssqlAdapter,
  MssqlIntrospector,
  MssqlQueryCompiler,
  type CompiledQuery,
  type DatabaseConnection,
  type Driver,
  type KyselyPlugin,
  type QueryResult,
  type RootOperationNode,
} from 'kysely';
import type { DatabaseEngine } from '../../src/server/store/engine';
import type { TsqlStatement } from './tsqlParser';

export interface RecordedTsql extends TsqlStatement {
  /** The kind of Kysely operation node it was compiled from, e.g. SelectQueryNode, CreateTableNode, RawNode. */
  kind: RootOperationNode['kind'];
}

export interface UncompilableQuery {
  kind: RootOperationNode['kind'];
  message: string;
}

/** The T-SQL statements a piece of code issued (or would have issued on SQL Server). */
export class TsqlRecorder {
  readonly statements: RecordedTsql[] = [];
  /** Queries Kysely's SQL Server compiler refused to compile at all. */
  readonly uncompilable: UncompilableQuery[] = [];

  record(statement: RecordedTsql): void {
    this.statements.push(statement);
  }

  clear(): void {
    this.statements.length = 0;
    this.uncompilable.length = 0;
  }
}

/**
 * A driver with no server behind it: records every statement and answers with no rows. Enough for
 * Kysely's Migrator: with no migration rows and no tables it creates its tables and runs every migration.
 */
class RecordingDriver implements Driver {
  constructor(
    private readonly recorder: TsqlRecorder,
    private readonly respond: (query: CompiledQuery) => unknown[],
  ) {}

  async init(): Promise<void> {}

  async acquireConnection(): Promise<DatabaseConnection> {
    const { recorder, respond } = this;
    return {
      async executeQuery<R>(compiledQuery: CompiledQuery): Promise<QueryResult<R>> {
        recorder.record({ sql: compiledQuery.sql, parameters: compiledQuery.parameters, kind: compiledQuery.query.kind });
        return { rows: respond(compiledQuery) as R[] };
      },
      // eslint-disable-next-line require-yield
      async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
        throw new Error('the T-SQL recorder does not stream');
      },
    };
  }

  async beginTransaction(): Promise<void> {}
  async commitTransaction(): Promise<void> {}
  async rollbackTransaction(): Promise<void> {}
  async releaseConnection(): Promise<void> {}
  async destroy(): Promise<void> {}
}

/**
 * A Kysely instance that compiles exactly as the SQL Server dialect does (Kysely's `MssqlAdapter`,
 * `MssqlQueryCompiler`, `MssqlIntrospector`) and records every statement instead of running it.
 * `respond` may supply rows for a statement; by default every statement returns none.
 */
export function createTsqlRecordingKysely<DB = any>(
  recorder = new TsqlRecorder(),
  respond: (query: CompiledQuery) => unknown[] = () => [],
): { db: Kysely<DB>; recorder: TsqlRecorder } {
  const db = new Kysely<DB>({
    dialect: {
      createAdapter: () => new MssqlAdapter(),
      createDriver: () => new RecordingDriver(recorder, respond),
      createIntrospector: (kysely) => new MssqlIntrospector(kysely),
      createQueryCompiler: () => new MssqlQueryCompiler(),
    },
  });
  return { db, recorder };
}

export interface RecordAsTsqlOptions {
  /**
   * Which queries to record. Default: `dataStatements`. Narrow it further to leave out raw statements
   * meant for SQLite only (pragmas), e.g. `(node) => dataStatements(node) && !isPragma(node)`.
   */
  include?: (node: RootOperationNode) => boolean;
}

const DATA_STATEMENT_KINDS: ReadonlySet<RootOperationNode['kind']> = new Set(['SelectQueryNode', 'InsertQueryNode', 'UpdateQueryNode', 'DeleteQueryNode', 'MergeQueryNode', 'RawNode']);

/**
 * Queries and raw statements; not schema changes. A SQLite run's DDL is the SQLite schema (column types
 * differ by engine through `columnTypes`, and Kysely's Migrator adds `if not exists` on SQLite only), so
 * it says nothing about SQL Server. The SQL Server DDL is checked in test/store/mssqlMigrations.test.ts.
 */
export function dataStatements(node: RootOperationNode): boolean {
  return DATA_STATEMENT_KINDS.has(node.kind);
}

/**
 * A plugin for a Kysely instance of ANOTHER dialect (SQLite): every query it runs is also compiled with
 * Kysely's SQL Server compiler and recorded, so a test suite run on SQLite shows whether each query it
 * issued would be valid T-SQL. The query itself runs unchanged. Add it as the last plugin, so it sees
 * the query as the database does.
 *
 *   const recorder = new TsqlRecorder();
 *   const db = sqliteKysely.withPlugin(recordAsTsql(recorder));
 *   ... run the tests ...
 *   assertAllParseAsTsql(recorder.statements);
 *
 * Raw SQL (`sql\`...\``) is recorded as written: it is only T-SQL if it was written portably.
 * Schema changes are left out by default (see `dataStatements`).
 */
export function recordAsTsql(recorder: TsqlRecorder, options: RecordAsTsqlOptions = {}): KyselyPlugin {
  return {
    transformQuery({ node, queryId }) {
      if (!(options.include ?? dataStatements)(node)) return node;
      try {
        const compiled = new MssqlQueryCompiler().compileQuery(node, queryId);
        recorder.record({ sql: compiled.sql, parameters: compiled.parameters, kind: node.kind });
      } catch (error) {
        recorder.uncompilable.push({ kind: node.kind, message: error instanceof Error ? error.message : String(error) });
      }
      return node;
    },
    async transformResult({ result }) {
      return result;
    },
  };
}

/**
 * Wraps an engine (SQLite) so that every Kysely it opens records its queries as T-SQL. For a whole API
 * test run: `startTestService({ engine: tsqlRecordingEngine(new SqliteEngine(dir), recorder) })`.
 * Kysely's own introspection queries (SQLite catalog lookups) run without plugins and are not recorded.
 */
export function tsqlRecordingEngine(engine: DatabaseEngine, recorder: TsqlRecorder, options: RecordAsTsqlOptions = {}): DatabaseEngine {
  const plugin = recordAsTsql(recorder, options);
  return {
    dialect: engine.dialect,
    openCatalog: async <DB>() => (await engine.openCatalog<DB>()).withPlugin(plugin),
    provisionTenantDatabase: (region, databaseName) => engine.provisionTenantDatabase(region, databaseName),
    dropTenantDatabase: (region, databaseName) => engine.dropTenantDatabase(region, databaseName),
    openTenantDatabase: async <DB>(region: Parameters<DatabaseEngine['openTenantDatabase']>[0], databaseName: string) =>
      (await engine.openTenantDatabase<DB>(region, databaseName)).withPlugin(plugin),
    ...(engine.makeErasureTraceless ? { makeErasureTraceless: engine.makeErasureTraceless.bind(engine) } : {}),
    close: () => engine.close(),
  };
}
