import { randomUUID } from 'node:crypto';
import {
  composeDirectoryUser,
  DIRECTORY_USER_PROPERTIES,
  generateDirectoryUsers,
  graphDateTime,
  mailLocalPart,
  type DirectoryGeneratorOptions,
  type DirectoryUser,
  type DirectoryUserProperty,
} from '../directory/directoryGenerator';
import { EXECUTIVE_DEPARTMENT, OFFICES } from '../directory/organisationData';
import { deterministicGuid, SeededRandom } from '../directory/seededRandom';

/** Why a user left the delta: `changed` = soft-deleted (restorable for 30 days), `deleted` = gone for good. */
export type RemovalReason = 'changed' | 'deleted';

export type GroupRule = { kind: 'department'; department: string } | { kind: 'city'; city: string } | { kind: 'managers' } | { kind: 'everyone' };

export interface DirectoryGroup {
  id: string;
  displayName: string;
  description: string;
  /** Membership is computed, as for Entra dynamic groups, so edits keep groups in step. */
  rule: GroupRule;
}

export interface HireInput {
  id?: string;
  givenName: string;
  surname: string;
  displayName?: string;
  department?: string | null;
  jobTitle?: string | null;
  /** A known office (e.g. `Oslo Aker Brygge`) fills city and country; otherwise give them. */
  officeLocation?: string | null;
  city?: string | null;
  country?: string | null;
  managerId?: string | null;
}

/** Any Graph attribute but the id, plus the manager link. */
export type UserChanges = Partial<Omit<DirectoryUser, 'id'>>;

type ChangeEntry =
  | { kind: 'added'; id: string }
  | { kind: 'changed'; id: string; properties: DirectoryUserProperty[] }
  | { kind: 'manager'; id: string; previousManagerId: string | null }
  | { kind: 'removed'; id: string; reason: RemovalReason; previousManagerId: string | null };

/** What a delta since some point must report about one user. */
export type DirectoryChange =
  | {
      kind: 'upsert';
      user: DirectoryUser;
      /** Not in the directory at the starting point: report everything. */
      isNew: boolean;
      properties: ReadonlySet<DirectoryUserProperty>;
      /** Present when the manager link differs from the starting point; `previousManagerId` is the old link. */
      manager?: { previousManagerId: string | null };
    }
  | { kind: 'removed'; id: string; reason: RemovalReason };

export class DirectoryEditError extends Error {}

const EDITABLE_PROPERTIES = new Set<string>([...DIRECTORY_USER_PROPERTIES.filter((p) => p !== 'id'), 'managerId']);

/**
 * One tenant's directory in the Graph stand-in: the users, their manager tree, a few groups, and a change
 * log that feeds `users/delta`. Edits (hire, update, remove) are what an HR system or an admin would do.
 */
export class Directory {
  /** Changes with every stand-in start, so delta tokens of an earlier run are refused (as expired ones are). */
  readonly generation = randomUUID().slice(0, 8);
  readonly seed: string;
  readonly domain: string;
  readonly companyName: string;
  private readonly users = new Map<string, DirectoryUser>();
  /** Ids in creation order, never shrinking, so a paging cursor stays valid while people leave. */
  private readonly order: string[] = [];
  private readonly idByUpn = new Map<string, string>();
  private readonly reportCounts = new Map<string, number>();
  private readonly log: ChangeEntry[] = [];
  private groupList: DirectoryGroup[] = [];
  private hires = 0;
  private readonly removedIds = new Set<string>();
  private lastChanges: { key: string; changes: DirectoryChange[] } | undefined;

  static generate(options: DirectoryGeneratorOptions): Directory {
    const directory = new Directory({ seed: options.seed, domain: options.domain, companyName: options.companyName });
    directory.load(generateDirectoryUsers(options));
    return directory;
  }

