/**
 * Completion: keys valid at the cursor (from the catalogue, in framework order, each documented),
 * nested skeletons with the doc's indent unit, whole step sections at the top level, enum values,
 * metric names that fit the doc's task type(s) (with `@k` / `@iou=` as tab stops), and references
 * (source ids, candidate ids, the listed online metrics).
 *
 * The cursor context comes from the text (completionContext.ts), so half-written lines work; values
 * that need the document (task type, declared ids) come from the cached parse (`a.doc`).
 *
 * Multi-line inserts are written relative to the cursor line's indentation and marked
 * `insertTextMode: adjustIndentation`: the client prefixes each new line with the line's leading
 * whitespace (what VS Code does for every completion item).
 */
import {
  CompletionItemKind,
  InsertTextFormat,
  InsertTextMode,
  MarkupKind,
  type CompletionItem,
  type Position,
} from 'vscode-languageserver-types';
import { STEP_KEYS, STEP_TITLES, specAt, stepNumber, type FieldSpec, type StepKey } from '../engine/catalog';
import {
  describeEnumValue,
  describeField,
  describeGuardrail,
  describeLoss,
  describeMetric,
  familyText,
  fieldSummary,
  type MetricUse,
} from '../engine/describe';
import {
  cutoffFor,
  findLoss,
  findMetric,
  GENAI_METRICS,
  GUARDRAILS,
  matchGuardrails,
  isTaskType,
  LOSSES,
  METRICS,
  metricsForTask,
  OPERATIONAL_GUARDRAILS,
  splitMetric,
  taskInfo,
  type LossInfo,
  type MetricFamily,
  type MetricInfo,
  type TaskType,
} from '../engine/domain';
import { isGenerative } from '../engine/facts';
import { explainAccelerator } from '../engine/genaiFigureText';
import { lookupAccelerator } from '../engine/genaiFigures';
import type { MlsdDoc } from '../engine/model';
import { child } from '../engine/parse';
import { sectionSkeleton } from '../engine/skeleton';
import { normalize } from '../engine/values';
import { toOffset, toRange } from '../lspConvert';
import type { Analysis } from '../lint/analysis';
import { cursorContext, type CursorContext, type Seg } from './completionContext';

const SUGGEST = { title: 'Suggest', command: 'editor.action.triggerSuggest' };

export function completion(a: Analysis, pos: Position): CompletionItem[] | null {
  const doc = a.doc;
  if (doc.parsed.skipped) return [];
  const offset = toOffset(doc, pos);
  const ctx = cursorContext(doc, offset, pos.character);
  if (!ctx) return [];
  const b = new Builder(doc, ctx);
  if (ctx.kind === 'key') keyCompletions(b, ctx.path);
  else if (ctx.kind === 'value') valueCompletions(b, ctx.path);
  else itemCompletions(b, ctx.path, 'item');
  return b.items;
}

// ------------------------------------------------------------------------------------------ items

interface Choice {
  label: string;
  kind: CompletionItemKind;
  detail?: string;
  doc?: string;
  /** the text to insert; a snippet when `snippet` is true */
  insert: string;
  snippet?: boolean;
  filter?: string;
  suggestAfter?: boolean;
}

class Builder {
  readonly items: CompletionItem[] = [];
  readonly unit: number;

  constructor(
    readonly doc: MlsdDoc,
    readonly ctx: CursorContext,
  ) {
    this.unit = doc.parsed.indent || 2;
  }

  add(c: Choice): void {
    const prefix = ' '.repeat(this.ctx.pad ?? 0) + (this.ctx.needsSpace ? ' ' : '');
    const multiLine = c.insert.includes('\n');
    const item: CompletionItem = {
      label: c.label,
      kind: c.kind,
      sortText: String(this.items.length).padStart(4, '0'),
      filterText: c.filter ?? c.label,
      textEdit: { range: toRange(this.doc, this.ctx.start, this.ctx.end), newText: prefix + c.insert },
      insertTextFormat: c.snippet ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
    };
    if (c.detail) item.detail = c.detail;
    if (c.doc) item.documentation = { kind: MarkupKind.Markdown, value: c.doc };
    if (multiLine) item.insertTextMode = InsertTextMode.adjustIndentation;
    if (c.suggestAfter) item.command = SUGGEST;
    this.items.push(item);
  }

