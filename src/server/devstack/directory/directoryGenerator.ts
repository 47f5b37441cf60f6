import {
  CHIEF_EXECUTIVE_TITLE,
  DEPARTMENTS,
  EXECUTIVE_DEPARTMENT,
  HEAD_OFFICE_INDEX,
  NAMES,
  OFFICES,
  type Department,
  type Office,
} from './organisationData';
import { deterministicGuid, SeededRandom } from './seededRandom';

/**
 * One person as a real Entra ID directory holds them: the minimum identity set Atrium keeps, and
 * the many other attributes a directory has, which Atrium must never store (tests prove it).
 * Property names and JSON types are Graph's `microsoft.graph.user` ones, except `managerId`.
 */
export interface DirectoryUser {
  id: string;
  userPrincipalName: string;
  displayName: string | null;
  mail: string | null;
  department: string | null;
  jobTitle: string | null;
  officeLocation: string | null;
  city: string | null;
  country: string | null;
  givenName: string | null;
  surname: string | null;
  businessPhones: string[];
  mobilePhone: string | null;
  faxNumber: string | null;
  preferredLanguage: string | null;
  accountEnabled: boolean;
  employeeId: string | null;
  employeeType: string | null;
  employeeHireDate: string | null;
  createdDateTime: string;
  companyName: string | null;
  mailNickname: string;
  proxyAddresses: string[];
  streetAddress: string | null;
  postalCode: string | null;
  state: string | null;
  usageLocation: string | null;
  userType: string;
  /** The `manager` navigation property, held as the manager's id. Not a Graph property: never serialised as such. */
  managerId: string | null;
}

/** Every Graph property a directory user has (all of DirectoryUser but the `managerId` link). */
export const DIRECTORY_USER_PROPERTIES = [
  'id', 'userPrincipalName', 'displayName', 'mail', 'department', 'jobTitle', 'officeLocation', 'city', 'country',
  'givenName', 'surname', 'businessPhones', 'mobilePhone', 'faxNumber', 'preferredLanguage', 'accountEnabled',
  'employeeId', 'employeeType', 'employeeHireDate', 'createdDateTime', 'companyName', 'mailNickname',
  'proxyAddresses', 'streetAddress', 'postalCode', 'state', 'usageLocation', 'userType',
] as const satisfies ReadonlyArray<Exclude<keyof DirectoryUser, 'managerId'>>;

export type DirectoryUserProperty = (typeof DIRECTORY_USER_PROPERTIES)[number];

export interface DirectoryGeneratorOptions {
  /** Same seed (and size) → same people, same ids, same tree. */
  seed: string;
  /** Number of people, CEO included. Default 2,000. */
  size?: number;
  /** Mail and sign-in domain. Default `contoso.com`. */
  domain?: string;
  companyName?: string;
}

export const DEFAULT_DIRECTORY_SIZE = 2000;

/** The object id of the person at `index` in generation order: a pure function, so nobody has to remember ids. */
export function generatedUserId(seed: string, index: number): string {
  return deterministicGuid(seed, `user:${index}`);
}

/** Hands out `first.last`, then `first.last2`, `first.last3`... Bounded by the size of the name pools, not of the directory. */
export class MailNameAllocator {
  private readonly used = new Map<string, number>();

  allocate(givenName: string, surname: string): string {
    const base = mailLocalPart(givenName, surname);
    const count = (this.used.get(base) ?? 0) + 1;
    this.used.set(base, count);
    return count === 1 ? base : `${base}${count}`;
  }
}

/**
 * Generates a directory lazily: a CEO, one head per department reporting to the CEO, then each department
 * breadth-first with spans of 3–10 (the last manager of a department may have fewer). Managers always come
 * before their reports. Memory beyond the yielded users is a few bytes per manager.
 */
