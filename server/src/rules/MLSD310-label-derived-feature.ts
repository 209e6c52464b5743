import { child } from '../engine/parse';
import { clip, code, fitHeadline, inDays } from './support';
import type { Rule } from './types';

export const mlsd310: Rule = {
  meta: {
    id: 'MLSD310',
    alias: 'label-derived-feature',
    title: 'Feature derived from the label is not point-in-time',
    step: 3,
    defaultSeverity: 'warning',
    fixable: 'none',
    description: 'A feature has `derived_from_label: true` and `point_in_time` is not stated.',
  },
  check({ doc, report }) {
    const delayNode = doc.node('data.labels.delay');
    const delay = doc.durationOf(delayNode);
    doc.entries('data.features').forEach((f, i) => {
      const derived = child(f, 'derived_from_label');
      if (derived?.kind !== 'scalar' || derived.value !== true) return;
      if (doc.isStated(child(f, 'point_in_time'))) return;
      const id = doc.textOf(child(f, 'id')) ?? `feature ${i + 1}`;
      const name = code(clip(id, 24));
      const delayClause =
        delay !== undefined && delay > 0
          ? ` (labels take ${inDays(delay)} here, so the most recent ${inDays(delay)} of outcomes are mostly missing at prediction time)`
          : '';
      report({
        ...doc.valueSpan(derived),
        message: fitHeadline([
          `Feature ${name} is derived from the label but not marked \`point_in_time: true\``,
          `Feature ${name} is derived from the label but not marked point-in-time`,
          'Label-derived feature not marked `point_in_time: true`',
        ]),
        explanation:
          `Feature ${code(id)} is computed from the label (\`derived_from_label: true\`) and \`point_in_time\` is not stated. ` +
          "Unless each training row sees only outcomes known at its prediction time, the feature contains the row's own label and labels from its future: " +
          'offline metrics soar and collapse in production. ' +
          `Compute it as of the prediction time from labels that had *arrived* by then${delayClause}, and write \`point_in_time: true\` on the feature.`,
        related:
          delayNode && delay !== undefined && delay > 0
            ? [{ ...doc.valueSpan(delayNode), message: `label delay: ${inDays(delay)}` }]
            : undefined,
      });
    });
  },
};
