import type { DirectoryUser } from '../directory/directoryGenerator';
import type { Directory, DirectoryChange, DirectoryGroup, GroupRule } from './directory';
import {
  badRequest,
  contextUrl,
  DEFAULT_USER_PROPERTIES,
  graphError,
  isUserProperty,
  ok,
  projectDirectoryObject,
  projectUser,
  resourceNotFound,
  USER_ODATA_TYPE,
  type GraphResponse,
} from './graphResponses';
import {
  decodePageToken,
  encodePageToken,
  isCursor,
  isDeltaPageState,
  isDeltaTokenState,
  type DeltaPageState,
  type DeltaQuery,
  type DeltaTokenState,
} from './pageTokens';

/** Who called, from the verified token: the tenant picks the directory, the user (delegated tokens only) is `/me`. */
export interface GraphCaller {
  tenantId: string;
  userId?: string;
}

export interface RouteContext {
  directory: Directory;
  /** `http://127.0.0.1:PORT/v1.0`: links in responses start here. */
  versionRoot: string;
  caller: GraphCaller;
  /** Fault: answer with every attribute, ignoring `$select` (a careless or future Graph). */
  returnAllProperties: boolean;
  /** `Prefer: return=minimal` on delta: changed users carry only their changed properties. */
  preferMinimal: boolean;
}

export const DEFAULT_PAGE_SIZE = 100;
export const MAX_PAGE_SIZE = 999;
const DELTA_SEGMENTS = new Set(['delta', 'delta()', 'microsoft.graph.delta']);

/** The route template of a request, for request statistics: `GET /users/{id}`. */
export function graphEndpointOf(method: string, path: string): string {
  try {
    return `${method} ${templateOf(new URL(path, 'http://graph.invalid/').pathname.split('/').filter(Boolean).map(decodeURIComponent))}`;
  } catch {
    return `${method} (invalid)`;
  }
}

/** Answers one Graph v1.0 request; `path` is relative to the version root (`/users/...?$select=...`). */
export function routeGraphRequest(context: RouteContext, method: string, path: string): GraphResponse {
  let url: URL;
  let segments: string[];
  try {
    url = new URL(path, 'http://graph.invalid/');
    segments = url.pathname.split('/').filter(Boolean).map(decodeURIComponent);
  } catch {
    return badRequest('Invalid request URL.', 'BadRequest');
  }
  const [collection, key, navigation, ...rest] = segments;
  if (rest.length > 0 || !['me', 'users', 'groups'].includes(collection ?? '')) {
    return badRequest(`Resource not found for the segment '${segments.at(-1) ?? ''}'.`, 'BadRequest');
  }
  if (method !== 'GET') {
    return graphError(405, 'Request_BadRequest', 'Specified HTTP method is not allowed for the request target.');
  }
  const query = url.searchParams;
  if (collection === 'me') {
    if (!context.caller.userId) return badRequest('/me request is only valid with delegated authentication flow.', 'BadRequest');
    if (key === undefined) return getUser(context, context.caller.userId, query);
    if (key === 'manager' && navigation === undefined) return getManager(context, context.caller.userId, query);
    return badRequest(`Resource not found for the segment '${key}'.`, 'BadRequest');
  }
  if (collection === 'users') {
    if (key === undefined) return listUsers(context, query);
    if (DELTA_SEGMENTS.has(key) && navigation === undefined) return usersDelta(context, query);
    if (navigation === undefined) return getUser(context, key, query);
    if (navigation === 'manager') return getManager(context, key, query);
    return badRequest(`Resource not found for the segment '${navigation}'.`, 'BadRequest');
  }
  if (key === undefined) return listGroups(context, query);
  if (navigation === undefined) return getGroup(context, key, query);
  if (navigation === 'members' || navigation === 'transitiveMembers') return groupMembers(context, key, navigation, query);
  return badRequest(`Resource not found for the segment '${navigation}'.`, 'BadRequest');
}

function templateOf(segments: string[]): string {
  const [collection, key, navigation] = segments;
  if (segments.length > 3 || !['me', 'users', 'groups'].includes(collection ?? '')) return '/(unknown)';
  if (collection === 'me' || key === undefined) return `/${segments.join('/')}`;
  if (DELTA_SEGMENTS.has(key)) return `/${collection}/delta`;
  return `/${collection}/{id}${navigation ? `/${navigation}` : ''}`;
}

