import { isGenerative } from '../engine/facts';
import { child } from '../engine/parse';
import { reportMissing } from './support';
import type { Rule } from './types';

export const mlsd308: Rule = {
  meta: {
    id: 'MLSD308',
    alias: 'no-features',
    title: 'No features listed',
    step: 3,
    defaultSeverity: 'info',
    fixable: 'none',
    description:
      '`data.features` is empty. Not on generative docs (genai.md §8): a generator reads a prompt, not a feature vector.',
  },
  check(ctx) {
    const { doc } = ctx;
    if (doc.stated('data.features')) return;
    // genai.md §8: a generator reads a prompt (and retrieved context), not engineered features
    if (isGenerative(doc)) return;
    const firstSource = doc
      .entries('data.sources')
      .map((s) => doc.textOf(child(s, 'id')))
      .find((x) => x !== undefined);
    reportMissing(ctx, {
      path: 'data.features',
      because: 'so nobody can review what the model reads',
      explanation:
        'List what the model reads, each with `id`, `source`, `entity` and `type` (and `freshness`), ' +
        'so reviewers can check that every feature exists at prediction time, how fresh it must be at serving, and whether it leaks the label or holds PII. ' +
        `Add e.g. \`features: [{id: item_ctr_7d, source: ${firstSource ?? 'impressions'}, entity: item, type: numerical, freshness: batch}]\` under \`data\`.`,
      value: [{ id: 'TBD', source: firstSource ?? 'TBD', entity: 'TBD', type: 'TBD' }],
      title: 'Add a feature entry to fill in',
    });
  },
};
