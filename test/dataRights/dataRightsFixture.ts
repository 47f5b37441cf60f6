import type { TestService } from '../support/testService';

/** Every audit event of the tenant, oldest first, as stored. */
export async function auditEvents(t: TestService, tenantId: string) {
  return t.service.tenancy.withTenantDatabase(tenantId, (db) => db.selectFrom('audit_events').selectAll().where('tenant_id', '=', tenantId).orderBy('at').orderBy('id').execute());
}

/** Carries out every requested purge now. */
export async function runPurges(t: TestService, tenantId: string): Promise<void> {
  t.service.purges.kick(tenantId);
  await t.service.purges.idle();
}
