import { fillField, replaceScalar } from '../engine/edits';
import { distinctTemporalSources, docTaskTypes, labelsOnTheirOwn } from '../engine/facts';
import { capitalize, code, HEADLINE_MAX, listNames, namesOrCount } from './support';
import type { Fix, Related, Rule } from './types';

export const mlsd315: Rule = {
  meta: {
    id: 'MLSD315',
    alias: 'group-split-mixes-time',
    title: 'Group split mixes time across groups',
    step: 3,
    defaultSeverity: 'warning',
    fixable: 'none',
    description:
      '`data.split.strategy` is `group`, `data.split.time_ordered` is not true, and the doc task types include forecasting, or the labels arrive on their own (natural, implicit, user-reports) and some source is time-ordered.',
  },
  check({ doc, report }) {
    if (doc.enumOf('data.split.strategy') !== 'group') return;
    if (doc.bool('data.split.time_ordered') === true) return;
    const strategy = doc.node('data.split.strategy')!;
    const forecasting = docTaskTypes(doc).includes('forecasting');
    const labels = labelsOnTheirOwn(doc);
    const sources = distinctTemporalSources(doc);
    if (!forecasting && !(labels && sources.length)) return;

    const related: Related[] = sources
      .slice(0, 5)
      .map((s) => ({ ...doc.valueSpan(s.node), message: `${s.id}: ${s.reason}` }));
    if (labels) related.push({ ...doc.valueSpan(labels.node), message: `labels: ${labels.source}` });
    const named = sources.map((s) => `${code(s.id)} (${code(s.reason)})`);
    const why: string[] = [];
    if (sources.length)
      why.push(
        `${sources.length === 1 ? 'source' : 'sources'} ${listNames(named)} ${sources.length === 1 ? 'is' : 'are'} time-ordered`,
      );
    if (labels) why.push(`the labels are ${labels.source} (behaviour that follows trends)`);
    if (forecasting) why.push('the task is forecasting (every row belongs to a time series)');

    const lead = 'A group split mixes time: ';
    const tail = sources.length === 1 ? ' is time-ordered' : ' are time-ordered';
    const names = namesOrCount(
      sources.map((s) => s.id),
      ['source', 'sources'],
      (n) => lead.length + n.length + tail.length <= HEADLINE_MAX,
    );
    const message = sources.length ? `${lead}${names}${tail}` : `${lead}the task is forecasting`;

    const suggestions: Fix[] = [];
    const temporal = replaceScalar(strategy, 'temporal');
    if (temporal) suggestions.push({ title: 'Split by time (`temporal`)', edits: [temporal], safe: false });
    const ordered = fillField(doc, ['data', 'split'], 'time_ordered', true);
    if (ordered)
      suggestions.push({
        title: 'The groups are time blocks: add `time_ordered: true`',
        edits: [ordered],
        safe: false,
      });

    report({
      ...doc.valueSpan(strategy),
      message,
      explanation:
        `${capitalize(listNames(why))}. A group split keeps each group's rows together but mixes time across groups: ` +
        'training sees trends, item popularity and attack patterns from after the rows it is scored on, so offline ' +
        "metrics come out optimistic. Use `strategy: temporal` (or a temporal split of groups: train on the groups' " +
        'earlier rows, evaluate on later ones); if the groups are time blocks, add `time_ordered: true` under `data.split`.',
      suggestions: suggestions.length ? suggestions : undefined,
      related,
    });
  },
};
