import { reportMissing } from './support';
import type { Rule } from './types';

export const mlsd201: Rule = {
  meta: {
    id: 'MLSD201',
    alias: 'missing-ml-objective',
    title: 'No ML objective',
    step: 2,
    defaultSeverity: 'error',
    fixable: 'none',
    description: '`framing.ml_objective` is missing (absent, empty or a placeholder).',
  },
  check(ctx) {
    const path = 'framing.ml_objective';
    if (ctx.doc.stated(path)) return;
    const bo = ctx.doc.str('requirements.business_objective');
    reportMissing(ctx, {
      path,
      explanation: `The business objective${bo ? ` ("${bo.length > 60 ? `${bo.slice(0, 57)}…` : bo}")` : ''} has to become something a model can optimize, and the labels, loss and offline metrics all follow from that choice (ticket sales → maximize event registrations; engagement → maximize watch time). Add e.g. \`ml_objective: Maximize the number of event registrations\`.`,
      value: 'TBD',
      title: 'Add `ml_objective`',
    });
  },
};
