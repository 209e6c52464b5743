/**
 * Back-of-envelope figures (domain.md §6) computed from what a doc states: average and peak QPS (F1, F2),
 * the latency budget (F6), index memory (F10), label coverage (F12), A/B sample size (F13) and downtime
 * (F14). One computation, one place: the rules (MLSD105, MLSD510, MLSD601, MLSD608), hover and inlay
 * hints all read these functions.
 *
 * Every doc-level function returns undefined unless its inputs are stated and valid; it never guesses a
 * missing input (except the peak factor, whose default is an option: `default_peak_factor`).
 */
import type { MlsdDoc } from './model';
import { child, type MNode } from './parse';
import { parseQuantity, type Quantity } from './values';

export const SECONDS_PER_DAY = 86_400;
export const HOURS_PER_YEAR = 8_760;
/** Peak / average traffic when the doc does not state `peak_factor` (Xu); the `default_peak_factor` option. */
export const DEFAULT_PEAK_FACTOR = 2;
/** HNSW M when the doc does not state `serving.index.m` (the `default_hnsw_m` option). */
export const DEFAULT_HNSW_M = 32;

/** HNSW graph links per item: layer 0 holds up to 2·M neighbour ids of 4 bytes (upper layers ignored). */
export function hnswLinkBytes(m: number): number {
  return 2 * m * 4;
}

// ------------------------------------------------------------------------------ pure formulas

/** F1: dau × requests_per_user_per_day / 86,400. */
export function averageQps(dau: number, requestsPerUserPerDay: number): number {
  return (dau * requestsPerUserPerDay) / SECONDS_PER_DAY;
}

/** F13: n ≈ 16·p(1−p)/Δ² per arm (80% power, α = 0.05), Δ = p × relative MDE. */
export function abSampleSizePerArm(baselineRate: number, mdeRelative: number): number {
  const delta = baselineRate * mdeRelative;
  return (16 * baselineRate * (1 - baselineRate)) / (delta * delta);
}

/** F13: days = 2n / (eligible_units_per_day × traffic_fraction), rounded up to whole days. */
export function abDaysNeeded(nPerArm: number, eligiblePerDay: number, trafficFraction: number): number {
  return Math.ceil((2 * nPerArm) / (eligiblePerDay * trafficFraction));
}

/** F10 (flat vectors, plus 2·M·4 B of level-0 links per item for HNSW: pass M, or undefined for no graph in memory). */
export function indexBytes(
  items: number,
  dim: number,
  bytesPerDim: number,
  hnswM: number | undefined,
): { vectors: number; links: number; total: number } {
  const vectors = items * dim * bytesPerDim;
  const links = hnswM !== undefined ? items * hnswLinkBytes(hnswM) : 0;
  return { vectors, links, total: vectors + links };
}

/** F14: (1 − availability) × 8,760 h/yr. */
export function downtimeHoursPerYear(availability: number): number {
  return (1 - availability) * HOURS_PER_YEAR;
}

const PER_DAY: Record<string, number> = {
  '/s': SECONDS_PER_DAY,
  '/sec': SECONDS_PER_DAY,
  '/second': SECONDS_PER_DAY,
  '/min': 1440,
  '/minute': 1440,
  '/h': 24,
  '/hr': 24,
  '/hour': 24,
  '/d': 1,
  '/day': 1,
  '/w': 1 / 7,
  '/wk': 1 / 7,
  '/week': 1 / 7,
  '/mo': 1 / 30,
  '/month': 1 / 30,
  '/y': 1 / 365,
  '/yr': 1 / 365,
  '/year': 1 / 365,
};

/** A rate quantity (`5B/day`, `20k/s`, `1M/month`) per day; undefined when it carries no time unit. */
export function perDay(q: Quantity | undefined): number | undefined {
  if (!q?.unit) return undefined;
  const f = PER_DAY[q.unit.toLowerCase().replace(/\s+/g, '')];
  return f === undefined ? undefined : q.value * f;
}

// ------------------------------------------------------------------------------ QPS (F1, F2)

export interface QpsFigures {
  dau: number;
  requestsPerUserPerDay: number;
  /** the peak factor used: the stated one when > 0, else the default */
  peakFactor: number;
  /** `requirements.scale.peak_factor` as stated (a number), even when unusable */
  statedPeakFactor?: number;
  average: number;
  peak: number;
  /** `qps_peak` when stated and valid */
  qpsPeak?: number;
  nodes: { dau: MNode; requestsPerUserPerDay: MNode; peakFactor?: MNode; qpsPeak?: MNode };
}

