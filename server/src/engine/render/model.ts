/**
 * The render model of an analysed doc (issue 11): what every reader-facing face shows — the Markdown and
 * HTML exports, the `mlsd/render` request behind the preview. Pure (no LSP, no I/O) and JSON-safe: no
 * `MNode` in it, offsets only (`[start, end]` into the doc) plus 1-based lines for people.
 *
 * - the seven steps with their stated content as blocks: a key/value table of the step's scalars
 *   (nested maps flattened to `scale.dau`), one table per list of mappings (sources, features,
 *   candidates, stages, metrics, alerts, judges, tools …) and one titled key/value table per part
 *   (`model.retrieval`, `serving.gpu`, `serving.guardrails`, `serving.index`, `evaluation.online.experiment` …);
 * - the YAML comments that explain a value (a trailing comment, or the comment lines right above its key)
 *   next to that value, as `note`;
 * - the computed figures, read from `figures.ts` and `genaiServing.ts` (never re-derived here) and
 *   formatted once;
 * - the findings grouped by step, the scorecard, and the system diagram (graph, Mermaid, SVG).
 */
import { STEP_KEYS, STEP_TITLES, type StepKey } from '../catalog';
import { type SystemGraph, systemGraph, toMermaid, toSvg } from '../diagram';
import { downtime, experimentFigures, indexMemory, latencyCheck, qpsFigures, servingLatency } from '../figures';
import { genaiServing, type GenaiServingFigures } from '../genaiServing';
import type { MlsdDoc } from '../model';
import { DEFAULT_OPTIONS, type RuleOptions } from '../options';
import { type MNode, positionAt } from '../parse';
import { findingStep, type Scorecard, type ScoredFinding, scorecard } from '../scorecard';
import { formatBytes, formatCount, formatDuration, formatPercent } from '../values';
import { formatMoney } from '../values';

/** Where the rule pages live for readers of an exported doc (the repository's docs). */
export const RULE_DOCS_BASE = 'https://github.com/mlsd-dev/mlsd/blob/main/docs/rules/';

export interface RenderFindingInput extends ScoredFinding {
  alias: string;
  message: string;
  explanation?: string;
  start: number;
  end: number;
}

export interface RenderFinding {
  ruleId: string;
  alias: string;
  severity: 'error' | 'warning' | 'info' | 'hint';
  message: string;
  explanation?: string;
  /** 1-based line and column of the start */
  line: number;
  column: number;
  span: [number, number];
  docsUrl: string;
}

export interface FieldRow {
  /** the key as shown, relative to the block (`scale.dau`) */
  key: string;
  /** the full path (`requirements.scale.dau`) */
  path: string;
  value: string;
  /** the YAML comment that explains the value */
  note?: string;
  span: [number, number];
}

export interface Cell {
  text: string;
  note?: string;
}

export type Block =
  | { kind: 'fields'; title?: string; path: string; note?: string; rows: FieldRow[] }
  | { kind: 'table'; title: string; path: string; note?: string; columns: string[]; rows: Cell[][] };

export interface RenderStep {
  step: number;
  key: StepKey;
  title: string;
  /** the section is written with content */
  present: boolean;
  /** the comment on or above the section's key */
  note?: string;
  blocks: Block[];
  findings: RenderFinding[];
  span?: [number, number];
}

export interface RenderFigure {
  id: 'qps' | 'latency' | 'experiment' | 'index-memory' | 'downtime' | 'gpu-memory' | 'capacity' | 'ttft' | 'cost';
  step: number;
  label: string;
  /** the figure as one line */
  value: string;
  /** how it was computed */
  detail?: string;
  /** the figure breaks a stated budget or capacity */
  over?: boolean;
}

export interface RenderModel {
  title: string;
  uri: string;
  version: number | null;
  archetype?: string;
  status?: string;
  owners: string[];
  summary?: string;
  generative: boolean;
  steps: RenderStep[];
  /** document-structure findings (step 0) */
  docFindings: RenderFinding[];
  /** everything outside the seven steps that is written (infrastructure, risks, references …) */
  extra: Block[];
  figures: RenderFigure[];
  /** the figure objects as figures.ts / genaiServing.ts computed them, without tree nodes */
  rawFigures: Record<string, unknown>;
  scorecard: Scorecard;
  diagram: { graph: SystemGraph; mermaid: string; svg: string };
}