export function* generateDirectoryUsers(options: DirectoryGeneratorOptions): Generator<DirectoryUser> {
  const size = options.size ?? DEFAULT_DIRECTORY_SIZE;
  if (!Number.isInteger(size) || size < 1) throw new RangeError(`size must be a positive integer, got ${size}`);
  const { seed } = options;
  const domain = options.domain ?? 'contoso.com';
  const companyName = options.companyName ?? 'Contoso';
  const random = new SeededRandom(`${seed}/people`);
  const mailNames = new MailNameAllocator();
  const officeWeights = OFFICES.map((o) => o.weight);
  const randomOffice = (): number => random.weightedIndex(officeWeights);

  const ceoId = generatedUserId(seed, 0);
  yield personAt(0, ceoId, null, EXECUTIVE_DEPARTMENT, CHIEF_EXECUTIVE_TITLE, HEAD_OFFICE_INDEX);

  let index = 1;
  for (const { department, headCount, spans } of planDepartments(size - 1, random)) {
    const first = index;
    const managerLevels = new Uint8Array(spans.length);
    const managerOffices = new Uint8Array(spans.length);
    let currentManager = 0;
    let reportsOfCurrent = 0;
    for (let position = 0; position < headCount; position++, index++) {
      let managerId: string;
      let level: number;
      let office: number;
      if (position === 0) {
        managerId = ceoId;
        level = 1;
        office = random.chance(0.6) ? HEAD_OFFICE_INDEX : randomOffice();
      } else {
        if (reportsOfCurrent === spans[currentManager]) {
          currentManager++;
          reportsOfCurrent = 0;
        }
        reportsOfCurrent++;
        managerId = generatedUserId(seed, first + currentManager);
        level = managerLevels[currentManager] + 1;
        office = random.chance(0.75) ? managerOffices[currentManager] : randomOffice();
      }
      const isManager = position < spans.length;
      if (isManager) {
        managerLevels[position] = level;
        managerOffices[position] = office;
      }
      const title = jobTitleFor(department, level, isManager, random);
      yield personAt(index, generatedUserId(seed, index), managerId, department.name, title, office);
    }
  }

  function personAt(index: number, id: string, managerId: string | null, department: string, jobTitle: string, officeIndex: number): DirectoryUser {
    const office = OFFICES[officeIndex];
    const culture = random.chance(0.8) ? office.cultures[0] : random.pick(office.cultures);
    const givenName = random.pick(NAMES[culture].given);
    const surname = random.pick(NAMES[culture].family);
    return composeDirectoryUser({
      id,
      givenName,
      surname,
      department,
      jobTitle,
      office,
      managerId,
      mailLocalPart: mailNames.allocate(givenName, surname),
      domain,
      companyName,
      employeeNumber: index,
      random,
    });
  }
}

interface DepartmentPlan {
  department: Department;
  headCount: number;
  /** spans[k] = number of direct reports of the department's k-th person in breadth-first order. */
  spans: Uint8Array;
}

/** Splits `people` over the departments by weight (largest remainder) and draws every manager's span. */
function planDepartments(people: number, random: SeededRandom): DepartmentPlan[] {
  const used = DEPARTMENTS.slice(0, Math.min(DEPARTMENTS.length, people));
  if (used.length === 0) return [];
  const remaining = people - used.length;
  const totalWeight = used.reduce((sum, d) => sum + d.weight, 0);
  const exact = used.map((d) => (remaining * d.weight) / totalWeight);
  const counts = exact.map(Math.floor);
  let left = remaining - counts.reduce((a, b) => a + b, 0);
  const byRemainder = exact.map((value, i) => ({ i, fraction: value - Math.floor(value) })).sort((a, b) => b.fraction - a.fraction || a.i - b.i);
  for (const { i } of byRemainder) {
    if (left === 0) break;
    counts[i]++;
    left--;
  }
  return used.map((department, i) => {
    const headCount = counts[i] + 1;
    const spans: number[] = [];
    for (let covered = 1; covered < headCount; ) {
      const span = Math.min(random.integer(3, 10), headCount - covered);
      spans.push(span);
      covered += span;
    }
    return { department, headCount, spans: Uint8Array.from(spans) };
  });
}

