import { insertField } from '../engine/edits';
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
  check({ doc, report }) {
    const path = 'requirements.business_objective';
    if (doc.stated(path)) return;
    const { node, span } = doc.field(path);
    const edit = node ? undefined : insertField(doc, ['requirements'], 'business_objective', 'TBD');
    report({
      ...span,
      message:
        'No `requirements.business_objective`: the ML objective, the online metrics and every trade-off derive from what the business wants ("increase bookings" and "increase revenue" lead to different models). State it first, e.g. `business_objective: Increase ticket sales`.',
      suggestions: edit ? [{ title: 'Add `business_objective`', edits: [edit], safe: false }] : undefined,
    });
  },
};
