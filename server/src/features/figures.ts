/**
 * Figures in the editor: the back-of-envelope numbers (engine/figures.ts) as inlay hints at the end of
 * the line they come from: average and peak QPS next to `scale`, the stage-latency sum next to the
 * latency requirement, the A/B sample size next to the experiment, the index memory next to the index;
 * v1.1 (engine/genaiFigureText): weights and KV memory next to `serving.gpu.memory`, capacity next to
 * `serving.gpu.count`, the TTFT path next to the TTFT budget, the cost next to the budget, the request
 * length next to the generator's `context_window`.
 * The text builders here are shared with hover, so a figure reads the same in both.
 *
 * Code lenses: none. A lens with an empty command renders as plain text in VS Code, but it would only
 * repeat the inlay hints one line higher; the figures are given once, as inlay hints.
 */
import type { InlayHint, MarkupContent, Range } from 'vscode-languageserver-types';
import {
  experimentFigures,
  indexMemory,
  latencyCheck,
  qpsFigures,
  DEFAULT_HNSW_M,
  DEFAULT_PEAK_FACTOR,
  type DowntimeFigures,
  type ExperimentFigures,
  type IndexMemoryFigures,
  type LabelCoverage,
  type LatencyCheck,
  type QpsFigures,
  type ServingLatency,
} from '../engine/figures';
import { genaiFigurePlaces, type GenaiFigurePlace } from '../engine/genaiFigureText';
import type { GenaiOptions } from '../engine/genaiServing';
import type { MlsdDoc } from '../engine/model';
import { DEFAULT_OPTIONS } from '../engine/options';
import { experimentPlan, type ExperimentPlan } from '../engine/experiment';
import { lineEndAt, positionAt } from '../engine/parse';
import { formatBytes, formatCount, formatDuration, round } from '../engine/values';
import type { Analysis } from '../lint/analysis';

// ------------------------------------------------------------------------------ formatting

/** A count as a reviewer writes it: 35, 347, 5.79k, 46.3k, 7.84M. */
export function fmtCount(n: number): string {
  const a = Math.abs(n);
  if (a >= 1000 && a < 1e4) return `${round(n / 1000, 3)}k`;
  return formatCount(n);
}

/** A share as a percentage with 3 significant digits: 2%, 0.002%, 66.7%. */
export function fmtPct(r: number): string {
  return `${round(r * 100, 3)}%`;
}

/** An availability with all its nines: 99.95%, 99.999%. */
function fmtAvailability(a: number): string {
  return `${round(a * 100, 8)}%`;
}

/** Hours of downtime in the largest unit that reads well: 8.76 h, 26.3 min, 31.5 s. */
export function fmtHours(h: number): string {
  if (h >= 1) return `${round(h, 3)} h`;
  if (h * 60 >= 1) return `${round(h * 60, 3)} min`;
  return `${round(h * 3600, 3)} s`;
}

const days = (n: number) => `${n} ${n === 1 ? 'day' : 'days'}`;

function numberOption(a: Analysis, key: string, fallback: number): number {
  const o = (a.config?.options as Record<string, unknown> | undefined)?.[key];
  return typeof o === 'number' && Number.isFinite(o) ? o : fallback;
}

export function defaultPeakFactor(a: Analysis): number {
  return numberOption(a, 'default_peak_factor', DEFAULT_PEAK_FACTOR);
}

/** The HNSW M for index memory when the doc does not state `serving.index.m`: the `default_hnsw_m` option, as MLSD608 reads it. */
export function defaultHnswM(a: Analysis): number {
  return numberOption(a, 'default_hnsw_m', DEFAULT_HNSW_M);
}

/** The options the generative serving figures read, as MLSD650–654 read them (the doc's config). */
export function genaiOptionsOf(a: Analysis): GenaiOptions {
  return {
    gpuMemoryUtilization: numberOption(a, 'gpu_memory_utilization', DEFAULT_OPTIONS.gpu_memory_utilization),
    hoursPerMonth: numberOption(a, 'hours_per_month', DEFAULT_OPTIONS.hours_per_month),
    defaultPeakFactor: defaultPeakFactor(a),
  };
}

