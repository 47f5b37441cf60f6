import { GraphError, type Client } from '@microsoft/microsoft-graph-client';
import { GRAPH_USER_SELECT, graphUserSchema, toLearnerIdentity, type LearnerIdentity } from '../../domain/identity';
import { DependencyUnavailable } from '../dependencyUnavailable';
import { createGraphClient, DEFAULT_GRAPH_RETRY, graphPathOfLink, type GraphRetrySettings } from './graphClient';

/** A learner's identity as one delta page reports it. */
export type ChangedLearner = Omit<LearnerIdentity, 'managerId'> & {
  /**
   * The manager's id, or null for none. `undefined` means this delta says nothing about the manager:
   * keep what is stored (Graph reports `manager@delta` only when the manager link changed). A full
   * round (no delta link) always states the manager, so `undefined` never appears there.
   */
  managerId: string | null | undefined;
};

export interface RemovedLearner {
  id: string;
  /** `changed`: soft-deleted (restorable for 30 days); `deleted`: deleted for good. Both mean: left the directory. */
  reason: 'changed' | 'deleted';
}

export interface DeltaPage {
  /** Added or changed people: the minimum identity set only, whatever else Graph sent. */
  changed: ChangedLearner[];
  removed: RemovedLearner[];
  /** On the last page of a round: store it and pass it to the next `deltaUsers`. */
  deltaLink?: string;
}

/** The server's view of a tenant's Entra ID directory (app-only Microsoft Graph). */
export interface GraphDirectory {
  /** The minimum identity set with the manager's id; null when there is no such user. */
  getUser(userId: string): Promise<LearnerIdentity | null>;
  /**
   * One delta round, page by page: from scratch with `null` (everyone), else the changes since the round that
   * produced `deltaLink`. Throws `GraphDeltaResyncRequired` when Graph no longer knows the link: start again with null.
   */
  deltaUsers(deltaLink: string | null): AsyncIterable<DeltaPage>;
  /** Object ids of the group's users, nested groups included, page by page. Throws `GraphGroupNotFound`. */
  groupMembers(groupId: string): AsyncIterable<string[]>;
  /** Groups whose display name starts with `prefix` (Graph compares case-insensitively), `GROUP_SEARCH_LIMIT` at most. */
  searchGroups(prefix: string): Promise<GraphGroup[]>;
}

/** An Entra ID group as a people picker shows it. */
export interface GraphGroup {
  id: string;
  displayName: string | null;
  description: string | null;
}

export const GROUP_SEARCH_LIMIT = 25;

/** The delta link is expired or unknown (HTTP 410 / `syncStateNotFound`): a full round is needed. */
export class GraphDeltaResyncRequired extends Error {
  constructor(readonly code: string) {
    super(`Microsoft Graph asks for a full resynchronisation (${code})`);
    this.name = 'GraphDeltaResyncRequired';
  }
}

export class GraphGroupNotFound extends Error {
  constructor(readonly groupId: string) {
    super(`Microsoft Graph has no group ${groupId}`);
    this.name = 'GraphGroupNotFound';
  }
}

/**
 * Any other failure of a Graph call, after the retries: status (0 when Graph could not be reached) and Graph's
 * error code, no response body. A dependency's failure: the API answers 503, with Graph's own `Retry-After` if it sent one.
 */
export class GraphRequestFailed extends DependencyUnavailable {
  constructor(
    readonly status: number,
    readonly code: string | null,
    message: string,
    retryAfterSeconds?: number | null,
  ) {
    super(
      'Microsoft Graph',
      status > 0 ? `Microsoft Graph answered ${status}${code ? ` ${code}` : ''}: ${message}` : `Microsoft Graph could not be reached: ${message}`,
      retryAfterSeconds === null || retryAfterSeconds === undefined ? undefined : Math.max(1, Math.ceil(retryAfterSeconds)),
    );
    this.name = 'GraphRequestFailed';
  }
}

export interface GraphDirectoryOptions {
  /** `https://graph.microsoft.com/` in production; the stand-in's URL locally. */
  baseUrl: string;
  tenantId: string;
  /** An app-only access token for Graph in that tenant (production: `graphAccessTokens`; locally: the dev issuer). */
  getAccessToken: (tenantId: string) => Promise<string>;
  retry?: GraphRetrySettings;
  /** `$top` for member pages (Graph allows up to 999). */
  memberPageSize?: number;
}

