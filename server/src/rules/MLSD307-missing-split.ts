import { reportMissing } from './support';
import { temporalSources } from '../engine/facts';
import type { Rule } from './types';

export const mlsd307: Rule = {
  meta: {
    id: 'MLSD307',
    alias: 'missing-split',
    title: 'No train/evaluation split strategy',
    step: 3,
    defaultSeverity: 'warning',
    fixable: 'none',
    description: '`data.split.strategy` is missing.',
  },
  check(ctx) {
    const { doc } = ctx;
    if (doc.stated('data.split.strategy')) return;
    const timeOrdered = temporalSources(doc).length > 0 || doc.effectiveTaskTypes().includes('forecasting');
    const value = timeOrdered ? 'temporal' : 'random';
    reportMissing(ctx, {
      path: 'data.split.strategy',
      because: timeOrdered ? 'though this doc has time-ordered data' : undefined,
      explanation:
        'How train, validation and test data are separated decides whether offline metrics can be trusted ' +
        '(a random split of time-ordered data leaks the future; rows of one user or query on both sides leak identity). ' +
        (timeOrdered
          ? 'This doc has time-ordered data, so add `split: {strategy: temporal, key: event_time}` under `data`.'
          : 'Add e.g. `split: {strategy: random, ratios: 80/10/10}` under `data` (or `temporal` for time-ordered rows, `group` to keep each user on one side).'),
      value,
    });
  },
};