export interface RenderInput {
  doc: MlsdDoc;
  findings: readonly RenderFindingInput[];
  options?: RuleOptions;
  /** base URL of the rule pages (default RULE_DOCS_BASE) */
  docsBase?: string;
  /** skip the SVG layout (the Markdown export needs only Mermaid) */
  svg?: boolean;
  /** the doc's scorecard when the caller already has it (the server memoizes one per analysis) */
  scorecard?: Scorecard;
}

/** Parts of a step shown as their own titled table even though they are mappings. */
const PARTS = new Set([
  'requirements.scale',
  'requirements.performance',
  'requirements.constraints',
  'requirements.budget',
  'requirements.output',
  'data.labels',
  'data.split',
  'data.privacy',
  'data.chunking',
  'model.training',
  'model.prompt',
  'model.decoding',
  'model.retrieval',
  'evaluation.offline',
  'evaluation.online',
  'evaluation.online.experiment',
  'evaluation.regression',
  'evaluation.fairness',
  'serving.index',
  'serving.gpu',
  'serving.cache',
  'serving.cost',
  'serving.guardrails',
  'serving.rollout',
  'monitoring.retraining',
]);

const TOP_SKIP = new Set(['mlsd', 'title', 'archetype', 'status', 'owners', 'summary', ...STEP_KEYS]);

export function renderModel(input: RenderInput): RenderModel {
  const { doc } = input;
  const options = input.options ?? DEFAULT_OPTIONS;
  const docsBase = input.docsBase ?? RULE_DOCS_BASE;
  const notes = new Notes(doc);
  const findings = input.findings.map((f) => toRenderFinding(doc, f, docsBase));
  const byStep = new Map<number, RenderFinding[]>();
  input.findings.forEach((f, i) => {
    const s = findingStep(f);
    byStep.set(s, [...(byStep.get(s) ?? []), findings[i]]);
  });
  const card = input.scorecard ?? scorecard(doc, input.findings);
  const steps: RenderStep[] = STEP_KEYS.map((key, i) => {
    const node = doc.node(key);
    const present = doc.sectionPresent(key);
    return {
      step: i + 1,
      key,
      title: STEP_TITLES[key],
      present,
      note: node ? notes.of(node) : undefined,
      blocks: node && present ? blocksOf(doc, node, key, '', notes) : [],
      findings: byStep.get(i + 1) ?? [],
      span: node ? [node.keyStart ?? node.start, node.end] : undefined,
    };
  });
  const extra: Block[] = [];
  for (const e of doc.top?.entries ?? []) {
    if (!e.key || TOP_SKIP.has(e.key) || !doc.isStated(e)) continue;
    extra.push(...blocksOf(doc, e, e.key, '', notes, e.key));
  }
  const { figures, raw } = figuresOf(doc, options);
  const graph = systemGraph(doc);
  return {
    title: doc.str('title') ?? 'Untitled ML system design',
    uri: doc.uri,
    version: doc.version,
    archetype: doc.str('archetype'),
    status: doc.str('status'),
    owners: doc.textList('owners'),
    summary: doc.str('summary')?.trim(),
    generative: card.generative,
    steps,
    docFindings: byStep.get(0) ?? [],
    extra,
    figures,
    rawFigures: raw,
    scorecard: card,
    diagram: {
      graph,
      mermaid: toMermaid(graph),
      svg: input.svg === false ? '' : toSvg(graph, { idPrefix: 'mlsd-doc-' }),
    },
  };
}

function toRenderFinding(doc: MlsdDoc, f: RenderFindingInput, docsBase: string): RenderFinding {
  const p = positionAt(doc.parsed, f.start);
  return {
    ruleId: f.ruleId,
    alias: f.alias,
    severity: f.severity,
    message: f.message,
    ...(f.explanation ? { explanation: f.explanation } : {}),
    line: p.line + 1,
    column: p.character + 1,
    span: [f.start, f.end],
    docsUrl: `${docsBase}${f.ruleId}.md`,
  };
}

// ------------------------------------------------------------------------------------- content blocks

/** The text of a scalar or a list of scalars as a reader sees it. */
function valueText(doc: MlsdDoc, n: MNode): string {
  if (n.kind === 'scalar') {
    const t = doc.textOf(n);
    return t === undefined ? '' : String(t).replace(/\s+/g, ' ').trim();
  }
  if (n.kind === 'seq') {
    const items = (n.items ?? []).filter((i) => doc.isStated(i)).map((i) => valueText(doc, i));
    return items.join(items.some((t) => /[,.;]/.test(t)) ? '; ' : ', ');
  }
  // a small mapping inside a cell: `k: v; k2: v2`
  return (n.entries ?? [])
    .filter((e) => doc.isStated(e))
    .map((e) => `${e.key}: ${valueText(doc, e)}`)
    .join('; ');
}

