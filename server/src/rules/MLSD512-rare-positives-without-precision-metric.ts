import { metricFits, type TaskType } from '../engine/domain';
import {
  CALIBRATION_METRICS,
  CLASSIFIER_TASKS,
  docTaskTypes,
  OPERATING_POINT_METRICS,
  offlineMetricLists,
  offlineMetricSummary,
} from '../engine/facts';
import {
  accuracyOnlyClassification,
  clip,
  code,
  defined,
  fitHeadline,
  listNames,
  listSuggestion,
  minorityRate,
  OFFLINE,
  pct,
} from './support';
import type { Rule } from './types';

/** rules.md's illustrative operating point: 80% recall at a 1% false-positive rate. */
const RECALL = 0.8;
const FPR = 0.01;

/** What to add, in the message's order: [written form, base name for the task-type fit]. */
const PICKS: [string, string][] = [
  ['pr-auc', 'pr-auc'],
  ['recall@precision=0.5', 'recall-at-precision'],
  ['recall@fpr=0.001', 'recall-at-fpr'],
];

export const mlsd512: Rule = {
  meta: {
    id: 'MLSD512',
    alias: 'rare-positives-without-precision-metric',
    title: 'Rare positives, but no metric at the operating point',
    step: 5,
    defaultSeverity: 'warning',
    fixable: 'none',
    description:
      "`positive_rate` < `rare_positive_threshold` (or > 1 − it), the doc task types include a classifier type, `framing.output_use` is `threshold` or `action` (or `probability` with no calibration metric), the doc's offline metrics are stated and all known, none is an operating-point metric (pr-auc, average-precision, precision, precision-at-recall, recall-at-precision, recall-at-fpr, fpr, false-alarms-per-hour, f1, fbeta), and MLSD505 does not fire on the same list.",
    options: ['rare_positive_threshold'],
  },
  check({ doc, options, report }) {
    const p = doc.rate('data.labels.positive_rate');
    if (p === undefined) return;
    // reading: MLSD512 always uses `rare_positive_threshold`; the v1-compat fallback to a configured
    // `imbalance_threshold` is MLSD302's alone (rules.md names only MLSD302 there), and MLSD512 is new in v1.1
    const t = options.rare_positive_threshold;
    const minority = minorityRate(p, t);
    if (!minority) return;
    const types = docTaskTypes(doc);
    if (!types.some((ty) => CLASSIFIER_TASKS.includes(ty))) return;
    const use = doc.enumOf('framing.output_use');
    if (use !== 'threshold' && use !== 'action' && use !== 'probability') return;

    const { refs, allKnown } = offlineMetricSummary(doc);
    // "all known": a custom or invalid name may measure exactly the operating point
    if (!allKnown) return;
    const names = refs.map((m) => m.info!.name);
    // a calibrated probability consumed as such (pCTR for an auction) has no operating point to measure
    if (use === 'probability' && names.some((n) => CALIBRATION_METRICS.includes(n))) return;
    if (names.some((n) => OPERATING_POINT_METRICS.includes(n))) return;
    // one root cause, one finding: MLSD505 reports an accuracy-only list on imbalanced data
    const t505 = options.imbalance_threshold;
    if (minorityRate(p, t505) && accuracyOnlyClassification(doc)) return;

    const lists = offlineMetricLists(doc);
    const at = doc.node(OFFLINE) ?? lists.find((l) => l.node)?.node;
    if (!at) return;

    const pi = minority.rate;
    const tp = RECALL * pi;
    const fp = FPR * (1 - pi);
    const precision = Math.round((tp / (tp + fp)) * 1000) / 1000;
    const falseAlarms = Math.round(fp / tp);
    const rateWord = minority.rarePositive ? 'positive rate' : 'negative rate';
    const written = listNames(
      [...new Set(refs.map((m) => m.written))].map((w) => clip(w, 24)),
      3,
    );
    const picks = PICKS.filter(([, base]) =>
      types.some((ty) => CLASSIFIER_TASKS.includes(ty) && metricFits(base, ty as TaskType)),
    );
    const add = picks.length ? picks : PICKS.slice(0, 1);
    const rateNode = doc.node('data.labels.positive_rate');
    report({
      ...doc.keySpan(at),
      message: fitHeadline([
        `At a ${pct(pi)} ${rateWord}, 80% recall at 1% FPR is ${pct(precision)} precision: no metric shows it`,
        `At a ${pct(pi)} ${rateWord}, 80% recall at 1% FPR is ${pct(precision)} precision`,
      ]),
      explanation: `At a ${pct(pi)} ${rateWord}${minority.rarePositive ? '' : ` (\`positive_rate\` ${pct(p)}: the negatives are the rare class)`}, ROC-AUC and accuracy hide what matters: a model at 80% recall and a 1% false-positive rate has ${pct(precision)} precision — ${falseAlarms.toLocaleString('en-US')} false alarms per true positive — while its ROC-AUC can exceed 0.95 and its accuracy 0.99. None of the offline metrics (${written}) measures the ${use === 'probability' ? 'scores that are read as probabilities (no calibration metric either)' : 'thresholded decision'} at the operating point. Add a metric at the operating point: \`pr-auc\`, \`recall@precision=0.5\`, \`recall@fpr=0.001\` (recall at the decline or review rate you can afford) (threshold \`rare_positive_threshold\` = ${t}).`,
      related: rateNode ? [{ ...doc.valueSpan(rateNode), message: `${rateWord} ${pct(pi)}` }] : undefined,
      suggestions: defined(add.map(([w]) => listSuggestion(doc, OFFLINE, [w], `Add the offline metric ${code(w)}`))),
    });
  },
};
