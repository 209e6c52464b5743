import { insertField } from '../engine/edits';
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
  check({ doc, report }) {
    const path = 'framing.ml_objective';
    if (doc.stated(path)) return;
    const { node, span } = doc.field(path);
    const edit = node ? undefined : insertField(doc, ['framing'], 'ml_objective', 'TBD');
    const bo = doc.str('requirements.business_objective');
    report({
      ...span,
      message: `No \`framing.ml_objective\`: the business objective${bo ? ` ("${bo.length > 60 ? `${bo.slice(0, 57)}…` : bo}")` : ''} has to become something a model can optimize, and the labels, loss and offline metrics all follow from that choice (ticket sales → maximize event registrations; engagement → maximize watch time). Add e.g. \`ml_objective: Maximize the number of event registrations\`.`,
      suggestions: edit ? [{ title: 'Add `ml_objective`', edits: [edit], safe: false }] : undefined,
    });
  },
};
