import { replaceScalar } from '../engine/edits';
import { EXPERIMENT as X } from './support';
import type { Rule } from './types';

const num = (x: number) => (Number.isInteger(x) ? String(x) : String(Math.round(x * 10) / 10));

export const mlsd516: Rule = {
  meta: {
    id: 'MLSD516',
    alias: 'experiment-shorter-than-a-week',
    title: 'Online experiment shorter than a week',
    step: 5,
    defaultSeverity: 'warning',
    fixable: 'none',
    options: ['min_experiment_days'],
    description:
      'experiment type `ab`, `switchback` or missing, and `duration_days` < `min_experiment_days`; message shows the weekdays covered',
  },
  check({ doc, report, options }) {
    if (doc.stated(`${X}.type`)) {
      const type = doc.enumOf(`${X}.type`);
      if (type !== 'ab' && type !== 'switchback') return;
    }
    const d = doc.number(`${X}.duration_days`);
    const min = options.min_experiment_days;
    if (d === undefined || !(d > 0) || d >= min) return;
    const node = doc.node(`${X}.duration_days`)!;
    const weeks = Math.max(7, Math.ceil(min / 7) * 7);
    const covered = Math.min(7, Math.ceil(d));
    const edit = replaceScalar(node, String(weeks));
    report({
      ...doc.valueSpan(node),
      message: `A ${num(d)}-day test covers ${covered} of 7 weekdays: weekday mix and novelty can decide it`,
      explanation: `A ${num(d)}-day test covers ${covered} of 7 weekdays: weekday mix and novelty effects can decide the result, because users behave differently on weekends and react to anything new for the first days. Run at least ${min} days, in whole weeks (\`duration_days: ${weeks}\`).`,
      suggestions: edit ? [{ title: `Run the test for ${weeks} days`, edits: [edit], safe: false }] : undefined,
    });
  },
};
