import { lossPieces, productionCandidates, taskTypeSources, type TaskTypeSource } from '../engine/facts';
import { GENERATIVE_LOSS_NAMES, isGenerativeTask, taskInfo, TASKS, type TaskType } from '../engine/domain';
import type { MlsdDoc } from '../engine/model';
import { pathOf } from '../engine/parse';
import { capitalize, clip, code, fitHeadline, listNames } from './support';
import type { Fix, Related, Rule } from './types';

const CLASSIFIERS: readonly TaskType[] = [
  'binary-classification',
  'multiclass-classification',
  'multilabel-classification',
  'multitask-classification',
  'anomaly-detection',
];
const CLASSIFICATION_LOSSES = ['bce', 'cross-entropy', 'focal', 'class-balanced', 'hinge', 'one-class'];
const AMOUNT_LOSSES = ['quantile', 'poisson', 'tweedie', 'msle'];
const COMPARISON_LOSSES = ['pairwise', 'listwise', 'sampled-softmax', 'contrastive', 'triplet', 'infonce'];

/** The task types a loss fits (rules.md table), for the "otherwise" reason. */
function fitsTasks(loss: string): TaskType[] {
  return TASKS.filter((t) => t.losses.includes(loss)).map((t) => t.type);
}

/** genai.md §10: `mse` fits text-generation only when a production candidate's adaptation includes distillation. */
function distills(doc: MlsdDoc): boolean {
  return productionCandidates(doc).some((c) =>
    doc.list([...pathOf(c), 'adaptation']).some((i) => doc.enumValueOf(i, undefined) === 'distillation'),
  );
}

/**
 * rules.md v1.1 MLSD402: the reason a loss does not fit a task type, per pair (long, for the explanation;
 * short, for the headline).
 */
