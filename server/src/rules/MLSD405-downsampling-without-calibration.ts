import type { Rule } from './types';

export const mlsd405: Rule = {
  meta: {
    id: 'MLSD405',
    alias: 'downsampling-without-calibration',
    title: 'Downsampling without calibration',
    step: 4,
    defaultSeverity: 'warning',
    fixable: 'none',
    description: '`model.training.negative_sampling_rate` < 1 (or imbalance handling includes negative-downsampling/undersampling), `framing.output_use` is `probability` (or archetype ad-click-prediction), and `model.calibration` missing',
  },
  check() {
    // TODO: implement
  },
};
