import { insertField } from '../engine/edits';
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
  check({ doc, report }) {
    const path = 'requirements.out_of_scope';
    if (doc.stated(path)) return;
    const { node, span } = doc.field(path);
    const edit = node ? undefined : insertField(doc, ['requirements'], 'out_of_scope', ['TBD']);
    report({
      ...span,
      message:
        'No `requirements.out_of_scope`: without explicit scope cuts, reviewers assume the design also covers moderation, other languages, new markets or personalization, and judge it for gaps it never meant to fill. List what is left out, e.g. `out_of_scope: [content moderation, non-English queries]`.',
      suggestions: edit ? [{ title: 'Add `out_of_scope`', edits: [edit], safe: false }] : undefined,
    });
  },
};
