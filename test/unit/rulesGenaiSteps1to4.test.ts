/**
 * The generative rules of steps 1–4 (genai.md §7: MLSD150–152, 250, 350–352, 450–452): the branches their
 * fixtures do not reach, the figures of their messages, and no finding on the spec's sound example docs.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { applyEdits } from '../../server/src/lint/engine';
import { of, run } from '../harness/lint';

const ROOT = path.resolve(__dirname, '../../..');
const IDS = [
  'MLSD150',
  'MLSD151',
  'MLSD152',
  'MLSD250',
  'MLSD350',
  'MLSD351',
  'MLSD352',
  'MLSD450',
  'MLSD451',
  'MLSD452',
];

test('the genai.md §13 and §14 example docs get no finding of MLSD150–MLSD452', () => {
  for (const name of ['rag.mlsd.yaml', 'text-to-image.mlsd.yaml']) {
    const text = fs.readFileSync(path.join(ROOT, 'test/fixtures/genai', name), 'utf8');
    for (const preset of ['recommended', 'strict']) {
      const found = run(text, undefined, preset).filter((f) => IDS.includes(f.ruleId));
      assert.deepEqual(
        found.map((f) => `${f.ruleId}: ${f.message}`),
        [],
        `${name} under ${preset}`,
      );
    }
  }
});

// --- MLSD150 -----------------------------------------------------------------------------------------

const writer = (perf: string, extra = '') =>
  `mlsd: 1\ntitle: t\nrequirements:\n  scale: {output_tokens: 800}\n${perf}framing:\n  task_type: text-generation\n${extra}`;

test('MLSD150 follows genai.md §4 streamed: length threshold, streaming: false, batch, the option', () => {
  assert.equal(of(writer(''), 'MLSD150').length, 1, '800 output tokens ≥ 100 is streamed');
  assert.equal(of(writer('  performance: {streaming: false}\n'), 'MLSD150').length, 0);
  assert.equal(of(writer('  performance: {mode: batch}\n'), 'MLSD150').length, 0);
  assert.equal(of(writer('  performance: {ttft: 2s}\n'), 'MLSD150').length, 0);
  assert.equal(of(writer(''), 'MLSD150', { streaming_output_tokens: 1000 }).length, 0, 'below the option');
  const short = writer('').replace('800', '99');
  assert.equal(of(short, 'MLSD150').length, 0, '99 tokens is not streamed');
  assert.equal(of(short.replace('99', '100'), 'MLSD150').length, 1, '100 tokens is');
  assert.equal(of(writer('', '  user_facing: false\n'), 'MLSD150').length, 0, 'not user-facing');
});

test('MLSD150 names the token the end-to-end latency covers when latency and N are stated', () => {
  const [f] = of(writer('  performance: {mode: online, latency: {p95: 12s}}\n'), 'MLSD150');
  assert.match(f.explanation ?? '', /end-to-end latency p95 of 12s covers the last token of a 800-token answer/);
  const [g] = of(writer(''), 'MLSD150');
  assert.doesNotMatch(g.explanation ?? '', /covers the last token/);
});

// --- MLSD151 -----------------------------------------------------------------------------------------

const stream = (latency: string, ttft: string, tpot: string, n = 'output_tokens: 300') =>
  `mlsd: 1\ntitle: t\nrequirements:\n  performance:\n    latency: ${latency}\n    ttft: ${ttft}\n    tpot: ${tpot}\n    ${n}\n`;

test("MLSD151 prints genai.md's example figures", () => {
  const [f] = of(stream('{p95: 9s}', '{p95: 1.5s}', '{p95: 40ms}'), 'MLSD151');
  assert.equal(f.message, 'ttft p95 1.5s + (300 − 1) × tpot p95 40ms = 13.5s exceeds the end-to-end latency p95 of 9s');
  assert.match(f.explanation ?? '', /for a 300-token response/);
  assert.match(f.explanation ?? '', /lower `tpot` to at most \(9s − 1\.5s\) \/ \(300 − 1\) = 25ms/);
});

test('MLSD151 compares at the first common percentile, bare values state every percentile', () => {
  // p50 is common to all three (a bare ttft states it): 500ms + 299 × 20ms = 6.48s > 6s
  const fs1 = of(stream('{p50: 6s, p95: 20s}', '500ms', '{p50: 20ms, p95: 40ms}'), 'MLSD151');
  assert.equal(fs1.length, 1);
  assert.match(fs1[0].message, /^ttft p50 500ms/);
  // no common percentile: no finding
  assert.equal(of(stream('{p99: 1s}', '{p95: 1s}', '{p95: 40ms}'), 'MLSD151').length, 0);
  // the length from requirements.scale when performance.output_tokens is not stated; no length: no finding
  assert.equal(of(stream('9s', '1.5s', '40ms', ''), 'MLSD151').length, 0);
  const scale = `${stream('9s', '1.5s', '40ms', '')}  scale: {output_tokens: 300}\n`;
  const [f] = of(scale, 'MLSD151');
  assert.match(f.message, /^ttft 1\.5s \+ \(300 − 1\) × tpot 40ms = 13\.5s exceeds the end-to-end latency of 9s$/);
  // within budget: 1.5s + 299 × 25ms = 8.975s ≤ 9s
  assert.equal(of(stream('9s', '1.5s', '25ms'), 'MLSD151').length, 0);
});

test('MLSD151 shows the ratio when the sum is at least twice the latency', () => {
  const [f] = of(stream('2s', '1s', '50ms'), 'MLSD151');
  assert.match(f.message, /= 16s exceeds the end-to-end latency of 2s \(8×\)$/);
});

// --- MLSD152 -----------------------------------------------------------------------------------------

test('MLSD152 fires on generative docs only, and a per-request budget satisfies it', () => {
  const gen = 'mlsd: 1\ntitle: t\nrequirements:\n  business_objective: b\nframing:\n  task_type: image-generation\n';
  assert.equal(of(gen, 'MLSD152').length, 1);
  assert.equal(of(gen.replace('image-generation', 'binary-classification'), 'MLSD152').length, 0);
  const perRequest = gen.replace('  business_objective: b\n', '  budget: {per_request: $0.02}\n');
  assert.equal(of(perRequest, 'MLSD152').length, 0);
  const stage =
    'mlsd: 1\ntitle: t\nrequirements:\n  business_objective: b\nmodel:\n  stages:\n    - {id: s, task_type: super-resolution}\n';
  assert.equal(of(stage, 'MLSD152').length, 1, 'a generative stage makes the doc generative');
});

test('MLSD152 states the monthly estimate when MLSD654 can compute one, with the hours_per_month option', () => {
  const text = fs.readFileSync(path.join(ROOT, 'test/fixtures/rules/MLSD152/bad.mlsd.yaml'), 'utf8');
  const [f] = of(text, 'MLSD152');
  assert.equal(f.message, 'No inference budget in `requirements.budget`, for a system estimated at $172,800/month');
  assert.match(f.explanation ?? '', /At the stated figures this system costs about \$172,800\/month\./);
  const [g] = of(text, 'MLSD152', { hours_per_month: 360 });
  assert.match(g.message, /\$86,400\/month$/);
  const [h] = of(text.replace(/serving:[\s\S]*$/, ''), 'MLSD152');
  assert.doesNotMatch(h.explanation ?? '', /costs about/);
});

// --- MLSD250 -----------------------------------------------------------------------------------------

test('MLSD250: only generative archetypes; the suggestion writes the expected type and clears the finding', () => {
  const doc = (a: string, t: string) => `mlsd: 1\ntitle: t\narchetype: ${a}\nframing:\n  task_type: ${t}\n`;
  assert.equal(of(doc('news-feed', 'text-generation'), 'MLSD250').length, 0);
  assert.equal(of(doc('rag', 'text-generation'), 'MLSD250').length, 0);
  const text = doc('text-to-video', 'image-generation');
  const [f] = of(text, 'MLSD250');
  assert.equal(f.message, 'Archetype text-to-video is a video-generation problem, framed here as image-generation');
  const fixed = applyEdits(text, f.suggestions![0].edits).text;
  assert.match(fixed, /task_type: video-generation/);
  assert.equal(of(fixed, 'MLSD250').length, 0);
});

// --- MLSD350 -----------------------------------------------------------------------------------------

const vendorDoc = (candidate: string, extra = '') =>
  `mlsd: 1\ntitle: t\narchetype: rag\nframing:\n  task_type: text-generation\ndata:\n  sources:\n    - {id: tickets, kind: logs, pii: true}\n    - {id: people, kind: users, pii: true}\nmodel:\n  candidates:\n    - ${candidate}\n  selected: llm\n${extra}`;

test('MLSD350 (b): the default corpus, the vendor name, a stated non-zero retention', () => {
  const fs1 = of(vendorDoc('{id: llm, provider: api, vendor: Acme AI}'), 'MLSD350');
  assert.equal(fs1.length, 1, 'users sources are not indexed text');
  assert.match(fs1[0].message, /`tickets` \(pii: true\) is retrieved into prompts sent unredacted to Acme AI/);
  assert.match(fs1[0].explanation ?? '', /retention of prompts is not stated/);
  const kept = of(vendorDoc('{id: llm, provider: api, vendor_retention: 30d}'), 'MLSD350');
  assert.match(kept[0].explanation ?? '', /the vendor keeps prompts for 30d/);
  assert.equal(of(vendorDoc('{id: llm, provider: self-hosted}'), 'MLSD350').length, 0);
  const corpus = vendorDoc('{id: llm, provider: api}', '  retrieval:\n    corpus: [people]\n');
  assert.equal(of(corpus, 'MLSD350').length, 1, 'a stated corpus is read as written');
  assert.equal(
    of(vendorDoc('{id: llm, provider: api}', 'serving:\n  guardrails:\n    input: [PII masking]\n'), 'MLSD350').length,
    0,
  );
});

test('MLSD350 (a) needs a user-facing doc and no retention', () => {
  const doc = (framing: string, privacy = '') =>
    `mlsd: 1\ntitle: t\nframing:\n  task_type: text-generation\n${framing}data:\n  sources: [{id: s, kind: content}]\n${privacy}monitoring:\n  prompt_logging: full\n`;
  assert.equal(of(doc(''), 'MLSD350').length, 1);
  assert.equal(of(doc('  user_facing: false\n'), 'MLSD350').length, 0);
  assert.equal(of(doc('', '  privacy:\n    retention: 30d\n'), 'MLSD350').length, 0);
});

// --- MLSD351 -----------------------------------------------------------------------------------------

test('MLSD351 lists only the missing parts', () => {
  const doc = (privacy: string, guardrails: string) =>
    `mlsd: 1\ntitle: t\narchetype: personalized-headshot\ndata:\n  privacy:\n${privacy}serving:\n  guardrails:\n${guardrails}`;
  const [f] = of(doc('    consent: live selfie match\n', '    output: [deepfake detection]\n'), 'MLSD351');
  assert.equal(f.message, "Generation from users' own photos, with no retention period");
  assert.equal(
    of(doc('    consent: c\n    retention: 7d\n', '    input: [celebrity filter]\n'), 'MLSD351').length,
    0,
    'an input likeness check counts',
  );
  const [all] = of(
    'mlsd: 1\ntitle: t\narchetype: personalized-headshot\ndata:\n  sources: [{id: s, kind: content}]\n',
    'MLSD351',
  );
  assert.equal(
    all.message,
    "Generation from users' own photos, with no consent record, retention period or likeness check",
  );
});

// --- MLSD352 -----------------------------------------------------------------------------------------

test('MLSD352: retrieved-only sources and classic docs are not counted; model.training.from counts', () => {
  const doc = (model: string) =>
    `mlsd: 1\ntitle: t\nframing:\n  task_type: text-generation\ndata:\n  sources:\n    - {id: wiki, kind: content}\n${model}`;
  assert.equal(of(doc('model:\n  training:\n    from: fine-tune\n'), 'MLSD352').length, 1);
  const retrieved = doc(
    'model:\n  candidates:\n    - {id: llm, adaptation: [lora]}\n  selected: llm\n  retrieval:\n    corpus: [wiki]\n',
  );
  assert.equal(of(retrieved, 'MLSD352').length, 0, 'the only such source is the retrieval corpus');
  const classic = doc('model:\n  training:\n    from: scratch\n').replace('text-generation', 'binary-classification');
  assert.equal(of(classic, 'MLSD352').length, 0, 'training.from counts only in a generative doc');
});

// --- MLSD450 -----------------------------------------------------------------------------------------

test('MLSD450 prints the sum and the largest top_k that fits', () => {
  const text = fs.readFileSync(path.join(ROOT, 'test/fixtures/rules/MLSD450/bad.mlsd.yaml'), 'utf8');
  const [f] = of(text, 'MLSD450');
  assert.equal(f.message, 'A request can need 12,500 tokens, over the 8,000-token context window of `llm`');
  assert.match(f.explanation ?? '', /1,500 prompt \+ 5 × 2,000 retrieved \+ 1,000 output = 12,500 tokens/);
  assert.match(f.explanation ?? '', /Lower `top_k` to at most 2/);
});

test('MLSD450 leaves the retrieved term out when the doc does not retrieve, and needs a prompt term', () => {
  const doc = (prompt: string) =>
    `mlsd: 1\ntitle: t\nframing:\n  task_type: text-generation\ndata:\n  chunking: {size: 1k}\nmodel:\n  candidates:\n    - {id: llm, context_window: 4k}\n  selected: llm\n  retrieval:\n    top_k: 10\n  prompt: ${prompt}\n`;
  assert.equal(of(doc('{max_input_tokens: 1k}'), 'MLSD450').length, 1, 'model.retrieval makes it retrieve: 11k');
  assert.equal(of(doc('{max_output_tokens: 5k}').replace('  retrieval:\n    top_k: 10\n', ''), 'MLSD450').length, 0);
});

// --- MLSD451 -----------------------------------------------------------------------------------------

test('MLSD451: a schedule trigger gates it; the only candidate is a production candidate; pinned: false', () => {
  const doc = (candidate: string, regression = '') =>
    `mlsd: 1\ntitle: t\nmodel:\n  candidates:\n    - ${candidate}\n${regression}`;
  assert.equal(of(doc('{id: m, provider: api}'), 'MLSD451').length, 1);
  assert.equal(of(doc('{id: m, provider: api, pinned: true}'), 'MLSD451').length, 0);
  assert.equal(of(doc('{id: m, provider: self-hosted}'), 'MLSD451').length, 0);
  const [f] = of(doc('{id: m, version: "2", pinned: false}'), 'MLSD451');
  assert.match(f.message, /`m` is not pinned \(`pinned: false`\)/);
  assert.equal(
    of(doc('{id: m, version: stable}', 'evaluation:\n  regression:\n    triggers: [schedule]\n'), 'MLSD451').length,
    0,
  );
  const judge = 'evaluation:\n  judges:\n    - {id: j, kind: human, pinned: false}\n';
  assert.equal(of(doc('{id: m, pinned: true}', judge), 'MLSD451').length, 0, 'only llm judges');
});

// --- MLSD452 -----------------------------------------------------------------------------------------

test('MLSD452 (b) on the task type alone; a stage temperature of 0 wins; chat sampling is fine', () => {
  const doc = (t: string, stage: string, model: string) =>
    `mlsd: 1\ntitle: t\nframing:\n  task_type: ${t}\nmodel:\n  stages:\n    - {id: g, task_type: ${t}${stage}}\n  decoding: ${model}\n`;
  const [f] = of(doc('image-to-text', '', '{strategy: sampling, temperature: 0.8}'), 'MLSD452');
  assert.match(f.message, /different captions$/);
  assert.equal(
    of(doc('sequence-to-sequence', ', decoding: {temperature: 0}', '{strategy: top-k}'), 'MLSD452').length,
    0,
  );
  assert.equal(of(doc('text-generation', '', '{strategy: top-p, temperature: 0.7}'), 'MLSD452').length, 0);
  assert.equal(of(doc('text-generation', '', '{strategy: beam}'), 'MLSD452').length, 0, 'beam only for chatbot');
});

// --- headlines stay within 100 characters with long author-written names -------------------------------

test('MLSD250, 350, 352, 450 and 451 keep their headlines within 100 characters for long names', () => {
  const long = 'a-very-long-identifier-written-by-the-author-of-this-doc';
  const docs: [string, string][] = [
    [
      'MLSD250',
      'mlsd: 1\ntitle: t\narchetype: high-resolution-synthesis\nframing:\n  task_type: multilabel-classification\n',
    ],
    [
      'MLSD350',
      `mlsd: 1\ntitle: t\narchetype: rag\nframing:\n  task_type: text-generation\ndata:\n  sources:\n    - {id: ${long}, kind: logs, pii: true}\nmodel:\n  candidates:\n    - {id: ${long}, provider: api, vendor: ${long}}\n  selected: ${long}\n`,
    ],
    [
      'MLSD352',
      `mlsd: 1\ntitle: t\nframing:\n  task_type: text-generation\ndata:\n  sources:\n${Array.from({ length: 12 }, (_, i) => `    - {id: ${long}-${i}, kind: interactions}\n`).join('')}model:\n  training:\n    from: fine-tune\n`,
    ],
    [
      'MLSD450',
      `mlsd: 1\ntitle: t\nframing:\n  task_type: text-generation\nmodel:\n  candidates:\n    - {id: ${long}, context_window: 4k}\n  selected: ${long}\n  prompt: {max_input_tokens: 123456789}\n`,
    ],
    [
      'MLSD451',
      `mlsd: 1\ntitle: t\nframing:\n  task_type: text-generation\nmodel:\n  candidates:\n    - {id: ${long}, provider: api, base_model: ${long}, vendor: ${long}}\n    - {id: e-${long}, provider: api}\n  selected: ${long}\n  retrieval:\n    embedding_model: e-${long}\nevaluation:\n  judges:\n    - {id: ${long}, kind: llm, model: ${long}-latest}\n`,
    ],
  ];
  for (const [id, text] of docs) {
    const found = of(text, id);
    assert.ok(found.length > 0, `${id} fires`);
    for (const f of found) assert.ok(f.message.length <= 100, `${id}: ${f.message.length} > 100: ${f.message}`);
  }
});
