/** Generative serving figures (engine/genaiFigures.ts, engine/genaiServing.ts), hand-checked against genai-domain.md §4 and genai.md §13–14. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  apiCostPerRequest,
  concurrency,
  contextBudget,
  decodeStep,
  diffusionLatencyMs,
  diffusionThroughput,
  endToEndMs,
  estimatedLayers,
  fleetMonthlyCost,
  formatFigure,
  formatGB,
  formatInt,
  formatMs,
  imageLatent,
  kvBytesPerToken,
  kvCache,
  lookupAccelerator,
  precisionOf,
  prefillMs,
  ratioNote,
  replicaFit,
  retrievalIndex,
  selfHostedCostPerRequest,
  tokenCapacity,
  tpotFromMs,
  videoLatent,
  vqTokens,
  weightsMemory,
} from '../../server/src/engine/genaiFigures';
import { genaiServing, generatorInfo } from '../../server/src/engine/genaiServing';
import { MlsdDoc } from '../../server/src/engine/model';
import { parseText } from '../../server/src/engine/parse';
import { formatBytes, formatMoney } from '../../server/src/engine/values';

const ROOT = path.resolve(__dirname, '../../..');
const fixture = (name: string) =>
  new MlsdDoc(parseText(fs.readFileSync(path.join(ROOT, 'test/fixtures/genai', name), 'utf8')));
const doc = (text: string) => new MlsdDoc(parseText(text));
const close = (a: number | undefined, b: number, eps = 1e-9) =>
  assert.ok(a !== undefined && Math.abs(a - b) <= eps * Math.max(1, Math.abs(b)), `${a} ≉ ${b}`);

test('weights: P × bytes(precision), bf16 assumed when not stated (§4.1, MLSD650)', () => {
  assert.equal(weightsMemory(70e9, 'bf16').bytes, 140e9);
  assert.equal(weightsMemory(70e9, 'fp8').bytes, 70e9);
  assert.equal(weightsMemory(70e9, 'int4').bytes, 35e9);
  const d = weightsMemory(8e9);
  assert.equal(d.bytes, 16e9);
  assert.equal(d.precisionAssumed, true);
  assert.deepEqual(d.assumed, ['precision not stated: bf16 assumed']);
  assert.deepEqual(weightsMemory(8e9, 'fp16').assumed, []);
  assert.equal(precisionOf('bfloat16'), 'bf16');
  assert.equal(precisionOf('NF4'), 'int4');
  assert.equal(precisionOf('e4m3'), 'fp8');
  assert.equal(precisionOf('fp6'), undefined);
});

test('KV per token: exact shape and the §4.2 table', () => {
  const kib = (L: number, h: number, d: number) =>
    kvBytesPerToken({ layers: L, kvHeads: h, headDim: d }, 2)!.bytes / 1024;
  assert.equal(kib(16, 8, 64), 32);
  assert.equal(kib(28, 8, 128), 112);
  assert.equal(kib(32, 8, 128), 128);
  assert.equal(kib(28, 4, 128), 56);
  assert.equal(kib(80, 8, 128), 320);
  assert.equal(kib(126, 8, 128), 504);
  assert.equal(kib(32, 32, 128), 512);
  const exact = kvBytesPerToken({ layers: 80, kvHeads: 8, headDim: 128, parameters: 70e9 }, 2)!;
  assert.equal(exact.estimated, false);
  assert.deepEqual(exact.assumed, []);
  // one 128k-token sequence on Llama 3.1 70B: 40 GiB
  assert.equal(kvCache(exact.bytes, 131_072).perSequence, 40 * 1024 ** 3);
  assert.equal(kvCache(exact.bytes, 1000, 3).total, 3 * 327_680_000);
  // an fp8 cache halves it
  assert.equal(kvBytesPerToken({ layers: 80, kvHeads: 8, headDim: 128 }, 1)!.bytes, 163_840);
});

test('KV estimate from the parameter count (§4.3, MLSD651) says it is an estimate', () => {
  assert.deepEqual([3e9, 8e9, 70e9, 405e9].map(estimatedLayers), [27, 38, 78, 141]);
  const e = kvBytesPerToken({ parameters: 8e9 })!;
  assert.equal(e.estimated, true);
  assert.equal(e.layers, 38);
  assert.equal(e.bytes, 2 * 1024 * 38 * 2);
  assert.deepEqual(e.assumed, ['model shape estimated from 8B parameters (38 layers, 8 KV heads of 128)']);
  // a partial shape is not enough: still estimated
  assert.equal(kvBytesPerToken({ parameters: 70e9, layers: 80 }, 2)!.estimated, true);
  assert.equal(kvBytesPerToken({ layers: 80 }, 2), undefined);
});

test("the issue's example: weights 16.1 GB + KV 17.2 GB for 32 sequences of 4,096 tokens = 33.3 GB of 72 GB usable", () => {
  // 8.05B parameters at bf16 (Llama 3.1 8B has 8.03B: 16.06 GB, total 33.2 GB), 32 layers × 8 KV heads × 128, fp16 cache, one 80 GB GPU
  const w = weightsMemory(8.05e9, 'bf16');
  const kv = kvBytesPerToken({ layers: 32, kvHeads: 8, headDim: 128 }, 2)!;
  const fit = replicaFit({ weights: w.bytes, kvPerToken: kv.bytes, tokens: 4096, sequences: 32, replicaMemory: 80e9 });
  assert.equal(formatBytes(fit.weights), '16.1 GB');
  assert.equal(formatBytes(fit.kv), '17.2 GB');
  assert.equal(formatBytes(fit.total), '33.3 GB');
  assert.equal(formatBytes(fit.usable), '72 GB');
  assert.equal(fit.exceeds, false);
  assert.equal(fit.maxSequences, Math.floor((72e9 - 16.1e9) / (131_072 * 4096)));
  assert.equal(fit.maxSequences, 104);
  // at 128 sequences it no longer fits
  assert.equal(
    replicaFit({ weights: w.bytes, kvPerToken: kv.bytes, tokens: 4096, sequences: 128, replicaMemory: 80e9 }).exceeds,
    true,
  );
  // weights larger than the replica (MLSD650)
  const big = replicaFit({ weights: 140e9, kvPerToken: kv.bytes, tokens: 1, replicaMemory: 80e9 });
  assert.equal(big.weightsExceed, true);
  assert.equal(big.maxSequences, 0);
});

test('decode, prefill and end to end (§4.5–4.7)', () => {
  const one = decodeStep({ weights: 16e9, bandwidth: 3.35e12 });
  close(one.stepMs, 4.776, 1e-3);
  assert.equal(Math.floor(one.tokensPerSecondPerStream), 209);
  const four = decodeStep({ weights: 140e9, bandwidth: 3.35e12, accelerators: 4 });
  close(four.stepMs, 10.45, 1e-3);
  assert.equal(Math.floor(four.tokensPerSecondPerStream), 95);
  const batched = decodeStep({
    weights: 16e9,
    bandwidth: 3.35e12,
    sequences: 10,
    kvPerToken: 131_072,
    avgTokens: 1000,
    efficiency: 0.8,
  });
  close(batched.stepMs, ((16e9 + 10 * 131_072 * 1000) / (3.35e12 * 0.8)) * 1000);
  close(batched.tokensPerSecondPerReplica, batched.tokensPerSecondPerStream * 10);
  close(prefillMs({ activeParameters: 70e9, inputTokens: 4000, flops: 989e12, accelerators: 4 }), 283.1, 1e-3);
  assert.equal(endToEndMs(1500, 40, 300), 13_460);
  assert.equal(tpotFromMs(13_460, 1500, 300), 40);
  assert.equal(tpotFromMs(100, 50, 1), undefined);
});

test('capacity, concurrency and cost (§4.8–4.10)', () => {
  const t = tokenCapacity({ qps: 20, outputTokens: 250, replicas: 2, tokensPerSecondPerReplica: 2000, perReplica: 4 });
  assert.deepEqual(t, { need: 5000, capacity: 4000, exceeds: true, replicasNeeded: 3, acceleratorsNeeded: 12 });
  assert.deepEqual(concurrency(20, 6000, 4, 64), { inFlight: 120, slots: 256, exceeds: false });
  const c = apiCostPerRequest(3000, 3, 400, 15);
  close(c, 0.015);
  close(c * 600_000 * 30, 270_000);
  assert.equal(fleetMonthlyCost(16, 2.5), 28_800);
  assert.equal(fleetMonthlyCost(16, 2.5, 730), 29_200);
  close(
    selfHostedCostPerRequest({ pricePerHour: 3.6, perReplica: 2, requestsPerSecondPerReplica: 1, utilization: 0.5 }),
    0.004,
  );
});

test('diffusion, latents, context budget and retrieval index (§4.11–4.14)', () => {
  assert.equal(diffusionLatencyMs({ steps: 25, denoiserMs: 100, guidancePasses: 2, vaeMs: 300, safetyMs: 100 }), 5400);
  assert.equal(diffusionThroughput(2, 8000), 0.25);
  assert.deepEqual(imageLatent(1024, 1024), { width: 128, height: 128, channels: 4, tokens: 4096 });
  assert.equal(vqTokens(1024, 1024), 4096);
  assert.equal(vqTokens(2048, 2048), 16_384);
  assert.deepEqual(videoLatent({ seconds: 5, fps: 24, width: 1280, height: 720 }), {
    frames: 120,
    positions: 432_000,
    tokens: 108_000,
  });
  assert.deepEqual(contextBudget([2000, 8 * 1024, 1024], 8192), { total: 11_216, window: 8192, fits: false });
  const idx = retrievalIndex({ corpusTokens: 6e9, chunk: 512, overlap: 64, dims: 1024 });
  close(idx.chunks / 1e6, 13.39, 1e-3);
  assert.equal(formatBytes(idx.vectorBytes), '54.9 GB');
  assert.equal(
    formatBytes(retrievalIndex({ corpusTokens: 6e9, chunk: 512, overlap: 64, dims: 1024, bytesPerDim: 1 }).vectorBytes),
    '13.7 GB',
  );
});

test('accelerators table (§4.17)', () => {
  const h = lookupAccelerator('H100-80GB')!;
  assert.equal(h.accelerator.name, 'NVIDIA H100 SXM');
  assert.equal(h.bandwidth, 3.35e12);
  assert.equal(lookupAccelerator('A100-40GB')!.memory, 40e9);
  assert.equal(lookupAccelerator('A100-40GB')!.bandwidth, 1.6e12);
  assert.equal(lookupAccelerator('a100')!.memory, 80e9);
  assert.equal(lookupAccelerator('L4')!.accelerator.name, 'NVIDIA L4');
  assert.equal(lookupAccelerator('nvidia L40S')!.accelerator.name, 'NVIDIA L40S');
  assert.equal(lookupAccelerator('TPU v5e'), undefined);
});

test('the RAG example of genai.md §13: the figures it lists', () => {
  const d = fixture('rag.mlsd.yaml');
  assert.equal(generatorInfo(d)?.id, 'llm');
  const f = genaiServing(d);
  const m = f.memory!;
  assert.equal(m.weights.bytes, 70e9);
  assert.equal(m.replicaMemory, 320e9);
  assert.equal(m.requestLength, 7096);
  assert.equal(m.tokens, 7096);
  assert.equal(m.kvPerToken!.bytes, 163_840);
  assert.equal(m.kvPerToken!.estimated, false);
  const fit = m.fit!;
  assert.equal(fit.sequences, 64);
  assert.equal(formatBytes(fit.kv), '74.4 GB');
  assert.equal(formatBytes(fit.total), '144 GB');
  close(fit.total, 144.406e9, 1e-4);
  assert.equal(fit.usable, 288e9);
  assert.equal(fit.exceeds, false);
  assert.equal(fit.maxSequences, 187);
  const c = f.capacity!;
  assert.equal(c.qps, 20);
  assert.equal(c.replicas, 4);
  assert.deepEqual([c.tokens!.need, c.tokens!.capacity, c.tokens!.exceeds], [5000, 8000, false]);
  assert.deepEqual([c.concurrency!.inFlight, c.concurrency!.slots, c.concurrency!.exceeds], [120, 256, false]);
  const t = f.ttft!;
  assert.deepEqual(
    t.terms.map((x) => [x.label, x.ms]),
    [
      ['retrieval', 120],
      ['rerank', 150],
      ['generation TTFT', 700],
      ['network', 50],
    ],
  );
  assert.equal(t.path, 1020);
  assert.equal(t.budget!.value, 1500);
  assert.equal(t.budget!.percentile, 'p95');
  assert.equal(t.exceeds, false);
  const cost = f.cost!;
  assert.equal(cost.source, 'fleet');
  assert.equal(cost.monthly, 28_800);
  assert.equal(cost.requestsPerMonth, 18e6);
  close(cost.perRequest, 0.0016);
  assert.equal(cost.exceedsMonthly, false);
  assert.equal(formatMoney(cost.monthly!, cost.money), '$28,800');
});

test('the text-to-image example of genai.md §14: the figures it lists', () => {
  const d = fixture('text-to-image.mlsd.yaml');
  assert.equal(generatorInfo(d)?.id, 'base');
  const f = genaiServing(d);
  assert.equal(f.memory!.weights.bytes, 7e9);
  assert.equal(f.memory!.fit, undefined); // no token counts: no KV figure
  const c = f.capacity!;
  assert.equal(c.qps, 14);
  assert.equal(c.replicas, 100);
  close(c.requests!.capacity, 15);
  assert.equal(c.requests!.exceeds, false);
  assert.deepEqual([c.concurrency!.inFlight, c.concurrency!.slots], [98, 200]);
  assert.equal(c.tokens, undefined);
  assert.equal(f.ttft, undefined); // no text generator stage
  close(f.cost!.monthly, 172_800);
  assert.equal(f.cost!.exceedsMonthly, false);
});

test('doc reading: estimates, defaults, api generators and budgets', () => {
  const base = `mlsd: 1
framing: {task_type: text-generation}
requirements:
  scale: {requests_per_day: 100k, input_tokens: 3k, output_tokens: 400}
  budget: {monthly: $10k, per_request: €0.01}
model:
  candidates:
    - {id: m, provider: PROVIDER, parameters: 8B, context_window: 8k}
  selected: m
serving:
  gpu: {memory: 24GB, max_batch: 16}
  cost: {price_per_1m_input_tokens: $3, price_per_1m_output_tokens: $15}
  cache: {kind: [semantic], hit_rate: 0.2}
`;
  const self = genaiServing(doc(base.replace('PROVIDER', 'self-hosted')));
  const m = self.memory!;
  assert.equal(m.weights.precisionAssumed, true);
  assert.equal(m.tokens, 8000);
  assert.equal(m.kvPerToken!.estimated, true);
  assert.equal(m.fit!.kv, 155_648 * 8000 * 16);
  assert.equal(m.fit!.exceeds, true);
  assert.equal(m.fit!.maxSequences, Math.floor((21.6e9 - 16e9) / (155_648 * 8000)));
  assert.ok(m.kvPerToken!.assumed.some((a) => a.startsWith('model shape estimated from 8B parameters')));
  const api = genaiServing(doc(base.replace('PROVIDER', 'api')));
  assert.equal(api.memory, undefined);
  const cost = api.cost!;
  assert.equal(cost.source, 'tokens');
  close(cost.perRequest, 0.015);
  assert.equal(cost.hitRate, 0.2);
  close(cost.monthly, 0.015 * 3e6 * 0.8);
  assert.equal(cost.exceedsMonthly, true);
  assert.equal(cost.exceedsPerRequest, undefined); // € budget against $ prices: not compared
});

test('printing as genai.md §6 asks: GB with one decimal, ms below 10 s, separators, the ratio from 2×', () => {
  assert.deepEqual([144.406e9, 72e9, 16.1e9, 1.12e12].map(formatGB), ['144.4 GB', '72 GB', '16.1 GB', '1,120 GB']);
  assert.deepEqual([1020, 9999, 12_460, 250].map(formatMs), ['1,020 ms', '9,999 ms', '12.5 s', '250 ms']);
  assert.deepEqual([7096, 5000.4].map(formatInt), ['7,096', '5,000']);
  assert.deepEqual([20.83, 0.15, 13.888, 5000].map(formatFigure), ['20.8', '0.15', '13.9', '5,000']);
  assert.equal(ratioNote(270_000, 100_000), ' (2.7×)');
  assert.equal(ratioNote(172_800, 150_000), '');
  assert.equal(ratioNote(5000, 100), ' (50×)');
});
