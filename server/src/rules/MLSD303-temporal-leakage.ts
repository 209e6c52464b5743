import { distinctTemporalSources, docTaskTypes } from '../engine/facts';
import { fillField, replaceScalar } from '../engine/edits';
import { capitalize, code, HEADLINE_MAX, listNames, namesOrCount } from './support';
import type { Fix, Related, Rule } from './types';

export const mlsd303: Rule = {
  meta: {
    id: 'MLSD303',
    alias: 'temporal-leakage',
    title: 'Random or stratified split on time-ordered data leaks the future',
    step: 3,
    defaultSeverity: 'error',
    fixable: 'none',
    description:
      '`data.split.strategy` is `random`, or `stratified` unless `data.split.time_ordered` is true, and some `data.sources[]` is time-ordered (`temporal: true`, or kind `interactions`, `logs`, `transactions` or `time-series` unless it says `temporal: false`), or the doc task types include forecasting; the message names the time-ordered sources.',
  },
  check({ doc, report }) {
    const kind = doc.enumOf('data.split.strategy');
    if (kind !== 'random' && kind !== 'stratified') return;
    if (kind === 'stratified' && doc.bool('data.split.time_ordered') === true) return;
    const strategy = doc.node('data.split.strategy')!;
    const sources = distinctTemporalSources(doc);
    const forecasting = docTaskTypes(doc).includes('forecasting');
    if (!sources.length && !forecasting) return;

    let what: string;
    if (sources.length) {
      const named = sources.map((s) => `${code(s.id)} (${code(s.reason)})`);
      what =
        `${sources.length === 1 ? 'source' : 'sources'} ${listNames(named)} ${sources.length === 1 ? 'is' : 'are'} time-ordered` +
        (forecasting ? ' and the task is forecasting' : '');
    } else {
      what = 'the task is forecasting (every row belongs to a time series)';
    }
    const related: Related[] = sources
      .slice(0, 5)
      .map((s) => ({ ...doc.valueSpan(s.node), message: `${s.id}: ${s.reason}` }));
    const tt = doc.node('framing.task_type');
    if (forecasting && tt && doc.taskType() === 'forecasting')
      related.push({ ...doc.valueSpan(tt), message: 'task type forecasting' });
    const edit = replaceScalar(strategy, 'temporal');
    const lead = `A ${kind} split leaks the future: `;
    const tail = sources.length === 1 ? ' is time-ordered' : ' are time-ordered';
    const names = namesOrCount(
      sources.map((s) => s.id),
      ['source', 'sources'],
      (n) => lead.length + n.length + tail.length <= HEADLINE_MAX,
    );
    const suggestions: Fix[] = [];
    if (edit) suggestions.push({ title: 'Split by time (`temporal`)', edits: [edit], safe: false });
    const ordered = kind === 'stratified' ? fillField(doc, ['data', 'split'], 'time_ordered', true) : undefined;
    if (ordered)
      suggestions.push({
        title: 'The strata are time blocks: add `time_ordered: true`',
        edits: [ordered],
        safe: false,
      });
    const headline = sources.length ? `${lead}${names}${tail}` : `${lead}the task is forecasting`;
    report({
      ...doc.valueSpan(strategy),
      message: headline,
      explanation:
        `${capitalize(what)}` +
        (kind === 'stratified'
          ? ': a stratified split draws rows at random within each stratum, so training rows still come from after evaluation rows, and the model learns '
          : ', so training rows come from after evaluation rows and the model learns ') +
        'from information it will not have at prediction time; offline metrics come out too optimistic and do not transfer online. ' +
        'Use `strategy: temporal` (train on data up to day N, evaluate on day N+1 onward) and name the time column in `split.key`' +
        (kind === 'stratified' ? '; if the strata are time blocks, add `time_ordered: true` under `data.split`.' : '.'),
      suggestions: suggestions.length ? suggestions : undefined,
      related,
    });
  },
};
