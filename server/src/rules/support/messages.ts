/**
 * Message pieces shared by rules: code spans, name lists, task phrases, percentages, and the words for a
 * value that is not stated.
 */
import type { MNode } from '../../engine/parse';
import { clip, formatDuration, isPlaceholder } from '../../engine/values';

export { clip };

/** The longest headline a finding may have (the message contract). */
export const HEADLINE_MAX = 100;

/**
 * A headline: `base`, then each optional tail in turn (a did-you-mean, a count) while the whole still fits
 * in {@link HEADLINE_MAX} characters. `base` itself is expected to fit (clip what the author wrote).
 */
export function headline(base: string, ...tails: (string | undefined | false)[]): string {
  let out = base;
  for (const t of tails) if (t && out.length + t.length <= HEADLINE_MAX) out += t;
  return out;
}

/**
 * Names for a headline: "`a`", "`a` and `b`", "`a`, `b` and 1 more" (each clipped), or the count ("3 features")
 * when `fits` says the names make the headline too long.
 */
export function namesOrCount(names: string[], noun: [string, string], fits: (s: string) => boolean): string {
  const listed = listNames(
    names.map((n) => code(clip(n, 24))),
    2,
  );
  return fits(listed) ? listed : `${names.length} ${names.length === 1 ? noun[0] : noun[1]}`;
}

/** Upper-cases the first letter, for a clause that starts an explanation. */
export const capitalize = (s: string) => (s ? s[0].toUpperCase() + s.slice(1) : s);

/**
 * Splits text not written as a headline (a parser's message) into a headline that fits and the rest: the
 * first sentence, else the part before the first `; ` or `: `, else the text cut at a word ending with "…".
 */
export function splitMessage(text: string): { headline: string; rest: string } {
  const one = text.replace(/\s*\r?\n\s*/g, ' ').trim();
  const fits = (h: string) => h.length > 0 && h.length <= HEADLINE_MAX;
  const sentence = /^(.+?[.?!])\s+(?=[A-Z`(])/.exec(one);
  if (!sentence && fits(one)) return { headline: one, rest: '' };
  if (sentence && fits(sentence[1])) return { headline: sentence[1], rest: one.slice(sentence[0].length).trim() };
  for (const sep of ['; ', ': ', ', ']) {
    const i = one.indexOf(sep);
    if (i > 0 && i <= HEADLINE_MAX) return { headline: one.slice(0, i), rest: capitalize(one.slice(i + sep.length)) };
  }
  const cut = one.slice(0, HEADLINE_MAX - 1);
  const at = cut.lastIndexOf(' ');
  return { headline: `${at > 40 ? cut.slice(0, at) : cut}…`, rest: one };
}

/** Quotes a name for a message: `name`. */
export const code = (s: string | number) => `\`${s}\``;

/** Lists up to `max` names: "a, b and c" (with "and N more" beyond). */
export function listNames(names: string[], max = 3): string {
  const shown = names.slice(0, max);
  const rest = names.length - shown.length;
  if (rest > 0) return `${shown.join(', ')} and ${rest} more`;
  if (shown.length <= 1) return shown.join('');
  return `${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]}`;
}

/** `a ranking task`, `an object-detection task`, `a ranking / binary-classification task`. */
export function taskPhrase(types: readonly string[]): string {
  if (!types.length) return 'this task';
  const joined = types.join(' / ');
  return `${/^[aeiou]/.test(joined) ? 'an' : 'a'} ${joined} task`;
}

export { formatPercent as pct } from '../../engine/values';

/** "missing" / "empty" / "still a placeholder", for messages about a list that is not stated. */
export function notStatedWord(node: MNode | undefined): string {
  if (!node) return 'missing';
  if (node.kind === 'scalar' && isPlaceholder(node.value)) return `still \`${String(node.value).trim()}\``;
  if (node.kind === 'seq' && (node.items ?? []).some((i) => i.kind === 'scalar' && isPlaceholder(i.value)))
    return 'only a placeholder';
  return 'empty';
}

// --- v1.1 data rules (group rN) ---

/** A duration in whole days when it is one (`14d`, `56d`, as label delays and lags are written), else as `formatDuration`. */
export function inDays(ms: number): string {
  const day = 86_400_000;
  return ms >= day && Number.isInteger(ms / day) ? `${ms / day}d` : formatDuration(ms);
}

/** A stated duration as the author wrote it, with its length in days when that reads differently: `8w (56d)`. */
export function writtenWithDays(written: string | undefined, ms: number): string {
  const days = inDays(ms);
  if (written === undefined) return days;
  const w = written.trim();
  return w.replace(/\s+/g, '') === days ? days : `${w} (${days})`;
}
