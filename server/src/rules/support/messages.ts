/**
 * Message pieces shared by rules: code spans, name lists, task phrases, percentages, and the words for a
 * value that is not stated.
 */
import type { MNode } from '../../engine/parse';
import { isPlaceholder } from '../../engine/values';

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
