import { fillField, replaceScalar } from '../engine/edits';
import { dynamicFeatures, predictionFreshness } from '../engine/facts';
import { formatDuration } from '../engine/values';
import { clip, code } from './support';
import type { Fix, Related, Rule } from './types';

const DAY = 86_400_000;

export const mlsd603: Rule = {
  meta: {
    id: 'MLSD603',
    alias: 'batch-with-realtime-features',
    title: 'Batch prediction cannot use fresh inputs',
    step: 6,
    defaultSeverity: 'warning',
    fixable: 'none',
    description:
      '`serving.mode: batch` and some feature has freshness streaming/realtime, or the prediction-freshness requirement (`prediction_freshness`, or `freshness` in the batch reading) is shorter than 1d and `serving.refresh` is not stated.',
  },
  check({ doc, report }) {
    if (doc.enumOf('serving.mode') !== 'batch') return;
    const modeNode = doc.node('serving.mode')!;
    const feats = dynamicFeatures(doc);
    // with a stated refresh, MLSD610 compares it with the requirement
    const pf = doc.stated('serving.refresh') ? undefined : predictionFreshness(doc);
    const freshness = pf?.ms;
    const tooFresh = freshness !== undefined && freshness < DAY;
    if (!feats.length && !tooFresh) return;

    const f = tooFresh ? formatDuration(freshness!) : '';
    const reasons: string[] = [];
    if (feats.length) {
      const shown = feats.slice(0, 4).map((x) => `\`${x.id}\` (${x.freshness})`);
      if (feats.length > 4) shown.push(`${feats.length - 4} more`);
      reasons.push(
        `${feats.length === 1 ? 'feature' : 'features'} ${shown.join(', ')} change${feats.length === 1 ? 's' : ''} between runs and would only be seen as ${feats.length === 1 ? 'it was' : 'they were'} at the last run`,
      );
    }
    if (tooFresh)
      reasons.push(
        `predictions must be at most ${f} old (\`${pf!.key}\`${pf!.key === 'freshness' ? ', read as prediction freshness in a batch system' : ''}), and nothing says how often the batch job runs: a daily job cannot meet it`,
      );
    const related: Related[] = feats
      .slice(0, 10)
      .map((x) => ({ ...doc.valueSpan(x.node), message: `\`${x.id}\` is ${x.freshness}` }));
    if (tooFresh) related.push({ ...doc.valueSpan(pf!.node), message: `prediction-freshness requirement: ${f}` });
    const suggestions: Fix[] = [];
    if (tooFresh && !feats.length) {
      const e = fillField(doc, ['serving'], 'refresh', f);
      if (e) suggestions.push({ title: `State \`serving.refresh: ${f}\``, edits: [e], safe: false });
    }
    for (const m of ['hybrid', 'online']) {
      const e = replaceScalar(modeNode, m);
      if (e) suggestions.push({ title: `Change to \`${m}\``, edits: [e], safe: false });
    }
    const headline = feats.length
      ? `\`serving.mode\` is batch, but ${feats.length === 1 ? `feature ${code(clip(feats[0].id, 30))} is ${feats[0].freshness}` : `${feats.length} features are realtime or streaming`}`
      : `Predictions are computed in batch, but must be at most ${f} old and \`serving.refresh\` is not stated`;
    report({
      ...doc.valueSpan(modeNode),
      message: headline,
      explanation:
        `\`serving.mode\` is batch, which precomputes predictions on a schedule from the inputs known at that time; but ${reasons.join('; and ')}. ` +
        (feats.length
          ? 'Serve `online` or `hybrid` (batch candidates, online scoring with the fresh features), or make those inputs batch.'
          : `State how often the batch job runs (\`serving.refresh: ${f}\` or shorter), or serve online.`),
      suggestions,
      related,
    });
  },
};
