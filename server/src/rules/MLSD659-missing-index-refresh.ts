import { itemFreshness, retrievalCorpus, retrieves } from '../engine/facts';
import { child } from '../engine/parse';
import { formatDuration } from '../engine/values';
import { clip, code, listNames, reportMissing } from './support';
import { firstSpan } from './support/serving';
import type { Rule } from './types';

export const mlsd659: Rule = {
  meta: {
    id: 'MLSD659',
    alias: 'missing-index-refresh',
    title: 'A retrieving system states no index refresh',
    step: 6,
    defaultSeverity: 'warning',
    fixable: 'none',
    description:
      'the doc retrieves (genai.md §4) and `serving.index.refresh` is not stated (a stated refresh slower than `item_freshness` is MLSD611)',
  },
  check(ctx) {
    const { doc } = ctx;
    if (!retrieves(doc) || doc.stated('serving.index.refresh')) return;
    const ids = retrievalCorpus(doc).map((s, i) => doc.textOf(child(s, 'id')) ?? `source ${i + 1}`);
    const from = ids.length ? `from ${listNames(ids.map((s) => code(clip(s, 24))))}` : 'from the retrieval index';
    const fresh = itemFreshness(doc);
    const req = fresh
      ? ` The requirement is \`item_freshness: ${formatDuration(fresh.ms)}\`: refresh at least that often.`
      : '';
    reportMissing(ctx, {
      path: 'serving.index.refresh',
      span: firstSpan(doc, ['serving.index', 'serving']),
      because: 'so deleted documents stay retrievable for an unknown time',
      explanation:
        `Answers are drawn ${from}, but no index refresh is stated: nothing says how soon new, edited and deleted documents reach retrieval, so answers can cite outdated pages and documents that were removed (including erasure requests).${req} ` +
        'Add `serving.index.refresh` (≤ `requirements.performance.item_freshness`), with incremental upserts and deletes rather than only nightly rebuilds.',
      related: fresh
        ? [{ ...doc.valueSpan(fresh.node), message: `item_freshness: ${formatDuration(fresh.ms)}` }]
        : undefined,
    });
  },
};