  constructor(options: { seed: string; domain?: string; companyName?: string }) {
    this.seed = options.seed;
    this.domain = options.domain ?? 'contoso.com';
    this.companyName = options.companyName ?? 'Contoso';
  }

  /** Initial contents: not change-logged (a full delta pass reports them anyway). Defines the groups. */
  load(users: Iterable<DirectoryUser>): void {
    for (const user of users) {
      const id = user.id.toLowerCase();
      if (this.users.has(id)) throw new DirectoryEditError(`Duplicate user id ${id}`);
      this.insert({ ...user, id, managerId: user.managerId?.toLowerCase() ?? null });
    }
    this.groupList = this.defineGroups();
  }

  get size(): number {
    return this.users.size;
  }

  /** Sequence number of the latest change: a delta token remembers it. */
  get changeSequence(): number {
    return this.log.length;
  }

  /** A copy of the user (by id or userPrincipalName), or null. */
  user(idOrUpn: string): DirectoryUser | null {
    const found = this.lookup(idOrUpn);
    return found ? structuredClone(found) : null;
  }

  /** The stored object itself, for the stand-in's read paths. Do not mutate. */
  lookup(idOrUpn: string): DirectoryUser | undefined {
    const key = idOrUpn.toLowerCase();
    const id = key.includes('@') ? this.idByUpn.get(key) : key;
    return id === undefined ? undefined : this.users.get(id);
  }

  ids(): string[] {
    return this.order.filter((id) => this.users.has(id));
  }

  directReportCount(id: string): number {
    return this.reportCounts.get(id.toLowerCase()) ?? 0;
  }

  groups(): readonly DirectoryGroup[] {
    return this.groupList;
  }

  group(id: string): DirectoryGroup | undefined {
    return this.groupList.find((g) => g.id === id.toLowerCase());
  }

  /** A group an admin creates; its members follow `rule`, as the generated groups' do. */
  addGroup(input: { displayName: string; description?: string; rule: GroupRule }): DirectoryGroup {
    const group: DirectoryGroup = {
      id: deterministicGuid(this.seed, `group:${input.displayName}`),
      displayName: input.displayName,
      description: input.description ?? '',
      rule: input.rule,
    };
    if (this.group(group.id)) throw new DirectoryEditError(`A group named ${input.displayName} exists`);
    this.groupList = [...this.groupList, group];
    return structuredClone(group);
  }

  isMember(group: DirectoryGroup, user: DirectoryUser): boolean {
    switch (group.rule.kind) {
      case 'department':
        return user.department === group.rule.department;
      case 'city':
        return user.city === group.rule.city;
      case 'managers':
        return this.directReportCount(user.id) > 0;
      case 'everyone':
        return true;
    }
  }

  /** Users present, in creation order, from position `cursor` of the creation order. */
  *usersFrom(cursor: number): Generator<{ user: DirectoryUser; next: number }> {
    for (let i = cursor; i < this.order.length; i++) {
      const user = this.users.get(this.order[i]);
      if (user) yield { user, next: i + 1 };
    }
  }

  hire(input: HireInput): DirectoryUser {
    const id = (input.id ?? deterministicGuid(this.seed, `hire:${this.hires}`)).toLowerCase();
    if (this.users.has(id) || this.removedIds.has(id)) throw new DirectoryEditError(`The id ${id} is or was in use`);
    const managerId = input.managerId ? this.requireUser(input.managerId).id : null;
    const known = OFFICES.find((o) => o.officeLocation === input.officeLocation || (!input.officeLocation && o.city === input.city));
    const office = known ?? { officeLocation: input.officeLocation ?? null, city: input.city ?? null, country: input.country ?? null };
    const user = composeDirectoryUser({
      id,
      givenName: input.givenName,
      surname: input.surname,
      displayName: input.displayName,
      department: input.department ?? null,
      jobTitle: input.jobTitle ?? null,
      office,
      managerId,
      mailLocalPart: this.freeMailLocalPart(input.givenName, input.surname),
      domain: this.domain,
      companyName: this.companyName,
      employeeNumber: 900000 + this.hires,
      random: new SeededRandom(`${this.seed}/hire/${this.hires}`),
      createdDateTime: graphDateTime(Date.now()),
    });
    this.hires++;
    this.insert(user);
    this.log.push({ kind: 'added', id });
    return structuredClone(user);
  }

