import { fillField } from '../engine/edits';
import { reportMissing } from './support';
import type { Fix, Rule } from './types';

export const mlsd602: Rule = {
  meta: {
    id: 'MLSD602',
    alias: 'prediction-mode-unspecified',
    title: 'Prediction mode (online or batch) not stated',
    step: 6,
    defaultSeverity: 'warning',
    fixable: 'none',
    description: '`serving.mode` is missing.',
  },
  check(ctx) {
    const { doc } = ctx;
    if (doc.stated('serving.mode')) return;
    const reqMode = doc.enumOf('requirements.performance.mode');
    const modes = reqMode ? [reqMode] : ['online', 'batch'];
    const suggestions: Fix[] = [];
    for (const m of modes) {
      const edit = fillField(doc, ['serving'], 'mode', m);
      if (edit) suggestions.push({ title: `Add \`mode: ${m}\``, edits: [edit], safe: false });
    }
    reportMissing(ctx, {
      path: 'serving.mode',
      span: ctx.doc.missingSpan('serving.mode'),
      because: reqMode
        ? `though the requirements ask for \`${reqMode}\``
        : 'so it is open whether predictions are made online or in batch',
      explanation:
        'Say whether predictions are computed per request (`online`), precomputed on a schedule (`batch`), on an event stream (`streaming`) or split (`hybrid`). ' +
        'The choice decides the latency budget, which features can be used (batch needs inputs known in advance) and how fast the system reacts to change' +
        (reqMode
          ? `; \`requirements.performance.mode\` says \`${reqMode}\`, so \`mode: ${reqMode}\` is the likely value.`
          : '.'),
      suggestions,
    });
  },
};
