import { replaceScalar } from '../engine/edits';
import { formatDuration, round } from '../engine/values';
import type { Rule } from './types';

export const mlsd611: Rule = {
  meta: {
    id: 'MLSD611',
    alias: 'index-refresh-exceeds-freshness',
    title: 'New items reach the index later than item freshness allows',
    step: 6,
    defaultSeverity: 'error',
    fixable: 'none',
    description:
      '`serving.index.refresh` and `requirements.performance.item_freshness` both stated, and the refresh interval is longer',
  },
  check({ doc, report }) {
    const refNode = doc.node('serving.index.refresh');
    const itemNode = doc.node('requirements.performance.item_freshness');
    const refresh = doc.durationOf(refNode);
    const item = doc.durationOf(itemNode);
    if (!refNode || !itemNode || refresh === undefined || item === undefined || !(refresh > item)) return;
    const r = formatDuration(refresh);
    const f = formatDuration(item);
    const ratio = item > 0 ? ` (${round(refresh / item, 2)}×)` : '';
    const edit = replaceScalar(refNode, f);
    report({
      ...doc.valueSpan(refNode),
      message: `New items reach the index every ${r}, but \`item_freshness\` requires ${f}${ratio}`,
      explanation:
        `New items reach the index every ${r} (\`serving.index.refresh\`), but \`item_freshness\` requires them to be servable within ${f}: ` +
        `an item added just after a refresh waits up to ${r}${ratio}, invisible to retrieval however well the model would score it. ` +
        `Insert new items incrementally (HNSW and IVF support adds), refresh every ${f}, or serve fresh items from a small side index merged at query time.`,
      related: [{ ...doc.valueSpan(itemNode), message: `item freshness requirement: ${f}` }],
      suggestions: edit ? [{ title: `Set \`refresh: ${f}\``, edits: [edit], safe: false }] : [],
    });
  },
};
