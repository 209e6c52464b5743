/**
 * Hover: what is under the cursor, explained in a few lines of markdown.
 * - keys: what to write, the framework step, why it matters (catalogue), an example or the fields;
 * - enum values: a task type's fitting metrics and losses, an archetype's framing, metrics and pitfalls,
 *   other enums their description;
 * - metrics: definition, when to use, common misuse, the cutoff;
 * - quantities: the back-of-envelope figures they imply (engine/figures.ts);
 * - references: the referenced entry's summary.
 * Findings are the diagnostics' business: an unknown key, an invalid value or an unresolved reference
 * gets no hover here (the editor shows the diagnostic's message on the same range).
 */
import type { Hover, Position } from 'vscode-languageserver-types';
import { ARCHETYPE_ENUM, specAt, STEP_KEYS, STEP_TITLES, TASK_TYPE_ENUM, type FieldSpec } from '../engine/catalog';
import { archetypeInfo, findLoss, metricsForTask, taskInfo, type MetricInfo, type TaskType } from '../engine/domain';
import {
  dauMauRatio,
  downtime,
  experimentFigures,
  indexMemory,
  labelCoverage,
  latencyCheck,
  perDay,
  qpsFigures,
  servingLatency,
  SECONDS_PER_DAY,
} from '../engine/figures';
import { RANKING_TASKS, type MetricRef, type MlsdDoc } from '../engine/model';
import { child, pathOf, type MNode } from '../engine/parse';
import { normalize, parseDuration, parseQuantity, parseRate } from '../engine/values';
import { toOffset, toRange } from '../lspConvert';
import type { Analysis } from '../lint/analysis';
import {
  defaultPeakFactor,
  explainCoverage,
  explainDauMau,
  explainDowntime,
  explainExperiment,
  explainIndex,
  explainLatency,
  explainQps,
  explainServingLatency,
  fmtCount,
  fmtPct,
} from './figures';
import { locate } from './locate';

export function hover(a: Analysis, pos: Position): Hover | null {
  const doc = a.doc;
  if (!doc.top) return null;
  const at = locate(doc, toOffset(doc, pos));
  if (!at) return null;
  const n = at.node;
  const value = at.onKey ? keyHover(a, n) : valueHover(a, n);
  if (!value) return null;
  const range = at.onKey ? toRange(doc, n.keyStart!, n.keyEnd!) : toRange(doc, n.start, doc.valueSpan(n).end);
  return { contents: { kind: 'markdown', value }, range };
}

// ------------------------------------------------------------------------------ keys

const TYPE_TEXT: Record<string, string> = {
  text: 'text',
  number: 'number',
  integer: 'integer',
  bool: '`true` / `false`',
  quantity: 'quantity',
  bytes: 'bytes',
  rate: 'rate',
  duration: 'duration',
  latency: 'duration',
  id: 'id',
  enum: 'enum',
  metric: 'metric',
  free: 'free form',
  map: 'mapping',
};
const REF_TEXT: Record<string, string> = {
  source: 'reference to a `data.sources[].id`',
  candidate: 'reference to a `model.candidates[].id`',
  onlineMetric: 'reference to one of `evaluation.online.metrics`',
  stage: 'reference to a `model.stages[].id`',
};

function typeText(s: FieldSpec): string {
  if (s.type === 'ref') return REF_TEXT[s.ref ?? ''] ?? 'reference';
  if (s.type === 'list') {
    const it = s.item;
    if (!it) return 'list';
    if (it.type === 'map') return 'list of entries';
    if (it.type === 'metric') return 'list of metrics';
    if (it.type === 'enum') return 'list of values';
    return `list of ${TYPE_TEXT[it.type] ?? it.type}`;
  }
  return TYPE_TEXT[s.type] ?? s.type;
}

/** `data.sources[].id` for a path with indices. */
function pathText(path: readonly (string | number)[]): string {
  return path.reduce<string>((acc, p) => (typeof p === 'number' ? `${acc}[]` : acc ? `${acc}.${p}` : p), '');
}