/** The generative serving figures (engine/genaiFigureText) with the doc's options. */
export function genaiFigures(a: Analysis): GenaiFigurePlace[] {
  return genaiFigurePlaces(a.doc, genaiOptionsOf(a));
}

/** Index memory as MLSD608 computes it (the configured `default_hnsw_m`). */
export function indexFigures(a: Analysis): IndexMemoryFigures | undefined {
  return indexMemory(a.doc, defaultHnswM(a));
}

/**
 * The A/B figures as MLSD510 computes them: v1.1's experiment plan (distinct units over the readable days,
 * whole weeks of at least `min_experiment_days`) when the doc states enough for it; otherwise the sample
 * size per arm alone (the v1 days-needed figure, DAU × days, is not shown: it disagrees with MLSD510).
 */
export function experimentFiguresOf(
  a: Analysis,
): { plan: ExperimentPlan; n?: undefined } | { plan?: undefined; n: ExperimentFigures } | undefined {
  const plan = experimentPlan(a.doc, numberOption(a, 'min_experiment_days', DEFAULT_OPTIONS.min_experiment_days));
  if (plan) return { plan };
  const e = experimentFigures(a.doc);
  return e ? { n: { baselineRate: e.baselineRate, mdeRelative: e.mdeRelative, delta: e.delta, n: e.n } } : undefined;
}

export function experimentFiguresLabel(x: NonNullable<ReturnType<typeof experimentFiguresOf>>): string {
  return x.plan ? planLabel(x.plan) : experimentLabel(x.n);
}

export function explainExperimentFigures(x: NonNullable<ReturnType<typeof experimentFiguresOf>>): string {
  return x.plan ? explainPlan(x.plan) : explainExperiment(x.n);
}

export function planLabel(e: ExperimentPlan): string {
  const s = `n ≈ ${fmtCount(e.n)}/arm, ${fmtCount(e.perArm)} reached · ${e.daysNeeded !== undefined ? `${days(e.daysNeeded)} needed` : 'not within a year'}`;
  return `${e.underpowered ? '⚠ ' : ''}${s} (${round(e.D, 3)} planned)`;
}

export function explainPlan(e: ExperimentPlan): string {
  let s =
    `**A/B sample size:** detecting a ${fmtPct(e.mde)} relative change on a ${fmtPct(e.p)} baseline ` +
    `needs n ≈ 16·p(1−p)/(p·mde)² ≈ **${fmtCount(e.n)} per arm** (80% power, α = 0.05).`;
  const over =
    e.L > 0
      ? ` the ${round(e.readable, 3)} readable days (${days(round(e.D, 3))} − the ${round(e.L, 3)}-day delay of \`${e.delayName}\`)`
      : ` ${days(round(e.D, 3))}`;
  if (e.model === 'eligible_units')
    s += ` Of ${fmtCount(e.total!)} eligible units (\`eligible_units\`), ${fmtCount(e.U)} are reached over${over}`;
  else if (e.model === 'dau-mau')
    s += ` Over${over}, ${fmtCount(e.E!)} eligible/day are about **${fmtCount(e.U)} distinct units** (DAU/MAU ${round(e.dauMau!, 3)}: distinct units grow as days^${round(e.beta!, 3)})`;
  else
    s += ` Over${over}, ${fmtCount(e.E!)} eligible/day give ${fmtCount(e.U)} units${e.upperBound ? ' (an upper bound: returning units are counted again)' : ''}`;
  s += `, so ${fmtPct(e.f)} traffic gives **${fmtCount(e.perArm)} per arm**`;
  s += e.underpowered ? ' ⚠ underpowered.' : '.';
  s +=
    e.daysNeeded !== undefined
      ? ` Enough in **${days(e.daysNeeded)}** (whole weeks).`
      : ' Not detectable within a year at this traffic.';
  return s;
}

// ------------------------------------------------------------------------------ labels (one line) and explanations (markdown)

export function qpsLabel(q: QpsFigures): string {
  return `≈ ${fmtCount(q.average)} QPS avg · ${fmtCount(q.peak)} peak`;
}