function jobTitleFor(department: Department, level: number, isManager: boolean, random: SeededRandom): string {
  if (level === 1) return department.headTitle;
  if (isManager) return level === 2 ? department.directorTitle : department.managerTitle;
  const title = random.pick(department.individualTitles);
  return random.chance(0.25) && !title.startsWith('Senior ') ? `Senior ${title}` : title;
}

/** `Bjørn Løvås` → `bjorn.lovas`; `Daan de Vries` → `daan.devries`. */
export function mailLocalPart(givenName: string, surname: string): string {
  return `${asciiMailName(givenName)}.${asciiMailName(surname)}`;
}

const LETTERS_WITHOUT_DECOMPOSITION: Record<string, string> = { ø: 'o', æ: 'ae', ß: 'ss', œ: 'oe', đ: 'd', ł: 'l', ı: 'i' };

function asciiMailName(name: string): string {
  return name
    .toLowerCase()
    .replace(/[øæßœđłı]/g, (c) => LETTERS_WITHOUT_DECOMPOSITION[c])
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9-]/g, '');
}

export interface PersonInput {
  id: string;
  givenName: string;
  surname: string;
  displayName?: string;
  department: string | null;
  jobTitle: string | null;
  office: Office | { officeLocation: string | null; city: string | null; country: string | null };
  managerId: string | null;
  mailLocalPart: string;
  domain: string;
  companyName: string;
  employeeNumber: number;
  random: SeededRandom;
  createdDateTime?: string;
}

/** Fills in the whole directory entry of a person, the attributes Atrium never keeps included. */
export function composeDirectoryUser(input: PersonInput): DirectoryUser {
  const { random, office } = input;
  const known = 'countryCode' in office ? office : null;
  const upn = `${input.mailLocalPart}@${input.domain}`;
  const created = input.createdDateTime ?? graphDateTime(Date.UTC(2014, 0, 1) + random.next() * (Date.UTC(2024, 11, 31) - Date.UTC(2014, 0, 1)));
  const hireDate = graphDateTime(Math.floor((Date.parse(created) - random.integer(0, 30) * 86_400_000) / 86_400_000) * 86_400_000);
  return {
    id: input.id,
    userPrincipalName: upn,
    displayName: input.displayName ?? `${input.givenName} ${input.surname}`,
    mail: random.chance(0.01) ? null : upn,
    department: input.department,
    jobTitle: input.jobTitle,
    officeLocation: office.officeLocation,
    city: office.city,
    country: office.country,
    givenName: input.givenName,
    surname: input.surname,
    businessPhones: known ? [phoneNumber(known.businessPhoneFormat, random)] : [],
    mobilePhone: known && random.chance(0.9) ? phoneNumber(known.mobilePhoneFormat, random) : null,
    faxNumber: null,
    preferredLanguage: known ? (random.chance(0.8) ? known.language : 'en-US') : null,
    accountEnabled: random.chance(0.98),
    employeeId: `E${String(100000 + input.employeeNumber)}`,
    employeeType: random.chance(0.93) ? 'Employee' : 'Contractor',
    employeeHireDate: hireDate,
    createdDateTime: created,
    companyName: input.companyName,
    mailNickname: input.mailLocalPart,
    proxyAddresses: [`SMTP:${upn}`],
    streetAddress: known?.streetAddress ?? null,
    postalCode: known?.postalCode ?? null,
    state: known?.state ?? null,
    usageLocation: known?.countryCode ?? null,
    userType: 'Member',
    managerId: input.managerId,
  };
}

/** Graph writes DateTimeOffset values as UTC with a `Z` and no fraction: `2021-03-04T09:12:33Z`. */
export function graphDateTime(epochMs: number): string {
  return new Date(Math.floor(epochMs / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

function phoneNumber(format: string, random: SeededRandom): string {
  return format.replace(/#/g, () => String(random.integer(0, 9)));
}
