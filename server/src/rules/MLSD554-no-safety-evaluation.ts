import { MEDIA_OUTPUT_TASKS, SAFETY_METRICS } from '../engine/domain';
import { generatorTaskType, metricNames, scopedOfflineMetrics, userFacing } from '../engine/facts';
import { fitHeadline } from './support';
import type { Rule } from './types';

export const mlsd554: Rule = {
  meta: {
    id: 'MLSD554',
    alias: 'no-safety-evaluation',
    title: 'User-facing generation with no offline safety evaluation',
    step: 5,
    defaultSeverity: 'warning',
    fixable: 'none',
    description:
      'a user-facing generative doc has no offline metric in the safety set (toxicity-rate, refusal-rate, attack-success-rate, pii-leakage-rate, nsfw-rate, safety-incident-rate, report-rate) and states no `evaluation.red_team`',
  },
  check({ doc, report }) {
    if (!userFacing(doc)) return;
    if (doc.stated('evaluation.red_team')) return;
    const names = metricNames(scopedOfflineMetrics(doc).metrics);
    if ([...names].some((n) => SAFETY_METRICS.includes(n))) return;
    const t = generatorTaskType(doc);
    const media = t !== undefined && MEDIA_OUTPUT_TASKS.includes(t);
    const at = doc.node('evaluation.offline') ?? doc.node('evaluation');
    report({
      ...(at ? doc.keySpan(at) : doc.docSpan()),
      message: fitHeadline([
        'No safety evaluation before launch: no offline safety metric and no `evaluation.red_team`',
        'No safety evaluation before launch',
      ]),
      explanation:
        `Nothing measures, before launch, how often the system produces unsafe output or how easily it is jailbroken; guardrails without a measured attack success rate are unverified. ${media ? 'Generated images and video reach' : 'Generated text reaches'} users, and a new model, prompt or sampler changes what gets through. ` +
        `State \`evaluation.red_team\` (adversarial prompt sets, who runs them, how often) and add offline \`attack-success-rate\` and ${media ? '`nsfw-rate`' : '`toxicity-rate`'} on adversarial prompts, with \`refusal-rate\` on benign prompts to catch over-refusal.`,
    });
  },
};
