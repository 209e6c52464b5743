import { formatCount, round } from '../engine/values';
import { fillField } from '../engine/edits';
import { code, suggestion } from './support';
import { rankingReason } from '../engine/facts';
import type { Rule } from './types';

/** Milliseconds as a readable figure for large values: 850ms, 12s, 2.8h. */
function readable(ms: number): string {
  if (ms < 1000) return `${round(ms, 3)}ms`;
  const s = ms / 1000;
  if (s < 120) return `${round(s, 3)}s`;
  if (s < 7200) return `${round(s / 60, 3)}min`;
  if (s < 2 * 86400) return `${round(s / 3600, 3)}h`;
  return `${round(s / 86400, 3)} days`;
}

export const mlsd406: Rule = {
  meta: {
    id: 'MLSD406',
    alias: 'single-stage-large-corpus',
    title: 'One model scores a large corpus',
    step: 4,
    defaultSeverity: 'warning',
    fixable: 'none',
    description:
      'The task ranks or recommends (ranking, recommendation, retrieval or link-prediction, or a recommendation archetype), `requirements.scale.items` ≥ `large_corpus_items`, and `model.stages` has fewer than two stages.',
    options: ['large_corpus_items'],
  },
  check({ doc, options, report }) {
    const why = rankingReason(doc);
    if (!why) return;
    const items = doc.quantity('requirements.scale.items')?.value;
    const limit = options.large_corpus_items;
    if (items === undefined || !Number.isFinite(limit) || !(items >= limit)) return;
    const stages = doc.entries('model.stages');
    if (stages.length >= 2) return;
    const itemsNode = doc.node('requirements.scale.items')!;
    const perRequest = readable(items * 0.001); // 1 µs per item scored
    const stagesNode = doc.node('model.stages');
    const edit =
      stages.length === 0 && (!stagesNode || stagesNode.kind === 'scalar')
        ? fillField(doc, ['model'], 'stages', [
            { id: 'candidate-generation', input: 'all items', output: '1k candidates', latency: 'TBD' },
            { id: 'ranking', input: '1k candidates', output: 'top 50', latency: 'TBD' },
          ])
        : undefined;
    report({
      ...doc.field('model.stages').span,
      message: `One model cannot score ${formatCount(items)} items per request: ≈ ${perRequest} even at 1 µs per item`,
      explanation:
        `\`requirements.scale.items\` is ${formatCount(items)} (≥ \`large_corpus_items\` = ${formatCount(limit)}) but \`model.stages\` lists ${stages.length === 0 ? 'no stages' : 'a single stage'}: ` +
        `one model cannot score every item per request — even at 1 µs per item that is ${perRequest} per request. ` +
        `Split it into stages: ${code('candidate-generation')} (ANN over two-tower embeddings, ${formatCount(items)} → ~1k) → ${code('ranking')} (~1k → top 50) → ${code('re-ranking')} (business rules, diversity).`,
      suggestions: suggestion('Add candidate-generation and ranking stages', edit),
      related: [{ ...doc.valueSpan(itemsNode), message: `${formatCount(items)} items` }],
    });
  },
};
