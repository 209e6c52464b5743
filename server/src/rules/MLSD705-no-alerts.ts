import { reportMissing } from './support';
import type { Rule } from './types';

export const mlsd705: Rule = {
  meta: {
    id: 'MLSD705',
    alias: 'no-alerts',
    title: 'Monitoring has no alerts',
    step: 7,
    defaultSeverity: 'info',
    fixable: 'none',
    description: '`monitoring.alerts` is missing.',
  },
  check(ctx) {
    if (ctx.doc.stated('monitoring.alerts')) return;
    reportMissing(ctx, {
      path: 'monitoring.alerts',
      span: ctx.doc.missingSpan('monitoring.alerts'),
      because: 'so nobody is told when a monitored metric goes wrong',
      explanation:
        'Dashboards nobody watches do not catch a latency spike or a drifting model. ' +
        'Say which metric crosses which threshold and what happens then, e.g. `alerts: [{metric: p99 latency, threshold: "> 200ms for 5 min", action: page on-call}]`.',
      value: [{ metric: 'p99 latency', threshold: 'TBD', action: 'page on-call' }],
      title: 'Add an alert',
    });
  },
};
