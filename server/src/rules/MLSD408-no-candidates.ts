import { notStatedWord, reportMissing } from './support';
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
  check(ctx) {
    const { doc } = ctx;
    if (doc.stated('model.candidates')) return;
    reportMissing(ctx, {
      path: 'model.candidates',
      because: 'so no alternative model was weighed against the chosen one',
      explanation:
        `\`model.candidates\` is ${notStatedWord(doc.node('model.candidates'))}: no alternative architectures were weighed, so a reviewer cannot see why the chosen model beats a simpler or cheaper one ` +
        '(training data needed, latency, interpretability, continual learning). ' +
        'List at least two with pros and cons, e.g. `candidates: [{id: gbdt, architecture: XGBoost}, {id: dnn, architecture: two-tower DNN}]`.',
      value: [{ id: 'TBD', architecture: 'TBD', pros: ['TBD'], cons: ['TBD'] }],
      title: 'Add a candidate entry to fill in',
    });
  },
};