function reason(loss: string, t: TaskType): { long: string; short: string } {
  const classifier = CLASSIFIERS.includes(t);
  if (classifier && (loss === 'mse' || loss === 'huber'))
    return {
      long: 'MSE on 0/1 labels is the Brier score — a proper scoring rule, so its minimizer is the calibrated probability — but through a sigmoid its gradient vanishes on confidently wrong predictions and it punishes them far less than log loss; use `bce`',
      short: 'gradients vanish on confident errors',
    };
  if (classifier && loss === 'mae')
    return {
      long: 'its minimizer is the conditional median, so scores collapse to 0 or 1 and carry no probability',
      short: 'it trains the median: scores collapse to 0 or 1',
    };
  if (classifier && AMOUNT_LOSSES.includes(loss))
    return {
      long: 'it models an amount or a quantile, not a class probability',
      short: 'it models an amount, not a class probability',
    };
  if ((t === 'regression' || t === 'forecasting') && CLASSIFICATION_LOSSES.includes(loss))
    return {
      long: 'it needs class labels; a real-valued target has none',
      short: 'it needs class labels; a real-valued target has none',
    };
  if (classifier && COMPARISON_LOSSES.includes(loss))
    return {
      long: 'it learns scores relative to other items in a list or batch, not a class probability; thresholds on them do not transfer',
      short: 'it learns relative scores, not a class probability',
    };
  if (classifier && loss === 'one-class')
    return {
      long: 'it learns the normal class only and ignores the labels you have',
      short: 'it learns the normal class only and ignores your labels',
    };
  if (t === 'text-generation' && loss === 'mse')
    return {
      long: "squared error on token logits or embeddings is not a language-modelling loss; it fits only a student matching a teacher's hidden states (a production candidate with `adaptation: [distillation]`)",
      short: 'squared error is not a language-modelling loss',
    };
  const its = fitsTasks(loss);
  const text = its.length ? `it is a loss for ${listNames(its, 3)}` : 'it is not a loss for this task';
  return { long: text, short: text };
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
      "A known piece of `model.loss` fits none of the doc's task types (`framing.task_type`, the heads' and the stages' task types), e.g. bce for regression or mae for binary-classification; the message gives the reason for the pair. The free text is split on `+`, `,`, `/` and \"and\"; unknown pieces are ignored. Generative task types use genai.md §10 (`mse` fits text-generation only with a `distillation` adaptation); the §10 loss names are unknown pieces unless some task type is generative.",
  },
  check({ doc, report }) {
    const n = doc.node('model.loss');
    if (n?.kind !== 'scalar') return;
    // rules.md: MLSD402 reads the *all task types* (doc task types plus stage task types)
    const sources = taskTypeSources(doc, true);
    const types = [...new Set(sources.map((s) => s.type))];
    if (!types.length) return;
    const fitting = [...new Set(types.flatMap((t) => taskInfo(t)?.losses ?? []))];
    // genai.md §10: hidden-state distillation makes `mse` a text-generation loss
    if (types.includes('text-generation') && !fitting.includes('mse') && distills(doc)) fitting.push('mse');
    // genai.md §8: the §10 loss names are read only when some task type is generative
    const generative = types.some((t) => isGenerativeTask(t));
    if (types.some((t) => (taskInfo(t)?.losses.length ?? 0) === 0)) return; // clustering: not checked
    const seen = new Set<string>();
    for (const piece of lossPieces(doc, n)) {
      const loss = piece.loss;
      if (!loss || seen.has(loss.name)) continue;
      if (!generative && GENERATIVE_LOSS_NAMES.includes(loss.name)) continue; // an unknown piece here
      if (fitting.includes(loss.name)) continue;
      seen.add(loss.name);
      const span = piece.span ?? doc.valueSpan(n);
      const asWritten = piece.text.toLowerCase().replace(/[\s_]+/g, '-') === loss.name;
      const wrote = asWritten ? code(loss.name) : `${code(clip(piece.text, 24))} (${loss.name})`;

      // one reason per task type; task types sharing a reason are named together
      const byReason = new Map<string, { short: string; srcs: TaskTypeSource[] }>();
      for (const s of sources) {
        const r = reason(loss.name, s.type);
        const e = byReason.get(r.long) ?? { short: r.short, srcs: [] };
        if (!e.srcs.some((x) => x.type === s.type)) e.srcs.push(s);
        byReason.set(r.long, e);
      }
      const clauses = [...byReason].map(
        ([long, e]) =>
          `${wrote} on ${listNames(
            e.srcs.map((s) => `${s.type} (${s.from})`),
            3,
          )}: ${long}.`,
      );
      const task = types.length === 1 ? types[0] : `any of the ${types.length} task types`;
      const firstShort = [...byReason.values()][0].short;
      const typical = types.length === 1 ? taskInfo(types[0])?.typicalLoss : undefined;
      const suggestions: Fix[] = piece.span
        ? fitting.slice(0, 2).map((f) => ({
            title: `Replace with \`${f}\``,
            edits: [{ start: span.start, end: span.end, newText: f }],
            safe: false,
          }))
        : [];
      const related: Related[] = [];
      for (const s of sources)
        if (s.node && doc.isStated(s.node))
          related.push({ ...doc.valueSpan(s.node), message: `task type ${s.type} (${s.from.replace(/`/g, '')})` });
      report({
        ...span,
        message: fitHeadline([
          `The loss ${wrote} does not fit ${task}: ${firstShort}`,
          `The loss ${wrote} does not fit ${task}`,
          `The loss ${wrote} does not fit the task type`,
        ]),
        explanation:
          `${capitalize(clauses.join(' '))} ` +
          `Losses that fit: ${fitting.map(code).join(', ')}` +
          `${typical ? ` (typical: ${typical.charAt(0).toLowerCase()}${typical.slice(1).replace(/\.$/, '')})` : ''}.`,
        suggestions: suggestions.length ? suggestions : undefined,
        related: related.length ? related : undefined,
      });
    }
  },
};
