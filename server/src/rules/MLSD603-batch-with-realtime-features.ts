import { replaceScalar } from '../engine/edits';
import { formatDuration } from '../engine/values';
import { dynamicFeatures } from '../engine/facts';
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
      '`serving.mode: batch` and some feature has freshness streaming/realtime, or `requirements.performance.freshness` is shorter than 1d.',
  },
  check({ doc, report }) {
    if (doc.enumOf('serving.mode') !== 'batch') return;
    const modeNode = doc.node('serving.mode')!;
    const feats = dynamicFeatures(doc);
    const freshNode = doc.node('requirements.performance.freshness');
    const freshness = doc.durationOf(freshNode);
    const tooFresh = freshness !== undefined && freshness < DAY;
    if (!feats.length && !tooFresh) return;

    const reasons: string[] = [];
    if (feats.length) {
      const shown = feats.slice(0, 4).map((f) => `\`${f.id}\` (${f.freshness})`);
      if (feats.length > 4) shown.push(`${feats.length - 4} more`);
      reasons.push(
        `${feats.length === 1 ? 'feature' : 'features'} ${shown.join(', ')} change${feats.length === 1 ? 's' : ''} between runs and would only be seen as ${feats.length === 1 ? 'it was' : 'they were'} at the last run`,
      );
    }
    if (tooFresh) {
      reasons.push(
        `\`requirements.performance.freshness\` is ${formatDuration(freshness!)}, shorter than the usual daily batch, so predictions go stale before the next run`,
      );
    }
    const related: Related[] = feats
      .slice(0, 10)
      .map((f) => ({ ...doc.valueSpan(f.node), message: `\`${f.id}\` is ${f.freshness}` }));
    if (tooFresh && freshNode)
      related.push({ ...doc.valueSpan(freshNode), message: `freshness ${formatDuration(freshness!)}` });
    const suggestions: Fix[] = [];
    for (const m of ['hybrid', 'online']) {
      const e = replaceScalar(modeNode, m);
      if (e) suggestions.push({ title: `Change to \`${m}\``, edits: [e], safe: false });
    }
    const headline = feats.length
      ? feats.length === 1
        ? `feature ${code(clip(feats[0].id, 30))} is ${feats[0].freshness}`
        : `${feats.length} features are realtime or streaming`
      : `the required freshness is ${formatDuration(freshness!)}, shorter than a daily run`;
    report({
      ...doc.valueSpan(modeNode),
      message: `\`serving.mode\` is batch, but ${headline}`,
      explanation:
        `\`serving.mode\` is batch, which precomputes predictions on a schedule from the inputs known at that time; but ${reasons.join('; and ')}. ` +
        'Serve `online` or `hybrid` (batch candidates, online scoring with the fresh features), or make those inputs batch and relax the freshness requirement.',
      suggestions,
      related,
      data: { features: feats.map((f) => ({ id: f.id, freshness: f.freshness })), freshness },
    });
  },
};
