/**
 * Generative serving figures (genai-domain.md §4, genai.md §4 "Definitions the rules use" and MLSD650–654).
 *
 * Two layers:
 * - pure functions: numbers in, figures out. Bytes are decimal bytes (format with `formatBytes`), times
 *   are milliseconds unless the name says seconds, rates are per second. Nothing is rounded here: round
 *   when printing. A result that rests on a default or an estimate lists it in `assumed` (plain English,
 *   ready for a message: "precision not stated: bf16 assumed").
 * - `genaiServing(doc)`: reads the keys of genai.md §3 (steps 1, 4, 6) by path and applies the pure
 *   functions, keeping the nodes each figure comes from (for ranges, inlay hints and hover).
 */
import type { MNode } from './parse';

/** Option defaults (genai.md §11); callers pass the configured value. */
export const DEFAULT_STREAMING_OUTPUT_TOKENS = 100;
export const DEFAULT_GPU_MEMORY_UTILIZATION = 0.9;
export const DEFAULT_HOURS_PER_MONTH = 720;
/** KV heads × head dimension the estimate assumes (genai-domain.md §4.3: 8 heads of 128). */
export const ESTIMATE_KV_WIDTH = 1024;

// ------------------------------------------------------------------------------ precision (§2.3)

export type Precision = 'fp32' | 'bf16' | 'fp16' | 'fp8' | 'int8' | 'int4';

const PRECISION_BYTES: Record<Precision, number> = { fp32: 4, bf16: 2, fp16: 2, fp8: 1, int8: 1, int4: 0.5 };
const PRECISION_ALIASES: Record<string, Precision> = {
  float32: 'fp32',
  bfloat16: 'bf16',
  float16: 'fp16',
  half: 'fp16',
  e4m3: 'fp8',
  e5m2: 'fp8',
  nf4: 'int4',
  awq: 'int4',
  gptq: 'int4',
  q4: 'int4',
};

/** The canonical precision of a written value (aliases of genai.md §2.3 accepted); undefined when unknown. */
export function precisionOf(text: string | undefined): Precision | undefined {
  if (text === undefined) return undefined;
  const t = text.trim().toLowerCase();
  if (t in PRECISION_BYTES) return t as Precision;
  return PRECISION_ALIASES[t];
}

/** Bytes per value: fp32 4, bf16/fp16 2, fp8/int8 1, int4 0.5. */
export function bytesPerValue(p: Precision): number {
  return PRECISION_BYTES[p];
}

// ------------------------------------------------------------------------------ memory (§4.1–4.4)

export interface Figure {
  /** defaults and estimates the figure rests on, in words; empty when every input was stated */
  assumed: string[];
}

export interface WeightsFigure extends Figure {
  parameters: number;
  precision: Precision;
  /** true when precision was not given and bf16 was assumed */
  precisionAssumed: boolean;
  /** W = parameters × bytes(precision), bytes */
  bytes: number;
}

/** §4.1 / MLSD650: W = P × bytes(precision), precision default bf16 ("precision not stated: bf16 assumed"). */
export function weightsMemory(parameters: number, precision?: Precision): WeightsFigure {
  const p = precision ?? 'bf16';
  return {
    parameters,
    precision: p,
    precisionAssumed: precision === undefined,
    bytes: parameters * bytesPerValue(p),
    assumed: precision === undefined ? ['precision not stated: bf16 assumed'] : [],
  };
}

/** §4.3: L_est = round(19 × (P / 1e9)^(1/3)): 3B → 27, 8B → 38, 70B → 78, 405B → 141. */
export function estimatedLayers(parameters: number): number {
  return Math.round(19 * Math.cbrt(parameters / 1e9));
}

export interface ModelShape {
  parameters?: number;
  layers?: number;
  kvHeads?: number;
  headDim?: number;
}

export interface KvPerTokenFigure extends Figure {
  /** bytes of keys and values per token, all layers */
  bytes: number;
  /** true when layers, kv_heads and head_dim were not all stated and the shape was estimated from parameters */
  estimated: boolean;
  layers: number;
  kvHeads: number;
  headDim: number;
  /** bytes per cached value (`serving.gpu.kv_cache.precision`, default 2) */
  kvBytes: number;
}

