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
import { specAt, type FieldSpec } from '../engine/catalog';
import {
  describeEnumValue,
  describeField,
  describeLoss,
  describeMetric,
  fittingMetrics,
  pathText,
  describeGuardrail,
} from '../engine/describe';
import { lossPieces } from '../engine/facts';
import { explainAccelerator } from '../engine/genaiFigureText';
import {
  dauMauRatio,
  downtime,
  labelCoverage,
  latencyCheck,
  perDay,
  qpsFigures,
  servingLatency,
  SECONDS_PER_DAY,
} from '../engine/figures';
import type { MetricRef, MlsdDoc } from '../engine/model';
import { child, pathOf, type MNode } from '../engine/parse';
import { matchGuardrails } from '../engine/domain';
import {
  formatMoney,
  moneyPeriodOf,
  normalize,
  parseDuration,
  parseMoney,
  parseQuantity,
  parseRate,
} from '../engine/values';
import { toOffset, toRange } from '../lspConvert';
import type { Analysis } from '../lint/analysis';
import {
  defaultPeakFactor,
  explainCoverage,
  explainDauMau,
  explainDowntime,
  explainExperimentFigures,
  experimentFiguresOf,
  indexFigures,
  explainIndex,
  explainLatency,
  explainQps,
  explainServingLatency,
  fmtCount,
  fmtPct,
  genaiFigures,
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

/** The shape this node has: a bare `latency: 200ms` is the scalar alternative of the latency map, etc. */
function shapeOf(spec: FieldSpec, n: MNode): FieldSpec {
  if (spec.alt && spec.type === 'map' && n.kind === 'scalar' && n.value !== null && spec.alt.type !== 'map')
    return spec.alt;
  if (spec.alt && spec.type !== 'map' && n.kind === 'map' && spec.alt.type === 'map') return spec.alt;
  return spec;
}

function keyHover(a: Analysis, n: MNode): string | undefined {
  const key = n.key ?? '';
  if (key.startsWith('x-'))
    return `**\`${key}\`** · extension key\n\nKeys starting with \`x-\` are allowed anywhere and never checked.`;
  const path = pathOf(n);
  const found = specAt(path);
  if (!found) return undefined;
  const spec = shapeOf(found, n);
  const example = spec.type === 'ref' ? refTargets(a.doc, spec.ref)[0]?.id : undefined;
  const parts = [describeField({ ...spec, description: found.description }, path, { example })];
  const fit = pathText(path) === 'evaluation.offline.metrics' ? fittingMetricsText(a.doc) : undefined;
  if (fit) parts.push(fit);
  return joinParts(parts, figuresAt(a, path, true));
}

/** For the offline metric list: the metrics that fit the doc's task type(s). */
function fittingMetricsText(doc: MlsdDoc): string | undefined {
  const lines = doc.effectiveTaskTypes().map((t) => `**Fits \`${t}\`:** ${fittingMetrics(t)}`);
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
    const f = indexFigures(a);
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
    const e = experimentFiguresOf(a);
    if (e) out.push(explainExperimentFigures(e));
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
  // v1.1 generative serving figures: on every key or value they are computed from
  const here = doc.node(path);
  if (here) for (const g of genaiFigures(a)) if (g.nodes.includes(here)) out.push(g.explanation);
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
  if (metric)
    return metric.info
      ? describeMetric(metric.info, { written: metric.written, k: metric.k, iou: metric.iou })
      : undefined;

  const path = pathOf(n);
  const found = specAt(path);
  if (!found) return undefined;
  const spec = shapeOf(found, n);

  if (spec.type === 'ref') return refHover(doc, spec, n);
  const values = spec.enum ?? spec.item?.enum;
  if (values && (spec.type === 'enum' || spec.type === 'list')) {
    const v = doc.enumValueOf(n, spec.type === 'list' ? spec.item : spec);
    return v ? describeEnumValue(spec, v, path) : undefined;
  }
  if (pathText(path) === 'model.loss') return lossHover(doc, n);
  const guard = /^serving\.guardrails\.(input|output)(\[\])?$/.exec(pathText(path));
  if (guard) return guardrailHover(doc, n, guard[1] as 'input' | 'output');
  const money = spec.type === 'money' ? moneyHover(n) : undefined;
  if (money) return joinParts([money], figuresAt(a, path, false));
  if (pathText(path) === 'serving.gpu.type') {
    const row = explainAccelerator(doc.textOf(n));
    if (row) return row;
  }
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

/** v1.1: a guardrail item (genai.md §2.5): the known checks it names, or a note that it is a custom check. */
function guardrailHover(doc: MlsdDoc, n: MNode, side: 'input' | 'output'): string | undefined {
  const text = doc.textOf(n);
  if (text === undefined) return undefined;
  const found = matchGuardrails(text, side);
  if (found.length) return found.map((g) => describeGuardrail(g, text)).join('\n\n');
  return `**${side} guardrail** \`${text}\` · a custom check (it names none of the known ${side} guardrails, so no rule reads it).`;
}

/** v1.1: a money value (genai.md §1.1): the amount as read, with its currency. */
function moneyHover(n: MNode): string | undefined {
  const m = parseMoney(n.value, moneyPeriodOf(n.key));
  if (!m) return undefined;
  const what = m.currency ? `${m.currency}` : 'no currency (compared only with other bare amounts)';
  return `**\`${String(n.value)}\`** · money = ${formatMoney(m.amount, m)} · ${what}`;
}

/** `loss: bce`, or a combination of known losses (`bce + mse`): each loss's description. */
function lossHover(doc: MlsdDoc, n: MNode): string | undefined {
  const pieces = lossPieces(doc, n);
  if (!pieces.length || pieces.some((p) => !p.loss)) return undefined;
  return pieces.map((p) => describeLoss(p.loss!, p.text)).join('\n\n');
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

// ------------------------------------------------------------------------------ references

function refTargets(doc: MlsdDoc, ref: FieldSpec['ref']): { id: string; node: MNode }[] {
  const list =
    ref === 'source'
      ? 'data.sources'
      : ref === 'candidate'
        ? 'model.candidates'
        : ref === 'stage'
          ? 'model.stages'
          : ref === 'judge'
            ? 'evaluation.judges'
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
  if (spec.ref === 'judge') {
    const kind = doc.enumValueOf(child(e, 'kind'));
    const parts = [`**\`${target.id}\`** · judge${kind ? ` (${kind})` : ''}`];
    const facts = [
      text('model') && `model: ${text('model')}`,
      doc.bool([...pathOf(e), 'pinned']) === true ? 'pinned' : undefined,
      text('raters') && `${text('raters')} raters per item`,
      text('rubric') && `rubric: ${text('rubric')}`,
    ].filter(Boolean);
    if (facts.length) parts.push(facts.join(' · '));
    const cal = [...pathOf(e), 'calibration'];
    const labels = doc.str([...cal, 'human_labels']);
    const agreement = doc.str([...cal, 'agreement']);
    if (labels || agreement)
      parts.push(
        `Calibrated against human labels: ${[labels && `${labels} items`, agreement && `agreement ${agreement}${doc.str([...cal, 'statistic']) ? ` (${doc.str([...cal, 'statistic'])})` : ''}`].filter(Boolean).join(', ')}.`,
      );
    else if (kind === 'llm' || kind === 'model')
      parts.push('No calibration stated: measure its agreement with human labels before trusting its scores.');
    return parts.join('\n\n');
  }
  const selected = doc.textOf(doc.node('model.selected'));
  const isSelected = selected !== undefined && normalize(selected) === normalize(target.id);
  const parts = [`**\`${target.id}\`** · model candidate${isSelected ? ' (selected)' : ''}`];
  const arch = text('architecture');
  if (arch) parts.push(arch);
  const base = text('base_model');
  if (base) parts.push(`Base model: ${base}${text('version') ? ` (version ${text('version')})` : ''}`);
  const pros = items('pros');
  const cons = items('cons');
  if (pros.length) parts.push(`**Pros:** ${pros.join('; ')}`);
  if (cons.length) parts.push(`**Cons:** ${cons.join('; ')}`);
  return parts.join('\n\n');
}
