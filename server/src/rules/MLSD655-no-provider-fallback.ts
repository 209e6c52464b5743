import { predictsInBatch, productionCandidates } from '../engine/facts';
import { child } from '../engine/parse';
import { clip, code, fitHeadline, listNames } from './support';
import { firstSpan } from './support/serving';
import type { Related, Rule } from './types';

export const mlsd655: Rule = {
  meta: {
    id: 'MLSD655',
    alias: 'no-provider-fallback',
    title: 'A vendor-API model with no fallback',
    step: 6,
    defaultSeverity: 'warning',
    fixable: 'none',
    description:
      'a production candidate has `provider: api`, the doc does not predict in batch, and `serving.fallback` is not stated',
  },
  check({ doc, report }) {
    if (doc.stated('serving.fallback') || predictsInBatch(doc)) return;
    const api = productionCandidates(doc).filter((c) => doc.enumValueOf(child(c, 'provider')) === 'api');
    if (!api.length) return;
    const first = api[0];
    const id = code(clip(doc.textOf(child(first, 'id')) ?? 'the model', 24));
    const vendorText = doc.textOf(child(first, 'vendor'));
    const vendor = vendorText ? clip(vendorText, 24) : undefined;
    const rest = api.slice(1).map((c) => code(clip(doc.textOf(child(c, 'id')) ?? 'candidate', 20)));
    const others = rest.length ? ` (and ${listNames(rest)} through an API too)` : '';
    const related: Related[] = api.map((c) => {
      const p = child(c, 'provider')!;
      return { ...doc.valueSpan(p), message: `${doc.textOf(child(c, 'id')) ?? 'candidate'}: provider api` };
    });
    report({
      ...firstSpan(doc, ['serving']),
      message: fitHeadline([
        `${id} is called through ${vendor ? `${vendor}'s` : 'a vendor'} API and \`serving.fallback\` is not stated`,
        `${id} is called through a vendor API and \`serving.fallback\` is not stated`,
      ]),
      explanation:
        `${id} is called through ${vendor ? `${vendor}'s` : "a vendor's"} API${others} and no fallback is stated: a provider outage, rate limit or model retirement takes the feature down, and none of them is in your control. ` +
        'Add `serving.fallback`: a second provider or a self-hosted model behind the same interface, cached answers, or a degraded mode (search results instead of answers).',
      related,
    });
  },
};
