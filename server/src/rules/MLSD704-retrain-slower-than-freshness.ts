import { replaceScalar } from '../engine/edits';
import { batchReading, isGenerative, trainsWeights } from '../engine/facts';
import { formatDuration, round } from '../engine/values';
import type { Fix, Rule } from './types';

export const mlsd704: Rule = {
  meta: {
    id: 'MLSD704',
    alias: 'retrain-slower-than-freshness',
    title: 'Retraining is slower than the freshness requirement',
    step: 7,
    defaultSeverity: 'warning',
    fixable: 'none',
    description:
      '`monitoring.retraining.cadence` is longer than `requirements.performance.freshness` (the model-staleness budget), except in the batch reading, where `freshness` is the prediction-freshness requirement and MLSD610 applies. Not on a generative doc that trains no weights (genai.md §8): document freshness is `item_freshness`, checked by MLSD611.',
  },
  check({ doc, report }) {
    const cadNode = doc.node('monitoring.retraining.cadence');
    const freshNode = doc.node('requirements.performance.freshness');
    const cadence = doc.durationOf(cadNode);
    const freshness = doc.durationOf(freshNode);
    if (cadence === undefined || freshness === undefined || !cadNode || !freshNode) return;
    if (!(cadence > freshness)) return;
    if (batchReading(doc)) return;
    // genai.md §8: a prompted or retrieval-only system has no weights of its own to go stale
    if (isGenerative(doc) && !trainsWeights(doc)) return;
    const c = formatDuration(cadence);
    const f = formatDuration(freshness);
    const ratio = freshness > 0 ? ` (${round(cadence / freshness, 2)}×)` : '';
    const suggestions: Fix[] = [];
    const edit = replaceScalar(cadNode, f);
    if (edit) suggestions.push({ title: `Set \`cadence: ${f}\``, edits: [edit], safe: false });
    const canRename =
      !doc.stated('requirements.performance.prediction_freshness') &&
      !doc.node('requirements.performance.prediction_freshness') &&
      freshNode.keyStart !== undefined &&
      freshNode.keyEnd !== undefined &&
      !freshNode.aliased;
    if (canRename)
      suggestions.push({
        title: `Rename to \`prediction_freshness: ${f}\` (how fresh predictions must be, not the model)`,
        edits: [{ start: freshNode.keyStart!, end: freshNode.keyEnd!, newText: 'prediction_freshness' }],
        safe: false,
      });
    report({
      ...doc.valueSpan(cadNode),
      message: `Retraining every ${c} is slower than the ${f} model-freshness budget${ratio}`,
      explanation:
        `\`monitoring.retraining.cadence\` is ${c}, but \`requirements.performance.freshness\` allows the model to be at most ${f} stale: ` +
        `just before each retrain the model is up to ${c} old${ratio}. ` +
        `Retrain at least every ${f} (\`cadence: ${f}\`, or \`trigger: continuous\`). ` +
        `If ${f} is how fresh predictions must be rather than the model — a job that re-scores every ${f} with fresh features — write it as \`prediction_freshness: ${f}\` and set \`freshness\` to the model age you accept.`,
      suggestions,
      related: [{ ...doc.valueSpan(freshNode), message: `model-freshness budget: ${f}` }],
    });
  },
};
