import { recalibrate } from '../engine/figures';
import type { MNode } from '../engine/parse';
import { round } from '../engine/values';
import { fitHeadline, missingHeadline, reportMissing } from './support';
import type { Related, Rule } from './types';

export const mlsd405: Rule = {
  meta: {
    id: 'MLSD405',
    alias: 'downsampling-without-calibration',
    title: 'Downsampled negatives without recalibration',
    step: 4,
    defaultSeverity: 'warning',
    fixable: 'none',
    description:
      '`model.training.negative_sampling_rate` < 1 (or `data.imbalance.handling` includes negative-downsampling or undersampling), `framing.output_use` is `probability` (or the archetype is ad-click-prediction), and `model.calibration` is missing.',
  },
  check(ctx) {
    const { doc } = ctx;
    if (doc.stated('model.calibration')) return;

    // the downsampling: a sampling rate w < 1, or a downsampling technique in the imbalance handling
    const wNode = doc.node('model.training.negative_sampling_rate');
    const rate = doc.rate('model.training.negative_sampling_rate');
    const w = rate !== undefined && rate > 0 && rate < 1 ? rate : undefined;
    let technique: { name: string; node: MNode } | undefined;
    for (const item of doc.list('data.imbalance.handling')) {
      const v = doc.enumValueOf(item);
      if (v === 'negative-downsampling' || v === 'undersampling') {
        technique = { name: v, node: item };
        break;
      }
    }
    if (w === undefined && !(rate === 0) && !technique) return;

    // the output is consumed as a probability
    const use = doc.enumOf('framing.output_use');
    const archetype = doc.archetype();
    const useNode = doc.node('framing.output_use');
    let consumer: string;
    const related: Related[] = [];
    if (use === 'probability') {
      consumer = '`framing.output_use` is probability';
      if (useNode) related.push({ ...doc.valueSpan(useNode), message: 'output used as a probability' });
    } else if (archetype === 'ad-click-prediction') {
      consumer = 'the archetype is ad-click-prediction (pCTR × bid decides the auction)';
      const an = doc.node('archetype');
      if (an) related.push({ ...doc.valueSpan(an), message: 'ad-click-prediction' });
    } else return;

    let sampling: string;
    let short: string;
    let example = '';
    if (w !== undefined && wNode) {
      const q = recalibrate(0.5, w);
      sampling = `training keeps ${round(w * 100, 3)}% of the negatives (\`negative_sampling_rate: ${String(wNode.value)}\`)`;
      short = fitHeadline(
        [
          `only ${round(w * 100, 3)}% of negatives are kept: a predicted 0.5 is ≈ ${round(q, 2)}`,
          'negatives are downsampled',
        ],
        100 - missingHeadline('model.calibration', 'though ').length,
      );
      example = ` (with w = ${round(w, 4)}, a predicted 0.5 is really ≈ ${round(q, 3)})`;
      related.unshift({ ...doc.valueSpan(wNode), message: `negative sampling rate w = ${round(w, 4)}` });
    } else if (rate === 0 && wNode) {
      sampling = 'training keeps no negatives at all (`negative_sampling_rate: 0`)';
      short = 'training keeps no negatives at all';
      related.unshift({ ...doc.valueSpan(wNode), message: 'negative sampling rate 0' });
    } else {
      sampling = `\`data.imbalance.handling\` includes ${technique!.name}`;
      short = `negatives are downsampled (\`${technique!.name}\`)`;
      related.unshift({ ...doc.valueSpan(technique!.node), message: technique!.name });
    }
    const wText = w !== undefined ? `, w = ${round(w, 4)},` : ', where w is the share of negatives kept,';
    const value = `recalibrate q = p / (p + (1 − p) / w) ${w !== undefined ? `with w = ${round(w, 4)}` : 'with w = the share of negatives kept'} and check ECE on data that is not downsampled`;
    reportMissing(ctx, {
      path: 'model.calibration',
      because: `though ${short}`,
      explanation:
        `${sampling.charAt(0).toUpperCase()}${sampling.slice(1)} and ${consumer}. ` +
        `Dropping negatives inflates every predicted probability${example}, which corrupts bids, thresholds and log loss. ` +
        `Recalibrate with q = p / (p + (1 − p) / w)${wText} and state it under \`model.calibration\`.`,
      value,
      title: 'Add recalibration to `model.calibration`',
      related,
    });
  },
};
