import { HAND_LABELED, isGenerativeTask, NATURAL_LABELED } from '../engine/domain';
import { isGenerative, trainsWeights } from '../engine/facts';
import type { MlsdDoc } from '../engine/model';
import { reportMissing } from './support';
import type { Rule, RuleContext } from './types';

/**
 * genai.md §8 and §3 step 3: a generative doc that trains weights (a weight-training `adaptation`, or
 * `model.training.from: scratch | fine-tune`) needs `data.labels.source` to say where the target outputs
 * come from; a doc that trains no weights (prompting, RAG on a pretrained model) needs no labels.
 */
function generativeTargets(ctx: RuleContext, doc: MlsdDoc): void {
  if (!trainsWeights(doc)) return;
  const t = doc.effectiveTaskTypes().find((x) => isGenerativeTask(x)) ?? 'generative';
  reportMissing(ctx, {
    path: 'data.labels.source',
    because: 'though the model is trained on target outputs',
    explanation:
      `This ${t} system trains weights (a fine-tuning \`adaptation\` or \`model.training.from\`), so it learns from target outputs: ` +
      'say where they come from — `natural` (text people wrote, captions that came with images), `hand` (annotator-written demonstrations or preference pairs) ' +
      'or `synthetic` (responses or captions written by another model) — since their quality, licence and bias are what the model imitates. ' +
      'Add e.g. `labels: {source: hand, positive: <what a good target output is>}` under `data`.',
    value: 'TBD',
  });
}

export const mlsd301: Rule = {
  meta: {
    id: 'MLSD301',
    alias: 'missing-labels',
    title: 'Supervised task with no label source',
    step: 3,
    defaultSeverity: 'warning',
    fixable: 'none',
    description:
      "The task is supervised (any task type but clustering, and not anomaly-detection unless `requirements.data.labeled` is true; with `framing.heads`, any head's type counts) and `data.labels.source` is missing. On a generative doc (genai.md §8): only when it trains weights, and the labels are where the target outputs come from.",
  },
  check(ctx) {
    const { doc } = ctx;
    if (doc.stated('data.labels.source')) return;
    if (isGenerative(doc)) return generativeTargets(ctx, doc);
    const labeled = doc.bool('requirements.data.labeled') === true;
    const types = doc.effectiveTaskTypes();
    const supervised = types.filter((t) => t !== 'clustering' && (t !== 'anomaly-detection' || labeled));
    if (!supervised.length) return;
    const main = doc.taskType();
    const t = main && supervised.includes(main) ? main : supervised[0];
    const because =
      t === 'anomaly-detection'
        ? 'though anomaly detection on labeled data is supervised'
        : `though ${t === main ? '' : 'head '}task type \`${t}\` is supervised`;
    const why =
      t === 'anomaly-detection'
        ? 'The task is anomaly-detection with `requirements.data.labeled: true`, so it is trained on labels'
        : t === main
          ? `\`framing.task_type\` is ${t}, a supervised task`
          : `The head task type ${t} is supervised`;
    const value = HAND_LABELED.includes(t)
      ? 'hand'
      : NATURAL_LABELED.includes(t) || doc.ranksOrRecommends()
        ? 'natural'
        : 'TBD';
    const example = value === 'TBD' ? 'natural' : value;
    const taskNode = doc.node('framing.task_type');
    reportMissing(ctx, {
      path: 'data.labels.source',
      because,
      explanation:
        `${why}: say where the training labels come from ` +
        '(natural user actions, hand annotation, user reports, weak rules), since their cost, noise, delay and bias bound what the model can learn. ' +
        `Add e.g. \`labels: {source: ${example}, positive: <what counts as a positive>}\` under \`data\`.`,
      value,
      related:
        taskNode && doc.isStated(taskNode)
          ? [{ ...doc.valueSpan(taskNode), message: `task type ${doc.taskType() ?? 'stated here'}` }]
          : undefined,
    });
  },
};