  /** Spaces to put at the start of an inserted line that must land at absolute column `col`. */
  rel(col: number): string {
    return ' '.repeat(Math.max(0, col - this.ctx.lineIndent));
  }
}

function snippetEscape(s: string): string {
  return s.replace(/[\\$}]/g, '\\$&');
}

/** The fields of a mapping spec (or of its mapping alternative). */
function fieldsOf(spec: FieldSpec | undefined): FieldSpec[] {
  if (!spec) return [];
  if (spec.type === 'map') return spec.fields ?? [];
  if (spec.alt?.type === 'map') return spec.alt.fields ?? [];
  return [];
}

function keyDoc(path: readonly Seg[], s: FieldSpec): { detail: string; doc: string } {
  return { detail: fieldSummary(s, path), doc: describeField(s, path) };
}

/** Whether choosing a value for this field has completions of its own (to pop the list up after the key). */
function hasValueCompletions(path: readonly Seg[], s: FieldSpec): boolean {
  return !!(
    s.enum ||
    s.ref ||
    s.type === 'bool' ||
    s.item?.enum ||
    s.item?.ref ||
    s.item?.type === 'metric' ||
    (path[0] === 'serving' && path.includes('guardrails') && (s.key === 'input' || s.key === 'output')) ||
    (s.key === 'loss' && path[0] === 'model') ||
    path.join('.') === 'serving.gpu.memory'
  );
}

// ------------------------------------------------------------------------------------------ keys

function keyCompletions(b: Builder, path: Seg[]): void {
  const ctx = b.ctx;
  if (ctx.kind !== 'key') return;
  const spec = specAt(path);
  if (!spec) return;
  if (spec.type === 'list') {
    // a line under a list's key, without its `- ` yet: offer whole items
    itemCompletions(b, path, 'dash');
    return;
  }
  const fields = fieldsOf(spec);
  for (const f of fields) {
    if (ctx.present.has(f.key)) continue;
    addKey(b, path, f, ctx.col, '');
  }
}

/** One key item. `col` is the key's column; `prefix` goes before the key (`- ` for a new list item). */
function addKey(b: Builder, path: Seg[], f: FieldSpec, col: number, prefix: string): void {
  const ctx = b.ctx;
  const { detail, doc } = keyDoc([...path, f.key], f);
  const keyOnly = ctx.kind === 'key' && ctx.keyOnly;
  const unit = b.unit;
  if (path.length === 0 && (STEP_KEYS as readonly string[]).includes(f.key) && !ctx.flow && !keyOnly && !prefix) {
    const step = stepNumber(f.key)!;
    let n = 0;
    const body = snippetEscape(sectionSkeleton(f.key as StepKey, unit))
      .split('\n')
      .map((l, i) => (i === 0 ? l : b.rel(col) + l))
      .join('\n')
      .replace(/\bTBD\b/g, () => `\${${++n}:TBD}`);
    b.add({
      label: f.key,
      kind: CompletionItemKind.Module,
      detail: `section skeleton · step ${step} ${STEP_TITLES[f.key as StepKey]}`,
      doc: `${doc}\n\nInserts the section's skeleton; replace each \`TBD\`.`,
      insert: body,
      snippet: true,
    });
    return;
  }
  if (keyOnly) {
    b.add({ label: f.key, kind: CompletionItemKind.Property, detail, doc, insert: f.key });
    return;
  }
  const k = prefix + f.key;
  if (ctx.flow) {
    if (f.type === 'map')
      b.add({
        label: f.key,
        kind: CompletionItemKind.Property,
        detail,
        doc,
        insert: `${k}: {$1}`,
        snippet: true,
        suggestAfter: true,
      });
    else if (f.type === 'list')
      b.add({
        label: f.key,
        kind: CompletionItemKind.Property,
        detail,
        doc,
        insert: `${k}: [$1]`,
        snippet: true,
        suggestAfter: hasValueCompletions(path, f),
      });
    else
      b.add({
        label: f.key,
        kind: CompletionItemKind.Property,
        detail,
        doc,
        insert: `${k}: `,
        suggestAfter: hasValueCompletions([...path, f.key], f),
      });
    return;
  }
  const keyCol = col + prefix.length;
  const inner = b.rel(keyCol + unit);
  if (f.type === 'map') {
    b.add({
      label: f.key,
      kind: CompletionItemKind.Property,
      detail,
      doc,
      insert: `${k}:\n${inner}$1`,
      snippet: true,
      suggestAfter: true,
    });
  } else if (f.type === 'list' && f.item) {
    if (f.item.type === 'map') {
      const first = f.item.fields?.find((x) => x.isId) ?? f.item.fields?.[0];
      const firstSpec = first ? specAt([...path, f.key, 0, first.key]) : undefined;
      b.add({
        label: f.key,
        kind: CompletionItemKind.Property,
        detail,
        doc,
        insert: `${k}:\n${inner}- ${first?.key ?? 'id'}: $1`,
        snippet: true,
        suggestAfter: !!firstSpec && hasValueCompletions([...path, f.key, 0, first!.key], firstSpec),
      });
    } else {
      b.add({
        label: f.key,
        kind: CompletionItemKind.Property,
        detail,
        doc,
        insert: `${k}:\n${inner}- $1`,
        snippet: true,
        suggestAfter: hasValueCompletions(path, f),
      });
    }
  } else {
    b.add({
      label: f.key,
      kind: CompletionItemKind.Property,
      detail,
      doc,
      insert: `${k}: `,
      suggestAfter: hasValueCompletions([...path, f.key], f),
    });
  }
}

