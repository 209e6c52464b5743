import type { Rule } from './types';

export const mlsd105: Rule = {
  meta: {
    id: 'MLSD105',
    alias: 'qps-inconsistent-with-dau',
    title: 'Qps inconsistent with dau',
    step: 1,
    defaultSeverity: 'warning',
    fixable: 'none',
    description: '`dau`, `requests_per_user_per_day` and `qps_peak` all stated, and `qps_peak` is outside [1/t, t] × dau × rpu / 86400 × peak_factor (t = `qps_tolerance`); message shows the computed figure',
  },
  check() {
    // TODO: implement
  },
};
