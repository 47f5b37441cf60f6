import { DEPARTMENTS, OFFICES } from '../src/server/devstack/directory/organisationData';
import { SeededRandom } from '../src/server/devstack/directory/seededRandom';
import type { Directory } from '../src/server/devstack/graphStandIn/directory';

/** The department the benchmark's assignment rule targets: some changes move people into and out of it. */
export const RULE_DEPARTMENT = 'Finance';

export interface DirectoryChangeSummary {
  hires: number;
  /** Of which into the rule's department. */
  hiresIntoRuleDepartment: number;
  departmentMoves: number;
  movesIntoRuleDepartment: number;
  movesOutOfRuleDepartment: number;
  managerChanges: number;
  deletions: number;
  /** Deleted people who were in the rule's department (their assignment is marked unmatched). */
  deletionsFromRuleDepartment: number;
  /** What the next delta sync must report: hires, moves and manager changes are distinct people. */
  expected: { changed: number; inserted: number; departed: number };
}

const GIVEN_NAMES = ['Ada', 'Bjørn', 'Chloé', 'Daan', 'Emi', 'Farid', 'Grace', 'Håkon', 'Inès', 'Jonas'];
const SURNAMES = ['Newhire', 'Berg', 'Tan', 'Moreau', 'Fischer', 'Sato', 'Clarke', 'Visser', 'Lindqvist', 'Rahman'];

/**
 * What an HR system does to a directory in a day, `count` edits of it: a quarter hires, 30 % department moves
 * (half into the rule's department, half out of it), a quarter manager changes and a fifth deletions. Only
 * people without direct reports are moved, re-managed or deleted, so no edit changes anyone else: the delta
 * sync must report exactly these people. Deterministic for a given directory and seed.
 */
export function applyDirectoryChanges(directory: Directory, count: number, seed: string): DirectoryChangeSummary {
  const random = new SeededRandom(`${seed}/changes`);
  const hires = Math.round(count * 0.25);
  const moves = Math.round(count * 0.3);
  const managerChanges = Math.round(count * 0.25);
  const deletions = count - hires - moves - managerChanges;

  const ids = directory.ids();
  const managers = ids.filter((id) => directory.directReportCount(id) > 0);
  const used = new Set<string>();
  const pickPerson = (accept: (id: string) => boolean): string => {
    for (let attempt = 0; attempt < 100_000; attempt++) {
      const id = ids[random.integer(0, ids.length - 1)];
      if (!used.has(id) && directory.directReportCount(id) === 0 && accept(id)) {
        used.add(id);
        return id;
      }
    }
    throw new Error('the directory is too small for this change script');
  };
  const departmentOf = (id: string) => directory.lookup(id)?.department ?? null;
  const otherDepartments = DEPARTMENTS.map((d) => d.name).filter((name) => name !== RULE_DEPARTMENT);

  const summary: DirectoryChangeSummary = {
    hires,
    hiresIntoRuleDepartment: 0,
    departmentMoves: moves,
    movesIntoRuleDepartment: 0,
    movesOutOfRuleDepartment: 0,
    managerChanges,
    deletions,
    deletionsFromRuleDepartment: 0,
    expected: { changed: hires + moves + managerChanges, inserted: hires, departed: deletions },
  };

  for (let i = 0; i < hires; i++) {
    const intoRule = i % 2 === 0;
    const office = random.pick(OFFICES);
    directory.hire({
      givenName: random.pick(GIVEN_NAMES),
      surname: random.pick(SURNAMES),
      department: intoRule ? RULE_DEPARTMENT : random.pick(otherDepartments),
      jobTitle: intoRule ? 'Accountant' : 'Specialist',
      officeLocation: office.officeLocation,
      managerId: random.pick(managers),
    });
    if (intoRule) summary.hiresIntoRuleDepartment++;
  }
  for (let i = 0; i < moves; i++) {
    if (i % 2 === 0) {
      directory.update(pickPerson((id) => departmentOf(id) !== RULE_DEPARTMENT), { department: RULE_DEPARTMENT });
      summary.movesIntoRuleDepartment++;
    } else {
      directory.update(pickPerson((id) => departmentOf(id) === RULE_DEPARTMENT), { department: random.pick(otherDepartments) });
      summary.movesOutOfRuleDepartment++;
    }
  }
  for (let i = 0; i < managerChanges; i++) {
    const person = pickPerson((id) => directory.lookup(id)?.managerId !== null);
    const current = directory.lookup(person)?.managerId;
    let manager = random.pick(managers);
    while (manager === current || manager === person) manager = random.pick(managers);
    directory.update(person, { managerId: manager });
  }
  for (let i = 0; i < deletions; i++) {
    const person = pickPerson(() => true);
    if (departmentOf(person) === RULE_DEPARTMENT) summary.deletionsFromRuleDepartment++;
    directory.remove(person);
  }
  return summary;
}
