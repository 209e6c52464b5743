import type { MlsdDoc } from '../engine/model';
import { child, type MNode } from '../engine/parse';
import { replaceScalar } from '../engine/edits';
import { code, listNames } from './MLSD301-missing-labels';
import type { Related, Rule } from './types';

export interface TemporalSource {
  id: string;
  /** why it is time-ordered: `temporal: true` or `kind: interactions` / `kind: logs` */
  reason: string;
  /** the node that says so (the `temporal` or `kind` value) */
  node: MNode;
}

/**
 * Sources whose rows carry time order: `temporal: true`, or kind `interactions`/`logs` unless the author
 * wrote `temporal: false` (an explicit statement wins over the kind's default).
 */
export function temporalSources(doc: MlsdDoc): TemporalSource[] {
  const out: TemporalSource[] = [];
  doc.entries('data.sources').forEach((s, i) => {
    const id = doc.textOf(child(s, 'id')) ?? `source ${i + 1}`;
    const tNode = child(s, 'temporal');
    const temporal = tNode && tNode.kind === 'scalar' && typeof tNode.value === 'boolean' ? tNode.value : undefined;
    if (temporal === true) {
      out.push({ id, reason: 'temporal: true', node: tNode! });
      return;
    }
    if (temporal === false) return;
    const kNode = child(s, 'kind');
    const kind = doc.enumValueOf(kNode);
    if (kNode && (kind === 'interactions' || kind === 'logs')) out.push({ id, reason: `kind: ${kind}`, node: kNode });
  });
  return out;
}

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
    report({
      ...doc.valueSpan(strategy),
      message:
        `A random split leaks the future: ${what}, so training rows come from after evaluation rows and the model learns ` +
        'from information it will not have at prediction time; offline metrics come out too optimistic and do not transfer online. ' +
        'Use `strategy: temporal` (train on data up to day N, evaluate on day N+1 onward) and name the time column in `split.key`.',
      suggestions: edit ? [{ title: 'Split by time (`temporal`)', edits: [edit], safe: false }] : undefined,
      related,
      data: { sources: sources.map((s) => ({ id: s.id, reason: s.reason })), forecasting },
    });
  },
};
