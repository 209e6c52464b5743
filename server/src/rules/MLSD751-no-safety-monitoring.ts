import { SAFETY_METRICS } from '../engine/domain';
import { allDocMetrics, metricNames, userFacing } from '../engine/facts';
import { fitHeadline } from './support';
import type { Rule } from './types';

export const mlsd751: Rule = {
  meta: {
    id: 'MLSD751',
    alias: 'no-safety-monitoring',
    title: 'User-facing generation with no production safety signal',
    step: 7,
    defaultSeverity: 'warning',
    fixable: 'none',
    description:
      'a user-facing generative doc states no `monitoring.safety` and no online metric or guardrail in the safety set (toxicity-rate, refusal-rate, attack-success-rate, pii-leakage-rate, nsfw-rate, safety-incident-rate, report-rate)',
  },
  check({ doc, report }) {
    if (!userFacing(doc)) return;
    if (doc.stated('monitoring.safety')) return;
    const online = allDocMetrics(doc).filter((m) => m.list === 'online' || m.list === 'guardrail');
    if ([...metricNames(online)].some((n) => SAFETY_METRICS.includes(n))) return;
    const at = doc.node('monitoring');
    report({
      ...(at ? doc.keySpan(at) : doc.docSpan()),
      message: fitHeadline([
        'No production safety signal: blocked prompts, flagged outputs and user reports are not tracked',
        'No production safety signal is tracked',
      ]),
      explanation:
        'No production safety signal: blocked prompts, flagged outputs, jailbreak attempts and user reports are not tracked, so a new jailbreak or a guardrail regression is found by users first — or by the press. ' +
        'Add `monitoring.safety: [blocked-prompt rate, flagged-output rate, jailbreak attempts, user reports]` with alerts, or `safety-incident-rate` as an online guardrail.',
    });
  },
};
