import { replaceScalar } from '../engine/edits';
import { predictionFreshness } from '../engine/facts';
import { formatDuration, round } from '../engine/values';
import type { Rule } from './types';

export const mlsd610: Rule = {
  meta: {
    id: 'MLSD610',
    alias: 'prediction-refresh-exceeds-freshness',
    title: 'Batch predictions are refreshed less often than they may age',
    step: 6,
    defaultSeverity: 'error',
    fixable: 'none',
    description:
      '`serving.refresh` and the prediction-freshness requirement (`prediction_freshness`, or `freshness` in the batch reading) both stated, and the refresh interval is longer',
  },
  check({ doc, report }) {
    const refNode = doc.node('serving.refresh');
    const refresh = doc.durationOf(refNode);
    const pf = predictionFreshness(doc);
    if (!refNode || refresh === undefined || !pf || pf.ms === undefined || !(refresh > pf.ms)) return;
    const r = formatDuration(refresh);
    const f = formatDuration(pf.ms);
    const ratio = pf.ms > 0 ? ` (${round(refresh / pf.ms, 2)}× the budget)` : '';
    const whose =
      pf.key === 'prediction_freshness'
        ? '`prediction_freshness`'
        : '`freshness`, read as prediction freshness because the system predicts in batch and states no `prediction_freshness`';
    const edit = replaceScalar(refNode, f);
    report({
      ...doc.valueSpan(refNode),
      message: `Predictions are recomputed every ${r} (\`serving.refresh\`) but may be at most ${f} old${ratio}`,
      explanation:
        `Batch predictions are recomputed every ${r} (\`serving.refresh\`), but may be at most ${f} old (${whose}): ` +
        `just before each run, served scores are up to ${r} old${ratio}, computed from inputs that have moved on since. ` +
        `Refresh at least every ${f} (\`refresh: ${f}\`), or move the fast-changing part online (score online with fresh features, keep the batch job for candidates).`,
      related: [{ ...doc.valueSpan(pf.node), message: `prediction-freshness requirement: ${f}` }],
      suggestions: edit ? [{ title: `Set \`refresh: ${f}\``, edits: [edit], safe: false }] : [],
    });
  },
};
