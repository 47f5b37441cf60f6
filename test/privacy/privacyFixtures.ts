import { randomUUID } from 'node:crypto';
import type { LearnerIdentity } from '../../src/domain/identity';
import type { IdentitySource } from '../../src/server/training/learners';

/** A directory of people for privacy tests: an identity source the service fetches first sign-ins from. */
export class TestDirectory implements IdentitySource {
  readonly people = new Map<string, LearnerIdentity>();

  async fetchIdentity(_tenantId: string, userId: string): Promise<LearnerIdentity | null> {
    return this.people.get(userId) ?? null;
  }

  /** A person with identifiers distinctive enough to be searched for in raw files. */
  add(name: string, overrides: Partial<LearnerIdentity> = {}): LearnerIdentity {
    const id = randomUUID();
    const slug = name.toLowerCase().replace(/[^a-z]+/g, '.');
    const person: LearnerIdentity = {
      id,
      userPrincipalName: `${slug}@contoso.example`,
      displayName: name,
      mail: `${slug}.mail@contoso.example`,
      department: 'Sales',
      jobTitle: 'Account manager',
      officeLocation: 'Oslo 3',
      country: 'Norway',
      city: 'Oslo',
      managerId: null,
      ...overrides,
    };
    this.people.set(id, person);
    return person;
  }
}
