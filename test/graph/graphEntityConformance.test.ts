import assert from '../support/assert';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, it } from '@jest/globals';
import { DIRECTORY_USER_PROPERTIES } from '../../src/server/devstack/directory/directoryGenerator';
import type { Directory } from '../../src/server/devstack/graphStandIn/directory';
import type { GraphStandIn } from '../../src/server/devstack/graphStandIn/graphStandIn';
import { allPages, graphGet, graphPost, startTwoTenantStandIn, TENANT_A } from './graphStandInFixture';

/** Microsoft's own Graph v1.0 metadata: the entity types user, directoryObject and entity (see the fixture's README). */
const REFERENCE = path.resolve(__dirname, '../fixtures/graph/graph-v1.0-user-entities.json');

interface PropertyType {
  type: string;
  nullable: string;
}
interface EntityType {
  baseType: string | null;
  properties: Record<string, PropertyType>;
  navigationProperties: Record<string, string>;
}
interface Reference {
  entityTypes: Record<string, EntityType>;
  enumTypes: Record<string, unknown>;
}

const reference = JSON.parse(fs.readFileSync(REFERENCE, 'utf8')) as Reference;

/** The type's own properties and those of its base types (user → directoryObject → entity). */
function flatten(typeName: string): { properties: Map<string, PropertyType>; navigation: Set<string> } {
  const properties = new Map<string, PropertyType>();
  const navigation = new Set<string>();
  for (let name: string | null = typeName; name; ) {
    const entity: EntityType | undefined = reference.entityTypes[name];
    assert.ok(entity, `entity type ${name} is in the reference`);
    for (const [property, type] of Object.entries(entity.properties)) if (!properties.has(property)) properties.set(property, type);
    for (const property of Object.keys(entity.navigationProperties)) navigation.add(property);
    name = entity.baseType?.replace(/^graph\./, '') ?? null;
  }
  return { properties, navigation };
}

const USER = flatten('user');
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/** Why `value` does not fit the OData type, or null when it does. */
function typeProblem(type: string, nullable: boolean, value: unknown): string | null {
  if (value === null) return nullable ? null : 'null in a non-nullable property';
  const collection = /^Collection\((.+)\)$/.exec(type);
  if (collection) {
    if (!Array.isArray(value)) return `expected an array for ${type}`;
    for (const element of value) {
      const problem = typeProblem(collection[1], false, element);
      if (problem) return `element: ${problem}`;
    }
    return null;
  }
  switch (type) {
    case 'Edm.String':
      return typeof value === 'string' ? null : `expected a string, got ${typeof value}`;
    case 'Edm.Boolean':
      return typeof value === 'boolean' ? null : `expected a boolean, got ${typeof value}`;
    case 'Edm.Int16':
    case 'Edm.Int32':
    case 'Edm.Int64':
    case 'Edm.Byte':
      return Number.isInteger(value) ? null : 'expected an integer';
    case 'Edm.Double':
    case 'Edm.Single':
    case 'Edm.Decimal':
      return typeof value === 'number' ? null : 'expected a number';
    case 'Edm.DateTimeOffset':
      return typeof value === 'string' && ISO_DATE_TIME.test(value) && !Number.isNaN(Date.parse(value)) ? null : `expected an ISO 8601 date-time, got ${String(value)}`;
    case 'Edm.Date':
      return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? null : 'expected a date';
    case 'Edm.Guid':
      return typeof value === 'string' && /^[0-9a-f-]{36}$/i.test(value) ? null : 'expected a GUID';
    default: {
      const name = type.replace(/^graph\./, '');
      if (name in reference.enumTypes) return typeof value === 'string' ? null : 'expected an enum member name';
      return typeof value === 'object' && !Array.isArray(value) ? null : `expected an object of ${type}`;
    }
  }
}

/** Every problem of one object the stand-in answered as a `user` (or a user as `directoryObject`). */
function userProblems(object: Record<string, unknown>): string[] {
  const problems: string[] = [];
  for (const [key, value] of Object.entries(object)) {
    if (key.startsWith('@')) {
      if (key === '@odata.type' && value !== '#microsoft.graph.user') problems.push(`@odata.type ${String(value)}`);
      if (key === '@removed' && !['changed', 'deleted'].includes((value as { reason?: string })?.reason ?? '')) problems.push('@removed without a reason');
      continue;
    }
    const annotated = /^(\w+)@delta$/.exec(key);
    if (annotated) {
      if (!USER.navigation.has(annotated[1])) problems.push(`${key}: ${annotated[1]} is not a navigation property of user`);
      else if (!Array.isArray(value)) problems.push(`${key}: expected an array`);
      else for (const linked of value as Array<Record<string, unknown>>) problems.push(...userProblems(linked).map((p) => `${key}: ${p}`));
      continue;
    }
    const property = USER.properties.get(key);
    if (!property) {
      problems.push(`${key} is not a property of microsoft.graph.user`);
      continue;
    }
    const problem = typeProblem(property.type, property.nullable !== 'false', value);
    if (problem) problems.push(`${key} (${property.type}): ${problem}`);
  }
  return problems;
}