/**
 * §4.2–4.3 / MLSD651: KV bytes per token. Exact when layers, kv_heads and head_dim are all given:
 * 2 × L × H_kv × d_h × b. Otherwise estimated from the parameter count: 2 × 1,024 × L_est × b (8 KV heads of
 * 128, Llama 3 layer count), with the assumption "model shape estimated from 8B parameters (…)". Undefined
 * when the shape is incomplete and parameters are unknown. `kvBytes` defaults to 2 (the format's fp16 cache
 * default, not listed as an assumption).
 */
export function kvBytesPerToken(shape: ModelShape, kvBytes?: number): KvPerTokenFigure | undefined {
  const b = kvBytes ?? 2;
  const { layers, kvHeads, headDim, parameters } = shape;
  if (layers !== undefined && kvHeads !== undefined && headDim !== undefined)
    return {
      bytes: 2 * layers * kvHeads * headDim * b,
      estimated: false,
      layers,
      kvHeads,
      headDim,
      kvBytes: b,
      assumed: [],
    };
  if (parameters === undefined || !(parameters > 0)) return undefined;
  const L = estimatedLayers(parameters);
  return {
    bytes: 2 * ESTIMATE_KV_WIDTH * L * b,
    estimated: true,
    layers: L,
    kvHeads: 8,
    headDim: 128,
    kvBytes: b,
    assumed: [`model shape estimated from ${fmtParams(parameters)} parameters (${L} layers, 8 KV heads of 128)`],
  };
}

/** Parameters as written in messages: 8B, 70B, 3.5B, 350M. */
export function fmtParams(p: number): string {
  if (p >= 1e9) return `${Number((p / 1e9).toPrecision(3))}B`;
  if (p >= 1e6) return `${Number((p / 1e6).toPrecision(3))}M`;
  return String(p);
}

/** §4.2: KV cache of one sequence of S tokens and of B sequences, bytes. */
export function kvCache(perToken: number, tokens: number, sequences = 1): { perSequence: number; total: number } {
  const perSequence = perToken * tokens;
  return { perSequence, total: perSequence * sequences };
}

/** §4.4: usable memory u × M (M = memory per accelerator × accelerators per replica). */
export function usableMemory(replicaMemory: number, utilization = DEFAULT_GPU_MEMORY_UTILIZATION): number {
  return replicaMemory * utilization;
}

export interface ReplicaFit {
  weights: number;
  kvPerToken: number;
  tokens: number;
  sequences: number;
  /** KV_token × S × B */
  kv: number;
  /** W + KV */
  total: number;
  replicaMemory: number;
  utilization: number;
  /** u × M */
  usable: number;
  /** MLSD650: W > M */
  weightsExceed: boolean;
  /** MLSD651 trigger: total > u × M */
  exceeds: boolean;
  /** floor((u × M − W) / (KV_token × S)), 0 when the weights alone fill the usable memory */
  maxSequences: number;
}

/** §4.4 / MLSD650–651: what fits in a replica of `replicaMemory` bytes. */
export function replicaFit(o: {
  weights: number;
  kvPerToken: number;
  tokens: number;
  sequences?: number;
  replicaMemory: number;
  utilization?: number;
}): ReplicaFit {
  const sequences = o.sequences ?? 1;
  const utilization = o.utilization ?? DEFAULT_GPU_MEMORY_UTILIZATION;
  const usable = usableMemory(o.replicaMemory, utilization);
  const kv = o.kvPerToken * o.tokens * sequences;
  const total = o.weights + kv;
  const perSeq = o.kvPerToken * o.tokens;
  const maxSequences = perSeq > 0 ? Math.max(0, Math.floor((usable - o.weights) / perSeq)) : 0;
  return {
    weights: o.weights,
    kvPerToken: o.kvPerToken,
    tokens: o.tokens,
    sequences,
    kv,
    total,
    replicaMemory: o.replicaMemory,
    utilization,
    usable,
    weightsExceed: o.weights > o.replicaMemory,
    exceeds: total > usable,
    maxSequences,
  };
}

/** MLSD650 fix: accelerators per replica needed for the weights alone, ceil(W / memory). */
export function acceleratorsForWeights(weights: number, memoryPerAccelerator: number): number {
  return Math.ceil(weights / memoryPerAccelerator);
}

// ------------------------------------------------------------------------------ speed (§4.5–4.7)

export interface DecodeFigure {
  /** ms per decode step */
  stepMs: number;
  /** tokens/s of one stream = 1000 / stepMs */
  tokensPerSecondPerStream: number;
  /** tokens/s of the replica = sequences × per stream */
  tokensPerSecondPerReplica: number;
}

