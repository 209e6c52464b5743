/**
 * The generative serving rules (genai.md §7: MLSD650–659): triggers, exemptions, options, and the figures
 * of their messages, hand-checked against genai-domain.md §4 and the genai.md §13–14 examples.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { applyEdits } from '../../server/src/lint/engine';
import { of, run } from '../harness/lint';

const ROOT = path.resolve(__dirname, '../../..');
const IDS = [
  'MLSD650',
  'MLSD651',
  'MLSD652',
  'MLSD653',
  'MLSD654',
  'MLSD655',
  'MLSD656',
  'MLSD657',
  'MLSD658',
  'MLSD659',
];

test('the genai.md §13 and §14 example docs get no finding of MLSD650–659', () => {
  for (const name of ['rag.mlsd.yaml', 'text-to-image.mlsd.yaml']) {
    const doc = fs.readFileSync(path.join(ROOT, 'test/fixtures/genai', name), 'utf8');
    for (const preset of ['recommended', 'strict']) {
      const found = run(doc, undefined, preset).filter((f) => IDS.includes(f.ruleId));
      assert.deepEqual(
        found.map((f) => `${f.ruleId}: ${f.message}`),
        [],
        `${name} under ${preset}`,
      );
    }
  }
});

// --- MLSD650 / MLSD651: memory -------------------------------------------------------------------------

const gen = (candidate: string, gpu: string, extra = '') =>
  `mlsd: 1\ntitle: t\nframing:\n  task_type: text-generation\nmodel:\n  candidates:\n    - {id: llm, ${candidate}}\n  selected: llm\n${extra}serving:\n  mode: online\n  gpu: {${gpu}}\n`;

test('MLSD650: 70B at bf16 (assumed) = 140 GB does not load on one 80 GB accelerator (§4.1)', () => {
  const [f] = of(gen('provider: self-hosted, parameters: 70B', 'memory: 80GB'), 'MLSD650');
  assert.equal(f.message, "`llm` needs 140 GB of weights at bf16, more than one replica's 80 GB");
  assert.match(f.explanation!, /70B parameters at bf16 = 140 GB of weights \(precision not stated: bf16 assumed\)/);
  assert.match(f.explanation!, /`serving\.gpu\.per_replica` to at least 2/);
  assert.match(f.explanation!, /fp8: 70 GB, int4: 35 GB/);
  // ratio shown when ≥ 2: 405B at bf16 = 810 GB on 4 × 80 GB
  const [big] = of(gen('parameters: 405B', 'memory: 80GB, per_replica: 4'), 'MLSD650');
  assert.match(big.message, /810 GB of weights at bf16, more than one replica's 320 GB \(2\.5×\)/);
  assert.match(big.explanation!, /4 × 80 GB = 320 GB/);
  assert.match(big.explanation!, /at least 11 /);
});

test('MLSD650 exemptions: fp8 fits, sharded replicas fit, API models, unknown inputs', () => {
  assert.equal(of(gen('parameters: 70B, precision: fp8', 'memory: 80GB'), 'MLSD650').length, 0, '70 GB ≤ 80 GB');
  assert.equal(of(gen('parameters: 70B', 'memory: 80GB, per_replica: 2'), 'MLSD650').length, 0, '140 ≤ 160 GB');
  assert.equal(of(gen('parameters: 70B, provider: api', 'memory: 80GB'), 'MLSD650').length, 0, 'runs at the vendor');
  assert.equal(of(gen('base_model: llama-3.1-70b', 'memory: 80GB'), 'MLSD650').length, 0, 'no parameters');
  assert.equal(of(gen('parameters: 70B', 'count: 8'), 'MLSD650').length, 0, 'no memory');
});

const shape =
  'provider: self-hosted, parameters: 8.05B, precision: bf16, context_window: 4096, layers: 32, kv_heads: 8, head_dim: 128';

test("MLSD651: the issue's replica (16.1 GB + 17.2 GB for 32 × 4,096 tokens = 33.3 GB of 72 GB) fits; 128 sequences do not", () => {
  assert.equal(of(gen(shape, 'memory: 80GB, max_batch: 32'), 'MLSD651').length, 0);
  const [f] = of(gen(shape, 'memory: 80GB, max_batch: 128'), 'MLSD651');
  // KV: 2 × 32 × 8 × 128 × 2 B = 131,072 B/token × 4,096 × 128 = 68.7 GB; + 16.1 GB = 84.8 GB > 72 GB
  assert.equal(
    f.message,
    'Weights + KV cache for 128 sequences of 4,096 tokens = 84.8 GB, over 90% of 80 GB per replica',
  );
  assert.match(
    f.explanation!,
    /Weights 16\.1 GB \+ KV cache 131,072 B\/token × 4,096 tokens × 128 sequences = 68\.7 GB → 84\.8 GB > 90% of 80 GB \(72 GB\)/,
  );
  // B_max = floor((72e9 − 16.1e9) / (131,072 × 4,096)) = 104
  assert.match(f.explanation!, /At most 104 sequences of 4,096 tokens fit/);
  assert.match(f.explanation!, /`max_batch` ≤ 104/);
  assert.doesNotMatch(f.explanation!, /estimated/);
});

test('MLSD651 reads gpu_memory_utilization, an fp8 KV cache and the request length', () => {
  // at 40% of 80 GB (32 GB) the 33.3 GB of 32 sequences no longer fit
  assert.equal(of(gen(shape, 'memory: 80GB, max_batch: 32'), 'MLSD651', { gpu_memory_utilization: 0.4 }).length, 1);
  // an fp8 cache halves 68.7 GB to 34.4 GB: 16.1 + 34.4 = 50.5 GB ≤ 72 GB
  assert.equal(of(gen(shape, 'memory: 80GB, max_batch: 128, kv_cache: {precision: fp8}'), 'MLSD651').length, 0);
  // S = min(context window, request length): a 1,000-token request keeps 128 sequences at 16.8 GB of KV
  const short = gen(
    shape,
    'memory: 80GB, max_batch: 128',
    '  prompt: {max_input_tokens: 800, max_output_tokens: 200}\n',
  );
  assert.equal(of(short, 'MLSD651').length, 0);
});

test('MLSD651 estimates KV per token from the parameter count and says so (§4.3)', () => {
  const [f] = of(gen('parameters: 8B, context_window: 8k', 'memory: 24GB, max_batch: 16'), 'MLSD651');
  // L_est = round(19 × 8^(1/3)) = 38; 2 × 1,024 × 38 × 2 B = 155,648 B/token × 8,000 × 16 = 19.9 GB; + 16 GB = 35.9 GB > 21.6 GB
  assert.equal(
    f.message,
    'Weights + KV cache for 16 sequences of 8,000 tokens = 35.9 GB, over 90% of 24 GB per replica',
  );
  assert.match(f.explanation!, /155,648 B\/token/);
  assert.match(
    f.explanation!,
    /KV per token estimated for 8B parameters as 38 layers × 8 KV heads × 128; state `layers`, `kv_heads` and `head_dim`/,
  );
  // floor((21.6 − 16) GB / (155,648 × 8,000)) = 4
  assert.match(f.explanation!, /At most 4 sequences/);
});

test('MLSD651 exemptions: image generators, MLSD650 territory, API models, no token count', () => {
  const img = gen('parameters: 8B, context_window: 8k', 'memory: 24GB, max_batch: 16').replace(
    'task_type: text-generation',
    'task_type: image-generation',
  );
  assert.equal(of(img, 'MLSD651').length, 0, 'no KV cache in a diffusion model');
  const huge = gen('parameters: 70B, context_window: 8k', 'memory: 80GB, max_batch: 16');
  assert.equal(of(huge, 'MLSD650').length, 1);
  assert.equal(of(huge, 'MLSD651').length, 0, 'MLSD650 fires instead');
  assert.equal(
    of(gen('provider: api, parameters: 8B, context_window: 8k', 'memory: 24GB, max_batch: 16'), 'MLSD651').length,
    0,
  );
  assert.equal(of(gen('parameters: 8B', 'memory: 24GB, max_batch: 16'), 'MLSD651').length, 0, 'no S');
});

// --- MLSD652: capacity ------------------------------------------------------------------------------

const cap = (scale: string, gpu: string, task = 'text-generation') =>
  `mlsd: 1\ntitle: t\nrequirements:\n  scale: {${scale}}\n  performance: {latency: {p50: 6s, p95: 10s}}\nframing:\n  task_type: ${task}\nserving:\n  mode: online\n  gpu: {${gpu}}\n`;

test('MLSD652 (a) tokens and (c) concurrency with the §13 numbers (§4.8)', () => {
  const ok = cap(
    'qps_peak: 20, output_tokens: 250',
    'count: 16, per_replica: 4, max_batch: 64, throughput: {output_tokens_per_s: 2k}',
  );
  assert.equal(of(ok, 'MLSD652').length, 0, '5,000 ≤ 8,000 tokens/s; 120 ≤ 256 in flight');
  const fs2 = of(ok.replace('count: 16', 'count: 8'), 'MLSD652');
  assert.equal(fs2.length, 1, '5,000 > 4,000 tokens/s; 120 ≤ 128 in flight');
  assert.match(
    fs2[0].explanation!,
    /20 requests\/s × 250 output tokens = 5,000 tokens\/s, but 2 replicas \(8 ÷ 4\) × 2,000 = 4,000 tokens\/s/,
  );
  assert.match(fs2[0].explanation!, /At least 3 replicas \(12 accelerators\)/);
  const c = of(ok.replace('max_batch: 64', 'max_batch: 16'), 'MLSD652');
  assert.equal(c.length, 1);
  assert.match(
    c[0].explanation!,
    /20 requests\/s × 6 s = 120 requests are in flight \(Little's law\), but 4 replicas \(16 ÷ 4\) × max_batch 16 = 64 sequences fit/,
  );
});

test('MLSD652 (b) requests with the §14 numbers, and default_peak_factor', () => {
  // peak 200k × 3 / 86,400 × 2 = 13.9 requests/s against 100 × 0.15 = 15
  const img = cap(
    'dau: 200k, requests_per_user_per_day: 3',
    'count: 100, throughput: {requests_per_s: 0.15}',
    'image-generation',
  );
  assert.equal(of(img, 'MLSD652').length, 0);
  const [f] = of(img, 'MLSD652', { default_peak_factor: 3 });
  // 20.8 requests/s > 15
  assert.equal(f.message, 'Peak 20.8 requests/s, but 100 replicas serve 15 requests/s');
  assert.match(f.explanation!, /At least 139 replicas/);
  // tokens/s are not compared for an image generator
  const tok = cap(
    'qps_peak: 20, output_tokens: 250',
    'count: 1, throughput: {output_tokens_per_s: 10}',
    'image-generation',
  );
  assert.equal(of(tok, 'MLSD652').length, 0);
  // no peak QPS: nothing to compare
  assert.equal(of(cap('output_tokens: 250', 'count: 1, throughput: {requests_per_s: 0.01}'), 'MLSD652').length, 0);
});

// --- MLSD653: TTFT ----------------------------------------------------------------------------------

const ttft = (budget: string, stages: string, net = '  network_latency: 50ms\n') =>
  `mlsd: 1\ntitle: t\nrequirements:\n  performance: {ttft: ${budget}}\nframing:\n  task_type: text-generation\nmodel:\n  stages:\n${stages}serving:\n  mode: online\n${net}`;
const RAG_STAGES =
  '    - {id: retrieval, task_type: retrieval, latency: 120ms}\n    - {id: rerank, task_type: ranking, latency: 150ms}\n    - {id: generation, task_type: text-generation, ttft: 700ms, latency: 8s}\n';

test('MLSD653: the §13 path 120 + 150 + 700 + 50 = 1,020 ms fits 1.5 s and overruns 1 s', () => {
  assert.equal(of(ttft('{p95: 1.5s}', RAG_STAGES), 'MLSD653').length, 0);
  const [f] = of(ttft('{p50: 2s, p95: 1s}', RAG_STAGES), 'MLSD653');
  assert.equal(f.message, 'Time to first token adds up to 1,020 ms, over the p95 ttft budget of 1,000 ms');
  assert.match(
    f.explanation!,
    /retrieval 120 ms \+ rerank 150 ms \+ generation TTFT 700 ms \+ network 50 ms = 1,020 ms > ttft p95 1,000 ms/,
  );
  assert.equal(f.related?.length, 4);
  // p99 is compared first
  assert.equal(of(ttft('{p99: 1s, p95: 1.5s}', RAG_STAGES), 'MLSD653').length, 1);
  assert.equal(of(ttft('{p99: 1.5s, p95: 1s}', RAG_STAGES), 'MLSD653').length, 0);
});

test('MLSD653: stages after the generator are off the path; an unstated generator ttft counts 0 and is said', () => {
  const after = `${RAG_STAGES}    - {id: moderation, task_type: binary-classification, latency: 2s}\n`;
  assert.equal(of(ttft('1.5s', after), 'MLSD653').length, 0);
  const [f] = of(
    ttft(
      '200ms',
      '    - {id: retrieval, task_type: retrieval, latency: 300ms}\n    - {id: gen, task_type: text-generation}\n',
      '',
    ),
    'MLSD653',
  );
  assert.match(f.explanation!, /retrieval 300 ms = 300 ms > ttft 200 ms/);
  assert.match(f.explanation!, /states no `ttft`, counted as 0/);
  // no text generator stage: not this rule
  assert.equal(of(ttft('200ms', '    - {id: gen, task_type: image-generation, latency: 6s}\n'), 'MLSD653').length, 0);
});

// --- MLSD654: cost ----------------------------------------------------------------------------------

const cost = (scale: string, budget: string, serving: string) =>
  `mlsd: 1\ntitle: t\nrequirements:\n  scale: {${scale}}\n  budget: {${budget}}\nframing:\n  task_type: text-generation\nserving:\n  mode: online\n  fallback: cached answers\n${serving}`;
const PRICES = '  cost: {price_per_1m_input_tokens: $3, price_per_1m_output_tokens: $15}\n';

test('MLSD654: the §4.9 example, 600k requests/day × 30 × $0.015 = $270,000/month', () => {
  const scale = 'requests_per_day: 600k, input_tokens: 3k, output_tokens: 400';
  const [f] = of(cost(scale, 'monthly: $100k', PRICES), 'MLSD654');
  assert.equal(f.message, 'Estimated serving cost $270,000/month is over the $100,000 monthly budget (2.7×)');
  assert.match(
    f.explanation!,
    /600,000 requests\/day × 30 × \$0\.015 per request \(3,000 input tokens × \$3\/1M \+ 400 output tokens × \$15\/1M\) = \$270,000\/month/,
  );
  assert.equal(of(cost(scale, 'monthly: $300k', PRICES), 'MLSD654').length, 0);
  // a semantic cache answering 70% of requests: $81,000/month
  const cached = `${PRICES}  cache: {kind: [semantic], hit_rate: 0.7}\n`;
  assert.equal(of(cost(scale, 'monthly: $100k', cached), 'MLSD654').length, 0);
  assert.match(
    of(cost(scale, 'monthly: $80k', cached), 'MLSD654')[0].explanation!,
    /× \(1 − 70% cache hits\) = \$81,000\/month/,
  );
  // a stated all-in per-request cost is not discounted by the cache
  const allIn = '  cost: {per_request: $0.015}\n  cache: {kind: [semantic], hit_rate: 0.7}\n';
  assert.equal(of(cost(scale, 'monthly: $100k', allIn), 'MLSD654').length, 1);
  // per-request budget; a euro budget is never compared with dollar prices
  assert.match(
    of(cost(scale, 'per_request: $0.01', PRICES), 'MLSD654')[0].message,
    /\$0\.015 is over the \$0\.01 per-request budget/,
  );
  assert.equal(of(cost(scale, 'monthly: €100k, per_request: €0.01', PRICES), 'MLSD654').length, 0);
});

test('MLSD654 fleet form reads hours_per_month: 16 × $2.50 × 720 = $28,800', () => {
  const fleet = '  gpu: {count: 16}\n  cost: {price_per_gpu_hour: $2.50}\n';
  const doc = cost('dau: 200k, requests_per_user_per_day: 3', 'monthly: $29k', fleet);
  assert.equal(of(doc, 'MLSD654').length, 0, '$28,800 ≤ $29,000');
  const [f] = of(doc, 'MLSD654', { hours_per_month: 744 });
  assert.match(f.explanation!, /16 accelerators × \$2\.50\/h × 744 h = \$29,760\/month/);
  // per request = $28,800 / 18M = $0.0016
  const [p] = of(cost('dau: 200k, requests_per_user_per_day: 3', 'per_request: $0.001', fleet), 'MLSD654');
  assert.match(p.explanation!, /\$0\.0016 per request \(\$28,800\/month ÷ 18,000,000 requests\/month\)/);
  // no traffic: the per-request cost is unknown
  assert.equal(of(cost('output_tokens: 10', 'per_request: $0.001', fleet), 'MLSD654').length, 0);
});

// --- MLSD655–659 ------------------------------------------------------------------------------------

const api = (serving: string, perf = '') =>
  `mlsd: 1\ntitle: t\n${perf}framing:\n  task_type: text-generation\nmodel:\n  candidates:\n    - {id: llm, provider: api, vendor: OpenAI, version: "2024-08-06", pinned: true}\n  selected: llm\nserving:\n${serving}`;

test('MLSD655: an API model with no fallback, unless batch or a fallback is stated', () => {
  const [f] = of(api('  mode: online\n'), 'MLSD655');
  assert.equal(f.message, "`llm` is called through OpenAI's API and `serving.fallback` is not stated");
  assert.equal(of(api('  mode: online\n  fallback: a second provider\n'), 'MLSD655').length, 0);
  assert.equal(of(api('  mode: batch\n'), 'MLSD655').length, 0);
  assert.equal(
    of(api('  rollout: {strategy: canary}\n', 'requirements:\n  performance: {mode: batch}\n'), 'MLSD655').length,
    0,
  );
  assert.equal(of(api('  mode: online\n').replace('provider: api', 'provider: self-hosted'), 'MLSD655').length, 0);
});

const chat = (framing: string, guardrails: string, task = 'text-generation') =>
  `mlsd: 1\ntitle: t\nframing:\n  task_type: ${task}\n${framing}serving:\n  mode: online\n${guardrails}`;

test('MLSD656: output and input parts, aliases, user_prompt, media, not user-facing', () => {
  const both = of(chat('', ''), 'MLSD656').map((f) => f.message);
  assert.deepEqual(both, [
    'Generated text reaches users with no toxicity check on the output',
    'Users write free-form prompts and nothing screens them: `serving.guardrails.input` is not stated',
  ]);
  const g = '  guardrails:\n    input: [jailbreak]\n    output: [output moderation]\n';
  assert.equal(of(chat('', g), 'MLSD656').length, 0, '`output moderation` names toxicity');
  assert.equal(of(chat('  user_prompt: false\n', '  guardrails: {output: [toxicity]}\n'), 'MLSD656').length, 0);
  const [img] = of(
    chat('  user_prompt: false\n', '  guardrails: {output: [watermark]}\n', 'image-generation'),
    'MLSD656',
  );
  assert.equal(img.message, 'Generated images reach users with no NSFW check on the output');
  assert.equal(img.suggestions?.[0].title, 'Add `nsfw`, `likeness` to `serving.guardrails.output`');
  assert.equal(of(chat('  user_facing: false\n', ''), 'MLSD656').length, 0);
});

test("MLSD656's suggestions add the names and clear the finding", () => {
  const doc = chat('', '  guardrails:\n    output: [pii-leakage]\n');
  let t = doc;
  for (const f of of(doc, 'MLSD656').reverse()) t = applyEdits(t, f.suggestions![0].edits).text;
  assert.equal(of(t, 'MLSD656').length, 0, t);
  assert.match(t, /output: \[pii-leakage, toxicity\]/);
});

const rag = (sources: string, retrieval: string, serving = '') =>
  `mlsd: 1\ntitle: t\narchetype: rag\nframing:\n  task_type: text-generation\ndata:\n  sources:\n${sources}model:\n  retrieval: {${retrieval}}\nserving:\n  mode: online\n${serving}`;

test('MLSD657: untrusted corpus sources (stated or by kind) and tools', () => {
  const src = '    - {id: docs, kind: content}\n    - {id: tickets, kind: logs}\n';
  const [f] = of(rag(src, 'top_k: 5'), 'MLSD657');
  assert.match(f.explanation!, /Content from `tickets` \(writable by people other than the operator\)/);
  assert.equal(of(rag(src, 'corpus: [docs]'), 'MLSD657').length, 0, 'tickets not retrieved');
  assert.equal(of(rag(src.replace('kind: logs', 'kind: logs, untrusted: false'), 'top_k: 5'), 'MLSD657').length, 0);
  assert.equal(of(rag(src, 'top_k: 5', '  guardrails: {input: [xpia]}\n'), 'MLSD657').length, 0, 'alias');
  const tools = `mlsd: 1\ntitle: t\nframing:\n  task_type: text-generation\nmodel:\n  tools:\n    - {id: refund, side_effects: true}\n    - {id: lookup}\n    - {id: email, side_effects: true, confirmation: true}\nserving:\n  mode: online\n`;
  const [t] = of(tools, 'MLSD657');
  assert.match(
    t.explanation!,
    /The model can call `refund`, `lookup` and `email`; `refund` has side effects and runs without confirmation/,
  );
});

test('MLSD658: access_control coverage (none < per-tenant < per-user = acl)', () => {
  const src = (a: string) => `    - {id: docs, kind: content, access: ${a}}\n`;
  const fires = (a: string, c?: string) =>
    of(rag(src(a), c ? `top_k: 5, access_control: ${c}` : 'top_k: 5'), 'MLSD658').length === 1;
  assert.deepEqual(
    [
      fires('public'),
      fires('internal'),
      fires('per-tenant'),
      fires('per-tenant', 'none'),
      fires('per-tenant', 'per-tenant'),
    ],
    [false, false, true, true, false],
  );
  assert.deepEqual(
    [fires('per-user', 'per-tenant'), fires('per-user', 'acl'), fires('acl', 'per-user'), fires('acl', 'per-tenant')],
    [true, false, false, true],
  );
  const [f] = of(rag(src('per-tenant'), 'top_k: 5'), 'MLSD658');
  assert.equal(f.message, 'Source `docs` is readable per tenant, but retrieval does not filter by reader');
  const fixed = applyEdits(rag(src('per-tenant'), 'top_k: 5'), f.suggestions![0].edits).text;
  assert.equal(of(fixed, 'MLSD658').length, 0, fixed);
});

test('MLSD659: retrieving docs without serving.index.refresh; the item_freshness requirement is quoted', () => {
  const src = '    - {id: docs, kind: content}\n';
  const [f] = of(rag(src, 'top_k: 5'), 'MLSD659');
  assert.match(f.explanation!, /Answers are drawn from `docs`, but no index refresh is stated/);
  assert.equal(of(rag(src, 'top_k: 5', '  index: {refresh: 1h}\n'), 'MLSD659').length, 0);
  const fresh = rag(src, 'top_k: 5').replace(
    'framing:',
    'requirements:\n  performance: {item_freshness: 1h}\nframing:',
  );
  assert.match(of(fresh, 'MLSD659')[0].explanation!, /The requirement is `item_freshness: 1h`/);
  const plain = 'mlsd: 1\ntitle: t\nframing:\n  task_type: text-generation\nserving:\n  mode: online\n';
  assert.equal(of(plain, 'MLSD659').length, 0, 'no retrieval');
  assert.equal(
    of(plain.replace('mode: online', 'mode: online\n  index: {type: hnsw}'), 'MLSD659').length,
    1,
    'an index before a text generator is retrieval',
  );
});