function stepLine(path: readonly (string | number)[]): string | undefined {
  const first = path[0];
  const i = typeof first === 'string' ? (STEP_KEYS as readonly string[]).indexOf(first) : -1;
  if (i < 0) return undefined;
  return `Step ${i + 1} of 7 · ${STEP_TITLES[STEP_KEYS[i]]}`;
}

/** The shape this node has: a bare `latency: 200ms` is the scalar alternative of the latency map, etc. */
function shapeOf(spec: FieldSpec, n: MNode): FieldSpec {
  if (spec.alt && spec.type === 'map' && n.kind === 'scalar' && n.value !== null && spec.alt.type !== 'map')
    return spec.alt;
  if (spec.alt && spec.type !== 'map' && n.kind === 'map' && spec.alt.type === 'map') return spec.alt;
  return spec;
}

function exampleOf(doc: MlsdDoc, s: FieldSpec): string | undefined {
  if (s.example) return s.example;
  if (s.type === 'ref') return refTargets(doc, s.ref)[0]?.id;
  return undefined;
}

function fieldsText(s: FieldSpec): string | undefined {
  const fields =
    s.type === 'map'
      ? s.fields
      : s.type === 'list' && s.item?.type === 'map'
        ? s.item.fields
        : s.alt?.type === 'map'
          ? s.alt.fields
          : undefined;
  if (!fields?.length) return undefined;
  const label = s.type === 'list' ? 'Each entry' : 'Fields';
  return `${label}: ${fields.map((f) => `\`${f.key}\``).join(', ')}`;
}

function keyHover(a: Analysis, n: MNode): string | undefined {
  const key = n.key ?? '';
  if (key.startsWith('x-'))
    return `**\`${key}\`** · extension key\n\nKeys starting with \`x-\` are allowed anywhere and never checked.`;
  const path = pathOf(n);
  const found = specAt(path);
  if (!found) return undefined;
  const spec = shapeOf(found, n);
  const parts: string[] = [];
  const isSection = path.length === 1 && stepLine(path) !== undefined;
  parts.push(`**\`${key}\`** · ${typeText(spec)}`);
  const where = [path.length > 1 ? `\`${pathText(path)}\`` : undefined, isSection ? undefined : stepLine(path)].filter(
    Boolean,
  );
  if (where.length) parts.push(where.join(' · '));
  parts.push(found.description);
  const values = spec.enum ?? spec.item?.enum;
  if (values?.length) parts.push(`Values: ${values.map((v) => `\`${v.value}\``).join(' · ')}`);
  const fields = fieldsText(spec);
  if (fields) parts.push(fields);
  else if (!values?.length) {
    const ex = exampleOf(a.doc, spec);
    if (ex !== undefined) parts.push(`Example: \`${key}: ${ex}\``);
  }
  const fit = pathText(path) === 'evaluation.offline.metrics' ? fittingMetricsText(a.doc) : undefined;
  if (fit) parts.push(fit);
  const figs = figuresAt(a, path, true);
  return joinParts(parts, figs);
}