/**
 * §4.5: memory-bound decode step t ≈ (W + B × KV_token × S_avg) / (TP × BW × η). With the defaults
 * (B = 1, no KV, η = 1) it is the lower bound on TPOT: 8B bf16 on one H100 (3.35e12 B/s) ≥ 4.78 ms.
 * `bandwidth` is bytes/s per accelerator.
 */
export function decodeStep(o: {
  weights: number;
  bandwidth: number;
  accelerators?: number;
  sequences?: number;
  kvPerToken?: number;
  avgTokens?: number;
  efficiency?: number;
}): DecodeFigure {
  const B = o.sequences ?? 1;
  const read = o.weights + B * (o.kvPerToken ?? 0) * (o.avgTokens ?? 0);
  const stepMs = (read / ((o.accelerators ?? 1) * o.bandwidth * (o.efficiency ?? 1))) * 1000;
  const perStream = 1000 / stepMs;
  return { stepMs, tokensPerSecondPerStream: perStream, tokensPerSecondPerReplica: perStream * B };
}

/**
 * §4.6: prefill time in ms ≈ 2 × P_active × N_in / (TP × peak FLOPS × MFU). 70B, 4,000 tokens, four H100 at
 * 50% of 989 TFLOPS ≈ 283 ms. `flops` is dense FLOP/s per accelerator.
 */
export function prefillMs(o: {
  activeParameters: number;
  inputTokens: number;
  flops: number;
  accelerators?: number;
  mfu?: number;
}): number {
  return ((2 * o.activeParameters * o.inputTokens) / ((o.accelerators ?? 1) * o.flops * (o.mfu ?? 0.5))) * 1000;
}

/** §4.7: E2E = TTFT + (N_out − 1) × TPOT (ms). 1.5 s + 299 × 40 ms = 13.5 s. */
export function endToEndMs(ttftMs: number, tpotMs: number, outputTokens: number): number {
  return ttftMs + Math.max(0, outputTokens - 1) * tpotMs;
}

/** §4.7: TPOT = (E2E − TTFT) / (N_out − 1) (ms); undefined for a single-token output. */
export function tpotFromMs(e2eMs: number, ttftMs: number, outputTokens: number): number | undefined {
  return outputTokens > 1 ? (e2eMs - ttftMs) / (outputTokens - 1) : undefined;
}

export interface PathTerm {
  label: string;
  ms: number;
  node?: MNode;
}

/** MLSD653 / §4.6: the TTFT path, Σ of its terms (ms). */
export function ttftPathMs(terms: readonly PathTerm[]): number {
  return terms.reduce((s, t) => s + t.ms, 0);
}

// ------------------------------------------------------------------------------ capacity (§4.8)

/** MLSD652: replicas R = floor(count / per_replica). */
export function replicaCount(count: number, perReplica = 1): number {
  return Math.floor(count / perReplica);
}

export interface TokenCapacity {
  /** QPS × output tokens, tokens/s */
  need: number;
  /** R × tokens/s per replica */
  capacity: number;
  exceeds: boolean;
  /** ceil(need / per replica) */
  replicasNeeded: number;
  /** replicasNeeded × per_replica, before headroom */
  acceleratorsNeeded: number;
}

/** §4.8 / MLSD652 (a): output tokens/s needed at peak against the replicas' throughput. */
export function tokenCapacity(o: {
  qps: number;
  outputTokens: number;
  replicas: number;
  tokensPerSecondPerReplica: number;
  perReplica?: number;
}): TokenCapacity {
  const need = o.qps * o.outputTokens;
  const capacity = o.replicas * o.tokensPerSecondPerReplica;
  const replicasNeeded = Math.ceil(need / o.tokensPerSecondPerReplica);
  return {
    need,
    capacity,
    exceeds: need > capacity,
    replicasNeeded,
    acceleratorsNeeded: replicasNeeded * (o.perReplica ?? 1),
  };
}

export interface Concurrency {
  /** QPS × E (s), Little's law */
  inFlight: number;
  /** R × max_batch */
  slots: number;
  exceeds: boolean;
}

/** §4.8 / MLSD652 (c): requests in flight at peak (QPS × latency in s) against replicas × max_batch. */
export function concurrency(qps: number, latencyMs: number, replicas: number, maxBatch: number): Concurrency {
  const inFlight = qps * (latencyMs / 1000);
  const slots = replicas * maxBatch;
  return { inFlight, slots, exceeds: inFlight > slots };
}