// ------------------------------------------------------------------------------------------ values

function valueCompletions(b: Builder, path: Seg[]): void {
  const spec = specAt(path);
  const doc = b.doc;
  const key = path[path.length - 1];
  const parent = specAt(path.slice(0, -1));
  if (parent?.type === 'metric' && key === 'name') {
    // `- {name: …}` in a metric list: names without a cutoff (`k:` / `iou_threshold:` carry it)
    const listPath = path.slice(0, -2);
    const seen = new Set<string>();
    // v1.1 (genai.md §12): `{name: …, stage: <id>}` offers the metrics that fit that stage's task type
    const scope = doc.str([...path.slice(0, -1), 'stage']);
    for (const m of metricChoices(doc, listPath, scope)) {
      if (seen.has(m.info.name)) continue;
      seen.add(m.info.name);
      addMetric(b, m.info, 'plain', m.detail.replace(/^.+? metric/, familyText(m.info.family)), 'value');
    }
    return;
  }
  if (!spec) return;
  if (path.length === 1 && key === 'mlsd') {
    b.add({
      label: '1',
      kind: CompletionItemKind.Value,
      detail: 'format version',
      doc: 'Version 1 of the mlsd format.',
      insert: '1',
    });
    return;
  }
  if (spec.enum) {
    for (const v of spec.enum)
      b.add({
        label: v.value,
        kind: CompletionItemKind.EnumMember,
        detail: `${spec.key} value`,
        doc: describeEnumValue(spec, v.value, path),
        insert: v.value,
      });
    return;
  }
  if (spec.type === 'bool') {
    for (const v of ['true', 'false'])
      b.add({ label: v, kind: CompletionItemKind.Value, detail: 'bool', doc: spec.description, insert: v });
    return;
  }
  if (spec.ref) {
    refCompletions(b, spec);
    return;
  }
  if (key === 'loss' && path.length === 2 && path[0] === 'model') {
    lossCompletions(b);
    return;
  }
  if (path.join('.') === 'serving.gpu.memory') {
    // genai-domain.md §4.17: the memory of the accelerator `serving.gpu.type` names
    const type = doc.str('serving.gpu.type');
    const hit = lookupAccelerator(type);
    if (hit) {
      const gb = `${Math.round(hit.memory / 1e9)}GB`;
      b.add({
        label: gb,
        kind: CompletionItemKind.Value,
        detail: `memory of ${hit.accelerator.name}`,
        doc: explainAccelerator(type) ?? '',
        insert: gb,
      });
    }
    return;
  }
  if (
    spec.type === 'list' &&
    spec.item &&
    (spec.item.enum || spec.item.ref || spec.item.type === 'metric' || guardrailSide(path))
  ) {
    // `metrics: ` with nothing yet: a one-item flow list
    itemCompletions(b, path, 'wrap');
  }
}

