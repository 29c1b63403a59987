/**
 * TTL rules. Released 2.8–2.15 (`ClampToMaxTTL`) and the unreleased HEAD rule (`IngestTTL`) differ
 * for `ttl: 0` and negative values (rancher-api.md §4.8, §10.5).
 */
export type TtlRule = 'released' | 'head';

/** Ingests the `ttl` of `POST /v3/tokens`. `maxMs`/`defaultMs` are settings × 60 000. */
export function ingestV3Ttl(
  requested: number,
  maxMs: number,
  defaultMs: number,
  rule: TtlRule,
): number {
  if (rule === 'released') {
    if (maxMs <= 0) return requested;
    if (requested === 0) return maxMs;
    return requested > maxMs ? maxMs : requested;
  }
  // HEAD: 0 → default, negative → infinite; then clamp. With no max and a non-positive default the
  // result is −1, which the v3 expiry check treats as already expired; rancher-api.md §11.3 leaves
  // open whether that ships — we keep the code's behaviour.
  let ttl = requested === 0 ? defaultMs : requested;
  if (ttl < 0) ttl = maxMs > 0 ? maxMs : -1;
  if (maxMs > 0 && ttl > maxMs) ttl = maxMs;
  return ttl;
}

/** Ingests an ext token `spec.ttl` (2.12–2.15 `clampMaxTTL`, §6.2): the result is never 0. */
export function ingestExtTtl(requested: number, maxMs: number): number {
  if (maxMs <= 0) return requested === 0 ? -1 : requested;
  if (requested <= 0 || requested > maxMs) return maxMs;
  return requested;
}
