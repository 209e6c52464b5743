import { ARCHETYPES } from '../engine/domain';
import { appendToList, insertField } from '../engine/edits';
import { missingHeadline, reportMissing } from './support';
import type { Rule } from './types';

export const mlsd202: Rule = {
  meta: {
    id: 'MLSD202',
    alias: 'missing-task-type',
    title: 'No task type',
    step: 2,
    defaultSeverity: 'error',
    fixable: 'none',
    description:
      "`framing.task_type` is missing (an invalid value is MLSD003's), or it is `multitask-classification` and `framing.heads` lists no head.",
  },
  check(ctx) {
    const { doc } = ctx;
    const path = 'framing.task_type';
    if (!doc.stated(path)) {
      const arch = doc.archetype();
      const typical = arch && arch !== 'other' ? ARCHETYPES.find((a) => a.id === arch)?.taskType : undefined;
      reportMissing(ctx, {
        path,
        explanation: `Whether this is classification, regression, ranking, retrieval … decides which labels, loss and metrics fit, and most checks of the data, model and evaluation steps key off it. Add e.g. \`task_type: ${typical ?? 'binary-classification'}\`${typical ? ` (the book frames ${arch} as ${typical})` : ''}.`,
        // only a key that is absent gets a suggestion (a placeholder is the author's to replace)
        value: doc.node(path) ? undefined : (typical ?? 'TBD'),
        title: typical ? `Add \`task_type: ${typical}\` (the book's framing of ${arch})` : 'Add `task_type`',
      });
      return;
    }
    if (doc.taskType() !== 'multitask-classification' || doc.stated('framing.heads')) return;
    const tt = doc.node(path)!;
    const heads = doc.node('framing.heads');
    const edit = !heads
      ? insertField(doc, ['framing'], 'heads', [{ name: 'TBD', task_type: 'binary-classification' }])
      : heads.kind === 'seq' && !(heads.items ?? []).length
        ? appendToList(doc, heads, '{name: TBD, task_type: binary-classification}')
        : undefined;
    // the missing-key headline, reported at the task type that needs the heads
    ctx.report({
      ...doc.valueSpan(tt),
      message: missingHeadline('framing.heads', 'for a `multitask-classification` task'),
      explanation:
        'A multitask model has one head per task (one binary head per harm class, one per reaction), and each head needs its own labels, metrics and threshold; without them the metrics cannot be checked. List them, e.g. `heads: [{name: violence, task_type: binary-classification}, {name: nudity, task_type: binary-classification}]`.',
      suggestions: edit ? [{ title: 'Add `heads`', edits: [edit], safe: false }] : undefined,
    });
  },
};