function refCompletions(b: Builder, spec: FieldSpec, insertOf: (id: string) => string | undefined = (id) => id): void {
  const doc = b.doc;
  if (spec.ref === 'source' || spec.ref === 'candidate' || spec.ref === 'stage' || spec.ref === 'judge') {
    const list =
      spec.ref === 'source'
        ? 'data.sources'
        : spec.ref === 'stage'
          ? 'model.stages'
          : spec.ref === 'judge'
            ? 'evaluation.judges'
            : 'model.candidates';
    const seen = new Set<string>();
    for (const e of doc.entries(list)) {
      const id = doc.textOf(child(e, 'id'));
      if (!id || seen.has(normalize(id))) continue;
      seen.add(normalize(id));
      const about =
        spec.ref === 'source'
          ? [doc.textOf(child(e, 'kind')), doc.textOf(child(e, 'description'))]
          : spec.ref === 'stage'
            ? [doc.textOf(child(e, 'task_type')), doc.textOf(child(e, 'output'))]
            : spec.ref === 'judge'
              ? [doc.textOf(child(e, 'kind')), doc.textOf(child(e, 'model'))]
              : [doc.textOf(child(e, 'architecture')), doc.textOf(child(e, 'base_model'))];
      const summary = about.filter(Boolean).join(' — ');
      const insert = insertOf(id);
      if (insert === undefined) continue;
      b.add({
        label: id,
        kind: CompletionItemKind.Reference,
        detail: `${list}[].id`,
        doc: `**\`${id}\`** in \`${list}\`${summary ? `\n\n${summary}` : ''}`,
        insert,
        filter: id,
      });
    }
    return;
  }
  // the primary online metric: one of those listed
  const seen = new Set<string>();
  for (const item of doc.list('evaluation.online.metrics')) {
    const m = doc.metricOf(item);
    const name = m?.written ?? doc.textOf(item);
    if (!name || seen.has(normalize(name))) continue;
    seen.add(normalize(name));
    const info = m?.info ?? findMetric(name);
    b.add({
      label: name,
      kind: CompletionItemKind.Reference,
      detail: 'evaluation.online.metrics',
      doc: info ? describeMetric(info, { written: name }) : `**\`${name}\`**, listed in \`evaluation.online.metrics\`.`,
      insert: name,
    });
  }
}

function lossCompletions(b: Builder): void {
  const types = taskTypes(b.doc);
  const names: string[] = [];
  for (const t of types) for (const l of taskInfo(t)?.losses ?? []) if (!names.includes(l)) names.push(l);
  const list = names.length ? names.map((n) => findLoss(n)).filter((l): l is LossInfo => !!l) : LOSSES;
  const fits = types.length ? ` · fits ${types.join(', ')}` : '';
  for (const l of list) {
    b.add({
      label: l.name,
      kind: CompletionItemKind.Value,
      detail: `loss${fits}`,
      doc: describeLoss(l),
      insert: l.name,
    });
  }
}

// ------------------------------------------------------------------------------------------ list items

/**
 * Items of the list at `path`. `mode`: 'item' after `- ` or inside `[…]`; 'dash' on a line under the
 * list's key without its `- ` (each item gets one); 'wrap' right after `key: ` (a one-item flow list).
 */
