import { rankingReason } from '../engine/facts';
import { reportMissing } from './support';
import type { Rule } from './types';

const COLD_START =
  "popular items in the user's segment for new users; content features and an exploration quota for new items";

export const mlsd403: Rule = {
  meta: {
    id: 'MLSD403',
    alias: 'cold-start-unaddressed',
    title: 'Cold start not addressed',
    step: 4,
    defaultSeverity: 'warning',
    fixable: 'none',
    description:
      'The task ranks or recommends (task type recommendation, ranking, retrieval or link-prediction, or a recommendation archetype) and `model.cold_start` is missing.',
  },
  check(ctx) {
    const { doc } = ctx;
    if (doc.stated('model.cold_start')) return;
    const why = rankingReason(doc);
    if (!why) return;
    const a = doc.archetype();
    const extra =
      a === 'event-recommendation'
        ? ' Events are ephemeral, so this system is cold-start by nature: every event is new.'
        : a === 'similar-items'
          ? ' New listings must be recommendable within a day of being posted.'
          : '';
    reportMissing(ctx, {
      path: 'model.cold_start',
      because: 'though new users and new items have no history to rank by',
      explanation:
        `${why.text.charAt(0).toUpperCase()}${why.text.slice(1)}: new users and new items have no interactions, ` +
        'so collaborative signals and ID embeddings give them nothing — new items never get shown and new users get poor results.' +
        `${extra} Add e.g. \`cold_start: ${COLD_START}\`.`,
      value: COLD_START,
      title: 'Add a `model.cold_start` strategy',
      related: why.related ? [why.related] : undefined,
    });
  },
};
