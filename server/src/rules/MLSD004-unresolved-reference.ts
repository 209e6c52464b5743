import { nearestNames, normalizeName } from '../engine/domain';
import { appendToList, insertField, replaceScalar } from '../engine/edits';
import type { MetricRef, MlsdDoc } from '../engine/model';
import { child, type MNode, pathOf } from '../engine/parse';
import { cutoffsMatch, JUDGED_METRIC_LISTS, metricKey } from '../engine/refs';
import { clip, headline } from './support';
import type { Fix, Related, Rule, RuleContext, TextEdit } from './types';

/** A declared id: its text as written, normalized form and where it is. */
interface Declared {
  text: string;
  norm: string;
  node: MNode;
}

const declaredCache = new WeakMap<MlsdDoc, Map<string, Declared[]>>();

/** The declared ids of a list, first spelling of each; computed once per doc and list (linear). */
function declaredIds(doc: MlsdDoc, listPath: string): Declared[] {
  let byList = declaredCache.get(doc);
  if (!byList) declaredCache.set(doc, (byList = new Map()));
  const hit = byList.get(listPath);
  if (hit) return hit;
  const out: Declared[] = [];
  const seen = new Set<string>();
  for (const entry of doc.entries(listPath)) {
    const idNode = child(entry, 'id');
    const text = doc.textOf(idNode);
    if (!idNode || text === undefined) continue;
    const norm = normalizeName(text);
    if (seen.has(norm)) continue;
    seen.add(norm);
    out.push({ text, norm, node: idNode });
  }
  byList.set(listPath, out);
  return out;
}

const code = (s: string) => `\`${s}\``;

function listIds(ids: Declared[]): string {
  const shown = ids
    .slice(0, 6)
    .map((d) => code(d.text))
    .join(', ');
  return ids.length > 6 ? `${shown}, …` : shown;
}

/** Did-you-mean replacements of a reference with the nearest declared ids. */
function didYouMean(
  doc: MlsdDoc,
  ref: MNode,
  written: string,
  ids: Declared[],
): { near: Declared[]; fixes: Fix[]; related: Related[] } {
  const names = nearestNames(
    written,
    ids.map((d) => d.text),
    3,
  );
  const near = names.map((n) => ids.find((d) => d.text === n)!).filter(Boolean);
  const fixes: Fix[] = [];
  for (const d of near) {
    const edit = replaceScalar(ref, d.text);
    if (edit) fixes.push({ title: `Change to \`${d.text}\``, edits: [edit], safe: false });
  }
  const related = near.map((d) => ({ ...doc.valueSpan(d.node), message: `\`${d.text}\` is declared here` }));
  return { near, fixes, related };
}

/** A scalar reference value that is stated (placeholders and empty values are MLSD007's, wrong types MLSD003's). */
function refText(doc: MlsdDoc, n: MNode | undefined): string | undefined {
  if (n?.kind !== 'scalar') return undefined;
  return doc.textOf(n);
}

function checkIdRef(
  ctx: RuleContext,
  ref: MNode | undefined,
  /** the headline's subject: "Feature `user_city` names source" */
  subject: string,
  listPath: string,
  listLabel: string,
  why: string,
): void {
  const { doc } = ctx;
  const written = refText(doc, ref);
  if (!ref || written === undefined) return;
  const ids = declaredIds(doc, listPath);
  const norm = normalizeName(written);
  if (ids.some((d) => d.norm === norm)) return;
  const { near, fixes, related } = didYouMean(doc, ref, written, ids);
  const listNode = doc.node(listPath);
  if (listNode && listNode.keyStart !== undefined && !near.length) {
    related.push({
      start: listNode.keyStart,
      end: listNode.keyEnd!,
      message: `the ids of \`${listLabel}\` are declared here`,
    });
  }
  const declared = ids.length ? `The declared ids are ${listIds(ids)}` : `\`${listLabel}\` declares no id yet`;
  const advice = near.length
    ? `Did you mean \`${near[0].text}\`? Otherwise add an entry \`{id: ${written}, …}\` to \`${listLabel}\`.`
    : `Fix the spelling or add an entry \`{id: ${written}, …}\` to \`${listLabel}\`.`;
  ctx.report({
    ...doc.valueSpan(ref),
    message: headline(
      `${subject} \`${clip(written, 20)}\`, not an id in \`${listLabel}\``,
      near.length > 0 && `; did you mean \`${near[0].text}\`?`,
    ),
    explanation: `${declared}; ${why}. ${advice}`,
    suggestions: fixes.length ? fixes : undefined,
    related: related.length ? related : undefined,
  });
}

