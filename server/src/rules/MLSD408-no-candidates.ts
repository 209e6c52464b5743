import { fillField } from '../engine/edits';
import type { Rule } from './types';

export const mlsd408: Rule = {
  meta: {
    id: 'MLSD408',
    alias: 'no-candidates',
    title: 'No candidate models compared',
    step: 4,
    defaultSeverity: 'info',
    fixable: 'none',
    description: '`model.candidates` is empty (no alternatives weighed).',
  },
  check({ doc, report }) {
    if (doc.stated('model.candidates')) return;
    report({
      ...doc.field('model.candidates').span,
      message:
        '`model.candidates` is empty: no alternative architectures were weighed, so a reviewer cannot see why the chosen model beats a simpler or cheaper one ' +
        '(training data needed, latency, interpretability, continual learning). ' +
        'List at least two with pros and cons, e.g. `candidates: [{id: gbdt, architecture: XGBoost}, {id: dnn, architecture: two-tower DNN}]`.',
      suggestions: (() => {
        const edit = fillField(doc, ['model'], 'candidates', [
          { id: 'TBD', architecture: 'TBD', pros: ['TBD'], cons: ['TBD'] },
        ]);
        return edit ? [{ title: 'Add a candidate entry to fill in', edits: [edit], safe: false }] : undefined;
      })(),
      data: {},
    });
  },
};