const isTableList = (n: MNode) => n.kind === 'seq' && (n.items ?? []).some((i) => i.kind === 'map');

/**
 * The blocks of a mapping: its scalars (and nested plain maps, flattened) as one key/value block, then
 * a table per list of mappings and a titled block per part, in source order.
 */
function blocksOf(doc: MlsdDoc, node: MNode, path: string, title: string, notes: Notes, ownTitle?: string): Block[] {
  if (node.kind === 'seq' && isTableList(node)) return [tableOf(doc, node, path, ownTitle ?? path, notes)];
  if (node.kind !== 'map') {
    return [
      {
        kind: 'fields',
        title: ownTitle,
        path,
        rows: [row(doc, node, ownTitle ?? path, path, notes)],
      },
    ];
  }
  const rows: FieldRow[] = [];
  const after: Block[] = [];
  const walk = (m: MNode, prefix: string, base: string) => {
    for (const e of m.entries ?? []) {
      if (!e.key || !doc.isStated(e)) continue;
      const p = `${base}.${e.key}`;
      const k = prefix ? `${prefix}.${e.key}` : e.key;
      if (e.kind === 'seq' && isTableList(e)) after.push(tableOf(doc, e, p, p, notes));
      else if (e.kind === 'map' && PARTS.has(p)) after.push(...blocksOf(doc, e, p, p, notes, p));
      else if (e.kind === 'map') walk(e, k, p);
      else rows.push(row(doc, e, k, p, notes));
    }
  };
  walk(node, '', path);
  const out: Block[] = [];
  if (rows.length)
    out.push({ kind: 'fields', title: title || ownTitle, path, note: title ? notes.of(node) : undefined, rows });
  else if (title && after.length && notes.of(node)) after[0].note ??= notes.of(node);
  return [...out, ...after];
}

function row(doc: MlsdDoc, n: MNode, key: string, path: string, notes: Notes): FieldRow {
  const note = notes.of(n);
  return {
    key,
    path,
    value: valueText(doc, n),
    ...(note ? { note } : {}),
    span: [n.keyStart ?? n.start, n.end],
  };
}

function tableOf(doc: MlsdDoc, list: MNode, path: string, title: string, notes: Notes): Block {
  const items = (list.items ?? []).filter((i) => doc.isStated(i));
  const columns: string[] = [];
  for (const it of items)
    if (it.kind === 'map') for (const e of it.entries ?? []) if (e.key && !columns.includes(e.key)) columns.push(e.key);
  if (!columns.length) columns.push('value');
  const rows = items.map((it) =>
    columns.map((c): Cell => {
      if (it.kind !== 'map') return c === columns[0] ? { text: valueText(doc, it) } : { text: '' };
      const e = it.entries?.find((x) => x.key === c);
      if (!e || !doc.isStated(e)) return { text: '' };
      const note = notes.of(e);
      return note ? { text: valueText(doc, e), note } : { text: valueText(doc, e) };
    }),
  );
  const note = notes.of(list);
  return { kind: 'table', title, path, ...(note ? { note } : {}), columns, rows };
}

// ------------------------------------------------------------------------------------ explain comments

/**
 * The comments that explain values: a trailing comment on the line where a value ends (for a block
 * value: on its key's line), and the full-line comments right above a key (no blank line between).
 * Commented-out YAML (`# key: value`), `mlsd-disable` directives and decoration (`# ------`, a
 * `# ---- Step 3 ----` banner) are not explanations; decoration ends the comment block above a key.
 */
