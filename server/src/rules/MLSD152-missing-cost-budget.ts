import { isGenerative } from '../engine/facts';
import { costFigures } from '../engine/genaiServing';
import { pathOf } from '../engine/parse';
import { formatMoney } from '../engine/values';
import { fitHeadline } from './support';
import type { Rule } from './types';

export const mlsd152: Rule = {
  meta: {
    id: 'MLSD152',
    alias: 'missing-cost-budget',
    title: 'Generative system without an inference budget',
    step: 1,
    defaultSeverity: 'info',
    fixable: 'none',
    options: ['hours_per_month'],
    description:
      "the doc is generative (a generative task type or archetype, or a generative stage) and states neither `requirements.budget.monthly` nor `requirements.budget.per_request`; when MLSD654's monthly estimate is computable, the message states it",
  },
  check({ doc, options, report }) {
    if (!isGenerative(doc)) return;
    if (doc.stated('requirements.budget.monthly') || doc.stated('requirements.budget.per_request')) return;
    const req = doc.node('requirements');
    const span = req ? doc.keySpan(req) : doc.docSpan();
    const freeForm = doc.stated('cost') ? ' The free-form `cost` section is not read by any check.' : '';
    // MLSD654's estimate (engine/genaiServing), printed with the currency the doc wrote its prices in
    const cost = costFigures(doc, { hoursPerMonth: options.hours_per_month });
    const like = cost?.node ? doc.money(pathOf(cost.node)) : undefined;
    const monthly = cost?.monthly !== undefined ? `${formatMoney(cost.monthly, like)}/month` : undefined;
    report({
      ...span,
      message: fitHeadline([
        monthly
          ? `No inference budget in \`requirements.budget\`, for a system estimated at ${monthly}`
          : 'No inference budget: `requirements.budget` states neither `monthly` nor `per_request`',
        'No inference budget: `requirements.budget` states neither `monthly` nor `per_request`',
      ]),
      explanation:
        `No inference budget in \`requirements.budget\`.${freeForm} Generation cost grows with every token and image, and model size, context length and batching choices are trade-offs against it; without a ceiling nobody can tell whether the design is affordable at its traffic.${monthly ? ` At the stated figures this system costs about ${monthly}.` : ''} ` +
        'Add `requirements.budget.monthly` (all traffic, e.g. `$35k`), and `per_request` when the product has a price per use.',
    });
  },
};