const RETRYABLE_STATUSES = new Set([429, 503, 504]);
const RESYNC_CODES = new Set(['syncStateNotFound', 'syncStateInvalid', 'resyncRequired']);
const USER_ODATA_TYPE = '#microsoft.graph.user';
const USER_SELECT = GRAPH_USER_SELECT.join(',');

interface BatchItemResponse {
  id: string;
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

export function createGraphDirectory(options: GraphDirectoryOptions): GraphDirectory {
  const retry = options.retry ?? DEFAULT_GRAPH_RETRY;
  const client = createGraphClient({
    baseUrl: options.baseUrl,
    authProvider: { getAccessToken: () => options.getAccessToken(options.tenantId) },
    retry,
  });
  const follow = (link: string): string => graphPathOfLink(options.baseUrl, link);

  return {
    /**
     * One `$batch` with two requests (profile with `$select`, and `manager?$select=id`): one round trip on the
     * sign-in path. The RetryHandler retries a throttled batch as a whole; throttled items inside a successful
     * batch are retried here, after their own `Retry-After`.
     */
    async getUser(userId) {
      if (userId.trim() === '') throw new RangeError('getUser needs an object id or a userPrincipalName');
      const path = `/users/${encodeURIComponent(userId)}`;
      const answers = await batchWithRetries(client, retry, [
        { id: 'profile', method: 'GET', url: `${path}?$select=${USER_SELECT}` },
        { id: 'manager', method: 'GET', url: `${path}/manager?$select=id` },
      ]);
      const profile = answers.get('profile')!;
      if (profile.status === 404) return null;
      if (profile.status !== 200) throw failedItem(profile);
      const manager = answers.get('manager')!;
      if (manager.status !== 200 && manager.status !== 404) throw failedItem(manager);
      const managerId = manager.status === 200 ? idOf(manager.body) : null;
      const identity = toLearnerIdentity(profile.body, managerId);
      return { ...identity, id: identity.id.toLowerCase() };
    },

    async *deltaUsers(deltaLink) {
      const fullRound = deltaLink === null;
      let path: string | undefined = fullRound ? `/users/delta?$select=${USER_SELECT}&$expand=manager($select=id)` : follow(deltaLink);
      while (path) {
        const page = (await callGraph(() => client.api(path!).get(), (error) => {
          if (error.statusCode === 410 || (error.code !== null && RESYNC_CODES.has(error.code))) return new GraphDeltaResyncRequired(error.code ?? 'gone');
          return null;
        })) as DeltaResponse;
        const nextLink = page['@odata.nextLink'];
        const nextDeltaLink = page['@odata.deltaLink'];
        if (!nextLink && !nextDeltaLink) throw new GraphRequestFailed(200, null, 'a delta page had neither @odata.nextLink nor @odata.deltaLink');
        yield { ...toDeltaPage(page.value ?? [], fullRound), ...(nextLink ? {} : { deltaLink: nextDeltaLink }) };
        path = nextLink ? follow(nextLink) : undefined;
      }
    },

    async *groupMembers(groupId) {
      const top = options.memberPageSize ?? 999;
      let path: string | undefined = `/groups/${encodeURIComponent(groupId)}/transitiveMembers?$select=id&$top=${top}`;
      while (path) {
        const page = (await callGraph(() => client.api(path!).get(), (error) => (error.statusCode === 404 ? new GraphGroupNotFound(groupId) : null))) as {
          value?: Array<Record<string, unknown>>;
          '@odata.nextLink'?: string;
        };
        yield (page.value ?? []).filter((member) => member['@odata.type'] === USER_ODATA_TYPE).map(idOf);
        path = page['@odata.nextLink'] ? follow(page['@odata.nextLink']) : undefined;
      }
    },

    /** The first page only: a picker shows the best few, and the caller types more to narrow them down. */
    async searchGroups(prefix) {
      const filter = `startswith(displayName,'${prefix.replace(/'/g, "''")}')`;
      // The client library puts query values into the URL as they are given: the filter holds what a person typed.
      const path = `/groups?$filter=${encodeURIComponent(filter)}&$select=id,displayName,description&$top=${GROUP_SEARCH_LIMIT}`;
      const page = (await callGraph(() => client.api(path).get(), () => null)) as { value?: Array<Record<string, unknown>> };
      return (page.value ?? []).slice(0, GROUP_SEARCH_LIMIT).map((group) => ({
        id: idOf(group),
        displayName: stringOrNull(group.displayName),
        description: stringOrNull(group.description),
      }));
    },
  };
}

function stringOrNull(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

interface DeltaResponse {
  value?: Array<Record<string, unknown>>;
  '@odata.nextLink'?: string;
  '@odata.deltaLink'?: string;
}

function toDeltaPage(items: Array<Record<string, unknown>>, fullRound: boolean): Omit<DeltaPage, 'deltaLink'> {
  const changed: ChangedLearner[] = [];
  const removed: RemovedLearner[] = [];
  for (const item of items) {
    const removal = item['@removed'] as { reason?: unknown } | undefined;
    if (removal) {
      removed.push({ id: idOf(item), reason: removal.reason === 'deleted' ? 'deleted' : 'changed' });
      continue;
    }
    const managerId = managerFromDelta(item['manager@delta']);
    const identity = graphUserSchema.parse(item);
    changed.push({ ...identity, id: identity.id.toLowerCase(), managerId: managerId === undefined && fullRound ? null : managerId });
  }
  return { changed, removed };
}

/** `manager@delta` lists the manager link; an entry with `@removed` takes it away. Absent: no news. */
function managerFromDelta(value: unknown): string | null | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value)) return null;
  const current = value.filter((entry) => entry && typeof entry === 'object' && !('@removed' in entry));
  return current.length > 0 ? idOf(current[current.length - 1]) : null;
}

