import type { Kysely } from 'kysely';
import { GraphDeltaResyncRequired, GraphGroupNotFound, type GraphDirectory } from '../graph/graphDirectory';
import type { TenantDatabase } from '../store/tenantSchema';
import { applyAssignmentRules, type RuleApplication } from '../training/assignmentRules';
import { upsertLearnerIdentities } from '../training/learners';
import { withoutSuppressed } from '../privacy/syncSuppression';

export interface DirectorySyncResult {
  mode: 'full' | 'delta';
  startedAt: string;
  finishedAt: string;
  pages: number;
  changed: number;
  inserted: number;
  departed: number;
  rules: RuleApplication;
  groups: number;
  groupMembers: number;
  missingGroups: string[];
}

export interface DirectorySyncProgress {
  pages: number;
  changed: number;
  departed: number;
}

/**
 * Brings a tenant's learners in step with its directory: a delta round from the stored delta link (a full
 * round the first time, or when Graph asks for one), page by page so memory stays flat whatever the size
 * of the directory. Changed attributes rectify the learner; `@removed` marks them departed with the date;
 * rules are applied to everyone the round touched; catalog audience groups are refreshed. Idempotent: the
 * delta link is stored only after the whole round has landed, so an interrupted round is simply redone.
 */
export async function syncDirectory(options: {
  db: Kysely<TenantDatabase>;
  tenantId: string;
  directory: GraphDirectory;
  now: () => Date;
  forceFull?: boolean;
  onProgress?: (progress: DirectorySyncProgress) => void;
}): Promise<DirectorySyncResult> {
  const { db, tenantId, directory, now } = options;
  const started = now();
  const state = await db.selectFrom('directory_sync_state').selectAll().where('tenant_id', '=', tenantId).executeTakeFirst();
  let deltaLink = options.forceFull ? null : (state?.delta_link ?? null);
  const result: DirectorySyncResult = {
    mode: deltaLink ? 'delta' : 'full',
    startedAt: started.toISOString(),
    finishedAt: '',
    pages: 0,
    changed: 0,
    inserted: 0,
    departed: 0,
    rules: { assigned: 0, unmatched: 0, rematched: 0 },
    groups: 0,
    groupMembers: 0,
    missingGroups: [],
  };

  const round = async (link: string | null): Promise<string> => {
    for await (const page of directory.deltaUsers(link)) {
      const at = now();
      // Erased people still in the directory stay erased (until they sign in themselves).
      const written = await upsertLearnerIdentities(db, tenantId, await withoutSuppressed(db, tenantId, page.changed), started);
      const removedIds = page.removed.map((r) => r.id);
      if (removedIds.length > 0) {
        const marked = await db
          .updateTable('learners')
          .set({ departed_at: at.toISOString() })
          .where('tenant_id', '=', tenantId)
          .where('learner_id', 'in', removedIds)
          .where('departed_at', 'is', null)
          .executeTakeFirst();
        result.departed += Number(marked.numUpdatedRows);
      }
      addRules(result.rules, await applyAssignmentRules(db, tenantId, at, [...page.changed.map((c) => c.id), ...removedIds]));
      result.pages += 1;
      result.changed += page.changed.length;
      result.inserted += written.inserted;
      options.onProgress?.({ pages: result.pages, changed: result.changed, departed: result.departed });
      if (page.deltaLink) return page.deltaLink;
    }
    throw new Error('the delta round ended without a delta link');
  };

  let nextLink: string;
  try {
    nextLink = await round(deltaLink);
  } catch (error) {
    if (!(error instanceof GraphDeltaResyncRequired)) throw error;
    deltaLink = null;
    result.mode = 'full';
    nextLink = await round(null);
  }

  if (result.mode === 'full') {
    // Everyone in the directory was written in this round; whoever was not has left it.
    const gone = await db
      .selectFrom('learners')
      .select('learner_id')
      .where('tenant_id', '=', tenantId)
      .where('departed_at', 'is', null)
      .where((eb) => eb.or([eb('synced_at', 'is', null), eb('synced_at', '<', started.toISOString())]))
      .execute();
    const goneIds = gone.map((g) => g.learner_id);
    for (let i = 0; i < goneIds.length; i += 500) {
      const batch = goneIds.slice(i, i + 500);
      await db.updateTable('learners').set({ departed_at: now().toISOString() }).where('tenant_id', '=', tenantId).where('learner_id', 'in', batch).execute();
      addRules(result.rules, await applyAssignmentRules(db, tenantId, now(), batch));
    }
    result.departed += goneIds.length;
  }

  await refreshAudienceGroups(db, tenantId, directory, now(), result);

  result.finishedAt = now().toISOString();
  const stateRow = {
    delta_link: nextLink,
    last_sync_at: result.finishedAt,
    last_result_json: JSON.stringify(result),
    ...(result.mode === 'full' ? { last_full_sync_at: result.finishedAt } : {}),
  };
  if (state) await db.updateTable('directory_sync_state').set(stateRow).where('tenant_id', '=', tenantId).execute();
  else await db.insertInto('directory_sync_state').values({ tenant_id: tenantId, last_full_sync_at: null, ...stateRow }).execute();
  return result;
}

function addRules(total: RuleApplication, more: RuleApplication): void {
  total.assigned += more.assigned;
  total.unmatched += more.unmatched;
  total.rematched += more.rematched;
}

/**
 * Catalog audiences are Entra ID groups: their members are read from Graph into `group_members`, page by page
 * (constant memory, one short transaction a page); rows not seen in this round are removed at the end.
 */
async function refreshAudienceGroups(db: Kysely<TenantDatabase>, tenantId: string, directory: GraphDirectory, now: Date, result: DirectorySyncResult): Promise<void> {
  const groups = await db.selectFrom('catalog_audiences').select('group_id').distinct().where('tenant_id', '=', tenantId).execute();
  const stamp = now.toISOString();
  for (const { group_id: groupId } of groups) {
    try {
      for await (const page of directory.groupMembers(groupId)) {
        const members = (await withoutSuppressed(db, tenantId, [...new Set(page)].map((id) => ({ id })))).map((m) => m.id);
        if (members.length === 0) continue;
        await db.transaction().execute(async (trx) => {
          await trx.deleteFrom('group_members').where('tenant_id', '=', tenantId).where('group_id', '=', groupId).where('learner_id', 'in', members).execute();
          for (let i = 0; i < members.length; i += 200) {
            await trx
              .insertInto('group_members')
              .values(members.slice(i, i + 200).map((learnerId) => ({ tenant_id: tenantId, learner_id: learnerId, group_id: groupId, synced_at: stamp })))
              .execute();
          }
        });
        result.groupMembers += members.length;
      }
    } catch (error) {
      if (!(error instanceof GraphGroupNotFound)) throw error;
      result.missingGroups.push(groupId);
    }
    await db.deleteFrom('group_members').where('tenant_id', '=', tenantId).where('group_id', '=', groupId).where('synced_at', '<', stamp).execute();
    result.groups += 1;
  }
}