/**
 * Average and peak QPS from `requirements.scale`: needs `dau` and `requests_per_user_per_day` stated and
 * positive; the peak factor is the stated one when positive, else `defaultPeakFactor`. Undefined when the
 * peak does not come out positive.
 */
export function qpsFigures(doc: MlsdDoc, defaultPeakFactor = DEFAULT_PEAK_FACTOR): QpsFigures | undefined {
  const S = 'requirements.scale';
  const dau = doc.quantity(`${S}.dau`)?.value;
  const rpu = doc.quantity(`${S}.requests_per_user_per_day`)?.value;
  if (dau === undefined || rpu === undefined || !(dau > 0) || !(rpu > 0)) return undefined;
  const statedPeakFactor = doc.number(`${S}.peak_factor`);
  const peakFactor = statedPeakFactor !== undefined && statedPeakFactor > 0 ? statedPeakFactor : defaultPeakFactor;
  const average = averageQps(dau, rpu);
  const peak = average * peakFactor;
  if (!(peak > 0)) return undefined;
  const qps = doc.quantity(`${S}.qps_peak`)?.value;
  const pfNode = doc.node(`${S}.peak_factor`);
  const qpsNode = doc.node(`${S}.qps_peak`);
  return {
    dau,
    requestsPerUserPerDay: rpu,
    peakFactor,
    statedPeakFactor,
    average,
    peak,
    qpsPeak: qps,
    nodes: {
      dau: doc.node(`${S}.dau`)!,
      requestsPerUserPerDay: doc.node(`${S}.requests_per_user_per_day`)!,
      peakFactor: pfNode,
      qpsPeak: qpsNode,
    },
  };
}

/** DAU / MAU (F3 inverted), when both are stated and MAU is positive. */
export function dauMauRatio(doc: MlsdDoc): number | undefined {
  const dau = doc.quantity('requirements.scale.dau')?.value;
  const mau = doc.quantity('requirements.scale.mau')?.value;
  if (dau === undefined || mau === undefined || !(mau > 0) || dau < 0) return undefined;
  return dau / mau;
}

// ------------------------------------------------------------------------------ latency (F6)

export type Percentile = 'p99' | 'p95' | 'p50';
export const PERCENTILES: readonly Percentile[] = ['p99', 'p95', 'p50'];

export interface LatencyRequirement {
  /** milliseconds */
  budget: number;
  node: MNode;
  /** undefined for a bare `latency: 200ms` (percentile unspecified) */
  percentile?: Percentile;
}

/**
 * The latency requirement the serving path is checked against: the first stated of p99, p95, p50 (in
 * that order), or a bare duration. A stated but invalid value is unknown (MLSD003 reports it): no
 * falling back to another percentile.
 */
export function latencyRequirement(doc: MlsdDoc): LatencyRequirement | undefined {
  const req = doc.node('requirements.performance.latency');
  if (!req || !doc.isStated(req)) return undefined;
  let node: MNode | undefined;
  let percentile: Percentile | undefined;
  if (req.kind === 'map') {
    for (const p of PERCENTILES) {
      const n = child(req, p);
      if (doc.isStated(n)) {
        node = n;
        percentile = p;
        break;
      }
    }
  } else if (req.kind === 'scalar') node = req;
  if (!node) return undefined;
  const budget = doc.durationOf(node);
  return budget === undefined ? undefined : { budget, node, percentile };
}

export interface StageLatency {
  id: string;
  latency: number;
  node: MNode;
}

export interface ServingLatency {
  /** stages that state a valid latency, in request order */
  stages: StageLatency[];
  /** ids of the stages without a (valid) latency: counted as 0 */
  untimed: string[];
  /** `serving.network_latency` in ms (0 when not stated or invalid) */
  network: number;
  /** the `serving.network_latency` node when written (even when invalid) */
  networkNode?: MNode;
  /** Σ stage latencies + network */
  sum: number;
}

/** The sum of `model.stages[].latency` plus `serving.network_latency`; undefined when no stage states a latency. */
export function servingLatency(doc: MlsdDoc): ServingLatency | undefined {
  const stages: StageLatency[] = [];
  const untimed: string[] = [];
  doc.entries('model.stages').forEach((s, i) => {
    const id = doc.textOf(child(s, 'id')) ?? `stage ${i + 1}`;
    const ln = child(s, 'latency');
    const latency = doc.durationOf(ln);
    if (ln && latency !== undefined) stages.push({ id, latency, node: ln });
    else untimed.push(id);
  });
  if (!stages.length) return undefined;
  const networkNode = doc.node('serving.network_latency');
  const network = doc.durationOf(networkNode) ?? 0;
  const sum = network + stages.reduce((a, t) => a + t.latency, 0);
  return { stages, untimed, network, networkNode, sum };
}

