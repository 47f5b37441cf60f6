import { sql, type RawBuilder } from 'kysely';
import { DomainError, forbidden } from '../../domain/errors';
import { hasRole } from '../../domain/roles';
import type { DirectoryGroup, DirectoryPerson } from '../../domain/trainingAdmin';
import type { GraphDirectory } from '../graph/graphDirectory';
import type { UseCaseContext } from './useCaseContext';
import { notRestricted } from '../privacy/restrictedLearners';

/** Most people or groups a search answers with: a picker shows a few, and the caller types more to narrow them down. */
export const DIRECTORY_SEARCH_LIMIT = 25;

/**
 * People pickers are for those who appoint managers and assign training: tenant admins, Catalog.Manage holders and
 * anyone listed as a catalog's manager. Everyone else is refused: the directory is not for browsing.
 */
export async function requireDirectorySearcher(ctx: UseCaseContext): Promise<void> {
  const { principal } = ctx;
  if (hasRole(principal.roles, 'Tenant.Admin') || hasRole(principal.roles, 'Catalog.Manage')) return;
  const managed = await ctx.db
    .selectFrom('catalog_managers')
    .select('catalog_id')
    .where('tenant_id', '=', principal.tenantId)
    .where('learner_id', '=', principal.userId)
    .executeTakeFirst();
  if (!managed) throw forbidden('only tenant admins and catalog managers can search the directory');
}

/**
 * Lower-cases A–Z only, as SQLite's lower() does; SQL Server's lower() folds more, and its case-insensitive
 * collation matches the rest (`Ø` typed finds `ø`). So SQLite finds a non-ASCII letter typed in its stored case.
 */
function asciiLowerCase(text: string): string {
  return text.replace(/[A-Z]/g, (letter) => letter.toLowerCase());
}

/**
 * True when a word of `column` starts with `needle` (a space then the search, lower-cased): the column, with a
 * space put in front, changes when every occurrence of the needle is removed from it. replace() takes its pattern
 * literally, so `%`, `_` or `[` in a search are plain characters; LIKE would read them as wildcards on one engine
 * or the other, and the ESCAPE clause that would fix that is not in every T-SQL grammar we check against. concat()
 * and replace() mean the same on SQLite and SQL Server, and both treat a null as empty (no match).
 */
function hasWordStartingWith(column: string, needle: string): RawBuilder<boolean> {
  const spaced = sql`concat(' ', lower(${sql.ref(column)}))`;
  return sql<boolean>`replace(${spaced}, ${needle}, '') <> ${spaced}`;
}

/**
 * Current people of the tenant (synced from the directory; not departed, not restricted) with a word of their
 * display name or their mail starting with `search`, case-insensitively: 25 at most, by display name.
 */
export async function searchDirectoryPeople(ctx: UseCaseContext, search: string): Promise<DirectoryPerson[]> {
  await requireDirectorySearcher(ctx);
  const tenantId = ctx.principal.tenantId;
  const needle = ` ${asciiLowerCase(search.trim())}`;
  const sortName = sql<string>`coalesce(${sql.ref('l.display_name')}, '')`;
  const matching = ctx.db
    .selectFrom('learners as l')
    .select(['l.learner_id', 'l.display_name', 'l.mail', 'l.department', 'l.job_title'])
    .where('l.tenant_id', '=', tenantId)
    .where('l.departed_at', 'is', null)
    .where(notRestricted('l'))
    .where((eb) => eb.or([hasWordStartingWith('l.display_name', needle), hasWordStartingWith('l.mail', needle)]))
    // row_number() rather than LIMIT/TOP: the one paging form SQLite and SQL Server share.
    .select(sql<number>`row_number() over (order by ${sortName}, ${sql.ref('l.learner_id')})`.as('row_number'));
  const rows = await ctx.db.selectFrom(matching.as('found')).selectAll().where('found.row_number', '<=', DIRECTORY_SEARCH_LIMIT).orderBy('found.row_number').execute();
  return rows.map((r) => ({ id: r.learner_id, displayName: r.display_name, mail: r.mail, department: r.department, jobTitle: r.job_title }));
}

/** Entra ID groups whose display name starts with `search`, read from Microsoft Graph: 25 at most, by display name. */
export async function searchDirectoryGroups(ctx: UseCaseContext, directory: GraphDirectory | null, search: string): Promise<DirectoryGroup[]> {
  await requireDirectorySearcher(ctx);
  const groups = await requireGraph(directory).searchGroups(search.trim());
  return groups.slice(0, DIRECTORY_SEARCH_LIMIT).sort((a, b) => (a.displayName ?? '').localeCompare(b.displayName ?? '') || a.id.localeCompare(b.id));
}

/** Groups live in Microsoft Graph: a service without it configured has none to offer. */
export function requireGraph(directory: GraphDirectory | null): GraphDirectory {
  if (!directory) throw new DomainError('conflict', 'Microsoft Graph is not configured for this service, so there are no Entra ID groups to read');
  return directory;
}