  /** Changes attributes and/or the manager. Unchanged values are not logged; a manager change must keep the tree a tree. */
  update(id: string, changes: UserChanges): DirectoryUser {
    const user = this.requireUser(id);
    for (const key of Object.keys(changes)) {
      if (!EDITABLE_PROPERTIES.has(key)) throw new DirectoryEditError(`Cannot change '${key}'`);
    }
    if (changes.managerId !== undefined && changes.managerId !== null) this.assertNoCycle(user.id, this.requireUser(changes.managerId).id);
    const upn = changes.userPrincipalName?.toLowerCase();
    if (upn !== undefined && upn !== user.userPrincipalName.toLowerCase() && this.idByUpn.has(upn)) {
      throw new DirectoryEditError(`userPrincipalName ${upn} is taken`);
    }
    // All checks are done: from here on the edit applies in full.
    const changed: DirectoryUserProperty[] = [];
    for (const property of DIRECTORY_USER_PROPERTIES) {
      if (property === 'id' || !(property in changes)) continue;
      const value = (changes as Record<string, unknown>)[property];
      if (JSON.stringify(value) === JSON.stringify(user[property])) continue;
      if (property === 'userPrincipalName') {
        this.idByUpn.delete(user.userPrincipalName.toLowerCase());
        this.idByUpn.set(String(value).toLowerCase(), user.id);
      }
      (user as unknown as Record<string, unknown>)[property] = value;
      changed.push(property);
    }
    if (changed.length > 0) this.log.push({ kind: 'changed', id: user.id, properties: changed });
    if (changes.managerId !== undefined) {
      const next = changes.managerId === null ? null : changes.managerId.toLowerCase();
      if (next !== user.managerId) this.setManager(user, next);
    }
    return structuredClone(user);
  }

  /**
   * Removes a user. By default a soft delete, as Entra does (delta reports `@removed` reason `changed`);
   * `permanently` reports reason `deleted`. Direct reports lose their manager link, as in Entra.
   */
  remove(id: string, options: { permanently?: boolean } = {}): void {
    const user = this.requireUser(id);
    for (const report of this.users.values()) {
      if (report.managerId === user.id) this.setManager(report, null);
    }
    if (user.managerId) this.adjustReports(user.managerId, -1);
    this.users.delete(user.id);
    this.removedIds.add(user.id);
    this.idByUpn.delete(user.userPrincipalName.toLowerCase());
    this.log.push({ kind: 'removed', id: user.id, reason: options.permanently ? 'deleted' : 'changed', previousManagerId: user.managerId });
  }

  /**
   * Folds the change log between two sequence numbers into one entry per user, in order of first change.
   * Users are reported in their current state (Graph too sums up to the latest state).
   */
  changesBetween(sequence: number, until: number = this.log.length): DirectoryChange[] {
    // Every page of a delta round asks again; while the directory does not change, the answer does not either.
    const key = `${sequence}:${until}:${this.log.length}`;
    if (this.lastChanges?.key === key) return this.lastChanges.changes;
    const changes = this.foldChanges(sequence, until);
    this.lastChanges = { key, changes };
    return changes;
  }

