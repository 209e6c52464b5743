import { EXPERIMENT as X, primaryMetricDelay } from './support';
import type { Rule } from './types';

const num = (x: number) => (Number.isInteger(x) ? String(x) : String(Math.round(x * 10) / 10));

export const mlsd515: Rule = {
  meta: {
    id: 'MLSD515',
    alias: 'primary-metric-unobservable',
    title: 'Primary metric not observable within the experiment',
    step: 5,
    defaultSeverity: 'warning',
    fixable: 'none',
    description:
      'the online metric that `evaluation.online.primary` names states a `delay` ≥ `experiment.duration_days` (type not `shadow`)',
  },
  check({ doc, report }) {
    if (doc.enumOf(`${X}.type`) === 'shadow') return;
    const d = doc.number(`${X}.duration_days`);
    if (d === undefined || !(d > 0)) return;
    const m = primaryMetricDelay(doc);
    if (!m || m.days < d) return;
    const node = doc.node(`${X}.duration_days`)!;
    const delay = doc.textOf(m.delayNode) ?? `${num(m.days)}d`;
    report({
      ...doc.valueSpan(node),
      message: `Primary metric \`${m.name}\` is known ${delay} after exposure, but the test runs ${num(d)} days`,
      explanation: `The primary metric \`${m.name}\` is known ${delay} after exposure (\`delay\`), but the experiment runs ${num(d)} days: no unit's outcome is observed by the readout. Read out at day ${num(d)} + ${num(m.days)} = ${num(d + m.days)} (\`duration_days\` counts to the readout), or make a metric observable within days primary (e.g. the decline rate or manual-review rate) and track \`${m.name}\` on a long-running holdout.`,
      related: [{ ...doc.valueSpan(m.delayNode), message: `delay of \`${m.name}\`` }],
    });
  },
};
