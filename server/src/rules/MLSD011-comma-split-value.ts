import { commaSplits, quoteYaml } from '../engine/commaSplits';
import { code, listNames } from './support';
import type { Rule } from './types';

/** Shortens a written piece for a headline. */
function clip(s: string, max: number): string {
  const one = s.replace(/\s+/g, ' ').trim();
  return one.length > max ? `${one.slice(0, max - 1)}…` : one;
}

export const mlsd011: Rule = {
  meta: {
    id: 'MLSD011',
    alias: 'comma-split-value',
    title: 'Comma split a value inside `{…}`',
    step: 0,
    defaultSeverity: 'warning',
    fixable: 'safe',
    description:
      'Inside a flow mapping (`{…}`) a comma separates entries, so a plain value with a comma is cut: `{architecture: ResNet-18, ImageNet weights}` reads `architecture: ResNet-18` plus a key `ImageNet weights` with no value. The safe fix quotes the whole intended value.',
  },
  check({ doc, report }) {
    for (const s of commaSplits(doc).splits) {
      const value = doc.text.slice(s.value.start, s.value.end);
      const keys = s.lone.map((l) => code(clip(l, 24)));
      const quoted = quoteYaml(s.intended);
      const headline = `A comma split \`${clip(s.key, 24)}\`: YAML read \`${clip(value, 20)}\` plus ${
        s.lone.length === 1 ? `a key ${keys[0]}` : `${s.lone.length} keys`
      } with no value`;
      report({
        start: s.start,
        end: s.end,
        message: headline.length <= 100 ? headline : `A comma cut the value of \`${clip(s.key, 40)}\` inside \`{…}\``,
        explanation: `Inside \`{…}\` a comma separates entries, so YAML read \`${s.key}: ${value}\` and the key${
          s.lone.length === 1 ? '' : 's'
        } ${listNames(
          s.lone.map((l) => code(l)),
          4,
        )} with no value. The cut value is treated as unknown by every check (\`{dau: 10,000,000}\` must not be read as 10). Quote the whole value: \`${s.key}: ${quoted}\`, or write the mapping in block style.`,
        fix:
          s.oneLine && !s.value.aliased
            ? {
                title: `Quote the whole value: ${clip(quoted, 60)}`,
                edits: [{ start: s.value.start, end: s.end, newText: quoted }],
                safe: true,
              }
            : undefined,
        related: [{ ...doc.valueSpan(s.value), message: `the value of \`${s.key}\` was cut here` }],
      });
    }
  },
};
