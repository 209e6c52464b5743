import { archetypeInfo } from '../engine/domain';
import { defined, listSuggestion, notStatedWord, ONLINE, reportMissing } from './support';
import type { Rule } from './types';

export const mlsd502: Rule = {
  meta: {
    id: 'MLSD502',
    alias: 'missing-online-metric',
    title: 'No online metric tied to the business objective',
    step: 5,
    defaultSeverity: 'warning',
    fixable: 'none',
    description: '`evaluation.online.metrics` empty',
  },
  check(ctx) {
    const { doc } = ctx;
    if (doc.stated(ONLINE)) return;
    const { node } = doc.field(ONLINE);
    const a = doc.archetype();
    const book = (a && archetypeInfo(a)?.onlineMetrics) || [];
    const picks = book.length ? book.slice(0, 3) : doc.ranksOrRecommends() ? ['ctr', 'conversion-rate'] : [];
    const example = picks.length
      ? `, e.g. \`metrics: [${picks.join(', ')}]\``
      : ' (ctr, conversion-rate, watch-time, prevalence …)';
    reportMissing(ctx, {
      path: ONLINE,
      because: 'so nothing says what the launch will be judged by',
      explanation: `\`evaluation.online.metrics\` is ${notStatedWord(node)}. Offline gains often do not transfer to production, so name the product metric tied to \`requirements.business_objective\` that the launch will be judged by${example}.`,
      suggestions: defined([
        picks.length ? listSuggestion(doc, ONLINE, picks, `Add online metrics \`${picks.join(', ')}\``) : undefined,
      ]),
    });
  },
};
