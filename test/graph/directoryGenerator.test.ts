import assert from '../support/assert';
import { describe, it } from '@jest/globals';
import { generateDirectoryUsers, mailLocalPart, type DirectoryUser } from '../../src/server/devstack/directory/directoryGenerator';
import { CHIEF_EXECUTIVE_TITLE, DEPARTMENTS, EXECUTIVE_DEPARTMENT, OFFICES } from '../../src/server/devstack/directory/organisationData';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const generate = (seed: string, size: number) => [...generateDirectoryUsers({ seed, size, domain: 'contoso.com' })];

describe('directory generator', () => {
  const people = generate('acme', 2000);
  const byId = new Map(people.map((p) => [p.id, p]));

  it('is deterministic: the same seed gives the same people, another seed other people', () => {
    assert.deepEqual(generate('acme', 2000), people);
    const other = generate('globex', 2000);
    assert.equal(other.filter((p) => byId.has(p.id)).length, 0);
    assert.notDeepEqual(other.map((p) => p.displayName), people.map((p) => p.displayName));
  });

  it('gives the requested number of people with unique GUID ids and unique first.last sign-in names', () => {
    assert.equal(people.length, 2000);
    assert.equal(byId.size, 2000);
    assert.ok(people.every((p) => GUID.test(p.id)));
    assert.equal(new Set(people.map((p) => p.userPrincipalName)).size, 2000);
    for (const p of people) {
      assert.match(p.userPrincipalName, /^[a-z0-9-]+\.[a-z0-9-]+\d*@contoso\.com$/);
      assert.ok(p.userPrincipalName.startsWith(mailLocalPart(p.givenName!, p.surname!)), p.userPrincipalName);
      assert.ok(p.mail === null || p.mail === p.userPrincipalName);
      assert.equal(p.displayName, `${p.givenName} ${p.surname}`);
    }
  });

  it('builds one tree: a single root (the CEO), every manager exists, no cycles', () => {
    const roots = people.filter((p) => p.managerId === null);
    assert.deepEqual(roots.map((p) => p.jobTitle), [CHIEF_EXECUTIVE_TITLE]);
    for (const person of people) {
      const seen = new Set<string>();
      let current: DirectoryUser | undefined = person;
      while (current.managerId !== null) {
        assert.ok(!seen.has(current.id), `cycle through ${current.id}`);
        seen.add(current.id);
        current = byId.get(current.managerId);
        assert.ok(current, `manager of ${person.id} missing`);
      }
      assert.equal(current, roots[0]);
      assert.ok(seen.size <= 9, `${person.displayName} is ${seen.size} levels deep`);
    }
  });

  it('keeps spans of control between 3 and 10 (one short team per department at most)', () => {
    const reports = new Map<string, DirectoryUser[]>();
    for (const p of people) if (p.managerId) reports.set(p.managerId, [...(reports.get(p.managerId) ?? []), p]);
    assert.ok(reports.size > 150, 'a 2,000-person company has a few hundred managers');
    const shortTeams = new Map<string, number>();
    for (const [managerId, team] of reports) {
      assert.ok(team.length <= 10, `span ${team.length}`);
      if (team.length < 3) {
        const department = byId.get(managerId)!.department!;
        shortTeams.set(department, (shortTeams.get(department) ?? 0) + 1);
      }
    }
    assert.ok([...shortTeams.values()].every((n) => n === 1));
  });

  it('has realistic departments, with titles that fit the department and the level', () => {
    const departments = new Map(DEPARTMENTS.map((d) => [d.name, d]));
    const ceo = people.find((p) => p.managerId === null)!;
    assert.equal(ceo.department, EXECUTIVE_DEPARTMENT);
    const heads = people.filter((p) => p.managerId === ceo.id);
    assert.deepEqual(heads.map((h) => h.department).sort(), [...departments.keys()].sort());
    for (const head of heads) assert.equal(head.jobTitle, departments.get(head.department!)!.headTitle);

    const managerIds = new Set(people.map((p) => p.managerId));
    for (const p of people) {
      if (p === ceo || heads.includes(p)) continue;
      const manager = byId.get(p.managerId!)!;
      assert.equal(p.department, manager.department, 'teams stay within their department');
      const department = departments.get(p.department!)!;
      if (managerIds.has(p.id)) {
        assert.ok([department.directorTitle, department.managerTitle].includes(p.jobTitle!), p.jobTitle!);
      } else {
        assert.ok(department.individualTitles.includes(p.jobTitle!.replace(/^Senior /, '')), p.jobTitle!);
      }
    }
    const sizes = new Map<string, number>();
    for (const p of people) sizes.set(p.department!, (sizes.get(p.department!) ?? 0) + 1);
    assert.ok(sizes.get('Engineering')! > sizes.get('Legal')! * 4, 'departments differ in size as real ones do');
  });

  it('places people in real offices, with the city and country of the office', () => {
    const offices = new Map(OFFICES.map((o) => [o.officeLocation, o]));
    for (const p of people) {
      const office = offices.get(p.officeLocation!);
      assert.ok(office, p.officeLocation!);
      assert.equal(p.city, office.city);
      assert.equal(p.country, office.country);
      assert.equal(p.usageLocation, office.countryCode);
    }
    assert.ok(new Set(people.map((p) => p.city)).size >= 10);
    assert.deepEqual(
      [...new Set(people.map((p) => `${p.city}/${p.country}`))].filter((c) => ['Oslo/Norway', 'Tokyo/Japan', 'Seattle/United States'].includes(c)).sort(),
      ['Oslo/Norway', 'Seattle/United States', 'Tokyo/Japan'],
    );
  });

  it('also carries the attributes a real directory has beyond the minimum set', () => {
    for (const p of people.slice(0, 200)) {
      assert.equal(typeof p.givenName, 'string');
      assert.equal(typeof p.surname, 'string');
      assert.ok(Array.isArray(p.businessPhones) && p.businessPhones.length === 1);
      assert.equal(typeof p.accountEnabled, 'boolean');
      assert.match(p.employeeId!, /^E\d{6}$/);
      assert.match(p.createdDateTime, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
      assert.match(p.preferredLanguage!, /^[a-z]{2}-[A-Z]{2}$/);
    }
    assert.ok(people.some((p) => p.mobilePhone !== null) && people.some((p) => p.mobilePhone === null));
  });

  it('is lazy: the first people of a million-person directory come without generating the rest', () => {
    const iterator = generateDirectoryUsers({ seed: 'huge', size: 1_000_000 });
    const first = [iterator.next().value, iterator.next().value] as DirectoryUser[];
    iterator.return(undefined);
    assert.equal(first[0].jobTitle, CHIEF_EXECUTIVE_TITLE);
    assert.equal(first[1].managerId, first[0].id);
  });

  it('handles tiny directories and refuses nonsense sizes', () => {
    assert.equal(generate('tiny', 1).length, 1);
    const five = generate('tiny', 5);
    assert.equal(five.filter((p) => p.managerId === five[0].id).length, 4);
    assert.throws(() => generate('bad', 0), RangeError);
    assert.throws(() => generate('bad', 2.5), RangeError);
  });
});
