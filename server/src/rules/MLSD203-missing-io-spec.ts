import { insertField } from '../engine/edits';
import { reportMissing } from './support';
import type { Fix, Rule } from './types';

const WHY =
  'Say what the model receives at prediction time and what it returns (e.g. `input: a user and their context`, `output: events ranked by P(register)`). It pins down the framing — what is available when the prediction is made, and what the score means — before features and metrics are chosen.';

export const mlsd203: Rule = {
  meta: {
    id: 'MLSD203',
    alias: 'missing-io-spec',
    title: 'Model input or output not stated',
    step: 2,
    defaultSeverity: 'warning',
    fixable: 'none',
    description: '`framing.input` or `framing.output` is missing; one finding naming what is missing.',
  },
  check(ctx) {
    const { doc } = ctx;
    const missing = ['input', 'output'].filter((k) => !doc.stated(`framing.${k}`));
    if (!missing.length) return;
    if (missing.length === 1) {
      const k = missing[0];
      reportMissing(ctx, {
        path: `framing.${k}`,
        explanation: WHY,
        value: doc.node(`framing.${k}`) ? undefined : 'TBD',
        title: `Add \`${k}\``,
      });
      return;
    }
    // the key that is there but empty, else the `framing` key
    const present = missing.map((k) => doc.node(`framing.${k}`)).find((n) => n !== undefined);
    const span = present ? doc.field(`framing.${present.key}`).span : doc.missingSpan(`framing.${missing[0]}`);
    const suggestions: Fix[] = [];
    for (const k of missing) {
      if (doc.node(`framing.${k}`)) continue;
      const edit = insertField(doc, ['framing'], k, 'TBD');
      if (edit) suggestions.push({ title: `Add \`${k}\``, edits: [edit], safe: false });
    }
    ctx.report({
      ...span,
      message: '`framing.input` and `framing.output` are missing',
      explanation: WHY,
      suggestions: suggestions.length ? suggestions : undefined,
    });
  },
};
