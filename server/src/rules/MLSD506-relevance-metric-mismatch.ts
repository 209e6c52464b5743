import type { MetricRef } from '../engine/model';
import { clip, code, defined, fitHeadline, listSuggestion, metricList, OFFLINE, usedAsRankingMetric } from './support';
import type { Rule } from './types';

/** Ranking metrics computed from relevance labels (diversity, coverage, novelty, ann-recall are not). */
const RELEVANCE_METRICS = ['precision', 'recall', 'hit-rate', 'mrr', 'map', 'ndcg', 'average-rank'];
const ALWAYS_RANKING = ['hit-rate', 'mrr', 'ndcg', 'average-rank'];
const BINARY_ONLY = ['map', 'precision', 'mrr'];

export const mlsd506: Rule = {
  meta: {
    id: 'MLSD506',
    alias: 'relevance-metric-mismatch',
    title: 'Ranking metrics do not match the relevance labels',
    step: 5,
    defaultSeverity: 'info',
    fixable: 'none',
    description:
      '`relevance: graded` and every offline ranking metric is map/precision/mrr (binary-relevance metrics), or `relevance: binary` and every offline ranking metric is ndcg',
  },
  check({ doc, report }) {
    const relevance = doc.enumOf('evaluation.relevance');
    const relNode = doc.node('evaluation.relevance');
    if (!relevance || !relNode) return;
    const { refs, complete } = metricList(doc, OFFLINE);
    // an unknown (custom) metric may be the graded or binary one: do not guess
    if (!complete || refs.some((m) => !m.info)) return;
    const ranking = refs.filter((m): m is MetricRef & { info: NonNullable<MetricRef['info']> } => {
      const name = m.info?.name;
      if (!name || !RELEVANCE_METRICS.includes(name)) return false;
      return ALWAYS_RANKING.includes(name) || usedAsRankingMetric(doc, m);
    });
    if (!ranking.length) return;
    const names = ranking.map((m) => `\`${m.written}\``).join(', ');
    const k = ranking.map((m) => m.k).find((x): x is number => typeof x === 'number') ?? 10;
    const related = ranking.map((m) => ({ ...m.span, message: `ranking metric \`${m.written}\`` }));
    if (relevance === 'graded' && ranking.every((m) => BINARY_ONLY.includes(m.info.name))) {
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
        data: { relevance, metrics: ranking.map((m) => m.info.name) },
      });
    } else if (relevance === 'binary' && ranking.every((m) => m.info.name === 'ndcg')) {
      const add = `map@${k}`;
      report({
        ...doc.valueSpan(relNode),
        message: 'Relevance is binary, but the only ranking metric is nDCG, which is built for graded labels',
        explanation: `The only offline ranking metric is nDCG (${names}), which is built for graded labels: with 0/1 labels its gains carry no information and the score is harder to read than mAP. Add \`${add}\` (or \`mrr\` when one item per query is relevant), as the book does for binary relevance, or set \`relevance: graded\` if the labels have grades.`,
        related,
        suggestions: defined([listSuggestion(doc, OFFLINE, [add], `Add the offline metric \`${add}\``)]),
        data: { relevance, metrics: ranking.map((m) => m.info.name) },
      });
    }
  },
};