/** For the offline metric list: the metrics that fit the doc's task type(s). */
function fittingMetricsText(doc: MlsdDoc): string | undefined {
  const lines = doc.effectiveTaskTypes().map(
    (t) =>
      `**Fits \`${t}\`:** ${metricsForTask(t)
        .map((m) => `\`${metricName(m, t)}\``)
        .join(', ')}`,
  );
  return lines.length ? lines.join('\n\n') : undefined;
}

function joinParts(parts: string[], figures: string[]): string {
  let out = parts.join('\n\n');
  if (figures.length) out += `\n\n---\n\n${figures.join('\n\n')}`;
  return out;
}

// ------------------------------------------------------------------------------ figures per path

const SCALE_QPS = ['dau', 'requests_per_user_per_day', 'peak_factor', 'qps_peak'];

/** The back-of-envelope figures that a key (or its value) feeds. `withHints` adds what is missing to compute them. */
function figuresAt(a: Analysis, path: readonly (string | number)[], withHints: boolean): string[] {
  const doc = a.doc;
  const p = pathText(path);
  const out: string[] = [];
  const scaleKey = p.startsWith('requirements.scale.') ? p.slice('requirements.scale.'.length) : undefined;

  if (p === 'requirements.scale' || (scaleKey && SCALE_QPS.includes(scaleKey))) {
    const q = qpsFigures(doc, defaultPeakFactor(a));
    if (q) out.push(explainQps(q));
    else if (withHints && scaleKey && scaleKey !== 'peak_factor') {
      const missing = ['dau', 'requests_per_user_per_day'].filter(
        (k) => doc.quantity(`requirements.scale.${k}`) === undefined,
      );
      if (missing.length)
        out.push(`State ${missing.map((k) => `\`${k}\``).join(' and ')} to get the average and peak QPS.`);
    }
  }
  if (scaleKey === 'dau' || scaleKey === 'mau') {
    const r = dauMauRatio(doc);
    if (r !== undefined) out.push(explainDauMau(r));
  }
  if (p === 'requirements.scale.items' || p === 'serving.index' || p.startsWith('serving.index.')) {
    const f = indexMemory(doc);
    if (f) out.push(explainIndex(f));
    else if (
      withHints &&
      p.startsWith('serving.index.') &&
      p !== 'serving.index.recall_target' &&
      p !== 'serving.index.type'
    ) {
      const missing = [
        doc.quantity('requirements.scale.items') === undefined ? '`requirements.scale.items`' : undefined,
        doc.number('serving.index.dim') === undefined ? '`serving.index.dim`' : undefined,
        doc.number('serving.index.bytes_per_dim') === undefined ? '`serving.index.bytes_per_dim`' : undefined,
      ].filter(Boolean);
      if (missing.length && missing.length < 3) out.push(`State ${missing.join(' and ')} to get the index memory.`);
    }
  }
  if (p === 'requirements.performance.availability') {
    const d = downtime(doc);
    if (d) out.push(explainDowntime(d));
  }
  if (
    p === 'requirements.performance.latency' ||
    p.startsWith('requirements.performance.latency.') ||
    p === 'model.stages' ||
    p === 'model.stages[].latency' ||
    p === 'serving.network_latency'
  ) {
    const c = latencyCheck(doc);
    const s = c ? undefined : servingLatency(doc);
    if (c) out.push(explainLatency(c));
    else if (s) out.push(explainServingLatency(s));
  }
  if (
    p === 'evaluation.online.experiment' ||
    (p.startsWith('evaluation.online.experiment.') && !p.endsWith('.type') && !p.endsWith('.unit'))
  ) {
    const e = experimentFigures(doc);
    if (e) out.push(explainExperiment(e));
    else if (withHints) {
      const type = doc.enumOf('evaluation.online.experiment.type');
      if (!doc.stated('evaluation.online.experiment.type') || type === 'ab') {
        const missing = ['baseline_rate', 'mde_relative'].filter(
          (k) => doc.rate(`evaluation.online.experiment.${k}`) === undefined,
        );
        if (missing.length)
          out.push(`State ${missing.map((k) => `\`${k}\``).join(' and ')} to get the A/B sample size.`);
      }
    }
  }
  if (p === 'data.sources[].volume' && typeof path[2] === 'number') {
    const src = doc.node(['data', 'sources', path[2]]);
    const v = src ? child(src, 'volume') : undefined;
    const pd = v && doc.isStated(v) ? perDay(parseQuantity(v.value)) : undefined;
    if (pd !== undefined) out.push(`**Rate:** ${fmtCount(pd)}/day ≈ ${fmtCount(pd / SECONDS_PER_DAY)}/s on average.`);
    const c = labelCoverage(doc);
    if (c && src && (c.items.node === src || c.labels.some((l) => l.node === src))) out.push(explainCoverage(c));
  }
  return out;
}

// ------------------------------------------------------------------------------ values

function valueHover(a: Analysis, n: MNode): string | undefined {
  const doc = a.doc;
  if (!doc.isStated(n)) return undefined;
  const metric = metricAt(doc, n);
  if (metric) return metric.info ? metricHover(metric) : undefined;

  const path = pathOf(n);
  const found = specAt(path);
  if (!found) return undefined;
  const spec = shapeOf(found, n);

  if (spec.type === 'ref') return refHover(doc, spec, n);
  const values = spec.enum ?? spec.item?.enum;
  if (values && (spec.type === 'enum' || spec.type === 'list')) {
    const v = doc.enumValueOf(n, spec.type === 'list' ? spec.item : spec);
    if (!v) return undefined;
    if (values === TASK_TYPE_ENUM) return taskHover(v as TaskType);
    if (values === ARCHETYPE_ENUM) return archetypeHover(v) ?? enumHover(v, values, path);
    return enumHover(v, values, path);
  }
  if (pathText(path) === 'model.loss') return lossHover(doc, n);
  const figures = figuresAt(a, path, false);
  const parsed = parsedValue(spec, n, figures.length > 0);
  if (parsed === undefined) return undefined;
  return joinParts([parsed], figures);
}

/**
 * The header of a typed scalar's hover: the value as the tool reads it, when that adds something
 * (`2B` = 2,000,000,000; `0.02` = 2%) or when figures follow. Undefined for invalid values and text.
 */
function parsedValue(spec: FieldSpec, n: MNode, hasFigures: boolean): string | undefined {
  const written = `**\`${String(n.value)}\`**`;
  switch (spec.type) {
    case 'quantity':
    case 'bytes': {
      const q = parseQuantity(n.value, { bytes: spec.type === 'bytes' });
      if (!q) return undefined;
      const num = q.value.toLocaleString('en-US', { maximumFractionDigits: 6 });
      const same = typeof n.value === 'number' && q.value === n.value && Math.abs(q.value) < 1e4;
      if (same && !hasFigures) return undefined;
      return `${written} · ${spec.type}${same ? '' : ` = ${num}${q.unit === 'B' ? ' bytes' : q.unit ? (q.unit.startsWith('/') ? q.unit : ` ${q.unit}`) : ''}`}`;
    }
    case 'rate': {
      const r = parseRate(n.value);
      if (!r?.inRange) return undefined;
      const other = typeof n.value === 'string' && n.value.trim().endsWith('%') ? String(r.value) : fmtPct(r.value);
      return `${written} · rate = ${other}`;
    }
    case 'duration':
    case 'latency':
      return hasFigures && parseDuration(n.value, spec.type === 'latency') !== undefined
        ? `${written} · duration`
        : undefined;
    case 'number':
    case 'integer':
      return hasFigures && typeof n.value === 'number' ? `${written} · ${spec.type}` : undefined;
    default:
      return undefined;
  }
}

