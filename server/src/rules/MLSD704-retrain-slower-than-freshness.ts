import { replaceScalar } from '../engine/edits';
import { formatDuration, round } from '../engine/values';
import type { Rule } from './types';

export const mlsd704: Rule = {
  meta: {
    id: 'MLSD704',
    alias: 'retrain-slower-than-freshness',
    title: 'Retraining is slower than the freshness requirement',
    step: 7,
    defaultSeverity: 'warning',
    fixable: 'none',
    description: '`monitoring.retraining.cadence` is longer than `requirements.performance.freshness`.',
  },
  check({ doc, report }) {
    const cadNode = doc.node('monitoring.retraining.cadence');
    const freshNode = doc.node('requirements.performance.freshness');
    const cadence = doc.durationOf(cadNode);
    const freshness = doc.durationOf(freshNode);
    if (cadence === undefined || freshness === undefined || !cadNode || !freshNode) return;
    if (!(cadence > freshness)) return;
    const c = formatDuration(cadence);
    const f = formatDuration(freshness);
    const ratio = freshness > 0 ? ` (${round(cadence / freshness, 2)}× the budget)` : '';
    const edit = replaceScalar(cadNode, f);
    report({
      ...doc.valueSpan(cadNode),
      message: `Retraining every ${c} is slower than the ${f} freshness requirement`,
      explanation:
        `\`monitoring.retraining.cadence\` is ${c}, but \`requirements.performance.freshness\` allows the model to be at most ${f} stale: ` +
        `just before each retrain the model is up to ${c} old${ratio}. ` +
        `Retrain at least every ${f} (\`cadence: ${f}\`, or continual/incremental training), or relax \`freshness\` if ${c} is really acceptable.`,
      suggestions: edit ? [{ title: `Change to \`${f}\``, edits: [edit], safe: false }] : undefined,
      related: [{ ...doc.valueSpan(freshNode), message: `freshness requirement: ${f}` }],
      data: { cadence, freshness },
    });
  },
};