export interface LatencyCheck extends ServingLatency {
  requirement: LatencyRequirement;
  /** sum − budget (negative: headroom) */
  over: number;
}

/** F6: Σ stage latency + network against the requirement of the same percentile. */
export function latencyCheck(doc: MlsdDoc): LatencyCheck | undefined {
  const requirement = latencyRequirement(doc);
  if (!requirement) return undefined;
  const s = servingLatency(doc);
  if (!s) return undefined;
  return { ...s, requirement, over: s.sum - requirement.budget };
}

// ------------------------------------------------------------------------------ A/B test (F13)

export interface ExperimentFigures {
  baselineRate: number;
  mdeRelative: number;
  /** absolute effect: p × mde */
  delta: number;
  /** sample size per arm */
  n: number;
  /** with eligible_units_per_day and traffic_fraction stated */
  eligiblePerDay?: number;
  trafficFraction?: number;
  perArmPerDay?: number;
  daysNeeded?: number;
  /** with duration_days stated too */
  durationDays?: number;
  /** units per arm over the planned duration */
  capacity?: number;
  underpowered?: boolean;
  /** traffic fraction that would reach n within duration_days */
  trafficNeeded?: number;
  /** the relative MDE the planned test can detect */
  mdeFeasible?: number;
}

/**
 * A/B sample size and duration from `evaluation.online.experiment`: an A/B test (type `ab` or not stated)
 * with `baseline_rate` in (0, 1) and `mde_relative` > 0 gives n per arm; `eligible_units_per_day` and
 * `traffic_fraction` add the days needed; `duration_days` adds the capacity check.
 */
export function experimentFigures(doc: MlsdDoc): ExperimentFigures | undefined {
  const X = 'evaluation.online.experiment';
  if (doc.stated(`${X}.type`) && doc.enumOf(`${X}.type`) !== 'ab') return undefined;
  const p = doc.rate(`${X}.baseline_rate`);
  const mde = doc.rate(`${X}.mde_relative`);
  if (p === undefined || mde === undefined || !(p > 0 && p < 1 && mde > 0)) return undefined;
  const n = abSampleSizePerArm(p, mde);
  const out: ExperimentFigures = { baselineRate: p, mdeRelative: mde, delta: p * mde, n };
  const eligible = doc.quantity(`${X}.eligible_units_per_day`)?.value;
  const traffic = doc.rate(`${X}.traffic_fraction`);
  if (eligible === undefined || traffic === undefined || !(eligible > 0 && traffic > 0)) return out;
  out.eligiblePerDay = eligible;
  out.trafficFraction = traffic;
  out.perArmPerDay = (eligible * traffic) / 2;
  out.daysNeeded = abDaysNeeded(n, eligible, traffic);
  const days = doc.number(`${X}.duration_days`);
  if (days === undefined || !(days > 0)) return out;
  out.durationDays = days;
  out.capacity = out.perArmPerDay * days;
  out.underpowered = n > out.capacity;
  out.trafficNeeded = (2 * n) / (eligible * days);
  out.mdeFeasible = Math.sqrt((16 * (1 - p)) / (p * out.capacity));
  return out;
}

// ------------------------------------------------------------------------------ index memory (F10)

export interface IndexMemoryFigures {
  /** the vectors indexed: `serving.index.vectors` when stated, else `requirements.scale.items` */
  items: number;
  /** where `items` comes from (genai.md §8: an index of chunks is sized by its vectors) */
  countFrom: 'serving.index.vectors' | 'requirements.scale.items';
  dim: number;
  bytesPerDim: number;
  hnsw: boolean;
  /** `diskann`: bytes_per_dim is the in-memory code size, the graph stays on SSD */
  diskann: boolean;
  /** HNSW M: `serving.index.m`, else the default */
  m: number;
  /** true when `serving.index.m` is stated */
  mStated: boolean;
  vectors: number;
  links: number;
  /** vectors + links, bytes */
  required: number;
  /** `serving.index.memory` when stated, valid and ≥ 0 */
  memory?: number;
}

/**
 * Index memory: `serving.index.vectors` (genai.md §8, when stated) else `requirements.scale.items` × `serving.index.dim` × `bytes_per_dim` (+ 2·M·4 B/item for hnsw,
 * M = `serving.index.m` or `defaultM`; `diskann` counts the in-memory codes only).
 */
