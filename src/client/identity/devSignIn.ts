import { z } from 'zod';
import { devSessionSchema, devSignInOfferSchema, type DemoPerson, type DevSession, type DevSignInOffer } from '../../domain/devSignIn';
import { type IAccessTokenProvider, SignInRequiredError, type TokenAudience } from './accessTokenProvider';

/** The dev-only endpoint of a local Atrium service (it does not exist when the service runs with Entra ID). */
export const DEV_SIGN_IN_PATH = '/dev/sign-in';

export type { DemoPerson, DevSession, DevSignInOffer };

type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

const errorMessageSchema = z.object({ error: z.object({ message: z.string() }) });

/** The body of a successful answer, checked against its schema, or an Error with the service's own message. */
async function readAnswer<S extends z.ZodTypeAny>(response: Response, schema: S): Promise<z.output<S>> {
  const text = await response.text();
  const body = parseJson(text);
  if (response.ok) {
    const parsed = schema.safeParse(body);
    if (parsed.success) return parsed.data;
    throw new Error(`The local sign-in answered ${response.status} with a body this page does not understand.`);
  }
  const error = errorMessageSchema.safeParse(body);
  throw new Error(error.success ? error.data.error.message : `The local sign-in answered ${response.status}.`);
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
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
    return readAnswer(response, devSignInOfferSchema);
  }

  async signIn(userId: string): Promise<DevSession> {
    const response = await this.fetchImpl(this.url, {
      method: 'POST',
      headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
      body: JSON.stringify({ userId }),
    });
    return readAnswer(response, devSessionSchema);
  }
}

/** The part of the Web Storage API used, so tests pass a Map-backed fake. */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

const SESSION_KEY = 'atrium.devSession';

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
    const session = devSessionSchema.safeParse(parseJson(text));
    if (!session.success || !(Date.parse(session.data.expiresAt) > this.now())) {
      this.clear();
      return null;
    }
    return session.data;
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
