import { code, HEADLINE_MAX, listNames, missingHeadline, namesOrCount, reportMissing } from './support';
import { flagged } from '../engine/facts';
import type { Rule } from './types';

export const mlsd305: Rule = {
  meta: {
    id: 'MLSD305',
    alias: 'sensitive-feature-without-fairness',
    title: 'Sensitive feature with no fairness evaluation',
    step: 3,
    defaultSeverity: 'warning',
    fixable: 'none',
    description: 'Some `data.features[]` entry has `sensitive: true` and `evaluation.fairness` is missing.',
  },
  check(ctx) {
    const { doc } = ctx;
    if (doc.stated('evaluation.fairness')) return;
    const features = flagged(doc, 'data.features', 'sensitive');
    if (!features.length) return;
    const ids = features.map((f) => f.id);
    const one = ids.length === 1;
    const evaluation = doc.node('evaluation');
    reportMissing(ctx, {
      path: 'evaluation.fairness',
      because: `while ${one ? 'feature ' : ''}${namesOrCount(
        ids,
        ['feature', 'features'],
        (n) => missingHeadline('evaluation.fairness', `while feature ${n} are sensitive`).length <= HEADLINE_MAX,
      )} ${one ? 'is' : 'are'} sensitive`,
      explanation:
        (one
          ? `Feature ${code(ids[0])} is a protected attribute (\`sensitive: true\`): `
          : `Features ${listNames(ids.map(code))} are protected attributes (\`sensitive: true\`): `) +
        `a model that uses ${one ? 'it (or a proxy of it)' : 'them (or proxies of them)'} can be less accurate for, or decide differently about, ` +
        'some groups, and an aggregate metric hides it. ' +
        `Add e.g. \`fairness: {attributes: [${ids.slice(0, 3).join(', ')}], method: compare recall and false-positive rate per group}\` under \`evaluation\`.`,
      // a suggestion only where the `evaluation` section is written (else MLSD006 stands for it)
      value:
        evaluation && evaluation.kind === 'map' && doc.isStated(evaluation)
          ? { attributes: ids.slice(0, 3), method: 'TBD' }
          : undefined,
      title: 'Add `evaluation.fairness`',
      related: features.slice(0, 5).map((f) => ({ ...doc.valueSpan(f.node), message: `${f.id}: sensitive: true` })),
    });
  },
};
