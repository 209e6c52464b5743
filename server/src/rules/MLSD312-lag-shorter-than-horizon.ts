import { child } from '../engine/parse';
import { formatPercent } from '../engine/values';
import { clip, code, fitHeadline, inDays, writtenWithDays } from './support';
import type { Rule } from './types';

export const mlsd312: Rule = {
  meta: {
    id: 'MLSD312',
    alias: 'lag-shorter-than-horizon',
    title: 'Forecasting feature lag shorter than the horizon',
    step: 3,
    defaultSeverity: 'warning',
    fixable: 'none',
    description:
      'The doc task types include forecasting, `framing.horizon` is stated, `framing.forecast_strategy` is not `recursive`, and a feature’s `lag` is shorter than the horizon.',
  },
  check({ doc, report }) {
    if (!doc.effectiveTaskTypes().includes('forecasting')) return;
    const hNode = doc.node('framing.horizon');
    const h = doc.durationOf(hNode);
    if (!hNode || h === undefined || h <= 0) return;
    // a stated strategy that is invalid is unknown: the rule does not guess that it is not recursive
    if (doc.stated('framing.forecast_strategy')) {
      const strategy = doc.enumOf('framing.forecast_strategy');
      if (!strategy || strategy === 'recursive') return;
    }
    const H = writtenWithDays(doc.textOf(hNode), h);
    doc.entries('data.features').forEach((f, i) => {
      const lagNode = child(f, 'lag');
      const lag = doc.durationOf(lagNode);
      if (!lagNode || lag === undefined || !(lag < h)) return;
      const id = doc.textOf(child(f, 'id')) ?? `feature ${i + 1}`;
      const L = inDays(lag);
      const share = formatPercent((h - lag) / h);
      const name = code(clip(id, 24));
      report({
        ...doc.valueSpan(lagNode),
        message: fitHeadline([
          `Feature ${name} has lag ${L}, but forecasts reach ${H} ahead: unavailable for ${share} of the horizon`,
          `Feature ${name} has lag ${L}, shorter than the ${H} forecast horizon`,
          `A feature's lag ${L} is shorter than the ${H} forecast horizon`,
        ]),
        explanation:
          `${code(id)} uses the value ${L} before the target, but forecasts reach ${H} ahead: ` +
          `for targets more than ${L} out (${share} of the horizon) that value lies after the forecast time. ` +
          'Trained on actual lags, the model leans on an input serving cannot supply, and backtests overstate accuracy at longer horizons. ' +
          `Use lags ≥ ${inDays(h)}, train one model per horizon bucket with lags ≥ the bucket's start, ` +
          'or forecast recursively (`framing.forecast_strategy: recursive`).',
        related: [{ ...doc.valueSpan(hNode), message: `forecast horizon: ${H}` }],
      });
    });
  },
};
