/**
 * The id / reference index of format.md's cross-references, built once per document model:
 *
 * | namespace      | declarations                     | references                                   |
 * |----------------|----------------------------------|----------------------------------------------|
 * | `source`       | `data.sources[].id`              | `data.features[].source`                     |
 * | `feature`      | `data.features[].id`             | —                                            |
 * | `candidate`    | `model.candidates[].id`          | `model.selected`, `model.stages[].model`     |
 * | `stage`        | `model.stages[].id`              | `evaluation.offline.metrics[].stage` (v1.1)  |
 * | `head`         | `framing.heads[].name`           | —                                            |
 * | `onlineMetric` | `evaluation.online.metrics[]`    | `evaluation.online.primary`                  |
 * | `judge` (v1.1) | `evaluation.judges[].id`         | the `judge` of a metric in every metric list |
 * | `tool` (v1.1)  | `model.tools[].id`               | —                                            |
 *
 * v1.1 (genai.md §3.8) also: `model.retrieval.corpus[]` references sources; `model.retrieval.embedding_model`
 * and `.reranker` are *soft* references to candidates: indexed only when they name a declared candidate
 * (any other value is plain text: an off-the-shelf model's name).
 *
 * Ids match case-insensitively with `_` and `-` alike; metric names match after alias resolution
 * (`auc` is `roc-auc`), and a cutoff written on one side only still matches (as MLSD004 does). Every site
 * carries the offsets of the text the user wrote (inside quotes for quoted scalars; for metrics, the
 * name before any `@cutoff`). Sites in aliased nodes (YAML aliases, merge keys) are indexed, so they are
 * found and highlighted, but are marked not editable: rename never touches them.
 */
import { findMetric, normalizeName } from './domain';
import type { MlsdDoc } from './model';
import { child, type MNode, pathOf as pathOfEntry } from './parse';
import { parseMetricSpelling } from './values';

export type RefNamespace = 'source' | 'feature' | 'candidate' | 'stage' | 'head' | 'onlineMetric' | 'judge' | 'tool';

export interface RefSite {
  ns: RefNamespace;
  role: 'declaration' | 'reference';
  /** the scalar holding the name (the `name:` value for a metric written as a mapping) */
  node: MNode;
  /** the list entry (declarations) or the mapping holding the reference */
  owner?: MNode;
  /** offsets of the name as written: inside quotes; for metrics without the `@cutoff` */
  start: number;
  end: number;
  /** the text at [start, end) */
  text: string;
  /** the match key: normalized id, or the canonical (alias-resolved) metric base name */
  key: string;
  /** metrics: normalized cutoff as written (`10`, `k`, `iou=0.5`), when there is one */
  cutoff?: string;
  /** a dotted path for messages and tests: `data.features[2].source` */
  path: string;
  /** false for sites in aliased nodes or block scalars: never edited */
  editable: boolean;
}

export interface RefIndex {
  sites: RefSite[];
  /** the site whose name span contains `offset` (ends inclusive), if any */
  at(offset: number): RefSite | undefined;
  /** the declarations a reference resolves to (a declaration resolves to itself and its duplicates) */
  targets(site: RefSite): RefSite[];
  /**
   * Every site naming the same thing as `site`: for a declaration, the declarations with the same
   * key (duplicates) and the references resolving to it; for a reference, the declarations it resolves
   * to and the references written the same way. Sorted by offset. Not transitive on purpose: with
   * `ndcg@5` and `ndcg@10` listed, `primary: ndcg` belongs to both, but they do not belong together.
   */
  group(site: RefSite): RefSite[];
  /** the declarations of a namespace, in document order */
  declarations(ns: RefNamespace): RefSite[];
}

/** Namespaces that references point into, with the lists holding their declarations. */
export const NAMESPACE_LISTS: Record<RefNamespace, { list: string; key: string; label: string }> = {
  source: { list: 'data.sources', key: 'id', label: 'source' },
  feature: { list: 'data.features', key: 'id', label: 'feature' },
  candidate: { list: 'model.candidates', key: 'id', label: 'candidate model' },
  stage: { list: 'model.stages', key: 'id', label: 'stage' },
  head: { list: 'framing.heads', key: 'name', label: 'head' },
  onlineMetric: { list: 'evaluation.online.metrics', key: 'name', label: 'online metric' },
  judge: { list: 'evaluation.judges', key: 'id', label: 'judge' },
  tool: { list: 'model.tools', key: 'id', label: 'tool' },
};

