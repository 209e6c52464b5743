import { isGenerative, labelsOnTheirOwn } from '../engine/facts';
import { reportMissing } from './support';
import type { Rule } from './types';

export const mlsd306: Rule = {
  meta: {
    id: 'MLSD306',
    alias: 'label-delay-unstated',
    title: 'Label delay of labels that arrive on their own unstated',
    step: 3,
    defaultSeverity: 'info',
    fixable: 'none',
    description:
      '`data.labels.source` is `natural`, `implicit` or `user-reports` and `data.labels.delay` is missing. Not on generative docs (genai.md §8): their natural labels are text people wrote, not a later user action.',
  },
  check(ctx) {
    const { doc } = ctx;
    if (doc.stated('data.labels.delay')) return;
    // genai.md §8: a generative doc's `natural` labels are written text (targets), not outcomes that arrive later
    if (isGenerative(doc)) return;
    const labels = labelsOnTheirOwn(doc);
    if (!labels) return;
    const { source, node: sourceNode } = labels;
    const examples =
      source === 'user-reports'
        ? '(a report comes hours or days after the post was seen, and many harmful items are never reported)'
        : '(a click within seconds, a purchase or an accepted request days later)';
    reportMissing(ctx, {
      path: 'data.labels.delay',
      because: `for \`${source}\` labels that arrive after the prediction`,
      explanation:
        `Labels are ${source} (\`data.labels.source: ${source}\`): such labels arrive some time after the prediction ` +
        `${examples}. The delay decides when an example may be counted as a negative, ` +
        'how fresh the training data and the model can be, and how soon an A/B test can be read. Add e.g. `delay: 30m` under `data.labels`.',
      value: 'TBD',
      title: 'Add `data.labels.delay`',
      related: [{ ...doc.valueSpan(sourceNode), message: `label source ${source}` }],
    });
  },
};
