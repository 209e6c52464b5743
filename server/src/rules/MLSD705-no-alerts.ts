import { fillField } from '../engine/edits';
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
  check({ doc, report }) {
    if (doc.stated('monitoring.alerts')) return;
    const edit = fillField(doc, ['monitoring'], 'alerts', [
      { metric: 'p99 latency', threshold: 'TBD', action: 'page on-call' },
    ]);
    report({
      ...doc.missingSpan('monitoring.alerts'),
      message:
        '`monitoring.alerts` is missing: dashboards nobody watches do not catch a latency spike or a drifting model. ' +
        'Say which metric crosses which threshold and what happens then, e.g. `alerts: [{metric: p99 latency, threshold: "> 200ms for 5 min", action: page on-call}]`.',
      suggestions: edit ? [{ title: 'Add an alert', edits: [edit], safe: false }] : undefined,
    });
  },
};
