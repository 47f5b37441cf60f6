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
