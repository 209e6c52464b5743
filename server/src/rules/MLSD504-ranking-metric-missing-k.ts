import type { Rule } from './types';

export const mlsd504: Rule = {
  meta: {
    id: 'MLSD504',
    alias: 'ranking-metric-missing-k',
    title: 'Ranking metric missing k',
    step: 5,
    defaultSeverity: 'warning',
    fixable: 'none',
    description: '`precision`/`recall`/`ndcg`/`map`/`hit-rate` used as a ranking metric without a cutoff `@k`, or a detection `ap`/`map` without `@iou=` / `iou_threshold`',
  },
  check() {
    // TODO: implement
  },
};
