import { replaceScalar } from '../engine/edits';
import { scopedOfflineMetrics } from '../engine/facts';
import { child } from '../engine/parse';
import { checkedTaskTypes, clip, code, fitsType, pct } from './support';
import type { Rule } from './types';

const PERCENTAGE_ERRORS: readonly string[] = ['mape', 'smape'];

export const mlsd513: Rule = {
  meta: {
    id: 'MLSD513',
    alias: 'mape-with-zero-actuals',
    title: 'Percentage error on targets that can be zero',
    step: 5,
    defaultSeverity: 'warning',
    fixable: 'none',
    description:
      'an offline metric (in any list) is `mape` or `smape` and `data.labels.zero_rate` > 0; suggests `wape`',
  },
  check({ doc, report }) {
    const z = doc.rate('data.labels.zero_rate');
    if (z === undefined || !(z > 0)) return;
    const zeroNode = doc.node('data.labels.zero_rate');
    for (const m of scopedOfflineMetrics(doc).metrics) {
      const name = m.ref.info?.name;
      if (!name || !PERCENTAGE_ERRORS.includes(name)) continue;
      const written = clip(m.ref.written, 20);
      const why =
        name === 'mape'
          ? `${code(written)} divides each error by the actual, but ${pct(z)} of targets are 0 (\`zero_rate\`): it is undefined on those rows and explodes near 0, so the score depends on how the zeros are dropped. \`smape\` is no fix: it is 200% for any non-zero forecast of a zero and undefined at 0/0.`
          : `${code(written)} divides each error by (|y| + |ŷ|)/2, and ${pct(z)} of targets are 0 (\`zero_rate\`): any non-zero forecast of a zero scores the maximum 200% and a zero forecast of a zero is 0/0, so the score is driven by the zero rows and by how 0/0 is handled.`;
      const target = m.ref.node.aliased
        ? undefined
        : m.ref.node.kind === 'scalar'
          ? m.ref.node
          : m.ref.node.kind === 'map'
            ? child(m.ref.node, 'name')
            : undefined;
      // `mase` needs a seasonal-naive forecast: offered where it fits the metric's task types (MLSD503)
      const types = checkedTaskTypes(doc, m);
      const mase = !types.length || types.some((t) => fitsType(doc, 'mase', t.type));
      const edit = target ? replaceScalar(target, 'wape') : undefined;
      report({
        ...m.ref.span,
        message: `${code(written)} with ${pct(z)} zero targets (\`zero_rate\`): ${name === 'mape' ? 'undefined on those rows' : '200% on every zero row'}; use \`wape\``,
        explanation: `${why} Use \`wape\` (Σ|y − ŷ| / Σ|y|, safe with zero targets)${mase ? ' or `mase` (MAE relative to a seasonal-naive forecast)' : ''}.`,
        related: zeroNode ? [{ ...doc.valueSpan(zeroNode), message: `${pct(z)} of targets are 0` }] : undefined,
        suggestions: edit
          ? [{ title: `Replace ${code(written)} with \`wape\``, edits: [edit], safe: false }]
          : undefined,
      });
    }
  },
};
