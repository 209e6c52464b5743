import type { Rule } from './types';

export const mlsd510: Rule = {
  meta: {
    id: 'MLSD510',
    alias: 'ab-test-underpowered',
    title: 'Ab test underpowered',
    step: 5,
    defaultSeverity: 'warning',
    fixable: 'none',
    description: 'experiment type `ab` (or type missing), all other experiment fields stated, and n = 16·p(1−p)/(p·mde)² per arm exceeds eligible_units_per_day × duration_days × traffic_fraction / 2; message shows n and the days needed',
  },
  check() {
    // TODO: implement
  },
};
