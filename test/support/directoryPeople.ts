import { randomUUID } from 'node:crypto';
import type { LearnerIdentity } from '../../src/domain/identity';
import { upsertLearnerIdentities } from '../../src/server/training/learners';
import type { TestService } from './testService';

/** A directory person with the attributes rules match on; override what a test cares about. */
export function person(overrides: Partial<LearnerIdentity> = {}): LearnerIdentity {
  return {
    id: randomUUID(),
    userPrincipalName: 'someone@contoso.example',
    displayName: 'Someone',
    mail: 'someone@contoso.example',
    department: 'Sales',
    jobTitle: 'Account Executive',
    officeLocation: 'Oslo Office',
    country: 'Norway',
    city: 'Oslo',
    managerId: null,
    ...overrides,
  };
}

/** Writes people as the directory sync would, as of `at`. */
export async function writeDirectory(t: TestService, tenantId: string, people: LearnerIdentity[], at = new Date()): Promise<void> {
  await t.service.tenancy.withTenantDatabase(tenantId, (db) => upsertLearnerIdentities(db, tenantId, people, at));
}
