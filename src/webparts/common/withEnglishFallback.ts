/**
 * A translation from a web part's loc file over the component's English strings. Loc files are plain
 * JavaScript that the compiler never checks, so a key a translation lacks shows in English instead of
 * as `undefined`; nested groups (e.g. `common`) are merged the same way, one level down.
 */
export function withEnglishFallback<T extends object>(english: T, translated: Partial<T> | undefined): T {
  if (!translated) return english;
  const merged = { ...english } as Record<string, unknown>;
  for (const [key, value] of Object.entries(translated)) {
    if (value === undefined || value === null) continue;
    const base = (english as Record<string, unknown>)[key];
    merged[key] = isPlainObject(base) && isPlainObject(value) ? { ...base, ...value } : value;
  }
  return merged as T;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
