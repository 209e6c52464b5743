import { defined, GUARDRAILS, listSuggestion, notStatedWord, ONLINE, reportMissing } from './support';
import type { Rule } from './types';

export const mlsd509: Rule = {
  meta: {
    id: 'MLSD509',
    alias: 'no-guardrail-metric',
    title: 'Online metrics without a guardrail',
    step: 5,
    defaultSeverity: 'info',
    fixable: 'none',
    description: '`evaluation.online.guardrails` missing while online metrics are stated',
  },
  check(ctx) {
    const { doc } = ctx;
    if (!doc.stated(ONLINE) || doc.stated(GUARDRAILS)) return;
    const { node } = doc.field(GUARDRAILS);
    const a = doc.archetype();
    const example =
      a === 'harmful-content'
        ? ['valid-appeals']
        : doc.ranksOrRecommends() || a === 'ad-click-prediction'
          ? ['hide-rate', 'report-rate']
          : ['TBD'];
    const shown =
      example[0] === 'TBD'
        ? '`guardrails: [report-rate]` or a latency or complaint metric'
        : `\`guardrails: [${example.join(', ')}]\``;
    reportMissing(ctx, {
      path: GUARDRAILS,
      because: 'so nothing says which metric must not regress',
      explanation: `\`evaluation.online.guardrails\` is ${notStatedWord(node)}. The online metrics say what should go up, but nothing says what must not go down, so a model that lifts them with clickbait, spam or slower pages would still ship. Add metrics that must not regress, e.g. ${shown}.`,
      suggestions: defined([listSuggestion(doc, GUARDRAILS, example, 'Add guardrail metrics')]),
    });
  },
};