function enumHover(
  value: string,
  values: { value: string; description: string }[],
  path: readonly (string | number)[],
): string | undefined {
  const e = values.find((v) => v.value === value);
  if (!e) return undefined;
  return `**\`${e.value}\`** · \`${pathText(path)}\`\n\n${e.description}`;
}

function metricName(m: MetricInfo, t: TaskType): string {
  if (m.takesK && RANKING_TASKS.includes(t)) return `${m.name}@k`;
  if (m.takesIou && t === 'object-detection') return `${m.name}@iou=0.5`;
  return m.name;
}

function taskHover(t: TaskType): string | undefined {
  const info = taskInfo(t);
  if (!info) return undefined;
  const metrics = metricsForTask(t).map((m) => `\`${metricName(m, t)}\``);
  const parts = [`**\`${t}\`** · task type`, info.description];
  if (metrics.length) parts.push(`**Offline metrics that fit:** ${metrics.join(', ')}`);
  parts.push(
    info.losses.length
      ? `**Losses that fit:** ${info.losses.map((l) => `\`${l}\``).join(', ')}. Typical: ${info.typicalLoss}`
      : `**Loss:** ${info.typicalLoss}`,
  );
  return parts.join('\n\n');
}

function archetypeHover(id: string): string | undefined {
  const info = archetypeInfo(id);
  if (!info || id === 'other') return undefined;
  const parts = [`**\`${info.id}\`** · ${info.title}${info.chapter ? `, book ch. ${info.chapter}` : ''}`, info.framing];
  const list = (xs: string[]) => xs.map((x) => `\`${x}\``).join(', ');
  if (info.offlineMetrics.length) parts.push(`**Offline metrics:** ${list(info.offlineMetrics)}`);
  if (info.onlineMetrics.length) parts.push(`**Online metrics:** ${list(info.onlineMetrics)}`);
  parts.push(`**Scale:** ${info.scale}`);
  if (info.pitfalls.length) parts.push(`**Classic pitfalls:**\n${info.pitfalls.map((p) => `- ${p}`).join('\n')}`);
  return parts.join('\n\n');
}