/** v1.1: the metric lists whose mapping entries may name a `judge` (genai.md §3.8). */
export const JUDGED_METRIC_LISTS = [
  'evaluation.offline.metrics',
  'evaluation.online.metrics',
  'evaluation.online.guardrails',
] as const;

/** v1.1: the soft references of `model.retrieval` (genai.md §3.8): a candidate id, or plain text. */
export const SOFT_CANDIDATE_REFS = ['model.retrieval.embedding_model', 'model.retrieval.reranker'] as const;

const cache = new WeakMap<MlsdDoc, RefIndex>();

/** The index of a document model (computed once per model). */
export function refIndex(doc: MlsdDoc): RefIndex {
  let idx = cache.get(doc);
  if (!idx) {
    idx = buildIndex(doc);
    cache.set(doc, idx);
  }
  return idx;
}

/** The span of a scalar's written text: inside the quotes of a quoted scalar. */
function textSpan(doc: MlsdDoc, n: MNode): { start: number; end: number; editable: boolean } {
  let { start, end } = n;
  let editable = !n.aliased;
  if (n.style === 'QUOTE_DOUBLE' || n.style === 'QUOTE_SINGLE') {
    const q = doc.text[start];
    if ((q === '"' || q === "'") && end - start >= 2 && doc.text[end - 1] === q) {
      start++;
      end--;
    }
  } else if (n.style === 'BLOCK_LITERAL' || n.style === 'BLOCK_FOLDED') {
    editable = false;
  }
  // an escape inside double quotes means the source is not the value: do not edit it
  if (n.style === 'QUOTE_DOUBLE' && doc.text.slice(start, end).includes('\\')) editable = false;
  return { start, end: Math.max(start, end), editable };
}

/**
 * The key a metric spelling is compared by: the canonical (alias-resolved) name when known, else the
 * normalized base name; with its normalized cutoff and the length of the base as written.
 */
export function metricKey(written: string): { key: string; cutoff?: string; baseLength: number } | undefined {
  const sp = parseMetricSpelling(written);
  if (!sp) return undefined;
  const info = findMetric(sp.name);
  const at = written.indexOf('@');
  const cutoff = at >= 0 ? normalizeName(written.slice(at + 1)).replace(/\s+/g, '') : undefined;
  // length of the base as written, without spaces before `@`
  const baseLength = at >= 0 ? written.slice(0, at).trimEnd().length : written.length;
  return { key: info ? info.name : sp.normalized, cutoff, baseLength };
}

/** Two spellings of one metric name the same metric: a cutoff on only one side matches, two different ones do not. */
export function cutoffsMatch(a: string | undefined, b: string | undefined): boolean {
  return a === undefined || b === undefined || a === b;
}

