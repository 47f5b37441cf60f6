/**
 * `ATRIUM_ALLOWED_ORIGINS`: the browser origins that may call the API from another origin (CORS), comma-separated,
 * each exact: `https://contoso.sharepoint.com`. No wildcards and no paths. `http:` only for loopback hosts (local
 * development); everything else must be `https:`.
 */
export function parseAllowedOrigins(setting: string): string[] {
  const entries = setting
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry.length > 0);
  const problems = entries.map(originProblem).filter((problem): problem is string => problem !== null);
  if (problems.length > 0) throw new Error(problems.join('; '));
  return [...new Set(entries)];
}

const LOOPBACK_HOST = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\])$/;

/** Why `entry` is not an exact origin as browsers send it in the `Origin` header, or null when it is one. */
function originProblem(entry: string): string | null {
  let url: URL;
  try {
    url = new URL(entry);
  } catch {
    return `"${entry}" is not an origin (expected e.g. https://contoso.sharepoint.com)`;
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && LOOPBACK_HOST.test(url.hostname))) {
    return `"${entry}" must use https (http is allowed for localhost only)`;
  }
  if (entry.includes('*')) return `"${entry}": wildcards are not allowed, list each origin`;
  // An origin is scheme://host[:port]: what `new URL(...).origin` gives back, in the browser's spelling (lower case).
  if (url.origin !== entry) return `"${entry}" is not an exact origin: write it as ${url.origin}`;
  return null;
}