type Parsed<T> = { value: T } | { error: GraphResponse };

function parseSelect(query: URLSearchParams): Parsed<string[] | null> {
  const raw = query.get('$select') ?? query.get('select');
  if (raw === null || raw.trim() === '') return { value: null };
  const properties = raw.split(',').map((p) => p.trim()).filter(Boolean);
  const unknown = properties.find((p) => !isUserProperty(p));
  if (unknown) return { error: badRequest(`Could not find a property named '${unknown}' on type 'microsoft.graph.user'.`) };
  return { value: [...new Set(properties)] };
}

function parseTop(query: URLSearchParams): Parsed<number> {
  const raw = query.get('$top') ?? query.get('top');
  if (raw === null) return { value: DEFAULT_PAGE_SIZE };
  const top = Number(raw);
  if (!Number.isInteger(top) || top < 1 || top > MAX_PAGE_SIZE) return { error: badRequest(`Invalid page size specified: '${raw}'. Must be between 1 and ${MAX_PAGE_SIZE} inclusive.`) };
  return { value: top };
}

/** Only `manager` can be expanded here (delta supports it; the stand-in returns the manager's id). */
function parseExpand(query: URLSearchParams): Parsed<boolean> {
  const raw = query.get('$expand') ?? query.get('expand');
  if (raw === null) return { value: false };
  if (/^manager(\(\$select=[A-Za-z,]+\))?$/.test(raw.trim())) return { value: true };
  return { error: badRequest(`The stand-in supports only $expand=manager or manager($select=...), not '${raw}'.`) };
}

function nextCursorToken(context: RouteContext, cursor: number): string {
  return encodePageToken(context.caller.tenantId, context.directory.generation, cursor);
}

function getUser(context: RouteContext, idOrUpn: string, query: URLSearchParams): GraphResponse {
  const select = parseSelect(query);
  if ('error' in select) return select.error;
  if (query.has('$expand')) return badRequest('The stand-in supports $expand on users/delta only.');
  const user = context.directory.lookup(idOrUpn);
  if (!user) return resourceNotFound(idOrUpn);
  return ok({
    '@odata.context': contextUrl(context.versionRoot, 'users', select.value, true),
    ...projectUser(user, select.value, context.returnAllProperties),
  });
}

function getManager(context: RouteContext, idOrUpn: string, query: URLSearchParams): GraphResponse {
  const select = parseSelect(query);
  if ('error' in select) return select.error;
  const user = context.directory.lookup(idOrUpn);
  if (!user) return resourceNotFound(idOrUpn);
  const manager = user.managerId ? context.directory.lookup(user.managerId) : undefined;
  if (!manager) return resourceNotFound('manager');
  return ok({
    '@odata.context': contextUrl(context.versionRoot, 'directoryObjects', select.value, true),
    ...projectDirectoryObject(manager, select.value, context.returnAllProperties),
  });
}

/** One page of users in creation order from `cursor`, keeping those `include` accepts; `next` is null on the last page. */
function pageOf(context: RouteContext, cursor: number, pageSize: number, include: (user: DirectoryUser) => boolean): { users: DirectoryUser[]; next: number | null } {
  const users: DirectoryUser[] = [];
  let next = cursor;
  let more = false;
  for (const { user, next: after } of context.directory.usersFrom(cursor)) {
    if (!include(user)) continue;
    if (users.length === pageSize) {
      more = true;
      break;
    }
    users.push(user);
    next = after;
  }
  return { users, next: more ? next : null };
}

function parseCursor(context: RouteContext, query: URLSearchParams): Parsed<number> {
  const token = query.get('$skiptoken') ?? query.get('$skipToken');
  if (token === null) return { value: 0 };
  const cursor = decodePageToken(token, context.caller.tenantId, context.directory.generation, isCursor);
  return cursor === null ? { error: badRequest('The $skiptoken is not valid.') } : { value: cursor };
}

function pagingQuery(select: string[] | null, top: number, token: string): string {
  return `${select ? `$select=${select.join(',')}&` : ''}$top=${top}&$skiptoken=${token}`;
}