function itemCompletions(b: Builder, path: Seg[], mode: 'item' | 'dash' | 'wrap'): void {
  const spec = specAt(path);
  const ctx = b.ctx;
  if (spec?.type !== 'list' || !spec.item) return;
  const item = spec.item;
  const siblings = ctx.kind === 'value' ? [] : ctx.items;
  const wrap = (s: string) => (mode === 'dash' ? `- ${s}` : mode === 'wrap' ? `[${s}]` : s);
  if (item.enum) {
    const have = new Set(siblings.map((x) => normalize(x)));
    for (const v of item.enum) {
      if (have.has(normalize(v.value))) continue;
      b.add({
        label: v.value,
        kind: CompletionItemKind.EnumMember,
        detail: `${spec.key} value`,
        doc: describeEnumValue(spec, v.value, path),
        insert: wrap(v.value),
        filter: v.value,
      });
    }
    return;
  }
  if (item.ref) {
    // v1.1: a list of references (`model.retrieval.corpus`): the declared ids not listed yet
    const have = new Set(siblings.map((x) => normalize(x)));
    refCompletions(b, item, (id) => (have.has(normalize(id)) ? undefined : wrap(id)));
    return;
  }
  const guard = guardrailSide(path);
  if (guard) {
    // v1.1 (genai.md §2.5): the known guardrail names of this side; free text stays allowed
    const have = new Set(siblings.flatMap((x) => matchGuardrails(x, guard).map((g) => g.name)));
    for (const g of GUARDRAILS) {
      if (g.side !== guard || have.has(g.name)) continue;
      b.add({
        label: g.name,
        kind: CompletionItemKind.Value,
        detail: `${guard} guardrail`,
        doc: describeGuardrail(g),
        insert: wrap(g.name),
        filter: g.name,
      });
    }
    return;
  }
  if (item.type === 'metric') {
    const have = new Set(siblings.map(metricKey).filter(Boolean));
    for (const m of metricChoices(b.doc, path)) {
      if (have.has(`${m.info.name}|${m.variant}`)) continue;
      addMetric(b, m.info, m.variant, m.detail, mode);
    }
    return;
  }
  if (item.type === 'map' && !ctx.flow) {
    const present = ctx.kind === 'item' ? ctx.present : new Set<string>();
    const itemPath = [...path, ctx.kind === 'item' ? ctx.index : 0];
    for (const f of item.fields ?? []) {
      if (present.has(f.key)) continue;
      if (mode === 'item') addKey(b, itemPath, f, ctx.col, '');
      else if (mode === 'dash') addKey(b, itemPath, f, ctx.col, '- ');
    }
  }
}

/** `input` or `output` for the list `serving.guardrails.input` / `.output`. */
function guardrailSide(path: readonly Seg[]): 'input' | 'output' | undefined {
  return path.length === 3 &&
    path[0] === 'serving' &&
    path[1] === 'guardrails' &&
    (path[2] === 'input' || path[2] === 'output')
    ? path[2]
    : undefined;
}

/** `name|variant` of a metric item's text (`ndcg@10` → `ndcg|k`), for leaving out those already listed. */
function metricKey(text: string): string {
  let name = text;
  let variant: Variant = 'plain';
  if (text.startsWith('{')) {
    const m = /\bname\s*:\s*([^,}]+)/.exec(text);
    if (!m) return '';
    name = m[1].trim();
    if (/\bk\s*:/.test(text)) variant = 'k';
    if (/\biou_threshold\s*:/.test(text)) variant = 'iou';
  }
  const sp = splitMetric(name);
  const info = findMetric(name);
  if (!info) return '';
  if (sp.iou !== undefined || /^iou/.test(sp.cutoff ?? '')) variant = 'iou';
  else if (sp.cutoff !== undefined) variant = 'k';
  return `${info.name}|${variant}`;
}

// ------------------------------------------------------------------------------------------ metrics

type Variant = 'plain' | 'k' | 'iou';

const OFFLINE_FAMILIES: MetricFamily[] = [
  'classification',
  'regression',
  'ranking',
  'detection',
  'generation',
  'clustering',
];
/** The task types metrics are chosen for: the stated task type first, then the heads' types. */
function taskTypes(doc: MlsdDoc): TaskType[] {
  const types = doc.effectiveTaskTypes();
  const main = doc.taskType();
  return main && types.includes(main) ? [main, ...types.filter((t) => t !== main)] : types;
}

interface MetricChoice {
  info: MetricInfo;
  variant: Variant;
  detail: string;
}

