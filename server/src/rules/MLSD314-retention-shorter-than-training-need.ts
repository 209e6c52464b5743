import type { Related } from '../engine/model';
import { fitHeadline, inDays } from './support';
import type { Rule } from './types';

export const mlsd314: Rule = {
  meta: {
    id: 'MLSD314',
    alias: 'retention-shorter-than-training-need',
    title: 'Data retention shorter than training needs',
    step: 3,
    defaultSeverity: 'warning',
    fixable: 'none',
    description:
      '`data.privacy.retention` is shorter than max(`data.labels.delay`, `data.training_window` + `data.labels.maturity`) over the stated parts.',
  },
  check({ doc, report }) {
    const rNode = doc.node('data.privacy.retention');
    const r = doc.durationOf(rNode);
    if (!rNode || r === undefined) return;
    const dNode = doc.node('data.labels.delay');
    const wNode = doc.node('data.training_window');
    const mNode = doc.node('data.labels.maturity');
    const d = doc.durationOf(dNode);
    const w = doc.durationOf(wNode);
    const m = doc.durationOf(mNode) ?? 0;
    if (d === undefined && w === undefined) return;
    // reading: the window term W + m exists only when W is stated (maturity alone is not a span of data)
    const windowNeed = w !== undefined ? w + m : undefined;
    const need = Math.max(d ?? 0, windowNeed ?? 0);
    if (!(r < need)) return;
    const R = inDays(r);
    const N = inDays(need);
    const fmt = inDays;
    const windowParts =
      w !== undefined
        ? m > 0
          ? `\`training_window: ${fmt(w)}\` + \`maturity: ${fmt(m)}\``
          : `\`training_window: ${fmt(w)}\``
        : '';
    const windowShort = windowNeed !== undefined && r < windowNeed;
    const delayShort = d !== undefined && r < d;
    const why = windowShort ? windowParts : `\`delay: ${fmt(d!)}\``;
    const consequences: string[] = [];
    if (windowShort) consequences.push(`the window cannot be rebuilt from ${R} of data`);
    if (delayShort) consequences.push(`examples are deleted before their ${fmt(d!)} label arrives`);
    const related: Related[] = [];
    if (windowShort && wNode) related.push({ ...doc.valueSpan(wNode), message: `training window: ${fmt(w!)}` });
    if (windowShort && m > 0 && mNode) related.push({ ...doc.valueSpan(mNode), message: `label maturity: ${fmt(m)}` });
    if (delayShort && dNode) related.push({ ...doc.valueSpan(dNode), message: `label delay: ${fmt(d!)}` });
    report({
      ...doc.valueSpan(rNode),
      message: fitHeadline([
        `Data is kept for ${R}, but training needs ${N} of examples (${why})`,
        `Data is kept for ${R}, but training needs ${N} of examples`,
      ]),
      explanation:
        `Data is kept for ${R} (\`data.privacy.retention\`), but training needs ${N} of examples (${why}): ` +
        `${consequences.join(', and ')}. ` +
        `Keep a de-identified training set for at least ${N} and say so in \`data.privacy.plan\`, ` +
        `${windowShort ? 'shorten the window, ' : ''}or extend retention.`,
      related,
    });
  },
};