// ------------------------------------------------------------------------------ cost (§4.9–4.10)

/** §4.9: API cost per request = (N_in × p_in + N_out × p_out) / 1e6 (prices per million tokens). */
export function apiCostPerRequest(
  inputTokens: number,
  pricePer1mIn: number,
  outputTokens: number,
  pricePer1mOut: number,
) {
  return (inputTokens * pricePer1mIn + outputTokens * pricePer1mOut) / 1e6;
}

/** §4.10 / MLSD654 fleet form: accelerators × price per hour × hours_per_month (720). */
export function fleetMonthlyCost(accelerators: number, pricePerHour: number, hoursPerMonth = DEFAULT_HOURS_PER_MONTH) {
  return accelerators * pricePerHour * hoursPerMonth;
}

/** §4.10: per request ≈ price per hour × TP / (3,600 × R requests/s × utilization). */
export function selfHostedCostPerRequest(o: {
  pricePerHour: number;
  perReplica?: number;
  requestsPerSecondPerReplica: number;
  utilization?: number;
}): number {
  return (o.pricePerHour * (o.perReplica ?? 1)) / (3600 * o.requestsPerSecondPerReplica * (o.utilization ?? 1));
}

// ------------------------------------------------------------------------------ media (§4.11–4.12)

/**
 * §4.11: diffusion latency (ms) ≈ steps × t_denoiser × g + VAE decode + upsampling + safety check, with
 * g = 2 when classifier-free guidance runs unbatched conditional and unconditional passes.
 */
export function diffusionLatencyMs(o: {
  steps: number;
  denoiserMs: number;
  guidancePasses?: number;
  vaeMs?: number;
  upsampleMs?: number;
  safetyMs?: number;
}): number {
  return o.steps * o.denoiserMs * (o.guidancePasses ?? 1) + (o.vaeMs ?? 0) + (o.upsampleMs ?? 0) + (o.safetyMs ?? 0);
}

/** §4.11: requests/s per replica = batch / latency. */
export function diffusionThroughput(batch: number, latencyMs: number): number {
  return batch / (latencyMs / 1000);
}

/** §4.12: latent of an image: 1024² with an 8× autoencoder and 4 channels → 128 × 128 × 4; tokens with p × p patches. */
export function imageLatent(
  width: number,
  height: number,
  o: { downsample?: number; channels?: number; patch?: number } = {},
) {
  const f = o.downsample ?? 8;
  const w = Math.ceil(width / f);
  const h = Math.ceil(height / f);
  const p = o.patch ?? 2;
  return { width: w, height: h, channels: o.channels ?? 4, tokens: Math.ceil(w / p) * Math.ceil(h / p) };
}

/** §4.12: tokens of a VQ tokenizer at `factor`× (16: 1024² → 4,096). */
export function vqTokens(width: number, height: number, factor = 16): number {
  return Math.ceil(width / factor) * Math.ceil(height / factor);
}

/** §4.12: video latent: 5 s × 24 fps of 1280 × 720, 4× temporal, 8× spatial → 432,000 positions, 108,000 tokens. */
export function videoLatent(o: {
  seconds: number;
  fps: number;
  width: number;
  height: number;
  temporal?: number;
  spatial?: number;
  patch?: number;
}) {
  const frames = Math.round(o.seconds * o.fps);
  const t = Math.ceil(frames / (o.temporal ?? 4));
  const h = Math.ceil(o.height / (o.spatial ?? 8));
  const w = Math.ceil(o.width / (o.spatial ?? 8));
  const p = o.patch ?? 2;
  return { frames, positions: t * h * w, tokens: t * Math.ceil(h / p) * Math.ceil(w / p) };
}

// ------------------------------------------------------------------------------ context and index (§4.13–4.14)

/** §4.13 / MLSD450: Σ of the prompt terms against the context window. */
export function contextBudget(terms: readonly number[], window: number) {
  const total = terms.reduce((s, t) => s + t, 0);
  return { total, window, fits: total <= window };
}