/** `loss: bce`, or a combination of known losses (`bce + mse`): each loss's description. */
function lossHover(doc: MlsdDoc, n: MNode): string | undefined {
  const text = doc.textOf(n);
  if (!text) return undefined;
  const pieces = text.split(/\s*(?:\+|,|;|\/|\band\b)\s*/).filter(Boolean);
  const losses = pieces.map((p) => findLoss(p));
  if (!losses.length || losses.some((l) => !l)) return undefined;
  return losses
    .map((l, i) => {
      const alias = normalize(pieces[i]) !== l!.name ? ` (written \`${pieces[i]}\`)` : '';
      return `**\`${l!.name}\`** · loss${alias}\n\n${l!.description}`;
    })
    .join('\n\n');
}

// ------------------------------------------------------------------------------ metrics

function isMetricList(spec: FieldSpec | undefined): boolean {
  return spec?.type === 'list' && spec.item?.type === 'metric';
}

/** The metric whose name is the scalar `n`: an item of a metric list, the `name` of a metric mapping, `primary`, or a scalar in place of a metric list. */
function metricAt(doc: MlsdDoc, n: MNode): MetricRef | undefined {
  const parent = n.parent;
  if (!parent) return undefined;
  if (parent.kind === 'seq' && isMetricList(specAt(pathOf(parent)))) return doc.metricOf(n);
  if (
    n.key === 'name' &&
    parent.kind === 'map' &&
    parent.parent?.kind === 'seq' &&
    isMetricList(specAt(pathOf(parent.parent)))
  )
    return doc.metricOf(parent);
  const spec = specAt(pathOf(n));
  if (isMetricList(spec) && n.kind === 'scalar') return doc.metricOf(n);
  if (spec?.type === 'ref' && spec.ref === 'onlineMetric') return doc.metricOf(n);
  return undefined;
}

const FAMILY: Record<string, string> = {
  classification: 'classification metric',
  regression: 'regression metric',
  ranking: 'ranking metric',
  detection: 'detection / segmentation metric',
  generation: 'generation metric',
  clustering: 'clustering metric',
  online: 'online metric',
};

function cutoffText(m: MetricRef): string | undefined {
  if (m.k === 'k')
    return '**Cutoff `@k`:** a placeholder; write the number of results that count (`@10` = the top 10).';
  if (typeof m.k === 'number')
    return `**Cutoff \`@${m.k}\`:** only the top ${m.k} result${m.k === 1 ? '' : 's'} of each ranked list count.`;
  if (m.iou !== undefined)
    return `**IoU threshold ${m.iou}:** a detection counts as correct when its box overlaps a ground-truth box with IoU ≥ ${m.iou} (PASCAL VOC uses 0.5; COCO averages 0.5:0.95).`;
  return undefined;
}

