import { fillField } from '../engine/edits';
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
  check({ doc, report }) {
    if (doc.stated('serving.mode')) return;
    const reqMode = doc.enumOf('requirements.performance.mode');
    const modes = reqMode ? [reqMode] : ['online', 'batch'];
    const suggestions: Fix[] = [];
    for (const m of modes) {
      const edit = fillField(doc, ['serving'], 'mode', m);
      if (edit) suggestions.push({ title: `Add \`mode: ${m}\``, edits: [edit], safe: false });
    }
    report({
      ...doc.missingSpan('serving.mode'),
      message:
        '`serving.mode` is missing: say whether predictions are computed per request (`online`), precomputed on a schedule (`batch`), on an event stream (`streaming`) or split (`hybrid`). ' +
        'The choice decides the latency budget, which features can be used (batch needs inputs known in advance) and how fast the system reacts to change' +
        (reqMode
          ? `; \`requirements.performance.mode\` says \`${reqMode}\`, so \`mode: ${reqMode}\` is the likely value.`
          : '.'),
      suggestions: suggestions.length ? suggestions : undefined,
      data: reqMode ? { requirementMode: reqMode } : undefined,
    });
  },
};
