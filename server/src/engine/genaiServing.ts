/**
 * The generative serving figures of a doc (genai.md §4 definitions, MLSD650–654), read by path from the
 * keys of genai.md §3 and computed with the pure functions of genaiFigures.ts. Each figure keeps the nodes
 * it comes from so rules can range on them and editor features can place hints next to them.
 *
 * Keys are read as written (text, quantity, duration, money) rather than through catalogue types, so the
 * figures do not depend on the field catalogue knowing the v1.1 keys.
 */
import {
  apiCostPerRequest,
  bytesPerValue,
  concurrency,
  DEFAULT_GPU_MEMORY_UTILIZATION,
  DEFAULT_HOURS_PER_MONTH,
  fleetMonthlyCost,
  kvBytesPerToken,
  type KvPerTokenFigure,
  type PathTerm,
  type Precision,
  precisionOf,
  type ReplicaFit,
  replicaCount,
  replicaFit,
  tokenCapacity,
  type TokenCapacity,
  ttftPathMs,
  weightsMemory,
  type WeightsFigure,
  type Concurrency,
} from './genaiFigures';
import {
  candidateById,
  generatorStage as generatorStageRef,
  generatorTaskType,
  peakQps as peakQpsFact,
  percentileBudget,
  requestLength,
  requestsPerMonth,
  textGeneratorStage,
  generator as generatorCandidate,
} from './facts';
import type { MlsdDoc } from './model';
import { child, type MNode, pathOf } from './parse';
import { type Money, parseDuration, parseQuantity } from './values';

export const GENERATIVE_TASK_TYPES = [
  'text-generation',
  'sequence-to-sequence',
  'image-to-text',
  'image-generation',
  'video-generation',
  'super-resolution',
] as const;
export const TEXT_OUTPUT_TASK_TYPES = ['text-generation', 'sequence-to-sequence', 'image-to-text'] as const;

export interface GenaiOptions {
  gpuMemoryUtilization?: number;
  hoursPerMonth?: number;
  defaultPeakFactor?: number;
}

// ------------------------------------------------------------------------------ reading helpers

function scalar(doc: MlsdDoc, n: MNode | undefined): unknown {
  if (n?.kind !== 'scalar' || !doc.isStated(n) || doc.isCut(n)) return undefined;
  return n.value;
}
function qtyOf(doc: MlsdDoc, n: MNode | undefined, bytes = false): number | undefined {
  const q = parseQuantity(scalar(doc, n), { bytes });
  return q && Number.isFinite(q.value) && q.value >= 0 ? q.value : undefined;
}
/** A positive integer (`count`, `per_replica`, `max_batch`, `layers` …). */
function intOf(doc: MlsdDoc, n: MNode | undefined): number | undefined {
  const v = scalar(doc, n);
  return typeof v === 'number' && Number.isInteger(v) && v >= 1 ? v : undefined;
}
/** A duration where a bare number is milliseconds (latency, ttft, tpot, network_latency). */
function msOf(doc: MlsdDoc, n: MNode | undefined): number | undefined {
  return parseDuration(scalar(doc, n), true);
}
/** Money as genai.md §1.1 reads it (engine/values `parseMoney`, with the period suffix the key accepts). */
function moneyOf(doc: MlsdDoc, n: MNode | undefined): Money | undefined {
  return n ? doc.money(pathOf(n)) : undefined;
}
function textOf(doc: MlsdDoc, n: MNode | undefined): string | undefined {
  const v = scalar(doc, n);
  return v === undefined ? undefined : String(v).trim().toLowerCase();
}

export interface Stated<T> {
  value: T;
  node: MNode;
}

/**
 * A latency-shaped requirement (`ttft`, `tpot`, `latency`) at its comparison percentile (genai.md §4): the
 * first of p99, p95, p50 stated, else the bare value (no percentile). Read through facts `percentileBudget`.
 */