function buildIndex(doc: MlsdDoc): RefIndex {
  const sites: RefSite[] = [];

  const idSite = (
    ns: RefNamespace,
    role: RefSite['role'],
    n: MNode | undefined,
    owner: MNode | undefined,
    path: string,
  ): void => {
    if (n?.kind !== 'scalar') return;
    const written = doc.textOf(n);
    if (written === undefined) return;
    const span = textSpan(doc, n);
    const text = doc.text.slice(span.start, span.end);
    const key = normalizeName(written);
    if (!key) return;
    sites.push({
      ns,
      role,
      node: n,
      owner,
      start: span.start,
      end: span.end,
      text,
      key,
      path,
      editable: span.editable,
    });
  };

  const metricSite = (role: RefSite['role'], item: MNode, path: string): void => {
    const nameNode = item.kind === 'map' ? child(item, 'name') : item;
    if (nameNode?.kind !== 'scalar') return;
    const written = doc.textOf(nameNode);
    if (written === undefined) return;
    const mk = metricKey(written);
    if (!mk) return;
    const span = textSpan(doc, nameNode);
    const raw = doc.text.slice(span.start, span.end);
    // the base name's span inside the written text (leading spaces of a quoted scalar skipped)
    const lead = raw.length - raw.trimStart().length;
    const exact = raw.trim() === written.trim();
    const start = span.start + (exact ? lead : 0);
    const end = exact ? start + mk.baseLength : span.end;
    sites.push({
      ns: 'onlineMetric',
      role,
      node: nameNode,
      owner: item.kind === 'map' ? item : undefined,
      start,
      end,
      text: doc.text.slice(start, end),
      key: mk.key,
      cutoff: mk.cutoff,
      path,
      editable: span.editable && exact,
    });
  };

  const lists: [RefNamespace, string, string][] = [
    ['head', 'framing.heads', 'name'],
    ['source', 'data.sources', 'id'],
    ['feature', 'data.features', 'id'],
    ['candidate', 'model.candidates', 'id'],
    ['stage', 'model.stages', 'id'],
    ['judge', 'evaluation.judges', 'id'],
    ['tool', 'model.tools', 'id'],
  ];
  if (doc.top) {
    for (const [ns, list, key] of lists) {
      for (const entry of doc.entries(list))
        idSite(ns, 'declaration', child(entry, key), entry, `${list}[${entry.index ?? 0}].${key}`);
    }
    for (const f of doc.entries('data.features'))
      idSite('source', 'reference', child(f, 'source'), f, `data.features[${f.index ?? 0}].source`);
    const model = doc.node('model');
    idSite('candidate', 'reference', doc.node('model.selected'), model, 'model.selected');
    for (const s of doc.entries('model.stages'))
      idSite('candidate', 'reference', child(s, 'model'), s, `model.stages[${s.index ?? 0}].model`);
    doc.list('evaluation.offline.metrics').forEach((m, i) => {
      if (m.kind === 'map')
        idSite('stage', 'reference', child(m, 'stage'), m, `evaluation.offline.metrics[${i}].stage`);
    });
    doc
      .list('evaluation.online.metrics')
      .forEach((item, i) => metricSite('declaration', item, `evaluation.online.metrics[${i}]`));
    const primary = doc.node('evaluation.online.primary');
    if (primary && primary.kind === 'scalar') metricSite('reference', primary, 'evaluation.online.primary');
    // v1.1 (genai.md §3.8)
    doc
      .list('model.retrieval.corpus')
      .forEach((n, i) => idSite('source', 'reference', n, doc.node('model.retrieval'), `model.retrieval.corpus[${i}]`));
    const candidateKeys = new Set(
      sites.filter((x) => x.ns === 'candidate' && x.role === 'declaration').map((x) => x.key),
    );
    for (const path of SOFT_CANDIDATE_REFS) {
      const n = doc.node(path);
      const written = doc.textOf(n);
      if (written !== undefined && candidateKeys.has(normalizeName(written)))
        idSite('candidate', 'reference', n, doc.node('model.retrieval'), path);
    }
    for (const list of JUDGED_METRIC_LISTS)
      doc.list(list).forEach((m, i) => {
        if (m.kind === 'map') idSite('judge', 'reference', child(m, 'judge'), m, `${list}[${i}].judge`);
      });
    for (const s of doc.entries('model.stages'))
      doc.list([...pathOfEntry(s), 'metrics']).forEach((m, i) => {
        if (m.kind === 'map')
          idSite('judge', 'reference', child(m, 'judge'), m, `model.stages[${s.index ?? 0}].metrics[${i}].judge`);
      });
  }
  sites.sort((a, b) => a.start - b.start || a.end - b.end);

  const sameThing = (decl: RefSite, ref: RefSite): boolean => {
    if (decl.ns !== ref.ns || decl.key !== ref.key) return false;
    return decl.ns !== 'onlineMetric' || cutoffsMatch(decl.cutoff, ref.cutoff);
  };
  const sameSpelling = (a: RefSite, b: RefSite): boolean => a.ns === b.ns && a.key === b.key && a.cutoff === b.cutoff;

  const byOrder = (a: RefSite, b: RefSite) => a.start - b.start;
  const declarations = (ns: RefNamespace) => sites.filter((s) => s.ns === ns && s.role === 'declaration');

  const targets = (site: RefSite): RefSite[] => {
    if (site.role === 'declaration') return declarations(site.ns).filter((d) => sameSpelling(d, site));
    return declarations(site.ns).filter((d) => sameThing(d, site));
  };

  const group = (site: RefSite): RefSite[] => {
    const out = new Set<RefSite>();
    const refs = sites.filter((s) => s.ns === site.ns && s.role === 'reference');
    if (site.role === 'declaration') {
      for (const d of targets(site)) out.add(d);
      for (const r of refs) if (sameThing(site, r)) out.add(r);
    } else {
      for (const d of targets(site)) out.add(d);
      for (const r of refs) if (sameSpelling(r, site)) out.add(r);
    }
    out.add(site);
    return [...out].sort(byOrder);
  };

  const at = (offset: number): RefSite | undefined => {
    // prefer a site that starts at the offset over one that ends there (`a,b` in flow style)
    let hit: RefSite | undefined;
    for (const s of sites) {
      if (s.start > offset) break;
      if (offset <= s.end) hit = s;
    }
    return hit;
  };

  return { sites, at, targets, group, declarations };
}

/** The pattern of an id (format.md "Value types"); metric base names follow it too. */
export const ID_PATTERN = /^[a-z0-9][a-z0-9_.-]*$/;
