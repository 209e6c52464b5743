import { reportMissing } from './support';
import type { Rule } from './types';

export const mlsd101: Rule = {
  meta: {
    id: 'MLSD101',
    alias: 'missing-business-objective',
    title: 'No business objective',
    step: 1,
    defaultSeverity: 'error',
    fixable: 'none',
    description: '`requirements.business_objective` is missing (absent, empty or a placeholder).',
  },
  check(ctx) {
    const path = 'requirements.business_objective';
    if (ctx.doc.stated(path)) return;
    reportMissing(ctx, {
      path,
      explanation:
        'The ML objective, the online metrics and every trade-off derive from what the business wants ("increase bookings" and "increase revenue" lead to different models). State it first, e.g. `business_objective: Increase ticket sales`.',
      value: 'TBD',
      title: 'Add `business_objective`',
    });
  },
};
