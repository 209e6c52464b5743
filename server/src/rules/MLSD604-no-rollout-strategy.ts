import { fillField } from '../engine/edits';
import { reportMissing } from './support';
import type { Fix, Rule } from './types';

export const mlsd604: Rule = {
  meta: {
    id: 'MLSD604',
    alias: 'no-rollout-strategy',
    title: 'No plan for testing the model in production',
    step: 6,
    defaultSeverity: 'warning',
    fixable: 'none',
    description: '`serving.rollout.strategy` is missing.',
  },
  check(ctx) {
    const { doc } = ctx;
    if (doc.stated('serving.rollout.strategy')) return;
    const suggestions: Fix[] = [];
    for (const s of ['canary', 'ab']) {
      const edit = fillField(doc, ['serving', 'rollout'], 'strategy', s);
      if (edit) suggestions.push({ title: `Set the rollout strategy to \`${s}\``, edits: [edit], safe: false });
    }
    reportMissing(ctx, {
      path: 'serving.rollout.strategy',
      span: ctx.doc.missingSpan('serving.rollout.strategy'),
      because: 'so nothing says how a new model reaches users',
      explanation:
        'Say how a new model reaches users (`shadow`, `canary`, `ab`, `blue-green`, `interleaving` or `bandit`). ' +
        'Offline metrics do not guarantee online gains, and a model that ships to 100% of traffic at once turns any regression into an incident; e.g. `rollout: {strategy: canary}`.',
      suggestions,
    });
  },
};
