import { type IAccessTokenProvider, SignInRequiredError, type TokenAudience } from './accessTokenProvider';

/** The dev-only endpoint of a local Atrium service (it does not exist when the service runs with Entra ID). */
export const DEV_SIGN_IN_PATH = '/dev/sign-in';

/** Someone the local demo lets you sign in as. */
export interface DemoPerson {
  id: string;
  displayName: string;
  jobTitle: string | null;
  /** What they do in the demo, e.g. "Learner" or "Training manager". */
  role: string;
  /** App roles their tokens carry, e.g. `Catalog.Manage`. */
  roles: string[];
}

export interface DevSignInOffer {
  tenantId: string;
  tenantName: string;
  people: DemoPerson[];
}

/** What a dev sign-in gives: tokens of Entra's shape for the LMS API and for (the stand-in of) Microsoft Graph. */
export interface DevSession {
  tenantId: string;
  userId: string;
  displayName: string;
  /** ISO date-time; both tokens expire then. */
  expiresAt: string;
  accessTokens: Record<TokenAudience, string>;
}

type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

/** The body of a successful answer, or an Error with the service's own message. */
async function readAnswer<T>(response: Response): Promise<T> {
  const text = await response.text();
  if (response.ok) return JSON.parse(text) as T;
  let message = `The local sign-in answered ${response.status}.`;
  try {
    const body = JSON.parse(text) as { error?: { message?: unknown } };
    if (body.error && typeof body.error.message === 'string') message = body.error.message;
  } catch {
    // Not JSON: keep the status line.
  }
  throw new Error(message);
}

/** Talks to `/dev/sign-in`: who can sign in, and tokens for one of them. */
export class DevSignInClient {
  private readonly url: string;
  private readonly fetchImpl: FetchLike;

  constructor(options: { baseUrl: string; fetch?: FetchLike }) {
    this.url = options.baseUrl.replace(/\/+$/, '') + DEV_SIGN_IN_PATH;
    this.fetchImpl = options.fetch ?? ((url, init) => fetch(url, init));
  }

  async listPeople(): Promise<DevSignInOffer> {
    const response = await this.fetchImpl(this.url, { method: 'GET', headers: { Accept: 'application/json' } });
    if (response.status === 404) {
      throw new Error('this Atrium service offers no demo sign-in. `npm start` offers one when it seeds the demo tenant (ATRIUM_SEED_DEMO=true).');
    }
    return readAnswer<DevSignInOffer>(response);
  }

  async signIn(userId: string): Promise<DevSession> {
    const response = await this.fetchImpl(this.url, {
      method: 'POST',
      headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
      body: JSON.stringify({ userId }),
    });
    return readAnswer<DevSession>(response);
  }
}

/** The part of the Web Storage API used, so tests pass a Map-backed fake. */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

const SESSION_KEY = 'atrium.devSession';

function isDevSession(value: unknown): value is DevSession {
  if (typeof value !== 'object' || value === null) return false;
  const session = value as Partial<DevSession>;
  return (
    typeof session.tenantId === 'string' &&
    typeof session.userId === 'string' &&
    typeof session.displayName === 'string' &&
    typeof session.expiresAt === 'string' &&
    typeof session.accessTokens === 'object' &&
    session.accessTokens !== null &&
    typeof session.accessTokens.lmsApi === 'string' &&
    typeof session.accessTokens.graph === 'string'
  );
}

/** Keeps the dev session in the tab's sessionStorage: gone when the tab closes, never shared with other tabs. */
export class DevSessionStore {
  private readonly storage: KeyValueStorage;
  private readonly now: () => number;

  constructor(storage: KeyValueStorage, now: () => number = () => Date.now()) {
    this.storage = storage;
    this.now = now;
  }

  /** The stored session, or null when there is none, it is unreadable, or it has expired (then it is removed). */
  load(): DevSession | null {
    const text = this.storage.getItem(SESSION_KEY);
    if (text === null) return null;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      value = undefined;
    }
    if (!isDevSession(value) || !(Date.parse(value.expiresAt) > this.now())) {
      this.clear();
      return null;
    }
    return value;
  }

  save(session: DevSession): void {
    this.storage.setItem(SESSION_KEY, JSON.stringify(session));
  }

  clear(): void {
    this.storage.removeItem(SESSION_KEY);
  }
}

/** IAccessTokenProvider for local runs: the tokens of a dev sign-in, until they expire. */
export class DevAccessTokenProvider implements IAccessTokenProvider {
  private readonly session: DevSession;
  private readonly now: () => number;

  constructor(session: DevSession, now: () => number = () => Date.now()) {
    this.session = session;
    this.now = now;
  }

  getAccessToken(audience: TokenAudience): Promise<string> {
    if (!(Date.parse(this.session.expiresAt) > this.now())) {
      return Promise.reject(new SignInRequiredError('Your local demo sign-in has expired. Sign in again.'));
    }
    return Promise.resolve(this.session.accessTokens[audience]);
  }
}
