/**
 * Asks `read` again every `intervalMs` until `isDone` says so, or until `isCancelled` (unmounted, a newer run).
 * Resolves with the last answer, or null when cancelled; a failing read rejects.
 */
export async function pollUntil<T>(read: () => Promise<T>, isDone: (value: T) => boolean, intervalMs: number, isCancelled: () => boolean): Promise<T | null> {
  for (;;) {
    if (isCancelled()) return null;
    const value = await read();
    if (isCancelled()) return null;
    if (isDone(value)) return value;
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