export function comparedPercentile(
  doc: MlsdDoc,
  path: string,
): (Stated<number> & { percentile?: 'p99' | 'p95' | 'p50' }) | undefined {
  const b = percentileBudget(doc, path);
  if (!b) return undefined;
  if (b.bare) {
    const v = b.byPercentile.p50;
    return v ? { value: v.ms, node: v.node } : undefined;
  }
  for (const p of ['p99', 'p95', 'p50'] as const) {
    if (!doc.isStated(child(b.node, p))) continue;
    const v = b.byPercentile[p];
    return v ? { value: v.ms, node: v.node, percentile: p } : undefined;
  }
  return undefined;
}

/** MLSD652 (c): the latency's p50, else its first stated value, else the bare value (ms). */
export function typicalLatency(doc: MlsdDoc): Stated<number> | undefined {
  const n = doc.node('requirements.performance.latency');
  if (!n || !doc.isStated(n)) return undefined;
  if (n.kind === 'scalar') {
    const v = msOf(doc, n);
    return v === undefined ? undefined : { value: v, node: n };
  }
  const p50 = child(n, 'p50');
  const pick = doc.isStated(p50) ? p50 : (n.entries ?? []).find((e) => doc.isStated(e));
  const v = msOf(doc, pick);
  return v === undefined || !pick ? undefined : { value: v, node: pick };
}

// ------------------------------------------------------------------------------ generator (§4)

/** The §4 generator (engine/genaiFacts `generator`) with what the serving figures read of it. */
export interface Generator {
  /** the candidate id */
  id: string;
  candidate: MNode;
  /** the generator stage, when there is one */
  stage?: MNode;
  stageIndex?: number;
  /** the generator's task type (genaiFacts `generatorTaskType`) */
  taskType?: string;
  provider?: string;
}

/**
 * §4 "Generator", from engine/genaiFacts (`generator`, `generatorStage`, `generatorTaskType`); undefined
 * when neither the generator stage's `model` nor `model.selected` resolves.
 */
export function generatorInfo(doc: MlsdDoc): Generator | undefined {
  const candidate = generatorCandidate(doc);
  const id = candidate ? doc.textOf(child(candidate, 'id')) : undefined;
  if (!candidate || id === undefined) return undefined;
  const gs = generatorStageRef(doc);
  const byStage = gs ? candidateById(doc, doc.textOf(child(gs.node, 'model'))) : undefined;
  return {
    id,
    candidate,
    stage: byStage === candidate ? gs?.node : undefined,
    stageIndex: byStage === candidate ? gs?.index : undefined,
    taskType: generatorTaskType(doc),
    provider: doc.enumValueOf(child(candidate, 'provider')) ?? textOf(doc, child(candidate, 'provider')),
  };
}

// ------------------------------------------------------------------------------ the figures

export interface MemoryFigures {
  generator: Generator;
  weights: WeightsFigure;
  /** accelerators per replica (default 1) and memory per accelerator, bytes */
  perReplica: number;
  memoryPerAccelerator: number;
  /** M = memory × per_replica */
  replicaMemory: number;
  /** S: min(context_window, S_req) or whichever is stated; undefined when neither */
  tokens?: number;
  /** S_req = max_input_tokens + top_k × chunk size (when the doc retrieves) + max_output_tokens */
  requestLength?: number;
  contextWindow?: number;
  /** KV per token, when the shape or parameter count allows */
  kvPerToken?: KvPerTokenFigure;
  /** W, KV and what fits, when S and KV per token are known */
  fit?: ReplicaFit;
  /** sequences B = max_batch, default 1 */
  sequences: number;
  maxBatchStated: boolean;
  nodes: { parameters: MNode; precision?: MNode; memory: MNode; maxBatch?: MNode; gpu?: MNode };
}

/**
 * MLSD650/651 inputs and figures: W, M, S, B, KV per token and the replica fit. Undefined when there is no
 * generator, it is `provider: api`, or its `parameters` or `serving.gpu.memory` are not stated.
 */
