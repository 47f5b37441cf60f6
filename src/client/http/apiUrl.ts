/** Joins the configured API base URL (with or without a trailing slash) and an absolute API path. */
export function apiUrl(baseUrl: string, path: string): string {
  if (!path.startsWith('/')) throw new RangeError(`API paths start with '/': ${path}`);
  return baseUrl.replace(/\/+$/, '') + path;
}