export function indexMemory(doc: MlsdDoc, defaultM = DEFAULT_HNSW_M): IndexMemoryFigures | undefined {
  const dim = doc.number('serving.index.dim');
  const bytesPerDim = doc.number('serving.index.bytes_per_dim');
  const statedVectors = doc.quantity('serving.index.vectors')?.value;
  const fromVectors = statedVectors !== undefined && statedVectors > 0;
  const items = fromVectors ? statedVectors : doc.quantity('requirements.scale.items')?.value;
  if (dim === undefined || bytesPerDim === undefined || items === undefined) return undefined;
  if (!(dim > 0 && bytesPerDim > 0 && items > 0)) return undefined;
  const type = doc.enumOf('serving.index.type');
  const hnsw = type === 'hnsw';
  const statedM = doc.number('serving.index.m');
  const mStated = statedM !== undefined && statedM > 0;
  const m = mStated ? statedM : defaultM;
  const b = indexBytes(items, dim, bytesPerDim, hnsw ? m : undefined);
  const memory = doc.quantity('serving.index.memory')?.value;
  return {
    items,
    countFrom: fromVectors ? 'serving.index.vectors' : 'requirements.scale.items',
    dim,
    bytesPerDim,
    hnsw,
    diskann: type === 'diskann',
    m,
    mStated,
    vectors: b.vectors,
    links: b.links,
    required: b.total,
    memory: memory !== undefined && memory >= 0 ? memory : undefined,
  };
}

// ------------------------------------------------------------------------------ downtime (F14)

export interface DowntimeFigures {
  availability: number;
  hoursPerYear: number;
  minutesPerMonth: number;
}

export function downtime(doc: MlsdDoc): DowntimeFigures | undefined {
  const a = doc.rate('requirements.performance.availability');
  if (a === undefined || !(a > 0)) return undefined;
  const h = downtimeHoursPerYear(a);
  return { availability: a, hoursPerYear: h, minutesPerMonth: (1 - a) * 30 * 24 * 60 };
}

// ------------------------------------------------------------------------------ label coverage (F12)

export interface SourceRate {
  id: string;
  perDay: number;
  node: MNode;
}

export interface LabelCoverage {
  /** annotation sources with a per-day volume */
  labels: SourceRate[];
  labelsPerDay: number;
  /** the largest content/items source with a per-day volume */
  items: SourceRate;
  coverage: number;
}

/** Per-day volume of a `data.sources[]` entry (`volume: 5B/day`), when stated with a time unit. */
export function sourcePerDay(doc: MlsdDoc, source: MNode): number | undefined {
  const v = child(source, 'volume');
  if (v?.kind !== 'scalar' || !doc.isStated(v)) return undefined;
  return perDay(parseQuantity(v.value));
}

/**
 * F12: human labels per day (sources of kind `annotations`) over items per day (the largest source of
 * kind `content` or `items`), from `volume` with a time unit (`10k/day`, `500M/day`).
 */
export function labelCoverage(doc: MlsdDoc): LabelCoverage | undefined {
  const labels: SourceRate[] = [];
  let items: SourceRate | undefined;
  doc.entries('data.sources').forEach((s, i) => {
    const kind = doc.enumValueOf(child(s, 'kind'));
    if (kind !== 'annotations' && kind !== 'content' && kind !== 'items') return;
    const pd = sourcePerDay(doc, s);
    if (pd === undefined || !(pd > 0)) return;
    const r: SourceRate = { id: doc.textOf(child(s, 'id')) ?? `source ${i + 1}`, perDay: pd, node: s };
    if (kind === 'annotations') labels.push(r);
    else if (!items || pd > items.perDay) items = r;
  });
  if (!labels.length || !items) return undefined;
  const labelsPerDay = labels.reduce((a, l) => a + l.perDay, 0);
  return { labels, labelsPerDay, items, coverage: labelsPerDay / items.perDay };
}

/** q = p / (p + (1 − p) / w): the calibrated probability of a model trained with a share w of the negatives. */
export function recalibrate(p: number, w: number): number {
  return p / (p + (1 - p) / w);
}

// --- v1.1 MLSD409 (group rN) ---

/**
 * Φ⁻¹(p), the standard normal quantile (Acklam's rational approximation, relative error < 1.2e-9):
 * 0.95 → 1.645. Undefined outside (0, 1).
 */
export function normalQuantile(p: number): number | undefined {
  if (!(p > 0 && p < 1)) return undefined;
  const a = [
    -39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716, 2.506628277459239,
  ];
  const b = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
  const c = [
    -0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968,
    2.938163982698783,
  ];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const lo = 0.02425;
  if (p < lo) {
    const q = Math.sqrt(-2 * Math.log(p));
    return (
      (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
      ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1)
    );
  }
  if (p > 1 - lo) {
    const q = Math.sqrt(-2 * Math.log(1 - p));
    return (
      -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
      ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1)
    );
  }
  const q = p - 0.5;
  const r = q * q;
  return (
    ((((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q) /
    (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1)
  );
}