export function memoryFigures(doc: MlsdDoc, opts: GenaiOptions = {}): MemoryFigures | undefined {
  const g = generatorInfo(doc);
  if (!g || g.provider === 'api') return undefined;
  const pNode = child(g.candidate, 'parameters');
  const parameters = qtyOf(doc, pNode);
  const memNode = doc.node('serving.gpu.memory');
  const memory = qtyOf(doc, memNode, true);
  if (parameters === undefined || !(parameters > 0) || memory === undefined || !(memory > 0) || !pNode || !memNode)
    return undefined;
  const precNode = child(g.candidate, 'precision');
  const precision: Precision | undefined = precisionOf(textOf(doc, precNode));
  const weights = weightsMemory(parameters, precision);
  const perReplica = intOf(doc, doc.node('serving.gpu.per_replica')) ?? 1;
  const replicaMemory = memory * perReplica;
  const contextWindow = qtyOf(doc, child(g.candidate, 'context_window'));
  const sReq = requestLength(doc)?.total;
  const tokens =
    contextWindow !== undefined && sReq !== undefined ? Math.min(contextWindow, sReq) : (contextWindow ?? sReq);
  const kvPrec = precisionOf(textOf(doc, doc.node('serving.gpu.kv_cache.precision')));
  const kvPerToken = kvBytesPerToken(
    {
      parameters,
      layers: intOf(doc, child(g.candidate, 'layers')),
      kvHeads: intOf(doc, child(g.candidate, 'kv_heads')),
      headDim: intOf(doc, child(g.candidate, 'head_dim')),
    },
    kvPrec === undefined ? undefined : bytesPerValue(kvPrec),
  );
  const mbNode = doc.node('serving.gpu.max_batch');
  const maxBatch = intOf(doc, mbNode);
  const sequences = maxBatch ?? 1;
  const fit =
    kvPerToken && tokens !== undefined
      ? replicaFit({
          weights: weights.bytes,
          kvPerToken: kvPerToken.bytes,
          tokens,
          sequences,
          replicaMemory,
          utilization: opts.gpuMemoryUtilization ?? DEFAULT_GPU_MEMORY_UTILIZATION,
        })
      : undefined;
  return {
    generator: g,
    weights,
    perReplica,
    memoryPerAccelerator: memory,
    replicaMemory,
    tokens,
    requestLength: sReq,
    contextWindow,
    kvPerToken,
    fit,
    sequences,
    maxBatchStated: maxBatch !== undefined,
    nodes: {
      parameters: pNode,
      precision: precNode,
      memory: memNode,
      maxBatch: maxBatch !== undefined ? mbNode : undefined,
      gpu: doc.node('serving.gpu'),
    },
  };
}

/** §4 "Peak QPS" (engine/genaiFacts `peakQps`), with `default_peak_factor`. */
export function peakQps(doc: MlsdDoc, defaultPeakFactor = 2): number | undefined {
  const q = peakQpsFact(doc, defaultPeakFactor)?.qps;
  return q !== undefined && q > 0 ? q : undefined;
}

/** A per-second capacity (`2k`, `2k/s`, `120/min`; genai.md §1.2), through `MlsdDoc.perSecond`. */
function perSecond(doc: MlsdDoc, path: string): number | undefined {
  const v = doc.perSecond(path);
  return v !== undefined && v >= 0 ? v : undefined;
}

export interface CapacityFigures {
  qps: number;
  count: number;
  perReplica: number;
  replicas: number;
  tokens?: TokenCapacity & { outputTokens: number; tokensPerSecondPerReplica: number };
  requests?: { need: number; capacity: number; requestsPerSecondPerReplica: number; exceeds: boolean };
  concurrency?: Concurrency & { latencyMs: number; maxBatch: number };
  nodes: { count: MNode };
}

