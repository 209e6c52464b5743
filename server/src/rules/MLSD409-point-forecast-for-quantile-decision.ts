import { docOfflineMetrics, lossPieces } from '../engine/facts';
import { normalQuantile } from '../engine/figures';
import { formatPercent, round } from '../engine/values';
import { clip, code, fitHeadline } from './support';
import type { Rule } from './types';

/** The point statistic each point loss trains (rules.md MLSD409: mse, mae, huber, msle, tweedie). */
const TRAINS: Record<string, string> = {
  mse: 'mean',
  tweedie: 'mean',
  msle: 'mean',
  mae: 'median',
  huber: 'mean',
};
const QUANTILE_METRICS = ['pinball', 'crps', 'coverage'];

export const mlsd409: Rule = {
  meta: {
    id: 'MLSD409',
    alias: 'point-forecast-for-quantile-decision',
    title: 'Point forecast trained for a quantile decision',
    step: 4,
    defaultSeverity: 'warning',
    fixable: 'none',
    description:
      '`requirements.service_level` τ is stated with |τ − 0.5| ≥ 0.05, the task is regression or forecasting, every known piece of `model.loss` is a point loss (mse, mae, huber, msle, tweedie), and no offline metric is pinball, crps or coverage.',
  },
  check({ doc, report }) {
    const slNode = doc.node('requirements.service_level');
    const tau = doc.rate('requirements.service_level');
    if (!slNode || tau === undefined || !(Math.abs(tau - 0.5) >= 0.05 - 1e-12)) return;
    if (!doc.effectiveTaskTypes().some((t) => t === 'regression' || t === 'forecasting')) return;
    const lossNode = doc.node('model.loss');
    if (!lossNode) return;
    const known = lossPieces(doc, lossNode).filter((p) => p.loss);
    if (!known.length || !known.every((p) => p.loss!.name in TRAINS)) return;
    if (docOfflineMetrics(doc).some((m) => m.info && QUANTILE_METRICS.includes(m.info.name))) return;
    const z = normalQuantile(tau);
    if (z === undefined) return;
    const names = [...new Set(known.map((p) => p.loss!.name))];
    const stats = [...new Set(names.map((n) => TRAINS[n]))];
    const stat = stats.length === 1 ? stats[0] : 'mean or median';
    const loss = doc.textOf(lossNode) ?? names.join(' + ');
    const q = round(tau, 3);
    const sl = formatPercent(tau);
    const lossCode = code(`loss: ${clip(loss, 24)}`);
    const slCode = code(`service_level: ${sl}`);
    const half =
      stat === 'median'
        ? 'planning to the median covers the target in exactly half of the periods'
        : `planning to the ${stat} covers the target in about half of the periods${names.includes('mae') ? ' (`mae` trains the median: exactly half)' : ''}`;
    const sign = z >= 0 ? '+' : '−';
    report({
      ...doc.valueSpan(lossNode),
      message: fitHeadline([
        `${slCode} needs the ${q} quantile, but ${lossCode} trains a ${stat} forecast`,
        `${slCode} needs the ${q} quantile, but the loss trains a ${stat} forecast`,
      ]),
      explanation:
        `${slCode} means planning to the ${q} quantile of the target, but ${code(`loss: ${loss}`)} trains a ${stat} forecast: ` +
        `${half}, not ${sl}. For roughly normal errors the ${q} quantile is the mean ${sign} ${round(Math.abs(z), 4)}σ. ` +
        `Train the quantile directly (\`loss: quantile\` at τ = ${q}, evaluated with \`pinball\`) or a distributional model ` +
        '(`poisson`, quantiles from its distribution), and report interval `coverage`.',
      related: [{ ...doc.valueSpan(slNode), message: `service level: ${sl}` }],
    });
  },
};
