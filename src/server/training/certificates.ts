import { notFound } from '../../domain/errors';
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

async function loadCertificate(ctx: UseCaseContext, by: { id: string } | { code: string }) {
  let query = ctx.db
    .selectFrom('certificates as ct')
    .innerJoin('courses as c', 'c.id', 'ct.course_id')
    .leftJoin('learners as l', (join) => join.onRef('l.tenant_id', '=', 'ct.tenant_id').onRef('l.learner_id', '=', 'ct.learner_id'))
    .select(['ct.id', 'ct.learner_id', 'ct.course_id', 'ct.verification_code', 'ct.issued_at', 'c.title', 'c.catalog_id', 'l.display_name'])
    .where('ct.tenant_id', '=', ctx.principal.tenantId);
  query = 'id' in by ? query.where('ct.id', '=', by.id) : query.where('ct.verification_code', '=', by.code);
  const row = await query.executeTakeFirst();
  if (!row) return undefined;
  return {
    row,
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

/** The certificate as a PDF, for the learner, their line manager, or the catalog's managers. */
export async function certificatePdf(ctx: UseCaseContext, certificateId: string, organisation: string): Promise<{ pdf: Uint8Array; view: CertificateView }> {
  const found = await loadCertificate(ctx, { id: certificateId });
  if (!found || !(await canSeeLearnerRecords(ctx.db, ctx.principal, found.row.learner_id, found.row.catalog_id))) throw notFound('certificate');
  const pdf = await renderCertificatePdf({ ...found.view, organisation });
  return { pdf, view: found.view };
}

/** Anyone in the organisation can check that a certificate with this code was issued, and to whom. */
export async function verifyCertificate(ctx: UseCaseContext, code: string): Promise<CertificateView> {
  const found = await loadCertificate(ctx, { code });
  if (!found) throw notFound('certificate with this verification code');
  return found.view;
}
