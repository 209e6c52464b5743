import { type CostFigures, costFigures } from '../engine/genaiServing';
import { formatMoney } from '../engine/values';
import { fitHeadline } from './support';
import { formatFigure, formatInt, ratioNote, servingOptions } from './support/serving';
import type { Rule } from './types';

const FIX =
  'Route easy requests to a smaller model, cache answers, shorten prompts (summarize the history, fewer retrieved chunks), batch offline work, or revise the budget.';

/** How the monthly estimate is built, in words with the figures (genai.md MLSD654's message forms). */
function monthlyWorking(c: CostFigures): string {
  const $ = (x: number) => formatMoney(x, c.money);
  const m = c.monthly ?? 0;
  if (c.source === 'fleet')
    return `${formatInt(c.count ?? 0)} accelerators × ${$(c.pricePerHour ?? 0)}/h × ${formatInt(c.hoursPerMonth ?? 0)} h = ${$(m)}/month (the fleet is paid whether busy or idle)`;
  const perMonth = c.requestsPerMonth ?? 0;
  const per = `${$(c.perRequest ?? 0)} per request${perRequestWorking(c)}`;
  const cache = c.hitRate !== undefined ? ` × (1 − ${formatFigure(c.hitRate * 100)}% cache hits)` : '';
  return `${formatInt(perMonth / 30)} requests/day × 30 × ${per}${cache} = ${$(m)}/month`;
}

function perRequestWorking(c: CostFigures): string {
  const $ = (x: number) => formatMoney(x, c.money);
  if (c.source === 'tokens')
    return ` (${formatInt(c.inputTokens ?? 0)} input tokens × ${$(c.priceIn ?? 0)}/1M + ${formatInt(c.outputTokens ?? 0)} output tokens × ${$(c.priceOut ?? 0)}/1M)`;
  if (c.source === 'per_1k_requests') return ` (\`per_1k_requests\` ÷ 1,000)`;
  if (c.source === 'fleet' && c.monthly !== undefined && c.requestsPerMonth)
    return ` (${$(c.monthly)}/month ÷ ${formatInt(c.requestsPerMonth)} requests/month)`;
  return '';
}

export const mlsd654: Rule = {
  meta: {
    id: 'MLSD654',
    alias: 'cost-exceeds-budget',
    title: 'Estimated serving cost exceeds the budget',
    step: 6,
    defaultSeverity: 'warning',
    fixable: 'none',
    options: ['hours_per_month'],
    description:
      'the cost estimate (`serving.cost.per_request`, else `per_1k_requests` ÷ 1,000, else token prices × `scale.input_tokens`/`output_tokens`, less exact or semantic cache hits; else `gpu.count` × `price_per_gpu_hour` × `hours_per_month`) exceeds `requirements.budget.monthly` (× requests per month) or `budget.per_request`, in the same currency; one finding per budget',
  },
  check({ doc, options, report }) {
    const c = costFigures(doc, servingOptions(options));
    if (!c) return;
    const $ = (x: number) => formatMoney(x, c.money);
    if (c.exceedsMonthly && c.budgetMonthly && c.monthly !== undefined) {
      const b = c.budgetMonthly.value.amount;
      const ratio = ratioNote(c.monthly, b);
      const budget = formatMoney(b, c.budgetMonthly.value);
      report({
        ...doc.valueSpan(c.budgetMonthly.node),
        message: fitHeadline([
          `Estimated serving cost ${$(c.monthly)}/month is over the ${budget} monthly budget${ratio}`,
          `Estimated serving cost is over the monthly budget${ratio}`,
        ]),
        explanation:
          `${monthlyWorking(c)}, over the ${budget} budget${ratio}. ` +
          `Generation cost scales with every request and token, so the design as written cannot ship at this traffic within its budget. ${FIX}`,
      });
    }
    if (c.exceedsPerRequest && c.budgetPerRequest && c.perRequest !== undefined) {
      const b = c.budgetPerRequest.value.amount;
      const ratio = ratioNote(c.perRequest, b);
      const budget = formatMoney(b, c.budgetPerRequest.value);
      report({
        ...doc.valueSpan(c.budgetPerRequest.node),
        message: fitHeadline([
          `Estimated cost per request ${$(c.perRequest)} is over the ${budget} per-request budget${ratio}`,
          `Estimated cost per request is over the per-request budget${ratio}`,
        ]),
        explanation:
          `${$(c.perRequest)} per request${perRequestWorking(c)}, over the ${budget} budget${ratio}. ` +
          `Each use of the feature costs more than it is allowed to, whatever the traffic. ${FIX}`,
      });
    }
  },
};
