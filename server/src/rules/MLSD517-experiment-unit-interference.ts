import { adversarial, networkEffects } from '../engine/facts';
import { EXPERIMENT as X } from './support';
import type { Rule } from './types';

/** Individual units that interact under network effects (case a); a missing unit reads as one of them. */
const INDIVIDUAL_UNITS: readonly string[] = ['user', 'session', 'request', 'device'];
/** Units an adversary can leave and re-enter in the other arm (case b). */
const REENTRY_UNITS: readonly string[] = ['request', 'session'];

export const mlsd517: Rule = {
  meta: {
    id: 'MLSD517',
    alias: 'experiment-unit-interference',
    title: 'Randomization unit leaks between arms',
    step: 5,
    defaultSeverity: 'info',
    fixable: 'none',
    description:
      'experiment type `ab` or missing, `interference` missing, and either units interact (`requirements.network_effects: true` or archetype people-you-may-know) with unit user, session, request, device or unstated, or the system is adversarial with unit request or session',
  },
  check({ doc, report }) {
    const exp = doc.node(X);
    if (exp?.kind !== 'map') return;
    if (doc.stated(`${X}.type`) && doc.enumOf(`${X}.type`) !== 'ab') return;
    if (doc.stated(`${X}.interference`)) return;
    const unitNode = doc.node(`${X}.unit`);
    const unitStated = doc.stated(`${X}.unit`);
    const unit = doc.enumOf(`${X}.unit`);
    // an invalid unit (MLSD003/MLSD012) is unknown: not reported here
    if (unitStated && unit === undefined) return;
    const span = unitStated && unitNode ? doc.valueSpan(unitNode) : doc.keySpan(exp);
    const net = networkEffects(doc);
    if (net && (unit === undefined || INDIVIDUAL_UNITS.includes(unit))) {
      const by = unit ? `by ${unit}` : 'by individual unit';
      report({
        ...span,
        message: `Units interact (network effects), so randomizing ${by} lets treatment leak into control`,
        explanation: `Units interact here (network effects, ${net.text}), so randomizing ${by} lets treatment leak into control${unit ? '' : ' (no `unit` is stated; an A/B test usually randomizes users)'}: treated buyers take supply from control buyers, a recommendation in one arm becomes a request to a user in the other. The measured difference is then biased, in either direction. Randomize by \`cluster\` (graph clusters), \`geo\` or \`switchback\`, or state in \`interference\` why spillover is negligible.`,
        related: [{ ...doc.valueSpan(net.node), message: net.text }],
      });
      return;
    }
    const adv = adversarial(doc);
    if (adv && unit !== undefined && REENTRY_UNITS.includes(unit)) {
      report({
        ...span,
        message: `Randomizing by ${unit} lets an adversary blocked in one arm retry and land in the other`,
        explanation: `An adversary blocked in one arm can retry and land in the other when units are requests or sessions (${adv.text}), which dilutes the difference between the arms. Randomize by user, account, device or card, or state in \`interference\` why re-entry is negligible.`,
        related: [{ ...doc.valueSpan(adv.node), message: adv.text }],
      });
    }
  },
};
