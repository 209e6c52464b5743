/**
 * The generative serving figures in the editor (genai.md §12, engine/genaiFigureText.ts): inlay hints next
 * to the keys they come from and hover on those keys, pinned on the genai.md §13 and §14 example docs
 * (whose figures the spec lists) and on docs whose estimate rests on an assumption.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { MarkupContent, Range } from 'vscode-languageserver-types';
import { genaiFigurePlaces } from '../../server/src/engine/genaiFigureText';
import { MlsdDoc } from '../../server/src/engine/model';
import { parseText } from '../../server/src/engine/parse';
import { inlayHints } from '../../server/src/features/figures';
import { completion } from '../../server/src/features/completion';
import { hover } from '../../server/src/features/hover';
import { Session } from '../../server/src/session';

const ROOT = path.resolve(__dirname, '../../..');
const ALL: Range = { start: { line: 0, character: 0 }, end: { line: 100_000, character: 0 } };
const read = (name: string) => fs.readFileSync(path.join(ROOT, 'test/fixtures/genai', name), 'utf8');
const analysis = (text: string) => new Session().analysis('file:///t/doc.mlsd.yaml', 1, text);

/** The hints as "trimmed line ⟶ label". */
function hints(text: string): string[] {
  const lines = text.split('\n');
  return inlayHints(analysis(text), ALL).map((h) => `${lines[h.position.line].trim()} ⟶ ${h.label}`);
}

/** The hover text at the first occurrence of `needle` (cursor `offset` characters into it). */
function hoverAt(text: string, needle: string, offset = 1): string {
  const at = text.indexOf(needle);
  assert.ok(at >= 0, needle);
  const before = text.slice(0, at + offset).split('\n');
  const h = hover(analysis(text), { line: before.length - 1, character: before[before.length - 1].length });
  return h ? (h.contents as MarkupContent).value : '';
}

test('genai.md §13 RAG example: every serving figure the spec lists, as inlay hints next to its key', () => {
  const got = hints(read('rag.mlsd.yaml'));
  for (const want of [
    'ttft: {p95: 1.5s} ⟶ TTFT path 1,020 ms of 1,500 ms p95',
    'monthly: $35k ⟶ ≈ $28,800/month of $35,000 · $0.0016/request',
    'context_window: 128k ⟶ request 7,096 of 128,000 tokens',
    'memory: 80GB ⟶ weights 70 GB + KV 74.4 GB for 64 sequences of 7,096 tokens = 144.4 GB of 288 GB usable',
    'count: 16 ⟶ peak 5,000 of 8,000 tokens/s · 120 of 256 in flight',
  ])
    assert.ok(got.includes(want), `missing hint: ${want}\n${got.join('\n')}`);
});

test('genai.md §14 text-to-image example: weights, requests/s, in flight and the fleet cost', () => {
  const got = hints(read('text-to-image.mlsd.yaml'));
  const gpu = 'gpu: {type: H100-80GB, memory: 80GB, count: 100, max_batch: 2, throughput: {requests_per_s: 0.15}}';
  for (const want of [
    'budget: {monthly: $200k} ⟶ ≈ $172,800/month of $200,000 · $0.0096/request',
    `${gpu} ⟶ weights 7 GB of 80 GB per replica`,
    `${gpu} ⟶ peak 14 of 15 requests/s · 98 of 200 in flight`,
  ])
    assert.ok(got.includes(want), `missing hint: ${want}\n${got.join('\n')}`);
  assert.ok(!got.some((h) => h.includes('TTFT')), 'no text generator: no TTFT path');
});

const est = (candidate: string, gpu: string) =>
  `mlsd: 1\ntitle: t\nframing:\n  task_type: text-generation\nmodel:\n  candidates:\n    - {id: llm, ${candidate}}\n  selected: llm\nserving:\n  mode: online\n  gpu: {${gpu}}\n`;

test("the issue's replica, exact and estimated: the hint says when the model shape is assumed", () => {
  const exact = est(
    'provider: self-hosted, parameters: 8.05B, precision: bf16, context_window: 4096, layers: 32, kv_heads: 8, head_dim: 128',
    'memory: 80GB, max_batch: 32',
  );
  assert.deepEqual(
    hints(exact).filter((h) => h.startsWith('gpu:')),
    [
      'gpu: {memory: 80GB, max_batch: 32} ⟶ weights 16.1 GB + KV 17.2 GB for 32 sequences of 4,096 tokens = 33.3 GB of 72 GB usable',
    ],
  );
  // 8B, no precision, no shape: bf16 assumed; 2 × 1,024 × 38 layers × 2 B = 155,648 B/token × 4,096 × 32 = 20.4 GB
  const guessed = est('parameters: 8B, context_window: 4096', 'memory: 80GB, max_batch: 32');
  assert.deepEqual(
    hints(guessed).filter((h) => h.startsWith('gpu:')),
    [
      'gpu: {memory: 80GB, max_batch: 32} ⟶ weights 16 GB + KV 20.4 GB for 32 sequences of 4,096 tokens = 36.4 GB of 72 GB usable (bf16 assumed; KV estimated: model shape not stated)',
    ],
  );
  const tip = hoverAt(guessed, 'memory');
  assert.match(
    tip,
    /2 × 1,024 × 38 layers × 2 B = 155,648 B\/token × 4,096 tokens \(the context window\) × 32 sequences = \*\*20\.4 GB\*\*/,
  );
  assert.match(
    tip,
    /The KV size is an estimate: model shape estimated from 8B parameters \(38 layers, 8 KV heads of 128\)/,
  );
  assert.match(tip, /At most \*\*87\*\* sequences/);
  // weights that do not load, and the same figures shown whether or not a rule fires
  assert.deepEqual(
    hints(est('parameters: 70B', 'memory: 80GB')).filter((h) => h.startsWith('gpu:')),
    ['gpu: {memory: 80GB} ⟶ ⚠ weights 140 GB > 80 GB per replica (bf16 assumed)'],
  );
});