/** MLSD652: the capacity figures; undefined when `serving.gpu.count` or peak QPS is unknown. */
export function capacityFigures(doc: MlsdDoc, opts: GenaiOptions = {}): CapacityFigures | undefined {
  const countNode = doc.node('serving.gpu.count');
  const count = intOf(doc, countNode);
  const qps = peakQps(doc, opts.defaultPeakFactor);
  if (count === undefined || qps === undefined || !countNode) return undefined;
  const perReplica = intOf(doc, doc.node('serving.gpu.per_replica')) ?? 1;
  const replicas = replicaCount(count, perReplica);
  const out: CapacityFigures = { qps, count, perReplica, replicas, nodes: { count: countNode } };
  const taskType = generatorTaskType(doc);
  const tps = perSecond(doc, 'serving.gpu.throughput.output_tokens_per_s');
  const outTokens = qtyOf(doc, doc.node('requirements.scale.output_tokens'));
  const textOut = taskType !== undefined && (TEXT_OUTPUT_TASK_TYPES as readonly string[]).includes(taskType);
  if (textOut && tps !== undefined && tps > 0 && outTokens !== undefined)
    out.tokens = {
      ...tokenCapacity({ qps, outputTokens: outTokens, replicas, tokensPerSecondPerReplica: tps, perReplica }),
      outputTokens: outTokens,
      tokensPerSecondPerReplica: tps,
    };
  const rps = perSecond(doc, 'serving.gpu.throughput.requests_per_s');
  if (rps !== undefined)
    out.requests = {
      need: qps,
      capacity: replicas * rps,
      requestsPerSecondPerReplica: rps,
      exceeds: qps > replicas * rps,
    };
  const maxBatch = intOf(doc, doc.node('serving.gpu.max_batch'));
  const lat = typicalLatency(doc);
  if (maxBatch !== undefined && lat)
    out.concurrency = { ...concurrency(qps, lat.value, replicas, maxBatch), latencyMs: lat.value, maxBatch };
  return out;
}

export interface TtftFigures {
  terms: PathTerm[];
  path: number;
  budget?: Stated<number> & { percentile?: 'p99' | 'p95' | 'p50' };
  exceeds: boolean;
}

/**
 * MLSD653: TTFT path = Σ latency of the stages before the text generator stage + its `ttft` +
 * `serving.network_latency`, over stated terms (an unstated term counts 0 and is not listed). Undefined when
 * there is no text generator stage or no term is stated.
 */
export function ttftFigures(doc: MlsdDoc): TtftFigures | undefined {
  const gs = textGeneratorStage(doc);
  if (!gs) return undefined;
  const stages = doc.entries('model.stages');
  const terms: PathTerm[] = [];
  const name = (st: MNode, i: number) => doc.textOf(child(st, 'id')) ?? `stage ${i + 1}`;
  for (let i = 0; i < gs.index; i++) {
    const n = child(stages[i], 'latency');
    const ms = msOf(doc, n);
    if (ms !== undefined) terms.push({ label: name(stages[i], i), ms, node: n });
  }
  const tNode = child(gs.node, 'ttft');
  const t = msOf(doc, tNode);
  if (t !== undefined) terms.push({ label: `${name(gs.node, gs.index)} TTFT`, ms: t, node: tNode });
  const netNode = doc.node('serving.network_latency');
  const net = msOf(doc, netNode);
  if (net !== undefined) terms.push({ label: 'network', ms: net, node: netNode });
  if (!terms.length) return undefined;
  const path = ttftPathMs(terms);
  const budget = comparedPercentile(doc, 'requirements.performance.ttft');
  return { terms, path, budget, exceeds: budget !== undefined && path > budget.value };
}

export interface CostFigures {
  /** where c comes from */
  source: 'per_request' | 'per_1k_requests' | 'tokens' | 'fleet';
  /** ISO code of the estimate's amounts (undefined: bare numbers) */
  currency?: string;
  /** the price the estimate starts from, as written: print amounts with `formatMoney(x, money)` */
  money: Money;
  /** cost per request, when known */
  perRequest?: number;
  /** monthly spend S, when known */
  monthly?: number;
  requestsPerMonth?: number;
  /** token form */
  inputTokens?: number;
  outputTokens?: number;
  priceIn?: number;
  priceOut?: number;
  /** cache discount applied (token form with an exact or semantic cache) */
  hitRate?: number;
  /** fleet form */
  count?: number;
  pricePerHour?: number;
  hoursPerMonth?: number;
  budgetMonthly?: Stated<Money>;
  budgetPerRequest?: Stated<Money>;
  /** only when both amounts share a currency (or are both bare) */
  exceedsMonthly?: boolean;
  exceedsPerRequest?: boolean;
  node?: MNode;
}

const sameCurrency = (a?: string, b?: string) => a === b;

