import { normalizeName } from '../engine/domain';
import { child, positionAt, type MNode } from '../engine/parse';
import { clip } from './support';
import type { Rule } from './types';

/** The lists whose entries carry a unique id, the id's key, and why a duplicate hurts. */
const LISTS: { path: string; key: string; why: string }[] = [
  { path: 'data.sources', key: 'id', why: "a feature's `source` can no longer say which one it comes from" },
  {
    path: 'data.features',
    key: 'id',
    why: 'two features with one name are one feature twice, or two features nobody can tell apart in the pipeline and in training/serving skew checks',
  },
  {
    path: 'model.candidates',
    key: 'id',
    why: '`model.selected` and `model.stages[].model` can no longer say which candidate they mean',
  },
  {
    path: 'model.stages',
    key: 'id',
    why: 'stages run in request order and their latencies are summed, so one stage seems listed twice',
  },
  {
    path: 'framing.heads',
    key: 'name',
    why: 'each head needs its own task type, labels and metrics, and two heads with one name cannot be told apart',
  },
  {
    path: 'evaluation.judges',
    key: 'id',
    why: "a metric's `judge` can no longer say which judge (and which calibration) scores it",
  },
  {
    path: 'model.tools',
    key: 'id',
    why: 'the model calls tools by name, and two tools with one name cannot be told apart',
  },
];

export const mlsd005: Rule = {
  meta: {
    id: 'MLSD005',
    alias: 'duplicate-id',
    title: 'Two entries share an id',
    step: 0,
    defaultSeverity: 'error',
    fixable: 'none',
    description:
      'Two entries of one list (`data.sources`, `data.features`, `model.candidates`, `model.stages`, v1.1 `evaluation.judges` and `model.tools` by `id`; `framing.heads` by `name`) share an id, matched case-insensitively with `_` and `-` alike; each duplicate is reported, with related information pointing at the others.',
  },
  check({ doc, report }) {
    if (!doc.top) return;
    for (const { path, key, why } of LISTS) {
      const groups = new Map<string, { node: MNode; text: string; index: number }[]>();
      doc.entries(path).forEach((entry) => {
        const idNode = child(entry, key);
        const text = doc.textOf(idNode);
        if (!idNode || text === undefined) return;
        const norm = normalizeName(text);
        const g = groups.get(norm) ?? [];
        g.push({ node: idNode, text, index: entry.index ?? 0 });
        groups.set(norm, g);
      });
      for (const g of groups.values()) {
        if (g.length < 2) continue;
        for (const d of g) {
          const others = g.filter((x) => x !== d);
          const lineNos = others.map((o) => positionAt(doc.parsed, o.node.start).line + 1);
          const lines = `line${lineNos.length === 1 ? '' : 's'} ${lineNos.slice(0, 3).join(', ')}${lineNos.length > 3 ? ', …' : ''}`;
          const sameSpelling = others.every((o) => o.text === d.text);
          report({
            ...doc.valueSpan(d.node),
            message: `Duplicate ${key} \`${clip(d.text, 24)}\` in \`${path}\` (also on ${lines})`,
            explanation: `${others.length === 1 ? 'Another entry uses' : `${others.length} other entries use`} the same ${key}${sameSpelling ? '' : ` (${key}s match case-insensitively, with \`_\` and \`-\` alike)`}; ${why}. Rename one of them, or merge the entries.`,
            related: others.map((o) => ({ ...doc.valueSpan(o.node), message: `the other \`${o.text}\`` })),
          });
        }
      }
    }
  },
};
