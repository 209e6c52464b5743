import { temporalSources } from '../engine/facts';
import { replaceScalar } from '../engine/edits';
import { capitalize, code, HEADLINE_MAX, listNames, namesOrCount } from './support';
import type { Related, Rule } from './types';

export const mlsd303: Rule = {
  meta: {
    id: 'MLSD303',
    alias: 'temporal-leakage',
    title: 'Random split on time-ordered data leaks the future',
    step: 3,
    defaultSeverity: 'error',
    fixable: 'none',
    description:
      '`data.split.strategy` is `random` and some `data.sources[]` has `temporal: true` (or kind `interactions`/`logs`, unless it says `temporal: false`), or the task type is forecasting; the message names the temporal source.',
  },
  check({ doc, report }) {
    if (doc.enumOf('data.split.strategy') !== 'random') return;
    const strategy = doc.node('data.split.strategy')!;
    const seen = new Set<string>();
    const sources = temporalSources(doc).filter((s) => !seen.has(s.id) && !!seen.add(s.id));
    const forecasting = doc.effectiveTaskTypes().includes('forecasting');
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
    const lead = 'A random split leaks the future: ';
    const tail = sources.length === 1 ? ' is time-ordered' : ' are time-ordered';
    const names = namesOrCount(
      sources.map((s) => s.id),
      ['source', 'sources'],
      (n) => lead.length + n.length + tail.length <= HEADLINE_MAX,
    );
    const headline = sources.length ? `${lead}${names}${tail}` : `${lead}the task is forecasting`;
    report({
      ...doc.valueSpan(strategy),
      message: headline,
      explanation:
        `${capitalize(what)}, so training rows come from after evaluation rows and the model learns ` +
        'from information it will not have at prediction time; offline metrics come out too optimistic and do not transfer online. ' +
        'Use `strategy: temporal` (train on data up to day N, evaluate on day N+1 onward) and name the time column in `split.key`.',
      suggestions: edit ? [{ title: 'Split by time (`temporal`)', edits: [edit], safe: false }] : undefined,
      related,
    });
  },
};