/** MLSD654's estimate: cost per request and per month from `serving.cost`, in the order the rule states. */
export function costFigures(doc: MlsdDoc, opts: GenaiOptions = {}): CostFigures | undefined {
  const C = 'serving.cost';
  const perMonth = requestsPerMonth(doc);
  const per = moneyOf(doc, doc.node(`${C}.per_request`));
  const per1k = moneyOf(doc, doc.node(`${C}.per_1k_requests`));
  const pin = moneyOf(doc, doc.node(`${C}.price_per_1m_input_tokens`));
  const pout = moneyOf(doc, doc.node(`${C}.price_per_1m_output_tokens`));
  const nIn = qtyOf(doc, doc.node('requirements.scale.input_tokens'));
  const nOut = qtyOf(doc, doc.node('requirements.scale.output_tokens'));
  let out: CostFigures | undefined;
  if (per)
    out = {
      source: 'per_request',
      currency: per.currency,
      money: per,
      perRequest: per.amount,
      node: doc.node(`${C}.per_request`),
    };
  else if (per1k)
    out = {
      source: 'per_1k_requests',
      currency: per1k.currency,
      money: per1k,
      perRequest: per1k.amount / 1000,
      node: doc.node(`${C}.per_1k_requests`),
    };
  else if (pin && pout && nIn !== undefined && nOut !== undefined && sameCurrency(pin.currency, pout.currency)) {
    out = {
      source: 'tokens',
      currency: pin.currency,
      money: pin,
      perRequest: apiCostPerRequest(nIn, pin.amount, nOut, pout.amount),
      inputTokens: nIn,
      outputTokens: nOut,
      priceIn: pin.amount,
      priceOut: pout.amount,
      node: doc.node(`${C}.price_per_1m_input_tokens`),
    };
    const kinds = doc.textList('serving.cache.kind').map((k) => k.trim().toLowerCase());
    const hit = doc.rate('serving.cache.hit_rate');
    if (hit !== undefined && (kinds.includes('exact') || kinds.includes('semantic'))) out.hitRate = hit;
  }
  if (out) {
    out.requestsPerMonth = perMonth;
    if (perMonth !== undefined && out.perRequest !== undefined)
      out.monthly = out.perRequest * perMonth * (1 - (out.hitRate ?? 0));
  } else {
    const count = intOf(doc, doc.node('serving.gpu.count'));
    const gpuHour = moneyOf(doc, doc.node(`${C}.price_per_gpu_hour`));
    if (count === undefined || !gpuHour) return undefined;
    const hours = opts.hoursPerMonth ?? DEFAULT_HOURS_PER_MONTH;
    const monthly = fleetMonthlyCost(count, gpuHour.amount, hours);
    out = {
      source: 'fleet',
      currency: gpuHour.currency,
      money: gpuHour,
      monthly,
      requestsPerMonth: perMonth,
      perRequest: perMonth ? monthly / perMonth : undefined,
      count,
      pricePerHour: gpuHour.amount,
      hoursPerMonth: hours,
      node: doc.node(`${C}.price_per_gpu_hour`),
    };
  }
  const bmNode = doc.node('requirements.budget.monthly');
  const bm = moneyOf(doc, bmNode);
  if (bm && bmNode) {
    out.budgetMonthly = { value: bm, node: bmNode };
    if (out.monthly !== undefined && sameCurrency(bm.currency, out.currency))
      out.exceedsMonthly = out.monthly > bm.amount;
  }
  const bpNode = doc.node('requirements.budget.per_request');
  const bp = moneyOf(doc, bpNode);
  if (bp && bpNode) {
    out.budgetPerRequest = { value: bp, node: bpNode };
    if (out.perRequest !== undefined && sameCurrency(bp.currency, out.currency))
      out.exceedsPerRequest = out.perRequest > bp.amount;
  }
  return out;
}

export interface GenaiServingFigures {
  memory?: MemoryFigures;
  capacity?: CapacityFigures;
  ttft?: TtftFigures;
  cost?: CostFigures;
}

/** All the generative serving figures of a doc; each part is undefined when its inputs are not stated. */
export function genaiServing(doc: MlsdDoc, opts: GenaiOptions = {}): GenaiServingFigures {
  return {
    memory: memoryFigures(doc, opts),
    capacity: capacityFigures(doc, opts),
    ttft: ttftFigures(doc),
    cost: costFigures(doc, opts),
  };
}
