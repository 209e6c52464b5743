/**
 * Pieces for finding headlines (one line, at most 100 characters). Author-written names are shortened
 * with `clip` (from `messages`), so a long metric or loss name cannot push the headline past its line.
 */
import { HEADLINE_MAX } from './messages';

/** The longest headline variant that fits in `max` characters (the last one is the fallback). */
export function fitHeadline(variants: string[], max = HEADLINE_MAX): string {
  return variants.find((v) => v.length <= max) ?? variants[variants.length - 1];
}
