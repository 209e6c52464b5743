import { metricFits } from '../engine/domain';
import { accuracyOnlyClassification, clip, code, defined, listSuggestion, OFFLINE, pct } from './support';
import type { Rule } from './types';

export const mlsd505: Rule = {
  meta: {
    id: 'MLSD505',
    alias: 'accuracy-on-imbalanced-data',
    title: 'Accuracy is the only metric on imbalanced data',
    step: 5,
    defaultSeverity: 'warning',
    fixable: 'none',
    description: '`accuracy` is the only offline classification metric and `positive_rate` < `imbalance_threshold`',
    options: ['imbalance_threshold'],
  },
  check({ doc, options, report }) {
    const p = doc.rate('data.labels.positive_rate');
    if (p === undefined) return;
    const t = options.imbalance_threshold;
    const rarePositive = p < t;
    // reading: a positive rate above 1 − threshold is the same imbalance with the classes swapped
    if (!rarePositive && !(p > 1 - t)) return;
    const cls = accuracyOnlyClassification(doc);
    if (!cls) return;
    const trivial = Math.max(p, 1 - p);
    const majority = rarePositive ? 'negative' : 'positive';
    const types = doc.effectiveTaskTypes();
    const candidates = (
      types.includes('multiclass-classification') ? ['macro-f1', 'recall'] : ['pr-auc', 'recall']
    ).filter((c) => !types.length || types.some((ty) => metricFits(c, ty)));
    const rateNode = doc.node('data.labels.positive_rate');
    report({
      ...cls[0].span,
      message: `Only ${code(clip(cls[0].written, 20))} at a ${pct(p)} positive rate: always predicting "${majority}" scores ${pct(trivial)}`,
      explanation: `${code(cls[0].written)} is the only classification metric, but the positive rate is ${pct(p)}: a model that always predicts "${majority}" scores ${pct(trivial)} accuracy while catching no ${rarePositive ? 'positive' : 'negative'}. Add a metric that sees the rare class, e.g. ${candidates.length ? candidates.map((c) => `\`${c}\``).join(' or ') : '`pr-auc` or `recall`'} (threshold \`imbalance_threshold\` = ${t}).`,
      related: rateNode ? [{ ...doc.valueSpan(rateNode), message: `positive rate ${pct(p)}` }] : undefined,
      suggestions: defined(candidates.map((c) => listSuggestion(doc, OFFLINE, [c], `Add the offline metric \`${c}\``))),
    });
  },
};
