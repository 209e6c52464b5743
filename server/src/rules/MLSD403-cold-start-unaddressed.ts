import type { MlsdDoc } from '../engine/model';
import { RANKING_TASKS, RECOMMENDATION_ARCHETYPES } from '../engine/model';
import { suggestion } from './MLSD301-missing-labels';
import { fillField } from '../engine/edits';
import type { Related, Rule } from './types';

/**
 * Why the doc "ranks or recommends" (rules.md task families), for messages: the task type, a head's task
 * type, or the recommendation archetype; with the node to point at. Undefined when it does not.
 */
export function rankingReason(doc: MlsdDoc): { text: string; related?: Related } | undefined {
  const t = doc.taskType();
  const tt = doc.node('framing.task_type');
  if (t && RANKING_TASKS.includes(t))
    return {
      text: `\`framing.task_type\` is ${t}`,
      related: tt ? { ...doc.valueSpan(tt), message: `task type ${t}` } : undefined,
    };
  const head = doc.headTaskTypes().find((h) => RANKING_TASKS.includes(h));
  if (head) return { text: `a head's task type is ${head}` };
  const a = doc.archetype();
  const an = doc.node('archetype');
  if (a && RECOMMENDATION_ARCHETYPES.includes(a))
    return {
      text: `the archetype is ${a}`,
      related: an ? { ...doc.valueSpan(an), message: `archetype ${a}` } : undefined,
    };
  return undefined;
}

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
  check({ doc, report }) {
    if (doc.node('model')?.kind !== 'map') return; // a `model` that is not a mapping is MLSD003's finding
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
    const edit = fillField(doc, ['model'], 'cold_start', COLD_START);
    report({
      ...doc.field('model.cold_start').span,
      message:
        `${why.text.charAt(0).toUpperCase()}${why.text.slice(1)}, but \`model.cold_start\` is missing: new users and new items have no interactions, ` +
        'so collaborative signals and ID embeddings give them nothing — new items never get shown and new users get poor results.' +
        `${extra} Add e.g. \`cold_start: ${COLD_START}\`.`,
      suggestions: suggestion('Add a `model.cold_start` strategy', edit),
      related: why.related ? [why.related] : undefined,
      data: { reason: why.text },
    });
  },
};