export function explainQps(q: QpsFigures): string {
  const pf = `${round(q.peakFactor, 3)}${q.statedPeakFactor === undefined ? ' (default)' : ''}`;
  let s =
    `**Traffic:** ${fmtCount(q.dau)} DAU × ${fmtCount(q.requestsPerUserPerDay)} requests/user/day / 86,400 s ≈ **${fmtCount(q.average)} QPS** on average; ` +
    `× peak factor ${pf} ≈ **${fmtCount(q.peak)} QPS** at peak.`;
  if (q.qpsPeak !== undefined) s += ` Stated \`qps_peak\`: ${fmtCount(q.qpsPeak)}.`;
  return s;
}

export function latencyLabel(c: LatencyCheck): string {
  const { budget, percentile } = c.requirement;
  const stages = c.stages.reduce((a, s) => a + s.latency, 0);
  const path =
    c.network > 0
      ? `stages ${formatDuration(stages)} + network ${formatDuration(c.network)} = ${formatDuration(c.sum)}`
      : `stages ${formatDuration(c.sum)}`;
  return `${c.over > 0 ? '⚠ ' : ''}${path} of ${formatDuration(budget)}${percentile ? ` ${percentile}` : ''}`;
}

export function explainServingLatency(s: ServingLatency): string {
  const terms = s.stages.map((t) => `${t.id} ${formatDuration(t.latency)}`);
  if (s.network > 0) terms.push(`network ${formatDuration(s.network)}`);
  let out = `**Serving path:** ${terms.join(' + ')} = **${formatDuration(s.sum)}** (stages run in sequence).`;
  if (s.untimed.length)
    out += ` ${s.untimed.map((u) => `\`${u}\``).join(', ')} ${s.untimed.length === 1 ? 'states' : 'state'} no latency (counted as 0).`;
  return out;
}

export function explainLatency(c: LatencyCheck): string {
  const { budget, percentile } = c.requirement;
  const label = percentile ? `${percentile} requirement` : 'latency requirement (percentile unspecified)';
  const verdict =
    c.over > 0
      ? `⚠ over the ${label} of ${formatDuration(budget)} by ${formatDuration(c.over)}.`
      : `within the ${label} of ${formatDuration(budget)} (${formatDuration(-c.over)} to spare).`;
  return `${explainServingLatency(c)} That is ${verdict}`;
}

export function experimentLabel(e: ExperimentFigures): string {
  let s = `n ≈ ${fmtCount(e.n)}/arm`;
  if (e.daysNeeded !== undefined) s += ` · ${days(e.daysNeeded)} needed`;
  if (e.durationDays !== undefined) s += ` (${round(e.durationDays, 3)} planned)`;
  return `${e.underpowered ? '⚠ ' : ''}${s}`;
}

export function explainExperiment(e: ExperimentFigures): string {
  let s =
    `**A/B sample size:** detecting a ${fmtPct(e.mdeRelative)} relative change on a ${fmtPct(e.baselineRate)} baseline (Δ = ${round(e.delta, 3)}) ` +
    `needs n ≈ 16·p(1−p)/Δ² ≈ **${fmtCount(e.n)} per arm** (80% power, α = 0.05).`;
  if (e.daysNeeded !== undefined && e.eligiblePerDay !== undefined && e.trafficFraction !== undefined) {
    s += ` At ${fmtCount(e.eligiblePerDay)} eligible/day × ${fmtPct(e.trafficFraction)} traffic (${fmtCount(e.perArmPerDay!)} per arm per day) that takes **${days(e.daysNeeded)}**`;
    s +=
      e.durationDays !== undefined
        ? `; ${days(round(e.durationDays, 3))} planned${e.underpowered ? ' ⚠ underpowered' : ''}.`
        : '.';
  }
  return s;
}

export function indexLabel(f: IndexMemoryFigures): string {
  const over = f.memory !== undefined && f.required > f.memory;
  return `${over ? '⚠ ' : ''}index ≈ ${formatBytes(f.required)}${f.memory !== undefined ? ` of ${formatBytes(f.memory)}` : ''}`;
}

export function explainIndex(f: IndexMemoryFigures): string {
  const noun = f.countFrom === 'serving.index.vectors' ? 'vectors' : 'items';
  const base = `**Index memory:** ${fmtCount(f.items)} ${noun} × ${round(f.dim, 6)} dims × ${round(f.bytesPerDim, 6)} B`;
  let s = f.hnsw
    ? `${base} = ${formatBytes(f.vectors)} + ${formatBytes(f.links)} of HNSW links (2·M·4 B/item, M = ${f.m}) = **${formatBytes(f.required)}**`
    : `${base} = **${formatBytes(f.required)}**`;
  if (f.memory === undefined) return `${s}.`;
  s +=
    f.required > f.memory
      ? `; ⚠ over the ${formatBytes(f.memory)} available.`
      : `; fits the ${formatBytes(f.memory)} available.`;
  return s;
}

export function explainDowntime(d: DowntimeFigures): string {
  return `**Downtime budget:** (1 − ${fmtAvailability(d.availability)}) × 8,760 h ≈ **${fmtHours(d.hoursPerYear)} a year** (≈ ${fmtHours(d.minutesPerMonth / 60)} a month).`;
}

export function explainCoverage(c: LabelCoverage): string {
  const labels = c.labels.map((l) => `\`${l.id}\``).join(' + ');
  return `**Label coverage:** ${labels} ${fmtCount(c.labelsPerDay)}/day over \`${c.items.id}\` ${fmtCount(c.items.perDay)}/day ≈ **${fmtPct(c.coverage)}** of items get a human label.`;
}