/** Object ids are GUIDs; kept lower-case everywhere. */
function idOf(value: unknown): string {
  const id = (value as { id?: unknown } | null)?.id;
  if (typeof id !== 'string' || id === '') throw new GraphRequestFailed(200, null, 'a directory object without an id');
  return id.toLowerCase();
}

async function callGraph(call: () => Promise<unknown>, special: (error: GraphError) => Error | null): Promise<unknown> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof GraphError) {
      const status = error.statusCode > 0 ? error.statusCode : 0;
      throw special(error) ?? new GraphRequestFailed(status, status > 0 ? error.code : null, error.message, retryAfterSeconds(headersOf(error.headers)));
    }
    throw error;
  }
}

async function batchWithRetries(
  client: Client,
  retry: GraphRetrySettings,
  requests: Array<{ id: string; method: string; url: string }>,
): Promise<Map<string, BatchItemResponse>> {
  const answers = new Map<string, BatchItemResponse>();
  let pending = requests;
  for (let attempt = 0; pending.length > 0; attempt++) {
    const result = (await callGraph(() => client.api('/$batch').post({ requests: pending }), () => null)) as { responses?: BatchItemResponse[] };
    let waitSeconds = 0;
    const again: typeof pending = [];
    for (const request of pending) {
      const answer = result.responses?.find((r) => r.id === request.id);
      if (!answer) throw new GraphRequestFailed(200, null, `the batch answer lacks request ${request.id}`);
      if (RETRYABLE_STATUSES.has(answer.status) && attempt < retry.maxRetries) {
        waitSeconds = Math.max(waitSeconds, retryAfterSeconds(answer.headers) ?? retry.delaySeconds * 2 ** attempt);
        again.push(request);
      } else {
        answers.set(request.id, answer);
      }
    }
    pending = again;
    if (pending.length > 0) await new Promise((resolve) => setTimeout(resolve, Math.min(waitSeconds, 180) * 1000));
  }
  return answers;
}

function retryAfterSeconds(headers: Record<string, string> | undefined): number | null {
  const entry = Object.entries(headers ?? {}).find(([name]) => name.toLowerCase() === 'retry-after');
  if (!entry) return null;
  const seconds = Number(entry[1]);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds;
  const date = Date.parse(entry[1]);
  return Number.isNaN(date) ? null : Math.max(0, (date - Date.now()) / 1000);
}

function failedItem(answer: BatchItemResponse): GraphRequestFailed {
  const error = (answer.body as { error?: { code?: string; message?: string } } | undefined)?.error;
  return new GraphRequestFailed(answer.status, error?.code ?? null, error?.message ?? 'batch item failed', retryAfterSeconds(answer.headers));
}

/** The library's GraphError keeps the response's `Headers` (absent when no response arrived). */
function headersOf(headers: Headers | undefined): Record<string, string> | undefined {
  if (!headers || typeof headers.forEach !== 'function') return undefined;
  const plain: Record<string, string> = {};
  headers.forEach((value, name) => {
    plain[name] = value;
  });
  return plain;
}
