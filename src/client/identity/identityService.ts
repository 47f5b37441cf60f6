import { GRAPH_USER_SELECT, type LearnerIdentity } from '../../domain/identityAttributes';
import { SIGN_IN_REQUIRED, SignInRequiredError } from './accessTokenProvider';

/** Who is signed in: the minimum identity set, as Microsoft Graph's `/me` reports it (the manager is not needed here). */
export type SignedInPerson = Omit<LearnerIdentity, 'managerId'>;

/** "Who am I?" for the browser: SPFx's MSGraphClientV3 in web parts, graph-client + MSAL on the standalone page. */
export interface IIdentityService {
  getMe(): Promise<SignedInPerson>;
}

/**
 * The part of a Microsoft Graph client this needs. `@microsoft/microsoft-graph-client`'s `Client` and SPFx's
 * `MSGraphClientV3` (the same library underneath) both fit, so neither adapter imports SPFx.
 */
export interface GraphApiClient {
  api(path: string): GraphApiRequest;
}

export interface GraphApiRequest {
  select(properties: string | string[]): GraphApiRequest;
  get(): Promise<unknown>;
}

export type IdentityErrorCode = 'person-not-found' | 'not-signed-in' | 'graph-unavailable' | 'unexpected-response';

/** Reading the signed-in person failed; `code` says why in a way a component can act on. */
export class IdentityError extends Error {
  readonly code: IdentityErrorCode;
  /** Graph's HTTP status, or 0 when no Graph response arrived. */
  readonly status: number;

  constructor(code: IdentityErrorCode, status: number, message: string) {
    super(message);
    this.name = 'IdentityError';
    this.code = code;
    this.status = status;
    // The SPFx build targets ES5, where subclassing Error loses the prototype (and instanceof) without this.
    Object.setPrototypeOf(this, IdentityError.prototype);
  }
}

/** `GraphError` of the Graph library (also what MSGraphClientV3 rejects with), matched by shape. */
function graphStatusOf(cause: unknown): { status: number; code: string } | undefined {
  if (typeof cause !== 'object' || cause === null) return undefined;
  const { statusCode, code } = cause as { statusCode?: unknown; code?: unknown };
  if (typeof statusCode !== 'number') return undefined;
  return { status: statusCode, code: typeof code === 'string' ? code : '' };
}

function identityErrorFrom(cause: unknown): IdentityError {
  if (cause instanceof IdentityError) return cause;
  const graph = graphStatusOf(cause);
  // The Graph library wraps what a middleware throws (here: the token provider) in a GraphError named after it.
  if (cause instanceof SignInRequiredError || (graph && graph.code === SIGN_IN_REQUIRED)) {
    return new IdentityError('not-signed-in', 0, cause instanceof Error ? cause.message : 'Sign in again.');
  }
  if (graph && graph.status === 404) {
    return new IdentityError(
      'person-not-found',
      404,
      'Microsoft Graph has no user for the signed-in account: it may have been deleted from the directory, or the token is for another tenant.',
    );
  }
  if (graph && (graph.status === 401 || graph.status === 403)) {
    return new IdentityError('not-signed-in', graph.status, `Microsoft Graph refused the sign-in (${graph.status}${graph.code ? ` ${graph.code}` : ''}).`);
  }
  const detail = cause instanceof Error && cause.message ? `: ${cause.message}` : '';
  return new IdentityError('graph-unavailable', graph && graph.status > 0 ? graph.status : 0, `Microsoft Graph could not be reached${detail}`);
}

/** The minimum set out of a Graph user, whatever else it carries; null when it is not a user. */
function toSignedInPerson(body: unknown): SignedInPerson | null {
  if (typeof body !== 'object' || body === null) return null;
  const user = body as Record<string, unknown>;
  if (typeof user.id !== 'string' || user.id === '') return null;
  const text = (property: Exclude<keyof SignedInPerson, 'id'>): string | null => {
    const value = user[property];
    return typeof value === 'string' ? value : null;
  };
  return {
    id: user.id,
    userPrincipalName: text('userPrincipalName'),
    displayName: text('displayName'),
    mail: text('mail'),
    department: text('department'),
    jobTitle: text('jobTitle'),
    officeLocation: text('officeLocation'),
    country: text('country'),
    city: text('city'),
  };
}

/** `GET /me?$select=<minimum set>`, parsed down to the minimum set whatever else Graph sends. */
export async function readSignedInPerson(graph: GraphApiClient): Promise<SignedInPerson> {
  let body: unknown;
  try {
    body = await graph.api('/me').select([...GRAPH_USER_SELECT]).get();
  } catch (cause) {
    throw identityErrorFrom(cause);
  }
  const person = toSignedInPerson(body);
  if (!person) throw new IdentityError('unexpected-response', 200, 'Microsoft Graph answered /me with something that is not a user.');
  return person;
}
