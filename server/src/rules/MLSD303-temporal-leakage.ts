import type { Rule } from './types';

export const mlsd303: Rule = {
  meta: {
    id: 'MLSD303',
    alias: 'temporal-leakage',
    title: 'Temporal leakage',
    step: 3,
    defaultSeverity: 'error',
    fixable: 'none',
    description: '`data.split.strategy` is `random` and some `data.sources[]` has `temporal: true` (or kind `interactions`/`logs`), or task type is forecasting; message names the temporal source',
  },
  check() {
    // TODO: implement
  },
};