/** §4.14: chunks ≈ corpus tokens / (chunk − overlap); vector bytes = chunks × dims × bytes per dim (+ links). */
export function retrievalIndex(o: {
  corpusTokens: number;
  chunk: number;
  overlap?: number;
  dims: number;
  bytesPerDim?: number;
  linkBytesPerVector?: number;
}) {
  const chunks = o.corpusTokens / (o.chunk - (o.overlap ?? 0));
  const vectors = chunks * o.dims * (o.bytesPerDim ?? 4);
  return { chunks, vectorBytes: vectors, totalBytes: vectors + chunks * (o.linkBytesPerVector ?? 0) };
}

// ------------------------------------------------------------------------------ accelerators (§4.17)

export interface Accelerator {
  name: string;
  /** memory options, bytes (A100: 40 and 80 GB) */
  memory: number[];
  /** bandwidth per memory option, bytes/s */
  bandwidth: number[];
  /** dense bf16 FLOP/s */
  flops: number;
  /** lower-case patterns that name it in `serving.gpu.type` */
  match: RegExp;
}

/** genai-domain.md §4.17, datasheet figures, rounded. */
export const ACCELERATORS: readonly Accelerator[] = [
  { name: 'NVIDIA H100 SXM', memory: [80e9], bandwidth: [3.35e12], flops: 990e12, match: /\bh100\b/ },
  { name: 'NVIDIA H200 SXM', memory: [141e9], bandwidth: [4.8e12], flops: 990e12, match: /\bh200\b/ },
  { name: 'NVIDIA A100 SXM', memory: [40e9, 80e9], bandwidth: [1.6e12, 2.0e12], flops: 312e12, match: /\ba100\b/ },
  { name: 'NVIDIA L40S', memory: [48e9], bandwidth: [0.86e12], flops: 360e12, match: /\bl40s\b/ },
  { name: 'NVIDIA L4', memory: [24e9], bandwidth: [0.3e12], flops: 120e12, match: /\bl4\b/ },
  { name: 'NVIDIA A10', memory: [24e9], bandwidth: [0.6e12], flops: 125e12, match: /\ba10\b/ },
  { name: 'AMD MI300X', memory: [192e9], bandwidth: [5.3e12], flops: 1300e12, match: /\bmi300x\b/ },
];

/**
 * The §4.17 row a `serving.gpu.type` text names (`H100-80GB`, `A100 40GB`, `nvidia l4`), with the memory
 * option it names (A100: 40 GB when the text says 40, else 80 GB). Undefined for unknown accelerators.
 */
export function lookupAccelerator(
  text: string | undefined,
): { accelerator: Accelerator; memory: number; bandwidth: number } | undefined {
  if (!text) return undefined;
  const t = text.toLowerCase().replace(/[_-]/g, ' ');
  const a = ACCELERATORS.find((x) => x.match.test(t));
  if (!a) return undefined;
  let i = a.memory.length - 1;
  a.memory.forEach((m, j) => {
    if (new RegExp(`\\b${m / 1e9}\\s*gb?\\b`).test(t)) i = j;
  });
  return { accelerator: a, memory: a.memory[i], bandwidth: a.bandwidth[i] };
}

// ------------------------------------------------------------------------------ printing (genai.md §6)

/** Bytes in decimal GB with one decimal, thousands separated (genai.md §6): 16.1 GB, 72 GB, 1,120 GB. */
export function formatGB(bytes: number): string {
  return `${(Math.round(bytes / 1e8) / 10).toLocaleString('en-US')} GB`;
}

/** Tokens, requests and bytes per token with thousands separators: 7,096. */
export function formatInt(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

/** A rate or small count: two significant digits below 1 (0.15), one decimal below 100 (20.8), thousands separated above (5,000). */
export function formatFigure(n: number): string {
  if (Math.abs(n) < 1) return String(Number(n.toPrecision(2)));
  return Math.abs(n) < 100 ? (Math.round(n * 10) / 10).toLocaleString('en-US') : formatInt(n);
}

/** A duration as genai.md §6 prints it: ms below 10 s (1,020 ms), else s with one decimal (12.5 s). */
export function formatMs(ms: number): string {
  return ms < 10_000 ? `${formatInt(ms)} ms` : `${(Math.round(ms / 100) / 10).toFixed(1)} s`;
}

/** " (2.4×)" when a / b ≥ 2 (genai.md §6: a comparison shows the ratio when it is at least 2), else "". */
export function ratioNote(a: number, b: number): string {
  if (!(b > 0) || a / b < 2) return '';
  const r = a / b;
  return ` (${r >= 10 ? Math.round(r) : Math.round(r * 10) / 10}×)`;
}
