import { lossPieces } from '../engine/facts';
import { lossFits, taskInfo, TASKS, type LossInfo, type TaskType } from '../engine/domain';
import { clip, code, fitHeadline, listNames } from './support';
import type { Fix, Rule } from './types';

/** What each task type needs its loss to train, for the message. */
const NEEDS: Partial<Record<TaskType, string>> = {
  'binary-classification': 'a probability of the positive class',
  'multilabel-classification': 'an independent probability per label',
  'anomaly-detection': 'a probability (or score) of being anomalous',
  'multiclass-classification': 'a probability distribution over the classes',
  'multitask-classification': 'class probabilities per head',
  regression: 'a real value close to the target',
  forecasting: 'future values close to the series',
  ranking: 'scores that order items by relevance',
  recommendation: 'scores that order items by relevance',
  retrieval: 'embeddings in which relevant pairs are close',
  'link-prediction': 'the probability that an edge forms',
  'object-detection': 'box coordinates and class scores',
  segmentation: 'a class per pixel',
  'text-generation': 'the likelihood of the target tokens',
  'image-generation': 'images close to the data distribution',
};

/** The task types a loss fits (rules.md table), for the message. */
function fitsTasks(loss: LossInfo): TaskType[] {
  return TASKS.filter((t) => t.losses.includes(loss.name)).map((t) => t.type);
}

export const mlsd402: Rule = {
  meta: {
    id: 'MLSD402',
    alias: 'loss-task-mismatch',
    title: 'Loss does not fit the task type',
    step: 4,
    defaultSeverity: 'warning',
    fixable: 'none',
    description:
      '`model.loss` names a known loss that does not fit `framing.task_type` (or any head\'s task type), e.g. mse for binary-classification or bce for regression. The free text is split on `+`, `,`, `/` and "and"; unknown pieces are ignored.',
  },
  check({ doc, report }) {
    const n = doc.node('model.loss');
    if (n?.kind !== 'scalar') return;
    const types = doc.effectiveTaskTypes();
    if (!types.length) return;
    const fitting = [...new Set(types.flatMap((t) => taskInfo(t)?.losses ?? []))];
    if (!fitting.length) return; // clustering only: not checked
    const taskLabel =
      types.length === 1
        ? `${types[0]} (\`framing.task_type\`)`
        : `any of the task types ${listNames(types, 4)} (task type and heads)`;
    const needs = types.length === 1 ? NEEDS[types[0]] : undefined;
    const typical = types.length === 1 ? taskInfo(types[0])?.typicalLoss : undefined;
    const seen = new Set<string>();
    const tt = doc.node('framing.task_type');
    for (const piece of lossPieces(doc, n)) {
      const loss = piece.loss;
      if (!loss || seen.has(loss.name)) continue;
      if (types.some((t) => lossFits(loss.name, t))) continue;
      seen.add(loss.name);
      const span = piece.span ?? doc.valueSpan(n);
      const its = fitsTasks(loss);
      const alias =
        loss.name === piece.text.toLowerCase().replace(/[\s_]+/g, '-')
          ? code(loss.name)
          : `${code(piece.text)} (${loss.name})`;
      const suggestions: Fix[] = piece.span
        ? fitting.slice(0, 2).map((f) => ({
            title: `Replace with \`${f}\``,
            edits: [{ start: span.start, end: span.end, newText: f }],
            safe: false,
          }))
        : [];
      const task = types.length === 1 ? types[0] : `any of the ${types.length} task types`;
      const wrote =
        loss.name === piece.text.toLowerCase().replace(/[\s_]+/g, '-')
          ? code(loss.name)
          : `${code(clip(piece.text, 24))} (${loss.name})`;
      report({
        ...span,
        message: fitHeadline([
          `The loss ${wrote} does not fit ${task}; losses that fit: ${fitting.slice(0, 2).map(code).join(', ')}`,
          `The loss ${wrote} does not fit ${task}`,
        ]),
        explanation:
          `The loss ${alias} does not fit ${taskLabel}: it is ${its.length ? `a loss for ${listNames(its, 3)}` : 'not a loss for this task'}` +
          `${needs ? `, while ${types[0]} needs ${needs}` : ''}, so the model is trained to output the wrong kind of score whatever the data. ` +
          `Use a loss that fits: ${fitting.map(code).join(', ')}${typical ? ` (typical: ${typical.charAt(0).toLowerCase()}${typical.slice(1).replace(/\.$/, '')})` : ''}.`,
        suggestions: suggestions.length ? suggestions : undefined,
        related:
          tt && doc.isStated(tt)
            ? [{ ...doc.valueSpan(tt), message: `task type ${doc.taskType() ?? String(tt.value)}` }]
            : undefined,
        data: { loss: loss.name, written: piece.text, taskTypes: types, fitting },
      });
    }
  },
};
