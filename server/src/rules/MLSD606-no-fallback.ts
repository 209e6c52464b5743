import { servingOnline } from '../engine/facts';
import { fillField } from '../engine/edits';
import type { Rule } from './types';

export const mlsd606: Rule = {
  meta: {
    id: 'MLSD606',
    alias: 'no-fallback',
    title: 'Online serving has no fallback',
    step: 6,
    defaultSeverity: 'info',
    fixable: 'none',
    description:
      'The system serves online (`serving.mode` online/hybrid/streaming, or `requirements.performance.mode` when `serving.mode` is missing) and `serving.fallback` is missing.',
  },
  check({ doc, report }) {
    if (doc.stated('serving.fallback')) return;
    const s = servingOnline(doc);
    if (!s.online) return;
    const value = doc.ranksOrRecommends() ? "serve precomputed popular items for the user's segment" : 'TBD';
    const edit = fillField(doc, ['serving'], 'fallback', value);
    report({
      ...doc.missingSpan('serving.fallback'),
      message:
        `\`${s.from}\` is ${s.mode}, but \`serving.fallback\` is missing: say what users get when the model or a feature lookup times out or fails, ` +
        'or every outage of the model service becomes an outage of the product. ' +
        'Add e.g. `fallback: serve cached results, else the most popular items`.',
      suggestions: edit ? [{ title: 'Add a `fallback`', edits: [edit], safe: false }] : undefined,
      related: s.node ? [{ ...doc.valueSpan(s.node), message: `served ${s.mode}` }] : undefined,
      data: { mode: s.mode, from: s.from },
    });
  },
};
