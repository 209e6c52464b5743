import type { MlsdDoc } from '../engine/model';
import { fillField } from '../engine/edits';
import { child, type MNode } from '../engine/parse';
import type { Rule } from './types';

const ONLINE_MODES = ['online', 'hybrid', 'streaming'];

/**
 * "Serving online" (MLSD606, MLSD706): `serving.mode` is online/hybrid/streaming; when `serving.mode` is
 * not stated, `requirements.performance.mode` decides. A stated but invalid `serving.mode` is unknown
 * (MLSD003 reports it), so the doc is not treated as online on a guess.
 */
export function servingOnline(doc: MlsdDoc): { online: boolean; mode?: string; node?: MNode; from?: string } {
  if (doc.stated('serving.mode')) {
    const mode = doc.enumOf('serving.mode');
    return {
      online: !!mode && ONLINE_MODES.includes(mode),
      mode,
      node: doc.node('serving.mode'),
      from: 'serving.mode',
    };
  }
  const mode = doc.enumOf('requirements.performance.mode');
  return {
    online: !!mode && ONLINE_MODES.includes(mode),
    mode,
    node: doc.node('requirements.performance.mode'),
    from: 'requirements.performance.mode',
  };
}

/** Features of `data.features` whose freshness is realtime or streaming, with their id and freshness node. */
export function dynamicFeatures(doc: MlsdDoc): { id: string; freshness: string; node: MNode }[] {
  const out: { id: string; freshness: string; node: MNode }[] = [];
  doc.entries('data.features').forEach((f, i) => {
    const node = child(f, 'freshness');
    const freshness = doc.enumValueOf(node);
    if (node && (freshness === 'realtime' || freshness === 'streaming')) {
      out.push({ id: doc.textOf(child(f, 'id')) ?? `feature ${i + 1}`, freshness, node });
    }
  });
  return out;
}

export const mlsd606: Rule = {
  meta: {
    id: 'MLSD606',
    alias: 'no-fallback',
    title: 'Online serving has no fallback',
    step: 6,
    defaultSeverity: 'info',
    fixable: 'none',
    description:
      'The system serves online (`serving.mode` online/hybrid/streaming, or `requirements.performance.mode` when `serving.mode` is missing) and `serving.fallback` is missing.',
  },
  check({ doc, report }) {
    if (doc.stated('serving.fallback')) return;
    const s = servingOnline(doc);
    if (!s.online) return;
    const value = doc.ranksOrRecommends() ? "serve precomputed popular items for the user's segment" : 'TBD';
    const edit = fillField(doc, ['serving'], 'fallback', value);
    report({
      ...doc.missingSpan('serving.fallback'),
      message:
        `\`${s.from}\` is ${s.mode}, but \`serving.fallback\` is missing: say what users get when the model or a feature lookup times out or fails, ` +
        'or every outage of the model service becomes an outage of the product. ' +
        'Add e.g. `fallback: serve cached results, else the most popular items`.',
      suggestions: edit ? [{ title: 'Add a `fallback`', edits: [edit], safe: false }] : undefined,
      related: s.node ? [{ ...doc.valueSpan(s.node), message: `served ${s.mode}` }] : undefined,
      data: { mode: s.mode, from: s.from },
    });
  },
};