class Notes {
  private readonly byLine = new Map<number, { text: string; full: boolean }>();
  constructor(private readonly doc: MlsdDoc) {
    const text = doc.text;
    for (const c of doc.parsed.comments) {
      const line = positionAt(doc.parsed, c.start).line;
      const lineStart = doc.parsed.lineStarts[line] ?? 0;
      const full = text.slice(lineStart, c.start).trim() === '';
      // decoration (`# -----`, `# ==== Step 3 ====`) is layout, not an explanation: it also ends a block
      const t = c.text
        .replace(/[-=*~_#]{3,}/g, ' ')
        .replace(/\s+/g, ' ')
        .trim();
      if (!t || /^mlsd-disable/.test(t) || (t !== c.text.trim() && /^step \d\b/i.test(t))) continue;
      if (full && /^-?\s*[A-Za-z_][\w.-]*:(\s|$)/.test(t) && !/^why\b/i.test(t)) continue;
      this.byLine.set(line, { text: t, full });
    }
  }

  of(n: MNode): string | undefined {
    const parts: string[] = [];
    const keyLine = positionAt(this.doc.parsed, n.keyStart ?? n.start).line;
    // full-line comments right above the key (not the doc's header: its first key)
    if (!(n.parent === this.doc.top && this.doc.top?.entries?.[0] === n)) {
      const above: string[] = [];
      for (let l = keyLine - 1; l >= 0; l--) {
        const c = this.byLine.get(l);
        if (!c?.full) break;
        above.unshift(c.text);
      }
      parts.push(...above);
    }
    const endLine =
      n.kind === 'scalar' && !(n.style ?? '').startsWith('BLOCK') ? positionAt(this.doc.parsed, n.end).line : keyLine;
    const trailing = this.byLine.get(endLine);
    if (trailing && !trailing.full) parts.push(trailing.text);
    return parts.length ? parts.join(' ') : undefined;
  }
}

// --------------------------------------------------------------------------------------------- figures

/** A JSON-safe copy of a figures object: tree nodes (`node`, `nodes`, `…Node`) dropped. */
function plain(x: unknown): unknown {
  return JSON.parse(
    JSON.stringify(x, (k, v) => {
      if (k === 'node' || k === 'nodes' || k === 'stage' || k.endsWith('Node')) return undefined;
      if (v && typeof v === 'object' && 'parent' in v && 'kind' in v) return undefined;
      return v;
    }) ?? 'null',
  );
}

const ms = (n: number) => formatDuration(n);

function figuresOf(doc: MlsdDoc, options: RuleOptions): { figures: RenderFigure[]; raw: Record<string, unknown> } {
  const out: RenderFigure[] = [];
  const raw: Record<string, unknown> = {};
  const q = qpsFigures(doc, options.default_peak_factor);
  if (q) {
    raw.qps = plain(q);
    out.push({
      id: 'qps',
      step: 1,
      label: 'Traffic',
      value: `${formatCount(q.average)} QPS average, ${formatCount(q.peak)} at peak`,
      detail: `${formatCount(q.dau)} DAU × ${formatCount(q.requestsPerUserPerDay)} requests/day ÷ 86,400 s; peak ×${q.peakFactor}${q.statedPeakFactor === undefined ? ' (default)' : ''}`,
    });
  }
  const lc = latencyCheck(doc);
  const sl = lc ?? servingLatency(doc);
  if (sl) {
    raw.latency = plain(sl);
    const terms = sl.stages.map((s) => `${s.id} ${ms(s.latency)}`);
    if (sl.network) terms.push(`network ${ms(sl.network)}`);
    out.push({
      id: 'latency',
      step: 6,
      label: 'Serving latency',
      value: lc
        ? `${ms(lc.sum)} of stage latency against a ${lc.requirement.percentile ?? ''}${lc.requirement.percentile ? ' ' : ''}budget of ${ms(lc.requirement.budget)} (${lc.over > 0 ? `${ms(lc.over)} over` : `${ms(-lc.over)} headroom`})`
        : `${ms(sl.sum)} of stage latency (no latency budget stated)`,
      detail: terms.join(' + ') + (sl.untimed.length ? `; untimed: ${sl.untimed.join(', ')}` : ''),
      ...(lc && lc.over > 0 ? { over: true } : {}),
    });
  }
  const x = experimentFigures(doc);
  if (x) {
    raw.experiment = plain(x);
    let value = `${formatCount(Math.ceil(x.n))} units per arm`;
    if (x.daysNeeded !== undefined)
      value += `, ${x.daysNeeded} day${x.daysNeeded === 1 ? '' : 's'} at ${formatPercent(x.trafficFraction!)} of traffic`;
    if (x.durationDays !== undefined)
      value += x.underpowered ? ` — more than the ${x.durationDays} planned` : ` (${x.durationDays} planned)`;
    out.push({
      id: 'experiment',
      step: 5,
      label: 'A/B test size',
      value,
      detail: `16·p(1−p)/Δ², p = ${formatPercent(x.baselineRate)}, relative MDE ${formatPercent(x.mdeRelative)} (80% power, α = 0.05)`,
      ...(x.underpowered ? { over: true } : {}),
    });
  }
  const im = indexMemory(doc, options.default_hnsw_m);
  if (im) {
    raw.indexMemory = plain(im);
    out.push({
      id: 'index-memory',
      step: 6,
      label: 'Index memory',
      value:
        `${formatBytes(im.required)} for ${formatCount(im.items)} vectors` +
        (im.memory !== undefined ? ` (${formatBytes(im.memory)} provisioned)` : ''),
      detail: `${formatCount(im.items)} × ${im.dim} dims × ${im.bytesPerDim} B${im.hnsw ? ` + HNSW links 2·M·4 B (M = ${im.m}${im.mStated ? '' : ', default'})` : ''}`,
      ...(im.memory !== undefined && im.memory < im.required ? { over: true } : {}),
    });
  }
  const dt = downtime(doc);
  if (dt) {
    raw.downtime = plain(dt);
    out.push({
      id: 'downtime',
      step: 1,
      label: 'Downtime allowed',
      value: `${formatCount(dt.hoursPerYear)} h/year (${formatCount(dt.minutesPerMonth)} min/month) at ${+(dt.availability * 100).toFixed(4)}% availability`,
    });
  }
  const g = genaiServing(doc, {
    gpuMemoryUtilization: options.gpu_memory_utilization,
    hoursPerMonth: options.hours_per_month,
    defaultPeakFactor: options.default_peak_factor,
  });
  raw.genai = plain(g);
  out.push(...genaiFigureRows(g));
  return { figures: out, raw };
}

function genaiFigureRows(g: GenaiServingFigures): RenderFigure[] {
  const out: RenderFigure[] = [];
  const m = g.memory;
  if (m) {
    const fit = m.fit;
    out.push({
      id: 'gpu-memory',
      step: 6,
      label: 'Accelerator memory',
      value:
        `weights ${formatBytes(m.weights.bytes)} on ${formatBytes(m.replicaMemory)} per replica` +
        (fit
          ? `; KV cache ${formatBytes(fit.kv)} for ${fit.sequences} × ${formatCount(fit.tokens)} tokens, ${formatBytes(fit.total)} of ${formatBytes(fit.usable)} usable`
          : ''),
      ...(m.weights.bytes > m.replicaMemory || fit?.exceeds ? { over: true } : {}),
    });
  }
  const c = g.capacity;
  if (c) {
    let value = `${formatCount(c.qps)} QPS at peak on ${c.replicas} replica${c.replicas === 1 ? '' : 's'}`;
    let over = false;
    if (c.tokens) {
      value += `; needs ${formatCount(c.tokens.need)} output tokens/s, fleet gives ${formatCount(c.tokens.capacity)}`;
      over ||= c.tokens.exceeds;
    } else if (c.requests) {
      value += `; needs ${formatCount(c.requests.need)} requests/s, fleet gives ${formatCount(c.requests.capacity)}`;
      over ||= c.requests.exceeds;
    }
    out.push({ id: 'capacity', step: 6, label: 'Serving capacity', value, ...(over ? { over: true } : {}) });
  }
  const t = g.ttft;
  if (t) {
    out.push({
      id: 'ttft',
      step: 6,
      label: 'Time to first token',
      value: `${ms(t.path)} on the request path${t.budget ? ` against a budget of ${ms(t.budget.value)}` : ''}`,
      detail: t.terms.map((x) => `${x.label} ${ms(x.ms)}`).join(' + '),
      ...(t.exceeds ? { over: true } : {}),
    });
  }
  const k = g.cost;
  if (k && (k.perRequest !== undefined || k.monthly !== undefined)) {
    const parts: string[] = [];
    if (k.perRequest !== undefined) parts.push(`${formatMoney(k.perRequest, k.money)} per request`);
    if (k.monthly !== undefined) parts.push(`${formatMoney(k.monthly, k.money)} per month`);
    out.push({
      id: 'cost',
      step: 6,
      label: 'Cost',
      value: parts.join(', '),
      detail: `from ${k.source.replace(/_/g, ' ')}`,
      ...(k.exceedsMonthly || k.exceedsPerRequest ? { over: true } : {}),
    });
  }
  return out;
}
