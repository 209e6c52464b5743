import { reportMissing } from './support';
import type { Rule } from './types';

export const mlsd107: Rule = {
  meta: {
    id: 'MLSD107',
    alias: 'missing-out-of-scope',
    title: 'Scope cuts not stated',
    step: 1,
    defaultSeverity: 'info',
    fixable: 'none',
    description: '`requirements.out_of_scope` is missing: the doc never says what it deliberately leaves out.',
  },
  check(ctx) {
    const path = 'requirements.out_of_scope';
    if (ctx.doc.stated(path)) return;
    reportMissing(ctx, {
      path,
      explanation:
        'Without explicit scope cuts, reviewers assume the design also covers moderation, other languages, new markets or personalization, and judge it for gaps it never meant to fill. List what is left out, e.g. `out_of_scope: [content moderation, non-English queries]`.',
      value: ['TBD'],
      title: 'Add `out_of_scope`',
    });
  },
};
