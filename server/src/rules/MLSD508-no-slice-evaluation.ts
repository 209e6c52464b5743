import { defined, listSuggestion, notStatedWord, reportMissing } from './support';
import type { Rule } from './types';

const SLICES = 'evaluation.offline.slices';

export const mlsd508: Rule = {
  meta: {
    id: 'MLSD508',
    alias: 'no-slice-evaluation',
    title: 'No slice evaluation',
    step: 5,
    defaultSeverity: 'info',
    fixable: 'none',
    description: '`evaluation.offline.slices` missing',
  },
  check(ctx) {
    const { doc } = ctx;
    if (doc.stated(SLICES)) return;
    const { node } = doc.field(SLICES);
    const types = doc.effectiveTaskTypes();
    const example = doc.ranksOrRecommends()
      ? ['new users', 'new items', 'country']
      : types.includes('object-detection') || types.includes('segmentation')
        ? ['object size', 'night vs day', 'country']
        : ['new users', 'country', 'device'];
    reportMissing(ctx, {
      path: SLICES,
      because: 'so one average can hide segments where the model fails',
      explanation: `\`evaluation.offline.slices\` is ${notStatedWord(node)}, so one average metric can hide a model that fails new users, small locales or the long tail. List the segments you will evaluate separately, e.g. \`slices: [${example.join(', ')}]\`.`,
      suggestions: defined([listSuggestion(doc, SLICES, example, 'Add slices to the offline evaluation')]),
    });
  },
};
