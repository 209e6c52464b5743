/**
 * genai.md §8 "v1 rules on generative docs": one test per row of the table (a generative doc that used to
 * get the classic finding now gets none, or the generative variant; a classic doc keeps its finding), the
 * generative fixtures of the changed rules, and no v1 finding on the §13 and §14 example docs.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze, lint } from '../../server/src/lint/engine';
import { resolveConfig } from '../../server/src/lint/config';
import { lineEndAt, positionAt, child } from '../../server/src/engine/parse';
import { apiCandidatesWithoutFallback } from '../../server/src/engine/facts';
import { RULES } from '../../server/src/rules';
import { key, parseMarkers } from '../harness/markers';
import { of, run } from '../harness/lint';

const ROOT = path.resolve(__dirname, '../../..');
const FIX = path.join(ROOT, 'test/fixtures/rules');

const gen = (framing: string, rest = '') => `mlsd: 1\ntitle: t\nframing:\n${framing}${rest}`;
const ids = (text: string, id: string, options?: Record<string, unknown>) => of(text, id, options).length;

// --- the generative fixtures of the changed rules --------------------------------------------------

const CHANGED = [
  'MLSD102',
  'MLSD301',
  'MLSD306',
  'MLSD308',
  'MLSD402',
  'MLSD403',
  'MLSD404',
  'MLSD406',
  'MLSD407',
  'MLSD503',
  'MLSD504',
  'MLSD601',
  'MLSD606',
  'MLSD608',
  'MLSD703',
  'MLSD704',
];

function marked(text: string, id: string): string[] {
  const rule = RULES.find((r) => r.meta.id === id)!;
  const doc = analyze(text);
  const res = lint(doc, resolveConfig([{ rules: { [id]: rule.meta.defaultSeverity } }]), { only: [id] });
  assert.deepEqual(res.internalErrors, [], 'a rule threw');
  return res.findings
    .filter((f) => f.ruleId === id)
    .map((f) => {
      const s = positionAt(doc.parsed, f.start);
      const end = Math.min(f.end, lineEndAt(doc.parsed, f.start));
      return key({ id, line: s.line, startCol: s.character, endCol: s.character + Math.max(0, end - f.start) });
    })
    .sort();
}

test('each changed rule has a generative good fixture, and its generative fixtures give exactly the marked findings', () => {
  for (const id of CHANGED) {
    const dir = path.join(FIX, id);
    const files = fs.readdirSync(dir).filter((f) => /genai.*\.mlsd\.yaml$/.test(f));
    assert.ok(
      files.some((f) => f.startsWith('good-')),
      `${id} has a good-genai fixture`,
    );
    for (const f of files) {
      const text = fs.readFileSync(path.join(dir, f), 'utf8');
      const expected = parseMarkers(text)
        .filter((e) => e.id === id)
        .map(key)
        .sort();
      if (f.startsWith('bad-')) assert.ok(expected.length > 0, `${id}/${f} marks a finding`);
      assert.deepEqual(marked(text, id), expected, `${id}/${f}`);
    }
  }
});

// --- one test per row of genai.md §8 ---------------------------------------------------------------

test('MLSD102: a stated ttft satisfies it on a generative doc; without it the generative variant; classic unchanged', () => {
  const online = (extra: string, task = 'text-generation') =>
    `mlsd: 1\ntitle: t\nrequirements:\n  performance:\n    mode: online\n${extra}framing:\n  task_type: ${task}\n`;
  assert.equal(ids(online('    ttft: {p95: 800ms}\n'), 'MLSD102'), 0);
  const [g] = of(online(''), 'MLSD102');
  assert.match(g.message, /as is `ttft`/);
  assert.match(g.explanation ?? '', /time to first token/);
  // a classic online doc: ttft is not a generative key there, the classic finding stays
  const [c] = of(online('    ttft: {p95: 800ms}\n', 'binary-classification'), 'MLSD102');
  assert.ok(c);
  assert.doesNotMatch(c.message, /ttft/);
});

test('MLSD301: silent when a generative doc trains no weights; the target-output variant when it does; classic unchanged', () => {
  const cand = (adaptation: string) =>
    `model:\n  candidates:\n    - {id: llm, version: "1", provider: self-hosted, adaptation: [${adaptation}]}\n  selected: llm\n`;
  const doc = (adaptation: string) =>
    gen('  task_type: text-generation\n', `data:\n  sources: [{id: docs, kind: content}]\n${cand(adaptation)}`);
  assert.equal(ids(doc('rag, prompting'), 'MLSD301'), 0, 'a prompted pretrained model needs no labels');
  const [f] = of(doc('lora'), 'MLSD301');
  assert.match(f.message, /trained on target outputs/);
  assert.match(f.explanation ?? '', /demonstrations/);
  // model.training.from: fine-tune trains weights too
  const fromFineTune = gen(
    '  task_type: image-to-text\n',
    'data:\n  sources: [{id: imgs, kind: content}]\nmodel:\n  training: {from: fine-tune}\n',
  );
  assert.equal(ids(fromFineTune, 'MLSD301'), 1);
  const classic = gen('  task_type: binary-classification\n', 'data:\n  sources: [{id: tx, kind: logs}]\n');
  assert.match(of(classic, 'MLSD301')[0].message, /supervised/);
});

test('MLSD306: does not fire on a generative doc; classic unchanged', () => {
  const labels = 'data:\n  labels: {source: natural, positive: the caption people wrote}\n';
  assert.equal(ids(gen('  task_type: image-to-text\n', labels), 'MLSD306'), 0);
  assert.equal(ids(gen('  task_type: binary-classification\n', labels), 'MLSD306'), 1);
  // a generative archetype alone makes the doc generative
  assert.equal(ids(`mlsd: 1\ntitle: t\narchetype: image-captioning\n${labels}`, 'MLSD306'), 0);
});

test('MLSD308: does not fire on a generative doc (also through a generative stage); classic unchanged', () => {
  const data = 'data:\n  sources: [{id: docs, kind: content}]\n';
  assert.equal(ids(gen('  task_type: text-generation\n', data), 'MLSD308'), 0);
  const staged = `${gen('  ml_objective: o\n', data)}model:\n  stages:\n    - {id: g, task_type: image-generation}\n`;
  assert.equal(ids(staged, 'MLSD308'), 0);
  assert.equal(ids(gen('  task_type: regression\n', data), 'MLSD308'), 1);
});

test('MLSD402: §10 rows, mse on text generation only with distillation, §10 names unknown on classic docs', () => {
  const text = (loss: string, adaptation = 'lora') =>
    gen(
      '  task_type: text-generation\n',
      `model:\n  candidates:\n    - {id: llm, version: "1", provider: self-hosted, adaptation: [${adaptation}]}\n  selected: llm\n  loss: ${loss}\n`,
    );
  assert.equal(ids(text('next-token + dpo'), 'MLSD402'), 0);
  const [mse] = of(text('next-token + mse'), 'MLSD402');
  assert.match(mse.message, /`mse` does not fit text-generation/);
  assert.match(mse.explanation ?? '', /distillation/);
  assert.equal(ids(text('next-token + mse', 'distillation'), 'MLSD402'), 0);
  assert.match(of(text('diffusion'), 'MLSD402')[0].message, /`diffusion`/);
  const image = gen('  task_type: image-generation\n', 'model:\n  loss: flow-matching + lpips + gan\n');
  assert.equal(ids(image, 'MLSD402'), 0);
  // a generative stage brings the §10 names into a classic-framed doc (all task types)
  const staged = `${gen('  task_type: binary-classification\n')}model:\n  stages: [{id: g, task_type: image-generation}]\n  loss: bce + diffusion\n`;
  assert.equal(ids(staged, 'MLSD402'), 0);
  // on a classic doc a §10 name is an unknown piece; a v1 loss is still judged
  assert.equal(ids(gen('  task_type: anomaly-detection\n', 'model:\n  loss: mse + kl\n'), 'MLSD402'), 0);
  assert.equal(ids(gen('  task_type: regression\n', 'model:\n  loss: dpo\n'), 'MLSD402'), 0);
  assert.equal(ids(gen('  task_type: regression\n', 'model:\n  loss: bce + dpo\n'), 'MLSD402'), 1);
});

test('MLSD403/404/406/407: a retrieval stage inside a generator does not make the doc rank or recommend', () => {
  const doc = (task: string) =>
    `mlsd: 1\ntitle: t\nrequirements:\n  scale: {items: 20M}\nframing:\n  task_type: ${task}\ndata:\n  labels: {source: implicit, positive: thumbs-up}\nmodel:\n  stages:\n    - {id: retrieval, task_type: retrieval}\nmonitoring:\n  ml: [drift]\n`;
  for (const id of ['MLSD403', 'MLSD404', 'MLSD406', 'MLSD407']) {
    assert.equal(ids(doc('text-generation'), id), 0, `${id} on the generative doc`);
    assert.equal(ids(doc('ranking'), id), 1, `${id} on the ranking doc`);
  }
});

test('MLSD503: §9 rows; §2.6 names judged only against generative types and retrieval; online names still move; characters-saved exempt', () => {
  const classic = (metrics: string) =>
    gen('  task_type: binary-classification\n', `evaluation:\n  offline:\n    metrics: [${metrics}]\n`);
  assert.equal(ids(classic('pr-auc, toxicity-rate, hallucination-rate'), 'MLSD503'), 0);
  assert.equal(ids(classic('pr-auc, bleu'), 'MLSD503'), 1, 'a v1 name is still judged');
  const block = gen(
    '  task_type: binary-classification\n',
    'evaluation:\n  offline:\n    metrics:\n      - pr-auc\n      - thumbs-up-rate\n',
  );
  const [online] = of(block, 'MLSD503');
  assert.match(online.explanation ?? '', /evaluation\.online\.metrics/);
  assert.equal(ids(classic('pr-auc, characters-saved'), 'MLSD503'), 0);
  assert.equal(ids(classic('pr-auc, keystrokes-saved'), 'MLSD503'), 0);
  // generative task types use §9, and a mismatch names the type the metric fits
  const text = (metrics: string) =>
    gen('  task_type: text-generation\n', `evaluation:\n  offline:\n    metrics: [${metrics}]\n`);
  assert.equal(ids(text('faithfulness, chrf, pass@1, llm-judge-score'), 'MLSD503'), 0);
  const [comet] = of(text('comet'), 'MLSD503');
  assert.match(comet.explanation ?? '', /fits sequence-to-sequence: .*`task_type: sequence-to-sequence`/);
  // a §2.6 name on a retrieval stage is judged (§9 extends the retrieval row)
  const rag = `${gen('  task_type: text-generation\n')}model:\n  stages:\n    - {id: r, task_type: retrieval, metrics: [context-recall, faithfulness]}\n    - {id: g, task_type: text-generation}\nevaluation:\n  offline:\n    metrics: [answer-correctness]\n`;
  const found = of(rag, 'MLSD503');
  assert.deepEqual(
    found.map((f) => f.message.split(' ')[0]),
    ['`faithfulness`'],
  );
  // on a ranking stage a §2.6 name is not judged
  const ranker = `${gen('  task_type: ranking\n')}model:\n  stages:\n    - {id: r, task_type: ranking, metrics: [ndcg@10, faithfulness]}\nevaluation:\n  offline:\n    metrics: [ndcg@10]\n`;
  assert.equal(ids(ranker, 'MLSD503'), 0);
});

test('MLSD504: on a retrieval or ranking stage of a generator; unscoped generative precision/recall are not ranking metrics', () => {
  const rag = (metrics: string) =>
    `${gen('  task_type: text-generation\n')}model:\n  stages:\n    - {id: r, task_type: retrieval, metrics: [${metrics}]}\n    - {id: g, task_type: text-generation, metrics: [faithfulness]}\nevaluation:\n  offline:\n    metrics: [answer-correctness]\n`;
  const [f] = of(rag('recall'), 'MLSD504');
  assert.match(f.explanation ?? '', /chunks that reach the prompt/);
  assert.equal(ids(rag('recall@8, mrr'), 'MLSD504'), 0);
  const image = gen(
    '  task_type: image-generation\n',
    'evaluation:\n  offline:\n    metrics: [fid, precision, recall]\n',
  );
  assert.equal(ids(image, 'MLSD504'), 0);
  // classic unscoped behaviour: a ranking task's bare ndcg still needs k, with the classic wording
  const [c] = of(gen('  task_type: ranking\n', 'evaluation:\n  offline:\n    metrics: [ndcg]\n'), 'MLSD504');
  assert.match(c.explanation ?? '', /items users actually see/);
});

test('MLSD601: unchanged formula on a generative doc, a generating stage counts to its complete output', () => {
  const doc = (task: string) =>
    `mlsd: 1\ntitle: t\nrequirements:\n  performance:\n    latency: {p95: 4s}\nframing:\n  task_type: ${task}\nmodel:\n  stages:\n    - {id: a, latency: 150ms}\n    - {id: b, latency: 6s}\nserving:\n  network_latency: 50ms\n`;
  const [g] = of(doc('text-generation'), 'MLSD601');
  assert.match(g.message, /6\.2s, over the p95 budget of 4s/);
  assert.match(g.explanation ?? '', /time to its complete output/);
  const [c] = of(doc('regression'), 'MLSD601');
  assert.match(c.message, /6\.2s, over the p95 budget of 4s/);
  assert.doesNotMatch(c.explanation ?? '', /complete output/);
});

test('MLSD606: not reported when MLSD655 fires (a production model behind a vendor API, not batch, no fallback)', () => {
  const doc = (provider: string, mode = 'online', extra = '') =>
    `${gen('  task_type: text-generation\n')}model:\n  candidates:\n    - {id: llm, version: "1", provider: ${provider}}\n    - {id: spare, provider: api}\n  selected: llm\nserving:\n  mode: ${mode}\n${extra}`;
  assert.equal(ids(doc('api'), 'MLSD606'), 0);
  assert.equal(ids(doc('self-hosted'), 'MLSD606'), 1, 'an unused API candidate is not a production candidate');
  assert.equal(ids(doc('api', 'online', '  fallback: cached answers\n'), 'MLSD606'), 0);
  // the shared fact MLSD655 reads
  const names = (text: string) =>
    apiCandidatesWithoutFallback(analyze(text)).map((c) => (child(c, 'id')?.value as string) ?? '?');
  assert.deepEqual(names(doc('api')), ['llm']);
  assert.deepEqual(names(doc('self-hosted')), []);
  assert.deepEqual(names(doc('api', 'batch')), [], 'a batch doc is not MLSD655');
  assert.deepEqual(names(doc('api', 'online', '  fallback: cached answers\n')), []);
  // a classic online doc keeps MLSD606
  assert.equal(ids(gen('  task_type: ranking\n', 'serving:\n  mode: online\n'), 'MLSD606'), 1);
});

test('MLSD608: serving.index.vectors sizes the index instead of scale.items, on any doc', () => {
  const doc = (vectors: string, task = 'text-generation') =>
    `mlsd: 1\ntitle: t\nrequirements:\n  scale: {items: 2M}\nframing:\n  task_type: ${task}\nserving:\n  index: {type: flat, dim: 1024, bytes_per_dim: 4, ${vectors}memory: 32GB}\n`;
  assert.equal(ids(doc(''), 'MLSD608'), 0, '2M × 4 KB = 8.2 GB fits');
  const [f] = of(doc('vectors: 12M, '), 'MLSD608');
  assert.match(f.message, /needs 49\.2 GB/);
  assert.match(f.explanation ?? '', /12M vectors × 1024 dims/);
  assert.equal(ids(doc('vectors: 12M, ', 'similarity-search'), 'MLSD608'), 1, 'classic docs read vectors too');
  assert.equal(ids(doc('vectors: 4M, '), 'MLSD608'), 0);
});

test('MLSD703: silent when a generative doc trains no weights; classic and weight-training docs unchanged', () => {
  const doc = (task: string, adaptation: string) =>
    `${gen(`  task_type: ${task}\n`)}model:\n  candidates:\n    - {id: m, version: "1", provider: self-hosted, adaptation: [${adaptation}]}\n  selected: m\nmonitoring:\n  ml: [drift]\n`;
  assert.equal(ids(doc('text-generation', 'rag, prompting'), 'MLSD703'), 0);
  assert.equal(ids(doc('text-generation', 'lora'), 'MLSD703'), 1);
  assert.equal(ids(doc('binary-classification', 'prompting'), 'MLSD703'), 1);
});

test('MLSD704: silent when a generative doc trains no weights; classic and weight-training docs unchanged', () => {
  const doc = (task: string, adaptation: string) =>
    `mlsd: 1\ntitle: t\nrequirements:\n  performance:\n    freshness: 1d\nframing:\n  task_type: ${task}\nmodel:\n  candidates:\n    - {id: m, version: "1", provider: self-hosted, adaptation: [${adaptation}]}\n  selected: m\nmonitoring:\n  retraining: {cadence: 30d}\n`;
  assert.equal(ids(doc('text-generation', 'prompting'), 'MLSD704'), 0);
  assert.equal(ids(doc('text-generation', 'fine-tuning'), 'MLSD704'), 1);
  assert.equal(ids(doc('regression', 'prompting'), 'MLSD704'), 1);
});

// --- the spec's sound example docs -----------------------------------------------------------------

test('the genai.md §13 and §14 example docs get no finding of any v1 rule, under both presets', () => {
  const v1 = (id: string) => Number(id.slice(4)) % 100 < 50;
  for (const name of ['rag.mlsd.yaml', 'text-to-image.mlsd.yaml']) {
    const text = fs.readFileSync(path.join(ROOT, 'test/fixtures/genai', name), 'utf8');
    for (const preset of ['recommended', 'strict']) {
      const found = run(text, undefined, preset).filter((f) => v1(f.ruleId));
      assert.deepEqual(
        found.map((f) => `${f.ruleId}: ${f.message}`),
        [],
        `${name} under ${preset}`,
      );
    }
  }
});
