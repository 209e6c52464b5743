import { clip, code, fitHeadline, missingHeadline, reportMissing } from './support';
import type { Rule } from './types';

export const mlsd605: Rule = {
  meta: {
    id: 'MLSD605',
    alias: 'no-rollback-plan',
    title: 'Rollout has no rollback plan',
    step: 6,
    defaultSeverity: 'info',
    fixable: 'none',
    description: 'A rollout is stated (`serving.rollout.strategy`) and `serving.rollout.rollback` is missing.',
  },
  check(ctx) {
    const { doc } = ctx;
    // "rollout stated" = a rollout strategy is stated; without one MLSD604 reports the rollout instead
    if (!doc.stated('serving.rollout.strategy') || doc.stated('serving.rollout.rollback')) return;
    const strategy = doc.str('serving.rollout.strategy');
    reportMissing(ctx, {
      path: 'serving.rollout.rollback',
      span: ctx.doc.missingSpan('serving.rollout.rollback'),
      because: fitHeadline(
        [
          `so a bad model in the ${code(clip(strategy ?? '', 24))} rollout has no way back`,
          'so a bad model has no way back',
        ],
        100 - missingHeadline('serving.rollout.rollback', '').length,
      ),
      explanation:
        `The rollout (\`${strategy}\`) has no \`rollback\`: say how a bad model is taken back out of production, and how fast. ` +
        'ML regressions often show only in online metrics hours after launch, so the previous model must stay deployable; ' +
        'e.g. `rollback: keep the previous model loaded; revert is a config flip`.',
      value: 'keep the previous model loaded; revert is a config flip',
      title: 'Add a `rollback` plan',
    });
  },
};
