import { randomUUID } from 'node:crypto';
import { DIRECTORY_USER_PROPERTIES, type DirectoryUser, type DirectoryUserProperty } from '../directory/directoryGenerator';

/** What one Graph call answers; the same shape serves plain HTTP and `$batch` items. */
export interface GraphResponse {
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

/** The properties Graph v1.0 returns for a user when no `$select` is given. */
export const DEFAULT_USER_PROPERTIES: readonly DirectoryUserProperty[] = [
  'businessPhones', 'displayName', 'givenName', 'jobTitle', 'mail', 'mobilePhone',
  'officeLocation', 'preferredLanguage', 'surname', 'userPrincipalName', 'id',
];

export const USER_ODATA_TYPE = '#microsoft.graph.user';

const KNOWN_PROPERTIES = new Set<string>(DIRECTORY_USER_PROPERTIES);

export function isUserProperty(name: string): name is DirectoryUserProperty {
  return KNOWN_PROPERTIES.has(name);
}

/** Only the selected properties, plus `id`; Graph's default set without `$select`; everything when `all`. */
export function projectUser(user: DirectoryUser, select: readonly string[] | null, all = false): Record<string, unknown> {
  const properties = all ? DIRECTORY_USER_PROPERTIES : (select ?? DEFAULT_USER_PROPERTIES);
  const out: Record<string, unknown> = {};
  for (const property of properties) {
    if (isUserProperty(property)) out[property] = structuredCloneIfArray(user[property]);
  }
  out.id = user.id;
  return out;
}

function structuredCloneIfArray(value: unknown): unknown {
  return Array.isArray(value) ? [...value] : value;
}

/** A user as a `directoryObject` (manager, group members): annotated with its concrete type. */
export function projectDirectoryObject(user: DirectoryUser, select: readonly string[] | null, all = false): Record<string, unknown> {
  return { '@odata.type': USER_ODATA_TYPE, ...projectUser(user, select, all) };
}

/** `https://host/v1.0/$metadata#users(displayName,mail)/$entity` */
export function contextUrl(versionRoot: string, entitySet: string, select: readonly string[] | null, entity = false): string {
  return `${versionRoot}/$metadata#${entitySet}${select ? `(${select.join(',')})` : ''}${entity ? '/$entity' : ''}`;
}

export function ok(body: unknown): GraphResponse {
  return { status: 200, headers: { 'Content-Type': 'application/json' }, body };
}

/** Graph's error body: `{ error: { code, message, innerError: { date, request-id, client-request-id } } }`. */
export function graphError(status: number, code: string, message: string, headers: Record<string, string> = {}): GraphResponse {
  const requestId = randomUUID();
  return {
    status,
    headers: { 'Content-Type': 'application/json', ...headers },
    body: {
      error: {
        code,
        message,
        innerError: { date: new Date().toISOString().replace(/\.\d{3}Z$/, ''), 'request-id': requestId, 'client-request-id': requestId },
      },
    },
  };
}

export function resourceNotFound(id: string): GraphResponse {
  return graphError(404, 'Request_ResourceNotFound', `Resource '${id}' does not exist or one of its queried reference-property objects are not present.`);
}

export function badRequest(message: string, code = 'Request_BadRequest'): GraphResponse {
  return graphError(400, code, message);
}
