import { insertField } from '../engine/edits';
import type { Fix, Rule } from './types';

export const mlsd204: Rule = {
  meta: {
    id: 'MLSD204',
    alias: 'missing-output-use',
    title: 'How the output is used is not stated',
    step: 2,
    defaultSeverity: 'info',
    fixable: 'none',
    description: '`framing.output_use` (ranking, threshold, probability, action, generation) is missing.',
  },
  check({ doc, report }) {
    const path = 'framing.output_use';
    if (doc.stated(path)) return;
    const { node, span } = doc.field(path);
    const t = doc.taskType();
    const likely: string[] = doc.ranksOrRecommends()
      ? ['ranking']
      : t === 'text-generation' || t === 'image-generation'
        ? ['generation']
        : t && /classification|anomaly/.test(t)
          ? ['threshold', 'probability']
          : [];
    const suggestions: Fix[] = [];
    if (!node) {
      for (const v of likely) {
        const edit = insertField(doc, ['framing'], 'output_use', v);
        if (edit) suggestions.push({ title: `Add \`output_use: ${v}\``, edits: [edit], safe: false });
      }
    }
    report({
      ...span,
      message: `No \`framing.output_use\`: how the prediction is consumed — a ranked list, a threshold decision, a calibrated probability (an ad auction), an action — decides whether calibration matters and which metrics are enough (AUC alone says nothing about calibration). Add e.g. \`output_use: ${likely[0] ?? 'threshold'}\`.`,
      suggestions: suggestions.length ? suggestions : undefined,
    });
  },
};
