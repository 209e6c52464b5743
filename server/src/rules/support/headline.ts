/**
 * Pieces for finding headlines (one line, at most 100 characters): text the author wrote is clipped, so
 * a long metric or loss name cannot push the headline past its line.
 */

/** `s` on one line, cut to `max` characters with an ellipsis: for author-written names in headlines. */
export function clip(s: string, max = 32): string {
  const one = s.replace(/\s+/g, ' ').trim();
  return one.length > max ? `${one.slice(0, max - 1)}…` : one;
}

/** The longest headline variant that fits in `max` characters (the last one is the fallback). */
export function fitHeadline(variants: string[], max = 100): string {
  return variants.find((v) => v.length <= max) ?? variants[variants.length - 1];
}
