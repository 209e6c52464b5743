/**
 * The generative format of genai.md (v1.1): the two example docs of §13 and §14 have no format findings,
 * money parses with its exact spellings, the new enums accept their aliases, the new id lists and
 * references resolve (MLSD004, MLSD005, navigation, completion), and descriptive fields give MLSD012.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { DocumentSymbol, Position } from 'vscode-languageserver-types';
import { allPaths, specAt } from '../../server/src/engine/catalog';
import {
  ARCHETYPES,
  coreOutputCheck,
  findLoss,
  findMetric,
  GENERATIVE_ARCHETYPES,
  isGenerativeTask,
  matchGuardrails,
  TASK_TYPES,
  taskInfo,
} from '../../server/src/engine/domain';
import {
  floatingCandidate,
  generator,
  generatorStage,
  hasGuardrail,
  isGenerative,
  productionCandidates,
  requestsPerDay,
  retrievalCorpus,
  retrieves,
  streamed,
  trainsWeights,
  userFacing,
  userPrompt,
} from '../../server/src/engine/facts';
import { MlsdDoc } from '../../server/src/engine/model';
import { parseText, parseText as parse, positionAt } from '../../server/src/engine/parse';
import { refIndex } from '../../server/src/engine/refs';
import { formatMoney, parseMoney, perSecond, parseQuantity } from '../../server/src/engine/values';
import { completion } from '../../server/src/features/completion';
import { hover } from '../../server/src/features/hover';
import { designOutline } from '../../server/src/features/outline';
import { documentSymbols } from '../../server/src/features/symbols';
import { definition, references } from '../../server/src/features/navigation';
import { Session } from '../../server/src/session';
import { of, run } from '../harness/lint';
import { cursor } from '../harness/snapshot';

const ROOT = path.resolve(__dirname, '../../..');
const read = (f: string) => fs.readFileSync(path.join(ROOT, 'test/fixtures/genai', f), 'utf8');
const FORMAT_RULES = ['MLSD002', 'MLSD003', 'MLSD004', 'MLSD005', 'MLSD012'];

for (const file of ['rag.mlsd.yaml', 'text-to-image.mlsd.yaml']) {
  test(`genai.md example ${file}: no format finding (MLSD002/003/004/005/012), strict preset too`, () => {
    for (const preset of ['recommended', 'strict']) {
      const found = run(read(file), undefined, preset).filter((f) => FORMAT_RULES.includes(f.ruleId));
      assert.deepEqual(
        found.map((f) => `${f.ruleId} ${f.message}`),
        [],
        preset,
      );
    }
  });
}

test('money: the spellings of genai.md §1.1', () => {
  assert.deepEqual(parseMoney('$0.004'), { amount: 0.004, currency: 'USD', symbol: '$' });
  assert.equal(parseMoney('$25k')?.amount, 25_000);
  assert.deepEqual(parseMoney('€1.2M'), { amount: 1_200_000, currency: 'EUR', symbol: '€' });
  assert.equal(parseMoney('£300')?.currency, 'GBP');
  assert.deepEqual(parseMoney('12 USD'), { amount: 12, currency: 'USD', symbol: ' USD', suffix: true });
  assert.equal(parseMoney('0.5EUR')?.currency, 'EUR');
  assert.deepEqual(parseMoney('3k jpy'), { amount: 3000, currency: 'JPY', symbol: ' JPY', suffix: true });
  assert.deepEqual(parseMoney('USD 12'), { amount: 12, currency: 'USD', symbol: 'USD ' });
  assert.equal(parseMoney('CHF 40k')?.amount, 40_000);
  assert.deepEqual(parseMoney('0.004'), { amount: 0.004 });
  assert.deepEqual(parseMoney(25000), { amount: 25_000 });
  assert.equal(parseMoney('1e-3')?.amount, 0.001);
  assert.equal(parseMoney('$2B')?.amount, 2e9);
  // invalid: thousands separators, negative amounts, unparsable text, a period the key does not take
  for (const bad of ['25,000', '$25,000', '-5', '$-5', -1, 'cheap', '$', 'USD', '12 dollars', '$25k/month'])
    assert.equal(parseMoney(bad), undefined, String(bad));
  assert.equal(parseMoney('$35k/month', 'month')?.amount, 35_000);
  assert.equal(parseMoney('$35k/mo', 'month')?.amount, 35_000);
  assert.equal(parseMoney('$0.01/request', 'request')?.amount, 0.01);
  assert.equal(parseMoney('$2.50/h', 'hour')?.amount, 2.5);
  assert.equal(parseMoney('$2.50/hour', 'hour')?.amount, 2.5);
  assert.equal(parseMoney('$2.50/month', 'hour'), undefined);
  assert.equal(formatMoney(270_000, parseMoney('$1')), '$270,000');
  assert.equal(formatMoney(28_800, parseMoney('12 USD')), '28,800 USD');
  assert.equal(formatMoney(0.0016, parseMoney('$1')), '$0.0016');
  assert.equal(formatMoney(2.5, parseMoney('CHF 1')), 'CHF 2.50');
});

test('money keys: MLSD003 for invalid money, a period only where the key takes one', () => {
  const doc = (budget: string, cost = '$2.50') =>
    `mlsd: 1\ntitle: t\nrequirements:\n  budget:\n    monthly: ${budget}\nserving:\n  cost:\n    price_per_gpu_hour: ${cost}\n`;
  assert.deepEqual(of(doc('$35k/month'), 'MLSD003'), []);
  assert.deepEqual(of(doc('$35k', '$2.50/h'), 'MLSD003'), []);
  assert.equal(of(doc('"25,000"'), 'MLSD003').length, 1);
  assert.equal(of(doc('-5'), 'MLSD003').length, 1);
  assert.match(of(doc('$35k', '$2.50/month'), 'MLSD003')[0].message, /price_per_gpu_hour/);
  const m = new MlsdDoc(parse(doc('€20k/mo')));
  assert.deepEqual(m.money('requirements.budget.monthly'), { amount: 20_000, currency: 'EUR', symbol: '€' });
});

test('per-second quantities convert /min and /h', () => {
  assert.equal(perSecond(parseQuantity('2k')), 2000);
  assert.equal(perSecond(parseQuantity('120/min')), 2);
  assert.equal(perSecond(parseQuantity('7200/h')), 2);
  assert.equal(perSecond(parseQuantity('5/day')), undefined);
});

test('vocabulary: task types, archetypes, metrics with aliases, losses, guardrails', () => {
  for (const t of ['sequence-to-sequence', 'image-to-text', 'video-generation', 'super-resolution'])
    assert.ok((TASK_TYPES as readonly string[]).includes(t), t);
  assert.ok(isGenerativeTask('super-resolution') && !isGenerativeTask('ranking'));
  assert.equal(GENERATIVE_ARCHETYPES.length, 10);
  for (const id of GENERATIVE_ARCHETYPES) {
    const a = ARCHETYPES.find((x) => x.id === id);
    assert.ok(a?.stages && a.framing && a.pitfalls.length && a.offlineMetrics.length, id);
    for (const m of [...a.offlineMetrics, ...a.onlineMetrics]) assert.ok(findMetric(m), `${id}: ${m}`);
  }
  assert.equal(ARCHETYPES.at(-1)?.id, 'other');
  const alias: [string, string][] = [
    ['groundedness', 'faithfulness'],
    ['ragas answer relevancy'.split(' ').slice(1).join('-'), 'answer-relevance'],
    ['pass@10', 'pass'],
    ['humaneval', 'pass'],
    ['human-eval', 'human-eval'],
    ['MQM', 'human-eval'],
    ['sacreBLEU', 'bleu'],
    ['rouge-l', 'rouge'],
    ['ms-ssim', 'ssim'],
    ['CLIPScore', 'clip-score'],
    ['is', 'inception-score'],
    ['asr', 'attack-success-rate'],
    ['thumbs-down-rate', 'thumbs-up-rate'],
    ['csat', 'satisfaction'],
    ['exact-match@5', 'exact-match'],
  ];
  for (const [w, name] of alias) assert.equal(findMetric(w)?.name, name, w);
  assert.equal(findMetric('acceptance-rate')?.family, 'online');
  assert.equal(findMetric('fvd')?.lowerIsBetter, true);
  for (const [w, name] of [
    ['causal-lm', 'next-token'],
    ['label smoothing', 'label-smoothed-cross-entropy'],
    ['flow-matching', 'diffusion'],
    ['WGAN-GP', 'adversarial'],
    ['lpips', 'perceptual'],
    ['ppo', 'rlhf'],
    ['commitment', 'vq'],
  ])
    assert.equal(findLoss(w)?.name, name, w);
  assert.deepEqual(
    matchGuardrails('toxicity classifier (Llama Guard)', 'output').map((g) => g.name),
    ['toxicity'],
  );
  assert.deepEqual(
    matchGuardrails('XPIA detector', 'input').map((g) => g.name),
    ['indirect-prompt-injection'],
  );
  assert.deepEqual(matchGuardrails('our own brand-voice check', 'output'), []);
  assert.deepEqual(
    matchGuardrails('PII redaction', 'output').map((g) => g.name),
    ['pii-leakage'],
  );
  assert.equal(coreOutputCheck('image-to-text'), 'toxicity');
  assert.equal(coreOutputCheck('video-generation'), 'nsfw');
  assert.ok(taskInfo('sequence-to-sequence')?.metrics.includes('comet'));
  assert.ok(taskInfo('retrieval')?.metrics.includes('context-recall'));
});

test('catalogue: the new keys of genai.md §3 exist with their types', () => {
  const paths = new Set(allPaths());
  for (const p of [
    'requirements.scale.input_tokens',
    'requirements.performance.ttft.p95',
    'requirements.budget.monthly',
    'requirements.output.fps',
    'framing.conditioning',
    'data.sources[].untrusted',
    'data.chunking.size',
    'data.filtering',
    'model.candidates[].context_window',
    'model.stages[].ttft',
    'model.stages[].decoding.strategy',
    'model.prompt.max_input_tokens',
    'model.decoding.guidance_scale',
    'model.retrieval.corpus',
    'model.tools[].side_effects',
    'evaluation.offline.metrics[].judge',
    'evaluation.online.guardrails[].judge',
    'model.stages[].metrics[].judge',
    'evaluation.judges[].calibration.agreement',
    'evaluation.regression.triggers',
    'evaluation.red_team',
    'serving.index.vectors',
    'serving.gpu.kv_cache.prefix_caching',
    'serving.gpu.throughput.output_tokens_per_s',
    'serving.cache.hit_rate',
    'serving.cost.price_per_1m_output_tokens',
    'serving.guardrails.on_violation',
    'monitoring.prompt_logging',
  ])
    assert.ok(paths.has(p), p);
  assert.equal(specAt(['requirements', 'budget', 'monthly'])?.type, 'money');
  assert.equal(specAt(['model', 'retrieval', 'reranker'])?.soft, true);
  assert.equal(specAt(['model', 'decoding', 'top_p'])?.descriptive, true);
});

test('enums: aliases are accepted and read as the canonical value; others are MLSD003', () => {
  const text = [
    'mlsd: 1',
    'title: t',
    'model:',
    '  candidates:',
    '    - {id: llm, provider: hosted, precision: bfloat16, adaptation: [sft, qlora, zero-shot]}',
    '  decoding: {strategy: nucleus}',
    'serving:',
    '  gpu: {kv_cache: {precision: nf4}}',
    '',
  ].join('\n');
  assert.deepEqual(of(text, 'MLSD003'), []);
  assert.deepEqual(of(text, 'MLSD012'), []);
  const doc = new MlsdDoc(parse(text));
  assert.equal(doc.enumOf(['model', 'candidates', 0, 'provider']), 'api');
  assert.equal(doc.enumOf(['model', 'candidates', 0, 'precision']), 'bf16');
  assert.equal(doc.enumOf('model.decoding.strategy'), 'top-p');
  assert.equal(doc.enumOf('serving.gpu.kv_cache.precision'), 'int4');
  assert.equal(of(text.replace('nucleus', 'mirostat'), 'MLSD003').length, 1);
});

test('descriptive fields of genai.md §3.9 give MLSD012, not MLSD003', () => {
  const text = [
    'mlsd: 1',
    'title: t',
    'model:',
    '  decoding: {top_p: 1.5, steps: many}',
    '  retrieval: {first_stage_k: -3, hybrid: sometimes, top_k: lots}',
    'serving:',
    '  gpu: {batching: clever}',
    '',
  ].join('\n');
  const f = run(text);
  assert.deepEqual(
    f.filter((x) => x.ruleId === 'MLSD012').length,
    5,
    f.map((x) => `${x.ruleId} ${x.message}`).join('\n'),
  );
  const e = f.filter((x) => x.ruleId === 'MLSD003');
  assert.equal(e.length, 1, 'top_k is read by rules: MLSD003');
  assert.match(e[0].message, /top_k/);
});

const REFS = [
  'mlsd: 1',
  'title: t',
  'data:',
  '  sources:',
  '    - {id: docs, kind: content}',
  '    - {id: tickets, kind: logs}',
  'model:',
  '  candidates:',
  '    - {id: llm}',
  '    - {id: embedder}',
  '  stages:',
  '    - {id: gen, model: llm, metrics: [{name: faithfulness, judge: judge-a}]}',
  '  retrieval:',
  '    corpus: [docs, tickets]',
  '    embedding_model: embedder',
  '    reranker: bge-reranker-large',
  '  tools:',
  '    - {id: search}',
  'evaluation:',
  '  judges:',
  '    - {id: judge-a, kind: llm}',
  '  offline:',
  '    metrics: [{name: faithfulness, judge: judge-a}]',
  '  online:',
  '    metrics: [{name: thumbs-up-rate, judge: judge-a}]',
  '',
].join('\n');

test('references: corpus, soft model refs and judges resolve; unresolved ones are MLSD004, soft ones never', () => {
  assert.deepEqual(of(REFS, 'MLSD004'), []);
  const bad = REFS.replace('corpus: [docs, tickets]', 'corpus: [docs, tikets]').replace(
    'judge: judge-a}]\n  online',
    'judge: judge-b}]\n  online',
  );
  const f = of(bad, 'MLSD004');
  assert.equal(f.length, 2, f.map((x) => x.message).join('\n'));
  assert.match(f[0].message, /corpus\[1\].*`tikets`.*did you mean `tickets`/);
  assert.match(f[1].message, /judge.*`judge-b`/);
  const idx = refIndex(new MlsdDoc(parse(REFS)));
  const refsOf = (ns: string) => idx.sites.filter((s) => s.ns === ns && s.role === 'reference').map((s) => s.path);
  assert.deepEqual(refsOf('source'), ['model.retrieval.corpus[0]', 'model.retrieval.corpus[1]']);
  assert.deepEqual(refsOf('candidate'), ['model.stages[0].model', 'model.retrieval.embedding_model']);
  assert.deepEqual(refsOf('judge'), [
    'model.stages[0].metrics[0].judge',
    'evaluation.offline.metrics[0].judge',
    'evaluation.online.metrics[0].judge',
  ]);
});

test('duplicate judge and tool ids are MLSD005', () => {
  const text = REFS.replace('    - {id: search}', '    - {id: search}\n    - {id: Search}').replace(
    '    - {id: judge-a, kind: llm}',
    '    - {id: judge-a, kind: llm}\n    - {id: judge_a, kind: human}',
  );
  const f = of(text, 'MLSD005');
  assert.equal(f.length, 4, f.map((x) => x.message).join('\n'));
  assert.ok(f.some((x) => /evaluation\.judges/.test(x.message)));
  assert.ok(f.some((x) => /model\.tools/.test(x.message)));
});

function at(text: string, needle: string, delta = 1): Position {
  const off = text.indexOf(needle);
  assert.ok(off >= 0, needle);
  const p = positionAt(parse(text), off + delta);
  return { line: p.line, character: p.character };
}

test('navigation: definition and references of judges and corpus sources', () => {
  const a = new Session().analysis('file:///g.mlsd.yaml', 1, REFS);
  const def = definition(a, at(REFS, 'judge: judge-a}]}', 8));
  assert.equal(def.length, 1);
  assert.equal(def[0].range.start.line, at(REFS, '{id: judge-a').line);
  const refs = references(a, at(REFS, '{id: judge-a', 6), true);
  assert.equal(refs.length, 4);
  const src = definition(a, at(REFS, 'tickets]', 1));
  assert.equal(src[0].range.start.line, at(REFS, '{id: tickets').line);
  assert.deepEqual(definition(a, at(REFS, 'bge-reranker', 2)), [], 'a soft reference to no candidate is text');
});

test('completion: `judge:` offers judge ids, `corpus` offers source ids', () => {
  const withCursor = REFS.replace('judge: judge-a}]\n  online', 'judge: $0}]\n  online');
  const { text, offset } = cursor(withCursor);
  const a = new Session().analysis('file:///g.mlsd.yaml', 1, text);
  const p = positionAt(parse(text), offset);
  const labels = (completion(a, { line: p.line, character: p.character }) ?? []).map((c) => c.label);
  assert.ok(labels.includes('judge-a'), labels.join(', '));
});

test('facts of genai.md §4 on the two example docs', () => {
  const rag = new MlsdDoc(parseText(read('rag.mlsd.yaml')));
  const t2i = new MlsdDoc(parseText(read('text-to-image.mlsd.yaml')));
  const id = (d: MlsdDoc, n: ReturnType<typeof generator>) =>
    n ? d.textOf(n.entries?.find((e) => e.key === 'id')) : undefined;
  assert.ok(isGenerative(rag) && isGenerative(t2i));
  assert.equal(generatorStage(rag)?.id, 'generation');
  assert.equal(generatorStage(t2i)?.id, 'generate', 'super-resolution is never the generator stage');
  assert.equal(id(rag, generator(rag)), 'llm');
  assert.deepEqual(
    productionCandidates(rag).map((c) => id(rag, c)),
    ['llm', 'embedder', 'reranker'],
  );
  assert.ok(userFacing(rag) && userPrompt(rag) && streamed(rag, 100));
  assert.ok(userPrompt(t2i), 'text-to-image: user prompt by archetype');
  assert.ok(!streamed(t2i, 100), 'image generation is never streamed');
  assert.ok(retrieves(rag) && !retrieves(t2i));
  assert.deepEqual(
    retrievalCorpus(rag).map((s) => id(rag, s)),
    ['help_center', 'tenant_docs', 'tickets'],
  );
  assert.ok(trainsWeights(t2i) && !trainsWeights(rag));
  assert.ok(hasGuardrail(rag, 'input', 'indirect-prompt-injection'));
  assert.ok(hasGuardrail(t2i, 'output', 'nsfw') && !hasGuardrail(t2i, 'output', 'toxicity'));
  assert.equal(requestsPerDay(rag), 600_000);
  for (const c of productionCandidates(rag)) assert.equal(floatingCandidate(rag, c), undefined);
  const api = new MlsdDoc(
    parseText('model:\n  candidates:\n    - {id: g, provider: api}\n    - {id: h, version: gpt-4o-latest}\n'),
  );
  const [g, h] = api.entries('model.candidates');
  assert.match(floatingCandidate(api, g) ?? '', /API model/);
  assert.match(floatingCandidate(api, h) ?? '', /latest/);
  const classic = new MlsdDoc(parseText('framing:\n  task_type: ranking\n'));
  assert.ok(!isGenerative(classic) && !userFacing(classic));
});

test('fit tables of genai.md §9 and §10 drive MLSD503 and MLSD402 on generative docs', () => {
  const doc = (task: string, metrics: string, loss: string) =>
    `mlsd: 1\ntitle: t\nframing:\n  task_type: ${task}\nmodel:\n  loss: ${loss}\nevaluation:\n  offline:\n    metrics: [${metrics}]\n`;
  assert.deepEqual(of(doc('sequence-to-sequence', 'comet, chrf, bleu', 'label-smoothed-cross-entropy'), 'MLSD503'), []);
  assert.deepEqual(of(doc('sequence-to-sequence', 'comet', 'label smoothing'), 'MLSD402'), []);
  assert.equal(of(doc('text-generation', 'comet', 'next-token'), 'MLSD503').length, 1, 'comet fits seq2seq only');
  assert.deepEqual(of(doc('text-generation', 'faithfulness, pass@1, llm-judge-score', 'dpo'), 'MLSD503'), []);
  assert.equal(of(doc('text-generation', 'bleu', 'mse'), 'MLSD402').length, 1, 'mse left the text-generation row');
  assert.deepEqual(of(doc('image-generation', 'fid, kid, pickscore, nsfw-rate', 'diffusion'), 'MLSD503'), []);
  assert.deepEqual(of(doc('image-generation', 'fid', 'adversarial + perceptual'), 'MLSD402'), []);
  assert.equal(of(doc('super-resolution', 'clip-score', 'mae'), 'MLSD503').length, 1);
  assert.deepEqual(of(doc('video-generation', 'fvd, temporal-consistency', 'flow-matching'), 'MLSD503'), []);
  assert.deepEqual(of(doc('image-to-text', 'cider, spice, clip-score', 'next-token'), 'MLSD503'), []);
});

test('hover: guardrail items, money, generative metrics, archetypes and judges through the describer', () => {
  const text = read('rag.mlsd.yaml');
  const a = new Session().analysis('file:///rag.mlsd.yaml', 1, text);
  const md = (needle: string, delta = 1) => {
    const h = hover(a, at(text, needle, delta));
    return h ? (h.contents as { value: string }).value : '';
  };
  assert.match(md('indirect-prompt-injection'), /input guardrail[\s\S]*hidden in retrieved documents/);
  assert.match(md('grounding-check'), /output guardrail/);
  assert.match(md('$35k'), /money = \$35,000 · USD/);
  assert.match(md('faithfulness, judge'), /Range:\*\* 0–1 · higher is better[\s\S]*Fits:\*\* `text-generation`/);
  assert.match(md('rag\n'), /Generative AI System Design Interview\* ch\. 6[\s\S]*Typical stages/);
  assert.match(
    md('judge: judge,', 8),
    /judge \(llm\)[\s\S]*Calibrated against human labels: 600 items, agreement 0\.74 \(cohen-kappa\)/,
  );
  assert.match(md('strategy: top-p', 11), /Watch out/);
  assert.match(md('precision: fp8', 11), /1 byte per value/);
  const custom = new Session().analysis(
    'file:///c.mlsd.yaml',
    1,
    'mlsd: 1\nserving:\n  guardrails:\n    output: [brand voice check]\n',
  );
  const h = hover(custom, { line: 3, character: 16 });
  assert.ok(h);
  assert.match((h.contents as { value: string }).value, /custom check/);
});

test('outline and symbols show the generative parts where they belong', () => {
  const text = read('rag.mlsd.yaml');
  const a = new Session().analysis('file:///rag.mlsd.yaml', 1, text);
  const steps = designOutline(a).steps;
  const child = (step: string, key: string) =>
    steps.find((s) => s.key === step)?.children.find((c) => c.key === key)?.detail;
  assert.equal(child('model', 'retrieval'), 'top 8, 3 sources, reranker reranker, access per-tenant');
  assert.equal(child('model', 'prompt'), 'answer-v12, ≤ 2k in, ≤ 1k out');
  assert.equal(child('model', 'decoding'), 'top-p, T 0.2, p 0.9');
  assert.equal(child('evaluation', 'judges'), 'judge (llm)');
  assert.equal(child('serving', 'gpu'), '16 × H100-80GB, 4 per replica, batch 64');
  assert.equal(child('serving', 'guardrails'), '3 input, 3 output checks');
  const syms = documentSymbols(a, 1000);
  const find = (name: string, list = syms): DocumentSymbol | undefined => {
    for (const s of list) {
      if (s.name === name) return s;
      const c = find(name, s.children ?? []);
      if (c) return c;
    }
    return undefined;
  };
  assert.equal(find('judge', find('judges')?.children)?.detail, 'llm · qwen2.5-72b-instruct');
  assert.ok(find('gpu') && find('guardrails') && find('retrieval'));
});

test("docs/format.md's generative example uses only known keys and valid values", () => {
  const md = fs.readFileSync(path.join(ROOT, 'docs/format.md'), 'utf8');
  const section = md.slice(md.indexOf('## Generative systems (v1.1)'));
  const yaml = /```yaml\n([\s\S]*?)```/.exec(section)?.[1];
  assert.ok(yaml, 'the section has a yaml example');
  const found = run(yaml).filter((f) => [...FORMAT_RULES, 'MLSD001', 'MLSD011'].includes(f.ruleId));
  assert.deepEqual(
    found.map((f) => `${f.ruleId} ${f.message}`),
    [],
  );
});