  private foldChanges(sequence: number, until: number): DirectoryChange[] {
    interface Fold {
      existedAtStart: boolean;
      properties: Set<DirectoryUserProperty>;
      managerAtStart?: string | null;
      reason?: RemovalReason;
    }
    const folds = new Map<string, Fold>();
    for (let i = sequence; i < Math.min(until, this.log.length); i++) {
      const entry = this.log[i];
      let fold = folds.get(entry.id);
      if (!fold) {
        fold = { existedAtStart: entry.kind !== 'added', properties: new Set() };
        folds.set(entry.id, fold);
      }
      if (entry.kind === 'changed') entry.properties.forEach((p) => fold.properties.add(p));
      if ((entry.kind === 'manager' || entry.kind === 'removed') && fold.managerAtStart === undefined) fold.managerAtStart = entry.previousManagerId;
      if (entry.kind === 'removed') fold.reason = entry.reason;
    }
    const result: DirectoryChange[] = [];
    for (const [id, fold] of folds) {
      const user = this.users.get(id);
      if (!user) {
        if (fold.existedAtStart) result.push({ kind: 'removed', id, reason: fold.reason ?? 'changed' });
        continue;
      }
      const isNew = !fold.existedAtStart;
      const managerChanged = isNew ? user.managerId !== null : fold.managerAtStart !== undefined && fold.managerAtStart !== user.managerId;
      result.push({
        kind: 'upsert',
        user,
        isNew,
        properties: fold.properties,
        ...(managerChanged ? { manager: { previousManagerId: isNew ? null : (fold.managerAtStart ?? null) } } : {}),
      });
    }
    return result;
  }

  private insert(user: DirectoryUser): void {
    this.users.set(user.id, user);
    this.order.push(user.id);
    this.idByUpn.set(user.userPrincipalName.toLowerCase(), user.id);
    if (user.managerId) this.adjustReports(user.managerId, +1);
  }

  private setManager(user: DirectoryUser, managerId: string | null): void {
    const previousManagerId = user.managerId;
    if (previousManagerId) this.adjustReports(previousManagerId, -1);
    if (managerId) this.adjustReports(managerId, +1);
    user.managerId = managerId;
    this.log.push({ kind: 'manager', id: user.id, previousManagerId });
  }

  private adjustReports(managerId: string, delta: number): void {
    const count = (this.reportCounts.get(managerId) ?? 0) + delta;
    if (count > 0) this.reportCounts.set(managerId, count);
    else this.reportCounts.delete(managerId);
  }

  private requireUser(idOrUpn: string): DirectoryUser {
    const user = this.lookup(idOrUpn);
    if (!user) throw new DirectoryEditError(`No user ${idOrUpn}`);
    return user;
  }

  private assertNoCycle(userId: string, managerId: string): void {
    for (let current: string | null = managerId; current; current = this.users.get(current)?.managerId ?? null) {
      if (current === userId) throw new DirectoryEditError(`Making ${managerId} the manager of ${userId} would create a cycle`);
    }
  }

  private freeMailLocalPart(givenName: string, surname: string): string {
    const base = mailLocalPart(givenName, surname);
    for (let n = 1; ; n++) {
      const candidate = n === 1 ? base : `${base}${n}`;
      if (!this.idByUpn.has(`${candidate}@${this.domain}`.toLowerCase())) return candidate;
    }
  }

  private defineGroups(): DirectoryGroup[] {
    const departments = new Set<string>();
    const cities = new Set<string>();
    for (const user of this.users.values()) {
      if (user.department && user.department !== EXECUTIVE_DEPARTMENT) departments.add(user.department);
      if (user.city) cities.add(user.city);
    }
    const group = (displayName: string, description: string, rule: GroupRule): DirectoryGroup => ({
      id: deterministicGuid(this.seed, `group:${displayName}`),
      displayName,
      description,
      rule,
    });
    return [
      group('All Managers', 'Everyone with at least one direct report', { kind: 'managers' }),
      ...[...departments].sort().map((d) => group(`All ${d}`, `Everyone in the ${d} department`, { kind: 'department', department: d })),
      ...[...cities].sort().map((c) => group(`${c} Office`, `Everyone based in ${c}`, { kind: 'city', city: c })),
    ];
  }
}