function listUsers(context: RouteContext, query: URLSearchParams): GraphResponse {
  const select = parseSelect(query);
  if ('error' in select) return select.error;
  const top = parseTop(query);
  if ('error' in top) return top.error;
  const cursor = parseCursor(context, query);
  if ('error' in cursor) return cursor.error;
  const page = pageOf(context, cursor.value, top.value, () => true);
  return ok({
    '@odata.context': contextUrl(context.versionRoot, 'users', select.value),
    ...(page.next !== null
      ? { '@odata.nextLink': `${context.versionRoot}/users?${pagingQuery(select.value, top.value, nextCursorToken(context, page.next))}` }
      : {}),
    value: page.users.map((u) => projectUser(u, select.value, context.returnAllProperties)),
  });
}

function membershipRule(rule: GroupRule): string {
  switch (rule.kind) {
    case 'department':
      return `(user.department -eq "${rule.department}")`;
    case 'city':
      return `(user.city -eq "${rule.city}")`;
    case 'managers':
      return '(user.directReports -any (_ -ne null))';
    case 'everyone':
      return '(user.objectId -ne null)';
  }
}

function groupObject(group: DirectoryGroup): Record<string, unknown> {
  const rule = membershipRule(group.rule);
  return {
    id: group.id,
    displayName: group.displayName,
    description: group.description,
    groupTypes: ['DynamicMembership'],
    mailEnabled: false,
    securityEnabled: true,
    membershipRule: rule,
    membershipRuleProcessingState: 'On',
  };
}

const GROUP_PROPERTIES = new Set(['id', 'displayName', 'description', 'groupTypes', 'mailEnabled', 'securityEnabled', 'membershipRule', 'membershipRuleProcessingState']);
/** The query options `GET /groups` takes here; Graph has more ($orderby, $count, $search, $expand), the stand-in refuses them. */
const GROUP_LIST_OPTIONS = new Set(['$filter', '$select', '$top', '$skiptoken', '$skipToken']);
/** `startswith(displayName,'Sal')`, the literal in OData's quoting (a quote doubled). */
const STARTSWITH_DISPLAY_NAME = /^\s*startswith\(\s*displayName\s*,\s*'((?:[^']|'')*)'\s*\)\s*$/i;

function parseGroupSelect(query: URLSearchParams): Parsed<string[] | null> {
  const raw = query.get('$select');
  if (raw === null || raw.trim() === '') return { value: null };
  const properties = raw.split(',').map((p) => p.trim()).filter(Boolean);
  const unknown = properties.find((p) => !GROUP_PROPERTIES.has(p));
  if (unknown) return { error: badRequest(`Could not find a property named '${unknown}' on type 'microsoft.graph.group'.`) };
  return { value: [...new Set(properties)] };
}

/** The display-name prefix of `$filter`, lower-cased (Graph compares case-insensitively), or null without a filter. */
function parseGroupFilter(query: URLSearchParams): Parsed<string | null> {
  const raw = query.get('$filter');
  if (raw === null) return { value: null };
  const match = STARTSWITH_DISPLAY_NAME.exec(raw);
  if (!match) return { error: badRequest(`The stand-in supports only $filter=startswith(displayName,'...') on groups, not '${raw}'.`, 'Request_UnsupportedQuery') };
  return { value: match[1].replace(/''/g, "'").toLowerCase() };
}

function projectGroup(group: DirectoryGroup, select: readonly string[] | null, all: boolean): Record<string, unknown> {
  const full = groupObject(group);
  if (all || select === null) return full;
  return Object.fromEntries([...select, 'id'].map((property) => [property, full[property]]));
}

