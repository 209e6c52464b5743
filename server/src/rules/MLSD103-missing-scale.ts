import { insertField } from '../engine/edits';
import type { Fix, Rule, TextEdit } from './types';

export const mlsd103: Rule = {
  meta: {
    id: 'MLSD103',
    alias: 'missing-scale',
    title: 'No scale stated',
    step: 1,
    defaultSeverity: 'warning',
    fixable: 'none',
    description: 'None of `requirements.scale.dau`, `.mau`, `.items` and `.qps_peak` is stated.',
  },
  check({ doc, report }) {
    const keys = ['dau', 'mau', 'items', 'qps_peak'];
    if (keys.some((k) => doc.stated(`requirements.scale.${k}`))) return;
    const scale = doc.node('requirements.scale');
    const { span } = doc.field('requirements.scale');
    let edit: TextEdit | undefined;
    if (!scale) edit = insertField(doc, ['requirements'], 'scale', { dau: 'TBD', items: 'TBD' });
    else if (scale.kind === 'map' || (scale.kind === 'scalar' && (scale.value === null || scale.value === ''))) {
      // a key already written (say `dau: TBD`) must not be added twice: YAML would keep one (MLSD001)
      const absent = keys.find((k) => !doc.node(`requirements.scale.${k}`));
      if (absent) edit = insertField(doc, ['requirements', 'scale'], absent, 'TBD');
    }
    const suggestions: Fix[] | undefined = edit
      ? [{ title: 'Add scale figures to fill in', edits: [edit], safe: false }]
      : undefined;
    report({
      ...span,
      message: 'No scale: `requirements.scale` states none of `dau`, `mau`, `items` or `qps_peak`',
      explanation:
        'Users and items decide whether one model can score everything or you need candidate generation and an ANN index, and traffic sizes the serving fleet. Add e.g. `scale: {dau: 10M, items: 5M, requests_per_user_per_day: 3}`.',
      suggestions,
    });
  },
};
