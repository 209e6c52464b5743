import { insertField } from '../engine/edits';
import type { Fix, Rule } from './types';

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
  check({ doc, report }) {
    const missing = ['input', 'output'].filter((k) => !doc.stated(`framing.${k}`));
    if (!missing.length) return;
    // the key that is there but empty, else the `framing` key
    const present = missing.map((k) => doc.node(`framing.${k}`)).find((n) => n !== undefined);
    const span =
      missing.length === 1 || present
        ? doc.field(`framing.${present?.key ?? missing[0]}`).span
        : doc.missingSpan(`framing.${missing[0]}`);
    const suggestions: Fix[] = [];
    for (const k of missing) {
      if (doc.node(`framing.${k}`)) continue;
      const edit = insertField(doc, ['framing'], k, 'TBD');
      if (edit) suggestions.push({ title: `Add \`${k}\``, edits: [edit], safe: false });
    }
    const what =
      missing.length === 2 ? 'Neither `framing.input` nor `framing.output` is stated' : `No \`framing.${missing[0]}\``;
    report({
      ...span,
      message: `${what}: say what the model receives at prediction time and what it returns (e.g. \`input: a user and their context\`, \`output: events ranked by P(register)\`). It pins down the framing — what is available when the prediction is made, and what the score means — before features and metrics are chosen.`,
      suggestions: suggestions.length ? suggestions : undefined,
      data: { missing },
    });
  },
};
