import { STEP_KEYS, STEP_TITLES } from '../engine/catalog';
import { insertSectionEdit } from '../engine/skeleton';
import type { Rule } from './types';

const WHY: Record<string, string> = {
  requirements:
    'Without the business objective, scale and latency budget, nothing else in the design can be checked against a goal.',
  framing: 'Without an ML objective and task type, the choice of labels, loss and metrics has no anchor.',
  data: 'Without sources, labels and a split, the model cannot be trained or evaluated honestly.',
  model: 'Without a baseline and a chosen model, there is nothing to compare or ship.',
  evaluation: 'Without offline and online metrics, nobody can tell whether the model works.',
  serving: 'Without a prediction mode and rollout plan, the latency and launch risks are unknown.',
  monitoring: 'Without drift monitoring and a retraining policy, the model silently decays in production.',
};

export const mlsd006: Rule = {
  meta: {
    id: 'MLSD006',
    alias: 'missing-section',
    title: 'Missing framework step',
    step: 0,
    defaultSeverity: 'warning',
    fixable: 'safe',
    description:
      'One of the seven step sections is missing (one finding per missing step, naming the step); the safe fix inserts a skeleton of that section at its place in step order.',
  },
  check({ doc, report }) {
    if (doc.root && !doc.top) return;
    STEP_KEYS.forEach((key, i) => {
      if (doc.sectionPresent(key)) return;
      const n = doc.node([key]);
      const span = n && n.keyStart !== undefined ? { start: n.keyStart, end: n.keyEnd! } : doc.docSpan();
      const edit = n ? undefined : insertSectionEdit(doc, key);
      report({
        ...span,
        message: `Step ${i + 1} (${STEP_TITLES[key]}) is ${n ? 'empty' : 'missing'}: add the \`${key}\` section`,
        explanation: `${WHY[key]} Until the section is written, this finding stands for the whole step: the step's own checks do not run.`,
        fix: edit ? { title: `Add the \`${key}\` section`, edits: [edit], safe: true } : undefined,
        aboutStep: i + 1,
      });
    });
  },
};