function checkPrimary(ctx: RuleContext): void {
  const { doc } = ctx;
  const ref = doc.node('evaluation.online.primary');
  const written = refText(doc, ref);
  if (!ref || written === undefined) return;
  const key = metricKey(written);
  if (!key) return; // a cutoff that does not parse: MLSD003
  const listed: MetricRef[] = doc.metrics('evaluation.online.metrics');
  const match = listed.some((m) => {
    const k = metricKey(m.written);
    return !!k && k.key === key.key && cutoffsMatch(k.cutoff, key.cutoff);
  });
  if (match) return;
  const fixes: Fix[] = [];
  const related: Related[] = [];
  const names = nearestNames(
    written,
    listed.map((m) => m.written),
    2,
  );
  for (const n of names) {
    const m = listed.find((x) => x.written === n)!;
    const edit = replaceScalar(ref, n);
    if (edit) fixes.push({ title: `Change to \`${n}\``, edits: [edit], safe: false });
    related.push({ ...m.span, message: `\`${n}\` is listed here` });
  }
  const listNode = doc.node('evaluation.online.metrics');
  let add: TextEdit | undefined;
  if (listNode && listNode.kind === 'seq') add = appendToList(doc, listNode, written);
  else if (!listNode) add = insertField(doc, ['evaluation', 'online'], 'metrics', [written]);
  if (add) fixes.push({ title: `Add \`${written}\` to \`evaluation.online.metrics\``, edits: [add], safe: false });
  const shown = listed
    .slice(0, 6)
    .map((m) => code(m.written))
    .join(', ');
  const where = listed.length
    ? `\`evaluation.online.metrics\` lists ${shown}${listed.length > 6 ? ', …' : ''}`
    : '`evaluation.online.metrics` lists no metric';
  ctx.report({
    ...doc.valueSpan(ref),
    message: headline(
      `Primary metric \`${clip(written, 24)}\` is not in \`evaluation.online.metrics\``,
      names.length > 0 && `; did you mean \`${names[0]}\`?`,
    ),
    explanation: `${where}. The primary metric is the one the launch decision rests on, so it must be one of the metrics the experiment measures. ${names.length ? `Did you mean \`${names[0]}\`? Otherwise add` : 'Add'} \`${written}\` to \`evaluation.online.metrics\`${names.length ? '' : ', or make one of the listed metrics primary'}.`,
    suggestions: fixes.length ? fixes : undefined,
    related: related.length ? related : undefined,
  });
}

export const mlsd004: Rule = {
  meta: {
    id: 'MLSD004',
    alias: 'unresolved-reference',
    title: 'Reference names no declared id',
    step: 0,
    defaultSeverity: 'error',
    fixable: 'none',
    description:
      'A reference (`data.features[].source`, `model.selected`, `model.stages[].model`, `evaluation.online.primary`, `evaluation.offline.metrics[].stage`; v1.1: `model.retrieval.corpus[]`, the `judge` of a metric) names no declared id or listed online metric; ids match case-insensitively with `_` and `-` alike, metric names after alias resolution. `model.retrieval.embedding_model` and `.reranker` are soft references: a name that is no candidate is plain text.',
  },
  check(ctx) {
    const { doc } = ctx;
    if (!doc.top) return;
    doc.entries('data.features').forEach((f) => {
      const id = doc.textOf(child(f, 'id'));
      checkIdRef(
        ctx,
        child(f, 'source'),
        id ? `Feature \`${clip(id, 24)}\` names source` : 'A feature names source',
        'data.sources',
        'data.sources',
        "the feature's lineage (where it comes from, its owner, PII and freshness) is lost",
      );
    });
    checkIdRef(
      ctx,
      doc.node('model.selected'),
      '`model.selected` names',
      'model.candidates',
      'model.candidates',
      'the chosen model must be one of the candidates weighed, with its pros and cons',
    );
    doc.entries('model.stages').forEach((s) => {
      const id = doc.textOf(child(s, 'id'));
      checkIdRef(
        ctx,
        child(s, 'model'),
        id ? `Stage \`${clip(id, 24)}\` names model` : 'A stage names model',
        'model.candidates',
        'model.candidates',
        'the stage runs a model nobody described',
      );
    });
    doc.list('evaluation.offline.metrics').forEach((m, i) => {
      if (m.kind !== 'map') return;
      checkIdRef(
        ctx,
        child(m, 'stage'),
        `evaluation.offline.metrics[${i}].stage`,
        'model.stages',
        'model.stages',
        "the metric is checked against a stage's task type, and no stage has that id",
      );
    });
    checkPrimary(ctx);
    // v1.1 (genai.md §3.8)
    doc.list('model.retrieval.corpus').forEach((n, i) => {
      checkIdRef(
        ctx,
        n,
        `model.retrieval.corpus[${i}] names`,
        'data.sources',
        'data.sources',
        'retrieval would index a corpus nobody described (its access, owner and trust)',
      );
    });
    const judged = (m: MNode, where: string) => {
      if (m.kind !== 'map') return;
      checkIdRef(
        ctx,
        child(m, 'judge'),
        `${where}.judge`,
        'evaluation.judges',
        'evaluation.judges',
        'a judged metric is only as good as its judge (its kind, model and calibration)',
      );
    };
    for (const list of JUDGED_METRIC_LISTS) doc.list(list).forEach((m, i) => judged(m, `${list}[${i}]`));
    doc.entries('model.stages').forEach((s) => {
      doc.list([...pathOf(s), 'metrics']).forEach((m, i) => judged(m, `model.stages[${s.index ?? 0}].metrics[${i}]`));
    });
  },
};