export function explainDauMau(r: number): string {
  return `**DAU/MAU:** ${fmtPct(r)} of monthly users are active on a given day.`;
}

// ------------------------------------------------------------------------------ inlay hints

interface Placed {
  offset: number;
  label: string;
  tooltip: string;
}

function md(value: string): MarkupContent {
  return { kind: 'markdown', value };
}

/** Every figure with its place (end of the line it belongs to), in document order. */
export function placedFigures(a: Analysis): Placed[] {
  const doc = a.doc;
  const out: Placed[] = [];
  const eol = (offset: number) => lineEndAt(doc.parsed, offset);
  const keyLine = (path: string) => {
    const n = doc.node(path);
    return n ? eol(n.keyStart ?? n.start) : undefined;
  };

  const q = qpsFigures(doc, defaultPeakFactor(a));
  const scaleAt = keyLine('requirements.scale');
  if (q && scaleAt !== undefined) out.push({ offset: scaleAt, label: qpsLabel(q), tooltip: explainQps(q) });

  const c = latencyCheck(doc);
  if (c) out.push({ offset: eol(c.requirement.node.start), label: latencyLabel(c), tooltip: explainLatency(c) });

  const e = experimentFiguresOf(a);
  const expAt = keyLine('evaluation.online.experiment');
  if (e && expAt !== undefined)
    out.push({ offset: expAt, label: experimentFiguresLabel(e), tooltip: explainExperimentFigures(e) });

  const f = indexFigures(a);
  const memNode = doc.node('serving.index.memory');
  const idxAt = f?.memory !== undefined && memNode ? eol(memNode.start) : keyLine('serving.index');
  if (f && idxAt !== undefined) out.push({ offset: idxAt, label: indexLabel(f), tooltip: explainIndex(f) });

  // v1.1 generative serving figures (genai.md §12): memory, capacity, TTFT, cost, context budget
  for (const g of genaiFigures(a)) out.push({ offset: eol(g.anchor.start), label: g.label, tooltip: g.explanation });

  return out.sort((x, y) => x.offset - y.offset);
}

function inRange(doc: MlsdDoc, offset: number, range: Range): boolean {
  const p = positionAt(doc.parsed, offset);
  const after = (x: { line: number; character: number }, y: { line: number; character: number }) =>
    x.line > y.line || (x.line === y.line && x.character >= y.character);
  return after(p, range.start) && after(range.end, p);
}

export function inlayHints(a: Analysis, range: Range): InlayHint[] {
  if (!a.doc.top) return [];
  return placedFigures(a)
    .filter((p) => inRange(a.doc, p.offset, range))
    .map((p) => ({
      position: positionAt(a.doc.parsed, p.offset),
      label: p.label,
      paddingLeft: true,
      tooltip: md(p.tooltip),
    }));
}
