import { CLASSIFIER_TASKS, gatekeeping, labelsOnTheirOwn } from '../engine/facts';
import { fitHeadline } from './support';
import type { Rule } from './types';

/** What a gate blocks and the label it then never sees, per label source, for the message. */
const EXAMPLES: Record<string, string> = {
  natural: 'a declined payment never gets a chargeback, a rejected applicant never defaults',
  implicit: 'a hidden item is never clicked, a blocked user never converts',
  'user-reports': 'a removed post is never reported, a hidden message is never flagged',
};

export const mlsd313: Rule = {
  meta: {
    id: 'MLSD313',
    alias: 'selective-labels-unaddressed',
    title: 'Gatekeeping classifier learns only from what it lets through',
    step: 3,
    defaultSeverity: 'warning',
    fixable: 'none',
    description:
      'A gatekeeping classifier (`output_use` threshold or action, or archetype harmful-content) whose labels arrive on their own, with `data.bias.selection` and `monitoring.exploration` both missing.',
  },
  check({ doc, report }) {
    if (!doc.effectiveTaskTypes().some((t) => CLASSIFIER_TASKS.includes(t))) return;
    const gate = gatekeeping(doc);
    const labels = labelsOnTheirOwn(doc);
    if (!gate || !labels) return;
    if (doc.stated('data.bias.selection') || doc.stated('monitoring.exploration')) return;
    report({
      ...doc.valueSpan(gate.node),
      message: fitHeadline([
        `The model gates outcomes (${gate.text}), so its ${labels.source} labels cover only cases it lets through`,
        `Gatekeeping model: its ${labels.source} labels cover only the cases it lets through`,
      ]),
      explanation:
        `The model gates what happens (${gate.text}) and learns from ${labels.source} labels ` +
        `(\`data.labels.source: ${labels.source}\`), so outcomes exist only for cases it let through: ${EXAMPLES[labels.source]}. ` +
        "Each retrain learns from the previous model's survivors, and offline metrics never see what it blocked. " +
        'Keep a small random control that bypasses the action (e.g. 1% of traffic) and say so in `monitoring.exploration`, ' +
        'or describe the correction in `data.bias.selection` (reject inference, inverse-propensity weights from logged scores).',
      related: [{ ...doc.valueSpan(labels.node), message: `label source: ${labels.source}` }],
    });
  },
};
