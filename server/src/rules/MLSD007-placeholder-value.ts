import { specAt, type FieldSpec } from '../engine/catalog';
import { pathOf, walk, type MNode } from '../engine/parse';
import { isPlaceholder } from '../engine/values';
import { clip } from './support';
import type { Rule } from './types';

/** Top-level keys whose content is free form (format.md): nothing inside is checked. */
const FREE = new Set(['infrastructure', 'cost', 'milestones', 'references']);

function label(path: (string | number)[]): string {
  let out = '';
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : out ? `.${p}` : p;
  return out;
}

/** What a real value looks like, for the message. */
function exampleFor(spec: FieldSpec | undefined): string | undefined {
  if (!spec) return undefined;
  if (spec.example) return `e.g. \`${spec.example}\``;
  const s = spec.type === 'list' && spec.item ? spec.item : spec;
  switch (s.type) {
    case 'enum': {
      const vals = (s.enum ?? []).map((e) => `\`${e.value}\``);
      return vals.length ? `one of ${vals.slice(0, 5).join(', ')}${vals.length > 5 ? ', …' : ''}` : undefined;
    }
    case 'quantity':
      return 'a figure like `10M`';
    case 'bytes':
      return 'a size like `64GB`';
    case 'rate':
      return 'a rate like `2%`';
    case 'duration':
      return 'a duration like `1d` or `15min`';
    case 'latency':
      return 'a latency like `200ms`';
    case 'number':
      return 'a number';
    case 'integer':
      return 'a whole number';
    case 'bool':
      return '`true` or `false`';
    case 'id':
      return 'an id like `click_logs`';
    case 'ref':
      return 'one of the declared ids';
    case 'metric':
      return 'a metric like `ndcg@10` or `pr-auc`';
    case 'map':
      return undefined;
    default:
      return undefined;
  }
}

export const mlsd007: Rule = {
  meta: {
    id: 'MLSD007',
    alias: 'placeholder-value',
    title: 'Placeholder still to fill in',
    step: 0,
    defaultSeverity: 'info',
    fixable: 'none',
    description:
      'A value is a placeholder (`TBD`, `TODO`, `?`, `…`, `...`, any case), including a placeholder item of a list; every other rule treats it as not stated. Free-form sections and `x-` keys are not checked.',
  },
  check({ doc, report }) {
    const top = doc.top;
    if (!top) return;
    walk(top, (n: MNode) => {
      if (n.key !== undefined && n.parent === top && FREE.has(n.key)) return false;
      if (n.key?.startsWith('x-')) return false;
      // an alias repeats text written elsewhere: the placeholder is reported where it is written
      if (n.aliased) return false;
      if (n.kind !== 'scalar' || !isPlaceholder(n.value)) return;
      const path = pathOf(n);
      const where = label(path);
      const written = String(n.value).trim();
      const ex = exampleFor(specAt(path));
      const isItem = n.parent?.kind === 'seq';
      report({
        ...doc.valueSpan(n),
        message: `${isItem ? `An item of \`${clip(label(path.slice(0, -1)), 60)}\`` : `\`${clip(where, 60)}\``} is still \`${clip(written, 10)}\``,
        explanation: `Every check reads it as not stated, so this part of the design is open. ${isItem ? 'Replace it with the real item (or remove it)' : `Replace it with the real value${ex ? ` (${ex})` : ''}`} before review.`,
      });
    });
  },
};
