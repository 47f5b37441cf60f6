/** What the page may read from its own access token for the Atrium API, to shape the screens (the service decides access). */
export interface AccessTokenClaims {
  /** The API's audience (`aud`): its application ID URI or client id. */
  audience: string | null;
  /** App roles (`roles`), e.g. `Tenant.Admin`. */
  roles: string[];
}

function decodeBase64Url(part: string): string {
  const base64 = part.replace(/-/g, '+').replace(/_/g, '/');
  const padded = base64 + '='.repeat((4 - (base64.length % 4)) % 4);
  const binary = atob(padded);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return new TextDecoder().decode(bytes);
}

/**
 * The audience and roles of a JWT access token, read without verifying it: only the page's own screens depend on
 * them (the service checks every call). A token that is not a readable JWT gives no audience and no roles.
 */
export function readAccessTokenClaims(token: string): AccessTokenClaims {
  const payload = token.split('.')[1];
  if (!payload) return { audience: null, roles: [] };
  try {
    const claims = JSON.parse(decodeBase64Url(payload)) as { aud?: unknown; roles?: unknown };
    const audience = typeof claims.aud === 'string' ? claims.aud : Array.isArray(claims.aud) && typeof claims.aud[0] === 'string' ? claims.aud[0] : null;
    const roles = Array.isArray(claims.roles) ? claims.roles.filter((r): r is string => typeof r === 'string') : [];
    return { audience, roles };
  } catch {
    return { audience: null, roles: [] };
  }
}
