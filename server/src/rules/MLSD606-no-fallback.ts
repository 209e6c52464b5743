import { apiCandidatesWithoutFallback, servingOnline } from '../engine/facts';
import { reportMissing } from './support';
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
      'The system serves online (`serving.mode` online/hybrid/streaming, or `requirements.performance.mode` when `serving.mode` is missing) and `serving.fallback` is missing. Not reported when MLSD655 (no-provider-fallback) fires: a production model behind a vendor API with no fallback.',
  },
  check(ctx) {
    const { doc } = ctx;
    if (doc.stated('serving.fallback')) return;
    const s = servingOnline(doc);
    if (!s.online) return;
    // genai.md §8: MLSD655 reports the same missing fallback, with the vendor API as the reason
    if (apiCandidatesWithoutFallback(doc).length) return;
    const value = doc.ranksOrRecommends() ? "serve precomputed popular items for the user's segment" : 'TBD';
    reportMissing(ctx, {
      path: 'serving.fallback',
      span: ctx.doc.missingSpan('serving.fallback'),
      because: 'so a model outage becomes a product outage',
      explanation:
        `\`${s.from}\` is ${s.mode}: say what users get when the model or a feature lookup times out or fails, ` +
        'or every outage of the model service becomes an outage of the product. ' +
        'Add e.g. `fallback: serve cached results, else the most popular items`.',
      value,
      title: 'Add a `fallback`',
      related: s.node ? [{ ...doc.valueSpan(s.node), message: `served ${s.mode}` }] : undefined,
    });
  },
};
