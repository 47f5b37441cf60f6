import { z } from 'zod';
import { guidSchema } from './ids';

/** Crockford base32: no I, L, O, U, so codes read aloud and typed back without confusion. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A verification code such as ATR-7K3M-QX9P-2WHD, from 12 random bytes supplied by the caller. */
export function verificationCode(randomBytes: Uint8Array): string {
  if (randomBytes.length < 12) throw new RangeError('need at least 12 random bytes');
  let chars = '';
  for (let i = 0; i < 12; i++) chars += ALPHABET[randomBytes[i] % 32];
  return `ATR-${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8, 12)}`;
}

export const verificationCodePattern = /^ATR-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/;

/** The public address that checks a certificate: the tenant id says whose database holds the code. */
export function certificateVerificationPath(tenantId: string, code: string): string {
  return `/api/public/certificates/${encodeURIComponent(tenantId)}/${encodeURIComponent(code)}`;
}

export const certificateVerificationParamsSchema = z
  .object({
    tenantId: guidSchema.describe("the issuing organisation's Entra ID tenant id, as printed on the certificate"),
    code: z.string().trim().toUpperCase().regex(verificationCodePattern, 'not a certificate verification code (ATR-XXXX-XXXX-XXXX)'),
  })
  .strict();

/** What a certificate's verification shows anyone who holds its code: no ids, no mail, no score. */
export const publicCertificateSchema = z
  .object({
    courseTitle: z.string(),
    learnerName: z.string().describe("the learner's display name"),
    completedOn: z.string().describe('the date of completion, YYYY-MM-DD (UTC)'),
    organisation: z.string().describe('the organisation that issued the certificate'),
  })
  .strict();
export type PublicCertificate = z.infer<typeof publicCertificateSchema>;
