/* eslint-disable @typescript-eslint/no-explicit-any -- the tables are named at run time, from the personal-data registry */
import { sql, type Expression, type ExpressionBuilder, type Kysely, type SqlBool, type Transaction } from 'kysely';
import { registeredTables, type CatalogScope, type PointerAction, type TableName } from './personalDataRegistry';

/**
 * The steps a purge or an erasure takes, derived from the personal-data registry, and the bounded SQL of each:
 * keys are selected first (through the (tenant_id, learner_id) or pointer index, so the work grows with the
 * learner's records, not with the catalog's size), then removed by key, a batch per transaction.
 * The SQL is the same on SQLite and SQL Server (no LIMIT/TOP), so it is written once.
 */

// The steps work on tables named at run time from the registry: the typed TenantDatabase gives way to `any` here.
type AnyDb = Kysely<any> | Transaction<any>;

export interface PurgeTarget {
  tenantId: string;
  learnerId: string;
  /** The catalog purged from; null for erasure (every catalog, then the profile). */
  catalogId: string | null;
}

/** Removes the learner's own rows of a table. */
export interface DeleteStep {
  type: 'delete';
  table: TableName;
  kind: string;
  subject: string;
  /** Key columns other than the subject column (which every statement fixes). */
  key: string[];
  /** How rows of the catalog are found; null: every row of the learner (erasure). */
  scope: CatalogScope<TableName> | null;
  /** Tables whose rows point at this table's rows (removed with them, so no foreign key is ever left dangling). */
  dependents: Array<{ table: TableName; column: string; subject: string; kind: string }>;
}

/** Clears a column of other people's rows that names the learner. */
export interface PointerStep {
  type: 'pointer';
  table: TableName;
  kind: string;
  column: string;
  key: string[];
  action: Exclude<PointerAction, { keep: string }>;
  scope: CatalogScope<TableName> | null;
}

export type PurgeStep = DeleteStep | PointerStep;

function dependentsOf(table: TableName, erasure: boolean): DeleteStep['dependents'] {
  return registeredTables().flatMap(({ table: child, registration }) => {
    if (!registration.subject || registration.catalogPurge.action !== 'delete') return [];
    if (erasure ? registration.erasure.action !== 'delete' : false) return [];
    const scope = registration.catalogPurge.scope;
    if (scope.via !== 'parent' || scope.parent !== table) return [];
    return [{ table: child, column: scope.column, subject: registration.subject, kind: registration.kind ?? child }];
  });
}

/** The steps, in order: pointers first (they touch other people's rows only), then the learner's rows, children before parents. */
export function purgeSteps(erasure: boolean): PurgeStep[] {
  const pointers: PointerStep[] = [];
  const deletes: DeleteStep[] = [];
  for (const { table, registration } of registeredTables()) {
    const catalogScope = registration.catalogPurge.action === 'delete' ? registration.catalogPurge.scope : null;
    for (const pointer of registration.pointers) {
      const action = erasure ? pointer.onErasure : pointer.onCatalogPurge;
      if (typeof action === 'object' && 'keep' in action) continue;
      // A catalog purge only clears pointers in rows that belong to a catalog.
      if (!erasure && !catalogScope) continue;
      pointers.push({ type: 'pointer', table, kind: pointer.kind, column: pointer.column, key: [...(registration.rowKey ?? [])], action, scope: erasure ? null : catalogScope });
    }
    if (!registration.subject) continue;
    const removes = erasure ? registration.erasure.action === 'delete' : catalogScope !== null;
    if (!removes) continue;
    deletes.push({
      type: 'delete',
      table,
      kind: registration.kind ?? table,
      subject: registration.subject,
      key: (registration.rowKey ?? []).filter((column) => column !== registration.subject),
      scope: erasure ? null : catalogScope,
      dependents: dependentsOf(table, erasure),
    });
  }
  for (const step of [...pointers, ...deletes]) {
    if (step.key.length === 0 && step.type === 'pointer') throw new Error(`personal-data registry: ${step.table} needs a rowKey`);
  }
  return [...pointers, ...deletes];
}

/** The kinds a purge of this scope counts, in step order. */
export function purgeKinds(erasure: boolean): string[] {
  return [...new Set(purgeSteps(erasure).map((s) => s.kind))];
}

