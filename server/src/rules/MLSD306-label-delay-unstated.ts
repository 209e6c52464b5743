import { fillField } from '../engine/edits';
import { suggestion } from './support';
import type { Rule } from './types';

export const mlsd306: Rule = {
  meta: {
    id: 'MLSD306',
    alias: 'label-delay-unstated',
    title: 'Label delay of natural labels unstated',
    step: 3,
    defaultSeverity: 'info',
    fixable: 'none',
    description: '`data.labels.source` is `natural` or `implicit` and `data.labels.delay` is missing.',
  },
  check({ doc, report }) {
    if (doc.stated('data.labels.delay')) return;
    const source = doc.enumOf('data.labels.source');
    if (source !== 'natural' && source !== 'implicit') return;
    const sourceNode = doc.node('data.labels.source')!;
    const edit = fillField(doc, ['data', 'labels'], 'delay', 'TBD');
    report({
      ...doc.field('data.labels.delay').span,
      message:
        `Labels are ${source} (\`data.labels.source: ${source}\`), but \`data.labels.delay\` is missing: such labels arrive some time after the prediction ` +
        '(a click within seconds, a purchase or an accepted request days later). The delay decides when an example may be counted as a negative, ' +
        'how fresh the training data and the model can be, and how soon an A/B test can be read. Add e.g. `delay: 30m` under `data.labels`.',
      suggestions: suggestion('Add `data.labels.delay`', edit),
      related: [{ ...doc.valueSpan(sourceNode), message: `label source ${source}` }],
      data: { source },
    });
  },
};
