import { isGenerative } from '../engine/facts';
import { latencyCheck } from '../engine/figures';
import type { MNode } from '../engine/parse';
import { formatDuration } from '../engine/values';
import type { Related, Rule } from './types';

const ms = (n: number) => formatDuration(n);

export const mlsd601: Rule = {
  meta: {
    id: 'MLSD601',
    alias: 'serving-latency-exceeds-requirement',
    title: 'Stage latencies overrun the latency requirement',
    step: 6,
    defaultSeverity: 'error',
    fixable: 'none',
    description:
      'At least one stage states a latency, and the sum of `model.stages[].latency` (stages run in sequence; a stage without latency counts 0) plus `serving.network_latency` exceeds the stated requirement latency of the same percentile (p99 > p95 > p50 > bare, the first stated); the message shows the sum and the budget. On a generative doc (genai.md §8) the formula is unchanged: the `latency` of a generating stage is the time to its complete output.',
  },
  check({ doc, report }) {
    // the requirement (the first stated of p99, p95, p50, or a bare duration) against the stage sum:
    // domain.md F6, computed in engine/figures
    const c = latencyCheck(doc);
    if (!c || !(c.sum > c.requirement.budget)) return;
    const { budget, node: budgetNode, percentile } = c.requirement;
    const { stages: timed, untimed, network, networkNode: netNode, sum } = c;

    // where the budget runs out: network latency is a fixed overhead of every request, then the stages
    // in request order; the stage whose budget crosses the requirement explains the overrun
    let at: MNode | undefined;
    let running = network;
    if (network > budget && netNode) at = netNode;
    else {
      for (const t of timed) {
        const before = running;
        running += t.latency;
        if (before <= budget && running > budget) {
          at = t.node;
          break;
        }
      }
    }
    const span = at ? doc.valueSpan(at) : doc.field('model.stages').span;

    const over = sum - budget;
    const terms = timed.map((t) => `${t.id} ${ms(t.latency)}`);
    if (network > 0) terms.push(`network ${ms(network)}`);
    const label = percentile ? `${percentile} budget` : 'latency budget (percentile unspecified)';
    const reqPath = percentile ? `requirements.performance.latency.${percentile}` : 'requirements.performance.latency';
    const untimedNote = untimed.length
      ? ` (${untimed.map((u) => `\`${u}\``).join(', ')} ${untimed.length === 1 ? 'has' : 'have'} no latency, counted as 0, so the real total can only be higher)`
      : '';
    const related: Related[] = [{ ...doc.valueSpan(budgetNode), message: `the ${label}: ${ms(budget)}` }];
    if (netNode && network > 0 && at !== netNode)
      related.push({ ...doc.valueSpan(netNode), message: `network latency ${ms(network)}` });

    // genai.md §8: same formula; a generating stage's `latency` is the time to its complete output
    const shrink = isGenerative(doc)
      ? "shrink a stage's `latency` (a generating stage's latency is the time to its complete output: fewer output tokens, a smaller or distilled model, speculative decoding; fewer chunks to rerank)"
      : "shrink a stage's `latency` (fewer candidates to score, a distilled or cached ranker, an ANN index)";
    const parts = network > 0 ? 'Stage and network latencies sum' : 'Stage latencies sum';
    report({
      ...span,
      message: `${parts} to ${ms(sum)}, over the ${percentile ? `${percentile} budget` : 'latency budget'} of ${ms(budget)}`,
      explanation:
        `The serving path cannot meet its latency requirement: ${terms.join(' + ')} = ${ms(sum)}, over the ${label} of ${ms(budget)} by ${ms(over)}${untimedNote}. ` +
        'Stages run in sequence for every request, so this design misses the SLO before any load is added; ' +
        `${shrink} or revise \`${reqPath}\`.`,
      related,
    });
  },
};
