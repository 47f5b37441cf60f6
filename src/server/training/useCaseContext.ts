import type { Kysely } from 'kysely';
import type { Principal } from '../auth/principal';
import type { TenantDatabase } from '../store/tenantSchema';

/** What every use case runs with: who asks (from the validated token), their tenant's database, and the clock. */
export interface UseCaseContext {
  principal: Principal;
  db: Kysely<TenantDatabase>;
  now: Date;
}

export function newId(): string {
  return crypto.randomUUID();
}