/** The metrics to offer for a metric list, in order: offline ones that fit the doc's task type(s), online ones for online lists. */
function metricChoices(doc: MlsdDoc, listPath: readonly Seg[], scopeStage?: string): MetricChoice[] {
  const where = listPath.join('.');
  const out: MetricChoice[] = [];
  const seen = new Set<string>();
  const push = (info: MetricInfo, variant: Variant, detail: string) => {
    const k = `${info.name}|${variant}`;
    if (seen.has(k)) return;
    seen.add(k);
    out.push({ info, variant, detail });
  };
  // v1.1: a generative doc gets the generative online metrics first; a classic doc does not get them
  const generative = isGenerative(doc);
  const online = generative
    ? [...GENAI_METRICS, ...METRICS].filter((m) => m.family === 'online')
    : METRICS.filter((m) => m.family === 'online' && !GENAI_METRICS.includes(m));
  if (where === 'evaluation.online.metrics') {
    for (const m of online) push(m, 'plain', 'online metric');
    return out;
  }
  if (where === 'evaluation.online.guardrails') {
    for (const m of online) if (m.lowerIsBetter) push(m, 'plain', 'guardrail (lower is better)');
    for (const m of OPERATIONAL_GUARDRAILS) push(m, 'plain', 'operational guardrail');
    for (const m of online) push(m, 'plain', 'online metric');
    return out;
  }
  // a stage's own list: the metrics that fit the stage's task type (its metrics are checked against it)
  const stage = stageOf(doc, listPath) ?? (scopeStage !== undefined ? stageById(doc, scopeStage) : undefined);
  const types = stage?.type ? [stage.type] : taskTypes(doc);
  const stageNote = stage?.type ? ` (stage ${stage.id ?? listPath[2]})` : '';
  if (types.length) {
    for (const t of types) {
      for (const m of metricsForTask(t)) {
        const variant: Variant = cutoffFor(m, t) ?? 'plain';
        const family = variant === 'k' ? 'ranking' : variant === 'iou' ? 'detection' : m.family;
        push(m, variant, `${familyText(family)} · fits ${t}${stageNote}`);
      }
    }
    // scores read as probabilities: the calibration metrics fit every task type
    if (doc.enumOf('framing.output_use') === 'probability')
      for (const name of CALIBRATION_METRICS) {
        const m = findMetric(name);
        if (m) push(m, 'plain', 'calibration metric · output_use: probability');
      }
    return out;
  }
  for (const fam of OFFLINE_FAMILIES) {
    for (const m of METRICS) {
      if (m.family !== fam) continue;
      const variant: Variant =
        fam === 'ranking' && m.takesK ? 'k' : fam === 'detection' && m.takesIou ? 'iou' : 'plain';
      push(m, variant, familyText(fam));
    }
  }
  return out;
}

/** rules.md Interpretation: the calibration metrics, which fit every task type when `output_use: probability`. */
const CALIBRATION_METRICS = ['log-loss', 'nce', 'brier', 'ece'];

/** The stage whose `metrics` list `listPath` is (`model.stages[i].metrics`), with its id and valid task type. */
function stageOf(doc: MlsdDoc, listPath: readonly Seg[]): { id?: string; type?: TaskType } | undefined {
  if (listPath.length !== 4 || listPath[0] !== 'model' || listPath[1] !== 'stages' || listPath[3] !== 'metrics')
    return undefined;
  const i = listPath[2];
  if (typeof i !== 'number') return undefined;
  const st = doc.list('model.stages')[i];
  if (st?.kind !== 'map') return undefined;
  const t = doc.enumValueOf(child(st, 'task_type'));
  return { id: doc.textOf(child(st, 'id')), type: t && isTaskType(t) ? t : undefined };
}

/** The stage with this id (a metric's `stage:`), with its valid task type. */
function stageById(doc: MlsdDoc, id: string): { id?: string; type?: TaskType } | undefined {
  const st = doc.entries('model.stages').find((e) => {
    const sid = doc.textOf(child(e, 'id'));
    return sid !== undefined && normalize(sid) === normalize(id);
  });
  if (!st) return undefined;
  const t = doc.enumValueOf(child(st, 'task_type'));
  return { id: doc.textOf(child(st, 'id')), type: t && isTaskType(t) ? t : undefined };
}

/** The cutoff a metric item leaves to write: `@k` or `@iou=`. */
function useOf(variant: Variant): MetricUse {
  return variant === 'k' ? { k: 'k' } : variant === 'iou' ? { iou: 'iou' } : {};
}

function addMetric(
  b: Builder,
  m: MetricInfo,
  variant: Variant,
  detail: string,
  mode: 'item' | 'dash' | 'wrap' | 'value',
): void {
  const label = variant === 'k' ? `${m.name}@k` : variant === 'iou' ? `${m.name}@iou` : m.name;
  const body = variant === 'k' ? `${m.name}@\${1:10}` : variant === 'iou' ? `${m.name}@iou=\${1:0.5}` : m.name;
  const insert = mode === 'dash' ? `- ${body}` : mode === 'wrap' ? `[${body}]` : body;
  b.add({
    label,
    kind: CompletionItemKind.Value,
    detail,
    doc: describeMetric(m, useOf(variant)),
    insert,
    snippet: variant !== 'plain',
    filter: label,
  });
}