describe('stand-in users match Microsoft Graph v1.0 metadata', () => {
  let standIn: GraphStandIn;
  let directory: Directory;
  const seen: Array<{ where: string; object: Record<string, unknown> }> = [];
  const collect = (where: string, objects: Array<Record<string, unknown>>) => objects.forEach((object) => seen.push({ where, object }));
  const everything = DIRECTORY_USER_PROPERTIES.join(',');

  beforeAll(async () => {
    ({ standIn, a: directory } = await startTwoTenantStandIn(40, 5));
    const ids = directory.ids();
    const entity = async (where: string, path: string, token?: string) => {
      const { status, body } = await graphGet(standIn, path, token);
      assert.equal(status, 200, `${where}: ${JSON.stringify(body)}`);
      collect(where, [body]);
    };
    await entity('user, default properties', `/users/${ids[5]}`);
    await entity('user, every property', `/users/${ids[5]}?$select=${everything}`);
    await entity('me', `/me?$select=${everything}`, `tenant:${TENANT_A};user:${ids[6]}`);
    await entity('manager, default properties', `/users/${ids[7]}/manager`);
    await entity('manager, every property', `/users/${ids[7]}/manager?$select=${everything}`);
    collect('users list', (await allPages(standIn, `/users?$select=${everything}&$top=15`)).items);
    collect('users list, default properties', (await allPages(standIn, '/users?$top=15')).items);

    const groups = (await graphGet(standIn, '/groups')).body.value as Array<{ id: string }>;
    collect('group members', (await allPages(standIn, `/groups/${groups[1].id}/members?$select=${everything}`)).items);
    collect('group members, default properties', (await allPages(standIn, `/groups/${groups[0].id}/transitiveMembers`)).items);

    const fullRound = await allPages(standIn, `/users/delta?$select=${everything}&$expand=manager($select=id)&$top=15`);
    collect('delta, first round', fullRound.items);
    const defaultRound = await allPages(standIn, '/users/delta?$expand=manager');
    collect('delta, default properties', defaultRound.items);
    directory.hire({ givenName: 'Grace', surname: 'Hopper', department: 'IT', officeLocation: 'New York Hudson Yards', managerId: ids[1] });
    directory.update(ids[10], { department: 'Finance', jobTitle: 'Accountant', officeLocation: 'Paris Opéra', city: 'Paris', country: 'France' });
    directory.update(ids[11], { managerId: ids[0] });
    directory.remove(ids[12]);
    directory.remove(ids[13], { permanently: true });
    const changes = await allPages(standIn, fullRound.last['@odata.deltaLink']);
    assert.ok(changes.items.length >= 5);
    collect('delta, changes', changes.items);
    collect('delta, changes, minimal', (await allPages(standIn, defaultRound.last['@odata.deltaLink'], undefined, { Prefer: 'return=minimal' })).items);

    const batch = await graphPost(standIn, '/$batch', {
      requests: [
        { id: '1', method: 'GET', url: `/users/${ids[3]}?$select=${everything}` },
        { id: '2', method: 'GET', url: `/users/${ids[3]}/manager` },
      ],
    });
    collect('batch items', batch.body.responses.map((r: { body: Record<string, unknown> }) => r.body));

    standIn.setReturnAllProperties(true);
    await entity('user, careless Graph', `/users/${ids[8]}?$select=id`);
    standIn.setReturnAllProperties(false);
  });
  afterAll(() => standIn.close());

  it('uses only property names of microsoft.graph.user (and its base types) with their JSON types', () => {
    assert.ok(seen.length > 150);
    const problems = seen.flatMap(({ where, object }) => userProblems(object).map((p) => `${where} ${String(object.id)}: ${p}`));
    assert.deepEqual(problems, []);
  });

  it('serves every attribute a generated person has, so the check covers all of them', () => {
    const keysSeen = new Set(seen.flatMap(({ object }) => Object.keys(object)));
    assert.deepEqual(DIRECTORY_USER_PROPERTIES.filter((p) => !keysSeen.has(p)), []);
    assert.ok(keysSeen.has('manager@delta') && keysSeen.has('@removed') && keysSeen.has('@odata.type'));
  });

  it('would notice a wrong name or a wrong type', () => {
    assert.equal(userProblems({ id: 'x', shoeSize: 44 }).length, 1);
    assert.equal(userProblems({ accountEnabled: 'yes' }).length, 1);
    assert.equal(userProblems({ businessPhones: '+47 22 00 00 00' }).length, 1);
    assert.equal(userProblems({ createdDateTime: 'yesterday' }).length, 1);
    assert.equal(userProblems({ id: null }).length, 1, 'id is not nullable');
    assert.equal(userProblems({ 'directReports@delta': [] }).length, 0);
    assert.equal(userProblems({ 'colleagues@delta': [] }).length, 1);
  });
});
