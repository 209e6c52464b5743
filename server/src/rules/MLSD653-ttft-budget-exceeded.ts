import { textGeneratorStage } from '../engine/facts';
import { ttftFigures } from '../engine/genaiServing';
import { fitHeadline } from './support';
import { formatMs, ratioNote } from './support/serving';
import type { Related, Rule } from './types';

export const mlsd653: Rule = {
  meta: {
    id: 'MLSD653',
    alias: 'ttft-budget-exceeded',
    title: 'The time-to-first-token path overruns the TTFT requirement',
    step: 6,
    defaultSeverity: 'error',
    fixable: 'none',
    description:
      '`requirements.performance.ttft` is stated and a text generator stage exists; the latencies of the stages before it + its `ttft` + `serving.network_latency` (unstated terms count 0, at least one stated) exceed the TTFT requirement at its comparison percentile (p99, else p95, else p50, else the bare value)',
  },
  check({ doc, report }) {
    if (!textGeneratorStage(doc)) return;
    const t = ttftFigures(doc);
    if (!t?.budget || !t.exceeds) return;
    const q = t.budget.percentile ? `${t.budget.percentile} ` : '';
    const sum = `${t.terms.map((x) => `${x.label} ${formatMs(x.ms)}`).join(' + ')} = ${formatMs(t.path)}`;
    const related: Related[] = t.terms
      .filter((x) => x.node)
      .map((x) => ({ ...doc.valueSpan(x.node!), message: `${x.label}: ${formatMs(x.ms)}` }));
    const ratio = ratioNote(t.path, t.budget.value);
    const hasGenTtft = t.terms.some((x) => x.label.endsWith(' TTFT'));
    const note = hasGenTtft
      ? ''
      : ' The generator stage states no `ttft`, counted as 0: its prefill only adds to this, so the real path is longer.';
    report({
      ...doc.valueSpan(t.budget.node),
      message: fitHeadline([
        `Time to first token adds up to ${formatMs(t.path)}, over the ${q}ttft budget of ${formatMs(t.budget.value)}${ratio}`,
        `Time to first token adds up to ${formatMs(t.path)}, over the ttft budget of ${formatMs(t.budget.value)}`,
      ]),
      explanation:
        `Time to first token: ${sum} > ttft ${q}${formatMs(t.budget.value)}${ratio}.${note} Every stage before the generator runs before the first token can stream, so users wait this long on a blank screen even before any queueing at peak. ` +
        'Cut pre-generation stages (a smaller reranker, fewer candidates, cached embeddings), reduce prefill (shorter prompts, prefix caching), or raise the TTFT budget.',
      related,
    });
  },
};