/** `GET /groups`: every group, or those whose display name starts with the `$filter` prefix; `$select`, `$top` and paging. */
function listGroups(context: RouteContext, query: URLSearchParams): GraphResponse {
  const unsupported = [...new Set(query.keys())].find((name) => name.startsWith('$') && !GROUP_LIST_OPTIONS.has(name));
  if (unsupported) return badRequest(`The stand-in does not support the query option '${unsupported}' on groups.`, 'Request_UnsupportedQuery');
  const filter = parseGroupFilter(query);
  if ('error' in filter) return filter.error;
  const select = parseGroupSelect(query);
  if ('error' in select) return select.error;
  const top = parseTop(query);
  if ('error' in top) return top.error;
  const cursor = parseCursor(context, query);
  if ('error' in cursor) return cursor.error;

  const prefix = filter.value;
  const groups = context.directory.groups();
  const page: DirectoryGroup[] = [];
  let next: number | null = null;
  for (let i = cursor.value; i < groups.length; i++) {
    if (prefix !== null && !groups[i].displayName.toLowerCase().startsWith(prefix)) continue;
    if (page.length === top.value) {
      next = i;
      break;
    }
    page.push(groups[i]);
  }
  const raw = query.get('$filter');
  const filterQuery = raw === null ? '' : `$filter=${encodeURIComponent(raw)}&`;
  return ok({
    '@odata.context': contextUrl(context.versionRoot, 'groups', select.value),
    ...(next !== null ? { '@odata.nextLink': `${context.versionRoot}/groups?${filterQuery}${pagingQuery(select.value, top.value, nextCursorToken(context, next))}` } : {}),
    value: page.map((group) => projectGroup(group, select.value, context.returnAllProperties)),
  });
}

function getGroup(context: RouteContext, id: string, _query: URLSearchParams): GraphResponse {
  const group = context.directory.group(id);
  if (!group) return resourceNotFound(id);
  return ok({ '@odata.context': contextUrl(context.versionRoot, 'groups', null, true), ...groupObject(group) });
}

/** Groups here hold users only and never nest, so `transitiveMembers` equals `members`. */
function groupMembers(context: RouteContext, id: string, navigation: string, query: URLSearchParams): GraphResponse {
  const group = context.directory.group(id);
  if (!group) return resourceNotFound(id);
  const select = parseSelect(query);
  if ('error' in select) return select.error;
  const top = parseTop(query);
  if ('error' in top) return top.error;
  const cursor = parseCursor(context, query);
  if ('error' in cursor) return cursor.error;
  const page = pageOf(context, cursor.value, top.value, (user) => context.directory.isMember(group, user));
  return ok({
    '@odata.context': contextUrl(context.versionRoot, 'directoryObjects', select.value),
    ...(page.next !== null
      ? { '@odata.nextLink': `${context.versionRoot}/groups/${group.id}/${navigation}?${pagingQuery(select.value, top.value, nextCursorToken(context, page.next))}` }
      : {}),
    value: page.users.map((u) => projectDirectoryObject(u, select.value, context.returnAllProperties)),
  });
}

function resyncRequired(): GraphResponse {
  return graphError(410, 'syncStateNotFound', 'The sync state generation is not found. The delta token is expired and data must be synchronized again.');
}

/**
 * `users/delta`: a first round pages through everyone and ends with a `@odata.deltaLink`; a round started
 * from that link reports only what changed since: new and changed users (all selected properties, or only the
 * changed ones with `Prefer: return=minimal`), removed users as `@removed`, and with `$expand=manager` a
 * changed manager as `manager@delta`. Tokens hold a position in the directory's change log, so they stay
 * valid however the directory is edited; garbled, foreign or stale tokens get 410 `syncStateNotFound`.
 */
