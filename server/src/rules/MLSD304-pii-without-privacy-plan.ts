import { flagged } from '../engine/facts';
import { code, HEADLINE_MAX, listNames, missingHeadline, namesOrCount, reportMissing } from './support';
import type { Rule } from './types';

export const mlsd304: Rule = {
  meta: {
    id: 'MLSD304',
    alias: 'pii-without-privacy-plan',
    title: 'Personal data with no privacy plan',
    step: 3,
    defaultSeverity: 'warning',
    fixable: 'none',
    description: 'Some `data.sources[]` or `data.features[]` entry has `pii: true` and `data.privacy.plan` is missing.',
  },
  check(ctx) {
    const { doc } = ctx;
    if (doc.stated('data.privacy.plan')) return;
    const sources = flagged(doc, 'data.sources', 'pii');
    const features = flagged(doc, 'data.features', 'pii');
    if (!sources.length && !features.length) return;
    const parts: string[] = [];
    if (sources.length)
      parts.push(`${sources.length === 1 ? 'Source' : 'Sources'} ${listNames(sources.map((s) => code(s.id)))}`);
    if (features.length)
      parts.push(
        `${sources.length ? 'f' : 'F'}${features.length === 1 ? 'eature' : 'eatures'} ${listNames(features.map((s) => code(s.id)))}`,
      );
    const all = [...sources, ...features];
    reportMissing(ctx, {
      path: 'data.privacy.plan',
      because: `while ${namesOrCount(
        all.map((x) => x.id),
        ['entry', 'entries'],
        (n) => missingHeadline('data.privacy.plan', `while ${n} holds personal data`).length <= HEADLINE_MAX,
      )} ${all.length === 1 ? 'holds' : 'hold'} personal data`,
      explanation:
        `${parts.join(' and ')} ${all.length === 1 ? 'holds' : 'hold'} personal data (\`pii: true\`). ` +
        'PII copied into training sets, feature stores and logs outlives its purpose unless someone decides who may access it, how it is ' +
        'pseudonymized and when it is deleted (consent and deletion requests must reach the training data too). ' +
        'Add e.g. `privacy: {plan: pseudonymize user ids before training and restrict raw logs to the data team, retention: 90d}` under `data`.',
      value: 'TBD',
      title: 'Add a `data.privacy.plan`',
      related: all.slice(0, 5).map((x) => ({ ...doc.valueSpan(x.node), message: `${x.id}: pii: true` })),
    });
  },
};