function metricHover(m: MetricRef): string {
  const info = m.info!;
  const base = m.written.split('@')[0].trim();
  const alias = normalize(base) !== info.name ? ` (written \`${base}\`, an alias)` : '';
  const parts = [`**\`${info.name}\`** · ${FAMILY[info.family] ?? 'metric'}${alias}`];
  const cut = cutoffText(m);
  if (cut) parts.push(cut);
  parts.push(`${info.definition}${info.lowerIsBetter ? ' Lower is better.' : ''}`);
  parts.push(`**When to use:** ${info.whenToUse}`);
  if (info.misuse) parts.push(`**Common misuse:** ${info.misuse}`);
  return parts.join('\n\n');
}

// ------------------------------------------------------------------------------ references

function refTargets(doc: MlsdDoc, ref: FieldSpec['ref']): { id: string; node: MNode }[] {
  const list =
    ref === 'source'
      ? 'data.sources'
      : ref === 'candidate'
        ? 'model.candidates'
        : ref === 'stage'
          ? 'model.stages'
          : undefined;
  if (!list) return [];
  const out: { id: string; node: MNode }[] = [];
  for (const e of doc.entries(list)) {
    const id = doc.textOf(child(e, 'id'));
    if (id !== undefined) out.push({ id, node: e });
  }
  return out;
}

function refHover(doc: MlsdDoc, spec: FieldSpec, n: MNode): string | undefined {
  const written = doc.textOf(n);
  if (written === undefined) return undefined;
  const target = refTargets(doc, spec.ref).find((t) => normalize(t.id) === normalize(written));
  if (!target) return undefined;
  const e = target.node;
  const text = (k: string) => doc.textOf(child(e, k));
  const items = (k: string) => doc.textList([...pathOf(e), k]);
  if (spec.ref === 'source') {
    const kind = doc.enumValueOf(child(e, 'kind'));
    const parts = [`**\`${target.id}\`** · data source${kind ? ` (${kind})` : ''}`];
    const d = text('description');
    if (d) parts.push(d);
    const facts = [
      text('volume') && `volume ${text('volume')}`,
      text('store') && `store: ${text('store')}`,
      doc.bool([...pathOf(e), 'temporal']) === true ? 'time-ordered' : undefined,
      doc.bool([...pathOf(e), 'pii']) === true ? 'holds PII' : undefined,
      text('owner') && `owner: ${text('owner')}`,
    ].filter(Boolean);
    if (facts.length) parts.push(facts.join(' · '));
    return parts.join('\n\n');
  }
  if (spec.ref === 'stage') {
    const task = doc.enumValueOf(child(e, 'task_type'));
    const parts = [`**\`${target.id}\`** · model stage${task ? ` (${task})` : ''}`];
    const io = [text('input') && `input: ${text('input')}`, text('output') && `output: ${text('output')}`];
    const facts = [...io, text('model') && `model: ${text('model')}`, text('latency') && `latency ${text('latency')}`];
    if (facts.some(Boolean)) parts.push(facts.filter(Boolean).join(' · '));
    parts.push(
      task
        ? `This metric is scoped to the stage and checked against its task type, ${task}.`
        : "This metric is scoped to the stage; state the stage's `task_type` so the metric is checked against it.",
    );
    return parts.join('\n\n');
  }
  const selected = doc.textOf(doc.node('model.selected'));
  const isSelected = selected !== undefined && normalize(selected) === normalize(target.id);
  const parts = [`**\`${target.id}\`** · model candidate${isSelected ? ' (selected)' : ''}`];
  const arch = text('architecture');
  if (arch) parts.push(arch);
  const pros = items('pros');
  const cons = items('cons');
  if (pros.length) parts.push(`**Pros:** ${pros.join('; ')}`);
  if (cons.length) parts.push(`**Cons:** ${cons.join('; ')}`);
  return parts.join('\n\n');
}