function usersDelta(context: RouteContext, query: URLSearchParams): GraphResponse {
  const { directory } = context;
  const { tenantId } = context.caller;
  const now = directory.changeSequence;
  let state: DeltaPageState;
  const skipToken = query.get('$skiptoken') ?? query.get('$skipToken');
  const deltaToken = query.get('$deltatoken') ?? query.get('$deltaToken');
  if (skipToken !== null) {
    const decoded = decodePageToken(skipToken, tenantId, directory.generation, isDeltaPageState);
    if (!decoded || (decoded.phase === 'full' ? decoded.snapshot : decoded.to) > now) return resyncRequired();
    state = decoded;
  } else if (deltaToken !== null && deltaToken !== 'latest') {
    const decoded = decodePageToken(deltaToken, tenantId, directory.generation, isDeltaTokenState);
    if (!decoded || decoded.sequence > now) return resyncRequired();
    const { sequence, ...deltaQuery } = decoded;
    state = { ...deltaQuery, phase: 'changes', cursor: 0, from: sequence, to: now };
  } else {
    const select = parseSelect(query);
    if ('error' in select) return select.error;
    const expand = parseExpand(query);
    if ('error' in expand) return expand.error;
    const top = parseTop(query);
    if ('error' in top) return top.error;
    const deltaQuery: DeltaQuery = { select: select.value, expandManager: expand.value, pageSize: top.value };
    if (deltaToken === 'latest') return deltaResponse(context, deltaQuery, [], { done: now });
    state = { ...deltaQuery, phase: 'full', cursor: 0, snapshot: now };
  }

  const deltaQuery: DeltaQuery = { select: state.select, expandManager: state.expandManager, pageSize: state.pageSize };
  if (state.phase === 'full') {
    const page = pageOf(context, state.cursor, state.pageSize, () => true);
    const items = page.users.map((user) => ({
      ...projectUser(user, state.select, context.returnAllProperties),
      ...(state.expandManager && user.managerId ? managerDelta(user.managerId) : {}),
    }));
    return deltaResponse(context, deltaQuery, items, page.next !== null ? { next: { ...state, cursor: page.next } } : { done: state.snapshot });
  }

  const changes = directory.changesBetween(state.from, state.to).filter((c) => isReported(context, state, c));
  const slice = changes.slice(state.cursor, state.cursor + state.pageSize);
  const items = slice.map((change) => deltaItem(context, state, change));
  const nextCursor = state.cursor + slice.length;
  return deltaResponse(context, deltaQuery, items, nextCursor < changes.length ? { next: { ...state, cursor: nextCursor } } : { done: state.to });
}

function deltaResponse(
  context: RouteContext,
  query: DeltaQuery,
  value: unknown[],
  continuation: { next: DeltaPageState } | { done: number },
): GraphResponse {
  const { tenantId } = context.caller;
  const { generation } = context.directory;
  const link =
    'next' in continuation
      ? { '@odata.nextLink': `${context.versionRoot}/users/delta?$skiptoken=${encodePageToken(tenantId, generation, continuation.next)}` }
      : {
          '@odata.deltaLink': `${context.versionRoot}/users/delta?$deltatoken=${encodePageToken<DeltaTokenState>(tenantId, generation, { ...query, sequence: continuation.done })}`,
        };
  return ok({ '@odata.context': contextUrl(context.versionRoot, 'users', query.select), ...link, value });
}

/** Delta reports a change only if it touches what the caller tracks (the selected properties, the manager if expanded). */
function isReported(context: RouteContext, query: DeltaQuery, change: DirectoryChange): boolean {
  if (change.kind === 'removed' || change.isNew) return true;
  if (query.expandManager && change.manager) return true;
  if (context.returnAllProperties) return change.properties.size > 0;
  const tracked = query.select ?? DEFAULT_USER_PROPERTIES;
  return tracked.some((p) => isUserProperty(p) && change.properties.has(p));
}

function deltaItem(context: RouteContext, query: DeltaQuery, change: DirectoryChange): Record<string, unknown> {
  if (change.kind === 'removed') return { id: change.id, '@removed': { reason: change.reason } };
  const { user } = change;
  let body: Record<string, unknown>;
  if (change.isNew || !context.preferMinimal) {
    body = projectUser(user, query.select, context.returnAllProperties);
  } else {
    const tracked = query.select ?? DEFAULT_USER_PROPERTIES;
    body = projectUser(user, tracked.filter((p) => isUserProperty(p) && change.properties.has(p)));
  }
  if (query.expandManager && (change.isNew ? user.managerId : change.manager)) {
    Object.assign(body, user.managerId ? managerDelta(user.managerId) : managerRemoved(change.manager?.previousManagerId ?? null));
  }
  return body;
}

function managerDelta(managerId: string): Record<string, unknown> {
  return { 'manager@delta': [{ '@odata.type': USER_ODATA_TYPE, id: managerId }] };
}

function managerRemoved(previousManagerId: string | null): Record<string, unknown> {
  return { 'manager@delta': previousManagerId ? [{ '@odata.type': USER_ODATA_TYPE, id: previousManagerId, '@removed': { reason: 'deleted' } }] : [] };
}