test('hover: the figures on every key they come from, and the accelerator row on serving.gpu.type', () => {
  const rag = read('rag.mlsd.yaml');
  assert.match(
    hoverAt(rag, 'max_batch: 64'),
    /\*\*Memory per replica\*\* \(MLSD650, MLSD651\): weights 70B parameters × 1 B \(fp8\) = \*\*70 GB\*\*; KV cache 2 × 80 layers × 8 KV heads × 128 × 1 B = 163,840 B\/token × 7,096 tokens \(the request length\) × 64 sequences = \*\*74\.4 GB\*\*; total \*\*144\.4 GB\*\* of \*\*288 GB\*\* usable \(90% of 4 × 80 GB = 320 GB\)\. At most \*\*187\*\* sequences/,
  );
  assert.match(hoverAt(rag, 'max_batch: 64'), /in flight \(Little's law\): 20 requests\/s × 6 s = \*\*120\*\*/);
  assert.match(
    hoverAt(rag, 'ttft: 700ms'),
    /retrieval 120 ms \+ rerank 150 ms \+ generation TTFT 700 ms \+ network 50 ms = \*\*1,020 ms\*\*/,
  );
  assert.match(
    hoverAt(rag, 'price_per_gpu_hour'),
    /16 accelerators × \$2\.50\/h × 720 h = \*\*\$28,800\/month\*\*.*within the monthly budget of \$35,000/,
  );
  assert.match(
    hoverAt(rag, 'max_input_tokens'),
    /2,000 prompt \+ 8 × 512 retrieved \+ 1,000 output = \*\*7,096 tokens\*\*, within the context window of 128,000/,
  );
  const gpu = hoverAt(rag, 'H100-80GB', 2);
  assert.match(gpu, /^\*\*NVIDIA H100 SXM\*\* · accelerator/);
  assert.match(gpu, /\| 80 GB \| 3\.35 TB\/s \| ~990 TFLOPS \|/);
  const a100 = hoverAt(rag.replace('type: H100-80GB', 'type: A100-40GB'), 'A100-40GB', 2);
  assert.match(a100, /\| 40 GB \(of 40 GB \/ 80 GB\) \| 1\.6 TB\/s \| ~312 TFLOPS \|/);
  assert.equal(hoverAt(rag.replace('type: H100-80GB', 'type: TPU v5e'), 'TPU v5e', 2).includes('accelerator'), false);
});

test('the figures read the options the rules read (gpu_memory_utilization, hours_per_month)', () => {
  const doc = new MlsdDoc(parseText(read('rag.mlsd.yaml')));
  const labels = (o: object) => genaiFigurePlaces(doc, o).map((p) => p.label);
  assert.ok(
    labels({ gpuMemoryUtilization: 0.5 }).includes(
      'weights 70 GB + KV 74.4 GB for 64 sequences of 7,096 tokens = 144.4 GB of 160 GB usable',
    ),
  );
  assert.ok(labels({ hoursPerMonth: 744 }).includes('≈ $29,760/month of $35,000 · $0.001653/request'));
});

test('completion of serving.gpu.memory offers the memory of the accelerator serving.gpu.type names (§4.17)', () => {
  const at = (type: string) => {
    const text = `mlsd: 1\ntitle: t\nserving:\n  gpu:\n    type: ${type}\n    memory: \n`;
    const a = analysis(text);
    const lines = text.split('\n');
    const items = completion(a, { line: 5, character: lines[5].length }) ?? [];
    return items.map((i) => `${i.label} · ${i.detail}`);
  };
  assert.deepEqual(at('H100-80GB'), ['80GB · memory of NVIDIA H100 SXM']);
  assert.deepEqual(at('A100-40GB'), ['40GB · memory of NVIDIA A100 SXM']);
  assert.deepEqual(at('MI300X'), ['192GB · memory of AMD MI300X']);
  assert.deepEqual(at('TPU v5e'), []);
});
