import assert from '../support/assert';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, test } from '@jest/globals';
import { SignInRequiredError } from '../../src/client/identity/accessTokenProvider';
import { GraphClientIdentityService } from '../../src/client/identity/graphClientIdentityService';
import { IdentityError } from '../../src/client/identity/identityService';
import { MsGraphClientV3IdentityService } from '../../src/client/identity/msGraphClientV3IdentityService';
import { GRAPH_USER_SELECT } from '../../src/domain/identity';
import { loadOrCreateDevIssuer, type DevIssuer } from '../../src/server/auth/devIssuer';
import { GRAPH_AUDIENCE, startLocalGraph, type LocalGraph } from '../../src/server/devstack/localGraph';
import { createGraphClient } from '../../src/server/graph/graphClient';
import type { Directory } from '../../src/server/devstack/graphStandIn/directory';

const tenantId = randomUUID();
let dataDir: string;
let issuer: DevIssuer;
let graph: LocalGraph;
let directory: Directory;

/** The browser's view: the identity service with a delegated Graph token for `userId`, as MSAL or the dev sign-in gives it. */
function identityFor(userId: string, audience = GRAPH_AUDIENCE): GraphClientIdentityService {
  return new GraphClientIdentityService({
    baseUrl: graph.standIn.url,
    authProvider: { getAccessToken: () => issuer.issueToken({ tenantId, userId, audience }) },
  });
}

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'atrium-identity-'));
  issuer = await loadOrCreateDevIssuer(dataDir);
  graph = await startLocalGraph(issuer, [{ tenantId, seed: 'identity-test', size: 40 }]);
  directory = graph.standIn.directory(tenantId);
});

afterAll(async () => {
  await graph.standIn.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

test('getMe returns the signed-in person: the minimum identity set from /me with $select', async () => {
  const person = directory.user(directory.ids()[7])!;
  graph.standIn.resetStats();
  const me = await identityFor(person.id).getMe();
  assert.deepEqual(me, {
    id: person.id,
    userPrincipalName: person.userPrincipalName,
    displayName: person.displayName,
    mail: person.mail,
    department: person.department,
    jobTitle: person.jobTitle,
    officeLocation: person.officeLocation,
    country: person.country,
    city: person.city,
  });
  assert.deepEqual(graph.standIn.stats().byEndpoint, { 'GET /me': 1 }, 'one Graph call, to /me');
});

test('whatever else Graph sends, only the minimum set comes back', async () => {
  const person = directory.user(directory.ids()[3])!;
  graph.standIn.setReturnAllProperties(true);
  try {
    const me = await identityFor(person.id).getMe();
    assert.deepEqual(Object.keys(me).sort(), [...GRAPH_USER_SELECT].sort());
  } finally {
    graph.standIn.setReturnAllProperties(false);
  }
});

test('a person missing from the directory gets a clear person-not-found error', async () => {
  const leaver = directory.ids()[11];
  directory.remove(leaver);
  for (const userId of [leaver, randomUUID()]) {
    await assert.rejects(identityFor(userId).getMe(), (error: unknown) => {
      assert.ok(error instanceof IdentityError);
      assert.equal(error.code, 'person-not-found');
      assert.equal(error.status, 404);
      assert.match(error.message, /Microsoft Graph has no user for the signed-in account/);
      return true;
    });
  }
});

test('a token Graph refuses, or no token at all, reads as not signed in', async () => {
  const person = directory.ids()[1];
  await assert.rejects(identityFor(person, 'api://atrium-lms').getMe(), (error: unknown) => {
    assert.ok(error instanceof IdentityError);
    assert.equal(error.code, 'not-signed-in');
    assert.equal(error.status, 401);
    return true;
  });
  const signedOut = new GraphClientIdentityService({
    baseUrl: graph.standIn.url,
    authProvider: { getAccessToken: () => Promise.reject(new SignInRequiredError('Sign in again.')) },
  });
  await assert.rejects(signedOut.getMe(), (error: unknown) => error instanceof IdentityError && error.code === 'not-signed-in' && error.status === 0);
});

test('throttling is retried by the Graph client and the person still comes back', async () => {
  const person = directory.user(directory.ids()[2])!;
  graph.standIn.resetStats();
  graph.standIn.throttleNext(1, { status: 429, retryAfterSeconds: 1 });
  assert.equal((await identityFor(person.id).getMe()).id, person.id);
  assert.equal(graph.standIn.stats().throttled, 1);
});

test('an unreachable Graph reads as graph-unavailable', async () => {
  const closed = new GraphClientIdentityService({ baseUrl: 'http://127.0.0.1:9/', authProvider: { getAccessToken: async () => 'token' } });
  await assert.rejects(closed.getMe(), (error: unknown) => error instanceof IdentityError && error.code === 'graph-unavailable');
});

test('MsGraphClientV3IdentityService reads /me through any graph-client v3 Client (what MSGraphClientV3 wraps)', async () => {
  const person = directory.user(directory.ids()[5])!;
  // SPFx's MSGraphClientV3 is this library's Client with SharePoint's token provider; here the service's Client stands in.
  const client = createGraphClient({
    baseUrl: graph.standIn.url,
    authProvider: { getAccessToken: () => issuer.issueToken({ tenantId, userId: person.id, audience: GRAPH_AUDIENCE }) },
  });
  const me = await new MsGraphClientV3IdentityService(client).getMe();
  assert.equal(me.id, person.id);
  assert.equal(me.displayName, person.displayName);
});
