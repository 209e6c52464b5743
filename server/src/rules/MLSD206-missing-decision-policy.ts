import { OPERATING_POINT_METRICS } from '../engine/facts';
import { CLASSIFIER_TASKS, docTaskTypes } from '../engine/facts';
import type { MetricRef } from '../engine/model';
import { child } from '../engine/parse';
import { code } from './support';
import type { Rule } from './types';

/** rules.md "operating-point metrics", plus `recall`: with a `target`, each states an operating point. */
const OPERATING_POINT = [...OPERATING_POINT_METRICS, 'recall'];
const THRESHOLDED = [...CLASSIFIER_TASKS, 'object-detection', 'segmentation'];

export const mlsd206: Rule = {
  meta: {
    id: 'MLSD206',
    alias: 'missing-decision-policy',
    title: 'Threshold or action output without a decision policy',
    step: 2,
    defaultSeverity: 'info',
    fixable: 'none',
    description:
      '`framing.output_use` is `threshold` or `action`, the doc task types include a classifier type, object-detection or segmentation, `framing.decision_policy` and `framing.error_costs` are both missing, and no offline operating-point metric (or `recall`) carries a `target`.',
  },
  check({ doc, report }) {
    const use = doc.enumOf('framing.output_use');
    if (use !== 'threshold' && use !== 'action') return;
    if (doc.stated('framing.decision_policy') || doc.stated('framing.error_costs')) return;
    if (!docTaskTypes(doc).some((t) => THRESHOLDED.includes(t))) return;
    // the doc's offline metrics: the offline list and every stage's list
    const metrics: MetricRef[] = [...doc.metrics('evaluation.offline.metrics')];
    doc.entries('model.stages').forEach((_, i) => metrics.push(...doc.metrics(['model', 'stages', i, 'metrics'])));
    const withTarget = metrics.some(
      (m) =>
        !!m.info &&
        OPERATING_POINT.includes(m.info.name) &&
        m.node.kind === 'map' &&
        doc.isStated(child(m.node, 'target')),
    );
    if (withTarget) return;
    const useNode = doc.node('framing.output_use')!;
    report({
      ...doc.valueSpan(useNode),
      message: `${code(`output_use: ${use}`)}, but neither \`decision_policy\` nor \`error_costs\` is stated`,
      explanation:
        `\`output_use: ${use}\`, but neither \`framing.decision_policy\` nor \`framing.error_costs\` is stated: the ` +
        'operating point — and so the precision, recall and online impact the design promises — cannot be reviewed. ' +
        'State which score triggers which action (`decision_policy: [{action: block, threshold: ">= 0.95"}, ' +
        '{action: review, threshold: "0.7–0.95"}]`) and what one false positive and one false negative cost ' +
        '(`error_costs: {false_positive: …, false_negative: …}`); with calibrated probabilities the cost-minimizing ' +
        'threshold is c_FP / (c_FP + c_FN). A target on an operating-point metric (`{name: recall, target: ">= 95% at ' +
        '0.3 false alarms/day"}`) states it too.',
    });
  },
};
