import { scopedOfflineMetrics } from '../engine/facts';
import type { MetricRef } from '../engine/model';
import { clip, code, defined, fitHeadline, listSuggestion, OFFLINE, usedAsRankingInScope } from './support';
import type { Rule } from './types';

/** Ranking metrics computed from relevance labels (diversity, coverage, novelty, ann-recall are not). */
const RELEVANCE_METRICS = ['precision', 'recall', 'hit-rate', 'mrr', 'map', 'ndcg', 'average-rank'];
const ALWAYS_RANKING = ['hit-rate', 'mrr', 'ndcg', 'average-rank'];
const BINARY_ONLY = ['map', 'precision', 'mrr', 'hit-rate'];

export const mlsd506: Rule = {
  meta: {
    id: 'MLSD506',
    alias: 'relevance-metric-mismatch',
    title: 'Ranking metrics do not match the relevance labels',
    step: 5,
    defaultSeverity: 'info',
    fixable: 'none',
    description:
      '`relevance: graded` and every offline ranking metric (stage metrics included) is map/precision/mrr/hit-rate: binary-relevance metrics throw the grades away. nDCG with binary relevance is fine (v1.1)',
  },
  check({ doc, report }) {
    const relevance = doc.enumOf('evaluation.relevance');
    const relNode = doc.node('evaluation.relevance');
    if (!relevance || !relNode) return;
    if (relevance !== 'graded') return;
    const { metrics, complete } = scopedOfflineMetrics(doc);
    // an unknown (custom) metric may be the graded one: do not guess
    if (!complete || metrics.some((m) => !m.ref.info)) return;
    const ranking = metrics
      .filter((om) => {
        const name = om.ref.info?.name;
        if (!name || !RELEVANCE_METRICS.includes(name)) return false;
        return ALWAYS_RANKING.includes(name) || usedAsRankingInScope(doc, om);
      })
      .map((om) => om.ref as MetricRef & { info: NonNullable<MetricRef['info']> });
    if (!ranking.length) return;
    const names = ranking.map((m) => `\`${m.written}\``).join(', ');
    const k = ranking.map((m) => m.k).find((x): x is number => typeof x === 'number') ?? 10;
    const related = ranking.map((m) => ({ ...m.span, message: `ranking metric \`${m.written}\`` }));
    if (ranking.every((m) => BINARY_ONLY.includes(m.info.name))) {
      const add = `ndcg@${k}`;
      report({
        ...doc.valueSpan(relNode),
        message: fitHeadline([
          ranking.length === 1
            ? `Relevance is graded, but the only ranking metric, ${code(clip(ranking[0].written))}, ignores the grades`
            : `Relevance is graded, but every ranking metric (${ranking.map((m) => code(m.written)).join(', ')}) ignores the grades`,
          `Relevance is graded, but all ${ranking.length} ranking metrics ignore the grades`,
        ]),
        explanation: `Every offline ranking metric (${names}) treats an item as simply relevant or not, so the grades you collect are thrown away and a list that puts a perfect match below a weak one scores the same. Add \`${add}\`, which weighs each position by its grade (the book picks nDCG for graded similarity), or set \`relevance: binary\` if the labels are 0/1.`,
        related,
        suggestions: defined([listSuggestion(doc, OFFLINE, [add], `Add the offline metric \`${add}\``)]),
      });
    }
  },
};