export function inScope(eb: ExpressionBuilder<any, any>, table: string, scope: CatalogScope<TableName> | null, target: PurgeTarget): Expression<SqlBool> {
  if (!scope || target.catalogId === null) return sql<boolean>`1 = 1`;
  if (scope.via === 'column') return eb(`${table}.${scope.column}`, '=', target.catalogId);
  // Correlated, so each candidate row costs one primary-key lookup of its parent whatever the catalog's size.
  return eb.exists(
    eb
      .selectFrom(`${scope.parent} as scope_parent`)
      .select(sql.lit(1).as('found'))
      .whereRef(`scope_parent.${scope.parentKey}`, '=', `${table}.${scope.column}`)
      .where(`scope_parent.${scope.parentCatalogColumn}`, '=', target.catalogId),
  );
}

function whoseColumn(step: PurgeStep): string {
  return step.type === 'delete' ? step.subject : step.column;
}

/** How many rows the step would touch now. */
export async function countStep(db: AnyDb, step: PurgeStep, target: PurgeTarget): Promise<number> {
  const row = await db
    .selectFrom(step.table)
    .select((eb) => eb.fn.countAll().as('n'))
    .where(`${step.table}.tenant_id`, '=', target.tenantId)
    .where(`${step.table}.${whoseColumn(step)}`, '=', target.learnerId)
    .where((eb) => inScope(eb, step.table, step.scope, target))
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

type RowKey = Record<string, unknown>;

/** The keys of the rows the step still has to touch (at most `limit` of them are used per batch). */
export async function stepKeys(db: AnyDb, step: PurgeStep, target: PurgeTarget): Promise<RowKey[]> {
  const columns = step.key.length > 0 ? step.key : [whoseColumn(step)];
  return db
    .selectFrom(step.table)
    .select(columns.map((c) => `${step.table}.${c}`))
    .where(`${step.table}.tenant_id`, '=', target.tenantId)
    .where(`${step.table}.${whoseColumn(step)}`, '=', target.learnerId)
    .where((eb) => inScope(eb, step.table, step.scope, target))
    .execute();
}

function byKeys(eb: ExpressionBuilder<any, any>, columns: string[], keys: RowKey[]): Expression<SqlBool> {
  if (columns.length === 0) return sql<boolean>`1 = 1`;
  if (columns.length === 1) return eb(columns[0], 'in', keys.map((k) => k[columns[0]]));
  return eb.or(keys.map((k) => eb.and(columns.map((c) => eb(c, '=', k[c])))));
}

/**
 * Applies the step to one batch of keys (inside the caller's transaction) and returns the rows touched by kind.
 * Every statement also fixes the tenant and the learner, so a stale key can never touch anyone else's row.
 */
export async function applyStep(trx: AnyDb, step: PurgeStep, target: PurgeTarget, keys: RowKey[], subjectHashOf: (id: string) => string): Promise<Record<string, number>> {
  const touched: Record<string, number> = {};
  const add = (kind: string, n: number): void => {
    if (n > 0) touched[kind] = (touched[kind] ?? 0) + n;
  };
  if (keys.length === 0) return touched;
  if (step.type === 'pointer') {
    const values = step.action === 'null' ? { [step.column]: null } : { [step.column]: null, [step.action.pseudonymiseInto]: subjectHashOf(target.learnerId) };
    const result = await trx
      .updateTable(step.table)
      .set(values)
      .where('tenant_id', '=', target.tenantId)
      .where(step.column, '=', target.learnerId)
      .where((eb) => byKeys(eb, step.key, keys))
      .executeTakeFirst();
    add(step.kind, Number(result.numUpdatedRows));
    return touched;
  }
  if (step.dependents.length > 0 && step.key.length === 1) {
    const parentIds = keys.map((k) => k[step.key[0]]);
    for (const dependent of step.dependents) {
      const removed = await trx
        .deleteFrom(dependent.table)
        .where('tenant_id', '=', target.tenantId)
        .where(dependent.subject, '=', target.learnerId)
        .where(dependent.column, 'in', parentIds)
        .executeTakeFirst();
      add(dependent.kind, Number(removed.numDeletedRows));
    }
  }
  const removed = await trx
    .deleteFrom(step.table)
    .where('tenant_id', '=', target.tenantId)
    .where(step.subject, '=', target.learnerId)
    .where((eb) => byKeys(eb, step.key, keys))
    .executeTakeFirst();
  add(step.kind, Number(removed.numDeletedRows));
  return touched;
}
