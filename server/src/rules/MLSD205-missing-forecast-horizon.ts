import { docTaskTypes } from '../engine/facts';
import { reportMissing } from './support';
import type { Related, Rule } from './types';

export const mlsd205: Rule = {
  meta: {
    id: 'MLSD205',
    alias: 'missing-forecast-horizon',
    title: 'Forecasting without a horizon',
    step: 2,
    defaultSeverity: 'info',
    fixable: 'none',
    description: 'The doc task types include forecasting and `framing.horizon` is missing.',
  },
  check(ctx) {
    const { doc } = ctx;
    if (doc.stated('framing.horizon')) return;
    if (!docTaskTypes(doc).includes('forecasting')) return;
    const tt = doc.node('framing.task_type');
    const related: Related[] =
      tt && doc.taskType() === 'forecasting' ? [{ ...doc.valueSpan(tt), message: 'task type forecasting' }] : [];
    reportMissing(ctx, {
      path: 'framing.horizon',
      because: 'for a forecasting task',
      explanation:
        'Forecasting without a horizon: state how far ahead forecasts reach (`framing.horizon: 8w`). The horizon ' +
        'decides which lag features exist at forecast time (MLSD312), how backtests are cut (train up to T, score ' +
        'T+1 … T+horizon) and which errors matter.',
      related,
    });
  },
};
