import type { Kysely } from 'kysely';
import type { PublicCertificate } from '../../domain/certificate';
import { notFound } from '../../domain/errors';
import type { TenantDatabase } from '../store/tenantSchema';
import { canSeeLearnerRecords } from './catalogAccess';
import { renderCertificatePdf } from './certificatePdf';
import type { UseCaseContext } from './useCaseContext';

export interface CertificateView {
  id: string;
  courseId: string;
  courseTitle: string;
  learnerName: string;
  issuedAt: string;
  verificationCode: string;
}

interface LoadedCertificate {
  learnerId: string;
  catalogId: string;
  view: CertificateView;
}

async function loadCertificate(db: Kysely<TenantDatabase>, tenantId: string, by: { id: string } | { code: string }): Promise<LoadedCertificate | undefined> {
  let query = db
    .selectFrom('certificates as ct')
    .innerJoin('courses as c', 'c.id', 'ct.course_id')
    .leftJoin('learners as l', (join) => join.onRef('l.tenant_id', '=', 'ct.tenant_id').onRef('l.learner_id', '=', 'ct.learner_id'))
    .select(['ct.id', 'ct.learner_id', 'ct.course_id', 'ct.verification_code', 'ct.issued_at', 'c.title', 'c.catalog_id', 'l.display_name'])
    .where('ct.tenant_id', '=', tenantId);
  query = 'id' in by ? query.where('ct.id', '=', by.id) : query.where('ct.verification_code', '=', by.code);
  const row = await query.executeTakeFirst();
  if (!row) return undefined;
  return {
    learnerId: row.learner_id,
    catalogId: row.catalog_id,
    view: {
      id: row.id,
      courseId: row.course_id,
      courseTitle: row.title,
      learnerName: row.display_name ?? 'Learner',
      issuedAt: row.issued_at,
      verificationCode: row.verification_code,
    } satisfies CertificateView,
  };
}

/**
 * The certificate as a PDF, for the learner, their line manager, or the catalog's managers. `verificationUrl`
 * gives the public address that checks a code, printed on the certificate.
 */
export async function certificatePdf(
  ctx: UseCaseContext,
  certificateId: string,
  organisation: string,
  verificationUrl: (code: string) => string,
): Promise<{ pdf: Uint8Array; view: CertificateView }> {
  const found = await loadCertificate(ctx.db, ctx.principal.tenantId, { id: certificateId });
  if (!found || !(await canSeeLearnerRecords(ctx.db, ctx.principal, found.learnerId, found.catalogId))) throw notFound('certificate');
  const pdf = await renderCertificatePdf({ ...found.view, organisation, verificationUrl: verificationUrl(found.view.verificationCode) });
  return { pdf, view: found.view };
}

/**
 * What anyone holding a verification code may learn, without signing in: the course, the person's display name,
 * when they completed it and the organisation. No ids, no mail, no score. `undefined` when no such certificate
 * exists (never issued, or erased with the learner).
 */
export async function verifyCertificate(db: Kysely<TenantDatabase>, tenantId: string, code: string, organisation: string): Promise<PublicCertificate | undefined> {
  const found = await loadCertificate(db, tenantId, { code });
  if (!found) return undefined;
  return {
    courseTitle: found.view.courseTitle,
    // As printed on the certificate.
    learnerName: found.view.learnerName,
    completedOn: found.view.issuedAt.slice(0, 10),
    organisation,
  };
}
