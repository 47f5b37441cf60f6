import assert from '../support/assert';
import { test } from '@jest/globals';
import { InteractionRequiredAuthError, type AccountInfo, type IPublicClientApplication } from '@azure/msal-browser';
import { SignInRequiredError } from '../../src/client/identity/accessTokenProvider';
import { DevAccessTokenProvider, DevSessionStore, type DevSession, type KeyValueStorage } from '../../src/client/identity/devSignIn';
import { MsalAccessTokenProvider } from '../../src/client/identity/msalSignIn';

function memoryStorage(): KeyValueStorage & { items: Map<string, string> } {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => {
      items.set(key, value);
    },
    removeItem: (key) => {
      items.delete(key);
    },
  };
}

const NOW = Date.parse('2026-03-01T10:00:00Z');
const session: DevSession = {
  tenantId: 'c0a7b1d2-3e4f-4a5b-8c9d-0e1f2a3b4c5d',
  userId: '0b5e7a52-6f1a-4d8e-9a43-2c1d5e6f7a8b',
  displayName: 'Ada Lovelace',
  expiresAt: '2026-03-01T18:00:00.000Z',
  accessTokens: { lmsApi: 'api-token', graph: 'graph-token' },
};

test('the dev session store keeps a session for the tab and drops it once expired or unreadable', () => {
  const storage = memoryStorage();
  let now = NOW;
  const store = new DevSessionStore(storage, () => now);
  assert.equal(store.load(), null);
  store.save(session);
  assert.deepEqual(store.load(), session);

  now = Date.parse(session.expiresAt);
  assert.equal(store.load(), null, 'expired at expiresAt');
  assert.equal(storage.items.size, 0, 'and removed');

  now = NOW;
  storage.setItem('atrium.devSession', '{"userId":"x"}');
  assert.equal(store.load(), null, 'a broken entry is not a session');
  storage.setItem('atrium.devSession', 'not json');
  assert.equal(store.load(), null);
  assert.equal(storage.items.size, 0);
});

test('the dev token provider hands out the token per audience until it expires, then asks for a sign-in', async () => {
  let now = NOW;
  const tokens = new DevAccessTokenProvider(session, () => now);
  assert.equal(await tokens.getAccessToken('lmsApi'), 'api-token');
  assert.equal(await tokens.getAccessToken('graph'), 'graph-token');
  now = Date.parse(session.expiresAt) + 1;
  await assert.rejects(tokens.getAccessToken('lmsApi'), SignInRequiredError);
});

test('the MSAL token provider asks silently per resource, and redirects when Entra ID needs the person', async () => {
  const account = { homeAccountId: 'h', environment: 'login.microsoftonline.com', tenantId: 't', username: 'ada@contoso.com', localAccountId: 'l' } as AccountInfo;
  const calls: string[] = [];
  let interactionRequired = false;
  const msal = {
    acquireTokenSilent: async (request: { scopes: string[]; account: AccountInfo }) => {
      calls.push(`silent ${request.scopes.join(' ')} as ${request.account.username}`);
      if (interactionRequired) throw new InteractionRequiredAuthError('consent_required', 'AADSTS65001');
      return { accessToken: `token for ${request.scopes[0]}` };
    },
    acquireTokenRedirect: async (request: { scopes: string[] }) => {
      calls.push(`redirect ${request.scopes.join(' ')}`);
    },
  } as unknown as IPublicClientApplication;
  const tokens = new MsalAccessTokenProvider(msal, account, { lmsApi: ['api://atrium-lms/access_as_user'], graph: ['User.Read'] });

  assert.equal(await tokens.getAccessToken('lmsApi'), 'token for api://atrium-lms/access_as_user');
  assert.equal(await tokens.getAccessToken('graph'), 'token for User.Read');
  interactionRequired = true;
  await assert.rejects(tokens.getAccessToken('graph'), SignInRequiredError);
  assert.deepEqual(calls, [
    'silent api://atrium-lms/access_as_user as ada@contoso.com',
    'silent User.Read as ada@contoso.com',
    'silent User.Read as ada@contoso.com',
    'redirect User.Read',
  ]);
});
