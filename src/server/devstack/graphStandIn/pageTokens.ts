/**
 * Opaque `$skiptoken` / `$deltatoken` values of the stand-in. Like Graph's, they carry the whole paging or
 * sync state (so the server keeps none per client) and are bound to one tenant's directory.
 */

export interface DeltaQuery {
  /** `null` = Graph's default property set. */
  select: string[] | null;
  expandManager: boolean;
  pageSize: number;
}

/** A `$deltatoken`: where the last sync ended. */
export interface DeltaTokenState extends DeltaQuery {
  sequence: number;
}

/** A `$skiptoken` of a delta round: the round's position. */
export type DeltaPageState = DeltaQuery &
  (
    | { phase: 'full'; cursor: number; snapshot: number }
    | { phase: 'changes'; cursor: number; from: number; to: number }
  );

interface Envelope<T> {
  t: string;
  g: string;
  s: T;
}

export function encodePageToken<T>(tenantId: string, generation: string, state: T): string {
  const envelope: Envelope<T> = { t: tenantId, g: generation, s: state };
  return Buffer.from(JSON.stringify(envelope)).toString('base64url');
}

/** The state, or null when the token is garbled, from another tenant or from an earlier run of the stand-in. */
export function decodePageToken<T>(token: string, tenantId: string, generation: string, isState: (value: unknown) => value is T): T | null {
  try {
    const envelope = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as Partial<Envelope<unknown>>;
    if (envelope.t !== tenantId || envelope.g !== generation) return null;
    return isState(envelope.s) ? envelope.s : null;
  } catch {
    return null;
  }
}

const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;

function isDeltaQuery(v: Record<string, unknown>): boolean {
  return (
    (v.select === null || (Array.isArray(v.select) && v.select.every((p) => typeof p === 'string'))) &&
    typeof v.expandManager === 'boolean' &&
    isCount(v.pageSize) &&
    (v.pageSize as number) > 0
  );
}

export function isDeltaTokenState(value: unknown): value is DeltaTokenState {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return isDeltaQuery(v) && isCount(v.sequence);
}

export function isDeltaPageState(value: unknown): value is DeltaPageState {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  if (!isDeltaQuery(v) || !isCount(v.cursor)) return false;
  if (v.phase === 'full') return isCount(v.snapshot);
  if (v.phase === 'changes') return isCount(v.from) && isCount(v.to) && (v.from as number) <= (v.to as number);
  return false;
}

export function isCursor(value: unknown): value is number {
  return isCount(value);
}
