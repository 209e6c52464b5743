import { replaceScalar } from '../engine/edits';
import { adversarial } from '../engine/facts';
import type { Rule } from './types';

export const mlsd707: Rule = {
  meta: {
    id: 'MLSD707',
    alias: 'manual-retraining-under-adversarial-drift',
    title: 'Adversarial system retrained only manually',
    step: 7,
    defaultSeverity: 'warning',
    fixable: 'none',
    description:
      'the system is adversarial (`requirements.adversarial: true` or archetype harmful-content), `monitoring.retraining.trigger` is `manual` and `monitoring.retraining.cadence` is missing',
  },
  check({ doc, report }) {
    const adv = adversarial(doc);
    if (!adv) return;
    if (doc.enumOf('monitoring.retraining.trigger') !== 'manual') return;
    if (doc.stated('monitoring.retraining.cadence')) return;
    const node = doc.node('monitoring.retraining.trigger')!;
    const edit = replaceScalar(node, 'drift');
    report({
      ...doc.valueSpan(node),
      message: `Retraining is manual only, but the system faces adversaries (${adv.text})`,
      explanation: `Retraining is manual only, but the system faces adversaries (${adv.text}): attackers probe the decision boundary and change tactics within days, so a model that waits for someone to decide drifts silently. Retrain on a schedule (\`cadence: 1w\` or shorter) or on drift and performance alerts (\`trigger: drift\`), and watch the attack-side signals (score distribution, block rate, new-pattern share).`,
      related: [{ ...doc.valueSpan(adv.node), message: adv.text }],
      suggestions: edit
        ? [{ title: 'Retrain on drift alerts (`trigger: drift`)', edits: [edit], safe: false }]
        : undefined,
    });
  },
};
