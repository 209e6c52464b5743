/**
 * The generative rules of steps 5 and 7 (genai.md §7: MLSD550–554, MLSD750–752): the branches and
 * exemptions their fixtures do not reach, the figures of their messages, their suggestions, and no finding
 * on the spec's sound example docs or on the classic examples.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { applyEdits } from '../../server/src/lint/engine';
import { containsWord, mentionsWord } from '../../server/src/engine/domain';
import { of, run } from '../harness/lint';

const ROOT = path.resolve(__dirname, '../../..');
const IDS = ['MLSD550', 'MLSD551', 'MLSD552', 'MLSD553', 'MLSD554', 'MLSD750', 'MLSD751', 'MLSD752'];

test('the genai.md §13 and §14 example docs and the classic examples get no finding of MLSD550–554, 750–752', () => {
  const files = [
    ...['rag.mlsd.yaml', 'text-to-image.mlsd.yaml'].map((f) => path.join(ROOT, 'test/fixtures/genai', f)),
    ...fs
      .readdirSync(path.join(ROOT, 'examples'))
      .filter((f) => f.endsWith('.mlsd.yaml'))
      .map((f) => path.join(ROOT, 'examples', f)),
  ];
  assert.ok(files.length >= 12);
  for (const file of files) {
    const text = fs.readFileSync(file, 'utf8');
    for (const preset of ['recommended', 'strict']) {
      const found = run(text, undefined, preset).filter((f) => IDS.includes(f.ruleId));
      assert.deepEqual(
        found.map((f) => `${f.ruleId}: ${f.message}`),
        [],
        `${path.basename(file)} under ${preset}`,
      );
    }
  }
});

test('the §13 RAG example loses its exemptions one by one and each rule then fires', () => {
  const rag = fs.readFileSync(path.join(ROOT, 'test/fixtures/genai/rag.mlsd.yaml'), 'utf8');
  const cut = (from: string, to: string) => {
    assert.ok(rag.includes(from), from);
    return rag.replace(from, to);
  };
  // grounding: faithfulness is the only grounding metric
  assert.equal(
    of(cut('{name: faithfulness, judge: judge, stage: generation, target: ">= 0.95"}', 'answer-relevance'), 'MLSD550')
      .length,
    1,
  );
  // safety evaluation: attack-success-rate and red_team
  const noSafety = cut('      - {name: attack-success-rate, target: "<= 0.02"}\n', '').replace(
    / {2}red_team: .*\n/,
    '',
  );
  assert.equal(of(noSafety, 'MLSD554').length, 1);
  // judge calibration
  assert.equal(
    of(
      cut('calibration: {human_labels: 600, agreement: 0.74, statistic: cohen-kappa, cadence: 90d}', 'rubric: r'),
      'MLSD552',
    ).length,
    1,
  );
  // quality monitoring: feedback and the online quality metrics
  const noQuality = cut('  feedback: [thumbs, regenerations, escalations]\n', '')
    .replace('metrics: [deflection-rate, thumbs-up-rate, escalation-rate]', 'metrics: [ctr]')
    .replace('guardrails: [escalation-rate, safety-incident-rate]', 'guardrails: [safety-incident-rate]')
    .replace('primary: deflection-rate', 'primary: ctr');
  assert.equal(of(noQuality, 'MLSD750').length, 0, '"judge agreement drift" in monitoring.ml names a quality signal');
  assert.equal(of(noQuality.replace(', judge agreement drift]', ']'), 'MLSD750').length, 1);
  // safety monitoring: the safety list and the safety-incident-rate guardrail
  const noSafetyMon = cut('  safety: [blocked-prompt rate, flagged-output rate, injection attempts]\n', '').replace(
    'guardrails: [escalation-rate, safety-incident-rate]',
    'guardrails: [escalation-rate]',
  );
  assert.equal(of(noSafetyMon, 'MLSD751').length, 1);
  // telemetry: the prompt version
  const [t] = of(cut('{version: answer-v12, store: git,', '{store: git,'), 'MLSD752');
  assert.equal(t.message, 'Generation telemetry gaps: a prompt template version');
});

// --- MLSD550 -----------------------------------------------------------------------------------------

const rag = (stages: string, metrics: string, extra = '') =>
  `mlsd: 1\ntitle: t\narchetype: rag\nframing:\n  task_type: text-generation\nmodel:\n  candidates:\n    - {id: llm}\n    - {id: emb}\n  stages:\n${stages}  retrieval: {embedding_model: emb, top_k: 8}\nevaluation:\n  offline:\n    metrics: ${metrics}\n${extra}`;
const untyped = '    - {id: search, model: emb}\n    - {id: answer, model: llm, task_type: text-generation}\n';
const typed =
  '    - {id: search, model: emb, task_type: retrieval}\n    - {id: answer, model: llm, task_type: text-generation}\n';

test('MLSD550 (a) names recall@top_k, says when no stage is typed retrieval, and counts what measures retrieval', () => {
  const [a] = of(rag(untyped, '[faithfulness]'), 'MLSD550');
  assert.match(a.message, /^Retrieval \(top_k 8\) is never measured/);
  assert.match(
    a.explanation ?? '',
    /No `model\.stages` entry has `task_type: retrieval`, so retrieval metrics such as recall@8/,
  );
  const [b] = of(rag(typed, '[faithfulness]'), 'MLSD550');
  assert.doesNotMatch(b.explanation ?? '', /No `model\.stages` entry/);
  // top_k not stated: recall@10
  const [c] = of(rag(untyped, '[faithfulness]').replace(', top_k: 8', ''), 'MLSD550');
  assert.match(c.explanation ?? '', /recall@10/);
  assert.match(c.message, /^Retrieval is never measured/);
  // measured: a metric on a retrieval or ranking stage, scoped to one, a judged context metric, an unscoped recall@k
  for (const m of [
    '[faithfulness, context-relevance]',
    '[faithfulness, mrr]',
    '[faithfulness, {name: recall@8, stage: search}]',
  ])
    assert.equal(of(rag(typed, m), 'MLSD550').length, 0, m);
  const ranked =
    '    - {id: search, model: emb, task_type: ranking, metrics: [ndcg@8]}\n    - {id: answer, model: llm, task_type: text-generation}\n';
  assert.equal(of(rag(ranked, '[faithfulness]'), 'MLSD550').length, 0);
  // a retrieval metric scoped to the generation stage does not measure retrieval
  assert.equal(of(rag(typed, '[faithfulness, {name: recall@8, stage: answer}]'), 'MLSD550').length, 1);
});

test('MLSD550 (b) counts grounding metrics in any list, aliases included', () => {
  const has = (metrics: string, extra = '') => of(rag(typed, metrics, extra), 'MLSD550').map((f) => f.message);
  assert.equal(has('[recall@8]').filter((m) => m.startsWith('Grounding')).length, 1);
  for (const m of ['[recall@8, groundedness]', '[recall@8, chair]', '[recall@8, citation-recall]'])
    assert.deepEqual(has(m), [], m);
  assert.deepEqual(
    has('[recall@8]', '  online:\n    metrics: [thumbs-up-rate]\n    guardrails: [hallucination-rate]\n'),
    [],
  );
});

test('MLSD550 does not apply to a doc that retrieves nothing', () => {
  const chat =
    'mlsd: 1\ntitle: t\narchetype: chatbot\nframing:\n  task_type: text-generation\nevaluation:\n  offline:\n    metrics: [win-rate]\n';
  assert.equal(of(chat, 'MLSD550').length, 0);
  // a serving index in front of a text generator is retrieval (genai.md §4)
  assert.equal(of(`${chat}serving:\n  index: {type: hnsw}\n`, 'MLSD550').length, 2);
});

test('MLSD550 suggestions: type and measure the embedding stage (flow and block), append faithfulness', () => {
  const text = rag(untyped, '[answer-relevance]');
  const [a, b] = of(text, 'MLSD550');
  const fixedA = applyEdits(text, a.suggestions![0].edits).text;
  assert.match(fixedA, /- \{id: search, model: emb, task_type: retrieval, metrics: \[recall@8\]\}/);
  assert.equal(of(fixedA, 'MLSD550').length, 1, 'only grounding is left');
  const fixedB = applyEdits(text, b.suggestions![0].edits).text;
  assert.match(fixedB, /metrics: \[answer-relevance, faithfulness\]/);

  const block = rag(
    '    - id: search\n      model: emb\n    - {id: answer, model: llm, task_type: text-generation}\n',
    '[faithfulness]',
  );
  const [c] = of(block, 'MLSD550');
  const fixedC = applyEdits(block, c.suggestions![0].edits).text;
  assert.match(fixedC, /- id: search\n {6}model: emb\n {6}task_type: retrieval\n {6}metrics: \[recall@8\]\n/);
  assert.equal(of(fixedC, 'MLSD550').length, 0);

  // a stage typed as something else is not retyped: no suggestion
  const other = rag(
    '    - {id: search, model: emb, task_type: binary-classification}\n    - {id: answer, model: llm, task_type: text-generation}\n',
    '[faithfulness]',
  );
  const [d] = of(other, 'MLSD550');
  assert.equal(d.suggestions, undefined);

  // faithfulness is scoped to the text generator stage when the framing type is not a text type
  const framedRetrieval = rag(typed, '[recall@8]').replace(
    '  task_type: text-generation\nmodel',
    '  task_type: retrieval\nmodel',
  );
  const g = of(framedRetrieval, 'MLSD550').find((f) => f.message.startsWith('Grounding'))!;
  assert.match(
    applyEdits(framedRetrieval, g.suggestions![0].edits).text,
    /\[recall@8, \{name: faithfulness, stage: answer\}\]/,
  );
});

// --- MLSD551 -----------------------------------------------------------------------------------------

const gen = (framing: string, metrics: string, stages = '', archetype = '') =>
  `mlsd: 1\ntitle: t\n${archetype}framing:\n  task_type: ${framing}\n${stages}evaluation:\n  offline:\n    metrics: ${metrics}\n`;

test('MLSD551 reads the metrics that apply to the generator (genai.md §4)', () => {
  assert.equal(of(gen('text-generation', '[bleu, chrf++, ter, meteor, cider, spice, bertscore]'), 'MLSD551').length, 1);
  assert.equal(of(gen('text-generation', '[bleu, pass@1]'), 'MLSD551').length, 0);
  assert.equal(of(gen('text-generation', '[]'), 'MLSD551').length, 0, 'no metric is MLSD501');
  for (const a of ['smart-compose', 'machine-translation', 'image-captioning'])
    assert.equal(of(gen('text-generation', '[bleu]', '', `archetype: ${a}\n`), 'MLSD551').length, 0, a);
  assert.equal(of(gen('text-generation', '[bleu]', '', 'archetype: chatbot\n'), 'MLSD551').length, 1);
  // the generator stage is sequence-to-sequence: not open-ended
  const s2s = 'model:\n  stages:\n    - {id: tr, task_type: sequence-to-sequence}\n';
  assert.equal(of(gen('text-generation', '[bleu]', s2s), 'MLSD551').length, 0);
  // the generator stage is text-generation but the framing is not: unscoped metrics do not apply to it
  const tg = 'model:\n  stages:\n    - {id: answer, task_type: text-generation, metrics: [rouge]}\n';
  assert.equal(of(gen('sequence-to-sequence', '[win-rate]', tg), 'MLSD551').length, 1);
  assert.equal(of(gen('text-generation', '[win-rate]', tg), 'MLSD551').length, 0);
  // a metric spelling that does not parse keeps the rule quiet
  assert.equal(of(gen('text-generation', '[bleu, "recall@"]'), 'MLSD551').length, 0);
});

test('MLSD551 names the metrics and their kind', () => {
  const [f] = of(gen('text-generation', '[sacrebleu, rouge-l]'), 'MLSD551');
  assert.equal(f.message, 'Text generator measured only by reference overlap: `sacrebleu` and `rouge-l`');
  const [g] = of(gen('text-generation', '[ppl]'), 'MLSD551');
  assert.equal(g.message, 'Text generator measured only by likelihood: `ppl`');
  assert.match(g.explanation ?? '', /`sequence-to-sequence`, where reference metrics are expected/);
});

// --- MLSD552 -----------------------------------------------------------------------------------------

const judged = (judge: string, metrics = '[{name: faithfulness, judge: j}]', candidate = 'gpt-4o') =>
  `mlsd: 1\ntitle: t\nframing:\n  task_type: text-generation\nmodel:\n  candidates:\n    - {id: llm, base_model: ${candidate}}\n  selected: llm\nevaluation:\n  offline:\n    metrics: ${metrics}\n  judges:\n    - ${judge}\n`;

test('MLSD552 (a): an LLM judge without human_labels or agreement; self-preference when it is the generator', () => {
  const [f] = of(judged('{id: j, kind: llm, model: GPT 4o}'), 'MLSD552');
  assert.equal(f.message, 'LLM judge `j` (GPT 4o) scores `faithfulness` with no agreement measured against people');
  assert.match(f.explanation ?? '', /It is also the generator's own model/);
  const [g] = of(judged('{id: j, kind: llm, model: claude-3-5-sonnet}'), 'MLSD552');
  assert.doesNotMatch(g.explanation ?? '', /generator's own model/);
  for (const cal of ['{human_labels: 300}', '{agreement: 0.7}', '{agreement: 81%, statistic: accuracy}'])
    assert.equal(of(judged(`{id: j, kind: llm, calibration: ${cal}}`), 'MLSD552').length, 0, cal);
  assert.equal(of(judged('{id: j, kind: llm, calibration: {cadence: 30d}}'), 'MLSD552').length, 1, 'cadence alone');
  assert.equal(of(judged('{id: j, kind: human, raters: 3}'), 'MLSD552').length, 0, 'a human judge');
  assert.equal(of(judged('{id: j, kind: model, model: reward model}'), 'MLSD552').length, 0, 'a trained scorer');
});

test('MLSD552 (b): llm-judge-score with no judge, unless an LLM judge is declared or the metric names one', () => {
  const none =
    'mlsd: 1\ntitle: t\nframing:\n  task_type: text-generation\nevaluation:\n  offline:\n    metrics: [llm-judge-score]\n';
  const [f] = of(none, 'MLSD552');
  assert.equal(f.message, '`llm-judge-score` is scored by an LLM judge that is never declared in `evaluation.judges`');
  assert.equal(of(none.replace('[llm-judge-score]', '[{name: llm-judge-score, judge: x}]'), 'MLSD552').length, 0);
  const withJudge = judged('{id: j, kind: llm, calibration: {human_labels: 300}}', '[llm-judge-score]');
  assert.equal(of(withJudge, 'MLSD552').length, 0);
});

// --- MLSD553 -----------------------------------------------------------------------------------------

const media = (framing: string, metrics: string, extra = '') =>
  `mlsd: 1\ntitle: t\nframing:\n${framing}evaluation:\n  offline:\n    metrics: ${metrics}\n${extra}`;
const human = '  judges:\n    - {id: raters, kind: human}\n';

test('MLSD553 parts: human preference, distribution, alignment (text-conditioned), identity (personalized)', () => {
  const msgs = (f: string, m: string, e = '') => of(media(f, m, e), 'MLSD553').map((x) => x.message);
  const img = '  task_type: image-generation\n';
  assert.deepEqual(msgs(img, '[fid, win-rate]'), []);
  assert.deepEqual(msgs(img, '[fid]', human), [], 'a human judge is human preference');
  assert.equal(msgs(img, '[fid]').length, 1);
  assert.equal(
    msgs(img, '[precision, recall, elo]').length,
    0,
    'generative precision and recall are distribution metrics',
  );
  // text conditioning from framing.conditioning
  assert.equal(msgs(`${img}  conditioning: [text]\n`, '[fid, win-rate]').length, 1);
  assert.equal(msgs(`${img}  conditioning: [text]\n`, '[fid, win-rate, pickscore]').length, 0);
  // personalized from conditioning: subject
  const [p] = msgs(`${img}  conditioning: [subject]\n`, '[fid, win-rate]');
  assert.match(p, /look like the person/);
  assert.equal(msgs(`${img}  conditioning: [subject]\n`, '[fid, win-rate, arcface-similarity]').length, 0);
  // not media generation
  assert.equal(msgs('  task_type: super-resolution\n', '[psnr]').length, 0);
  assert.equal(msgs('  task_type: text-generation\n', '[bleu]').length, 0);
});

test('MLSD553 distribution metrics by type: video needs FVD-like metrics, the motion sentence, stage scope', () => {
  const [v] = of(media('  task_type: video-generation\n', '[fid, human-eval]'), 'MLSD553');
  assert.match(v.message, /video generator: no FVD, KVD or VBench/);
  assert.match(v.explanation ?? '', /per-frame FID does not see motion/);
  assert.match(v.explanation ?? '', /Add `fvd`/);
  // both types missing: one finding naming both fixes
  const both =
    '  conditioning: [image]\nmodel:\n  stages:\n    - {id: a, task_type: image-generation}\n    - {id: b, task_type: video-generation}\n';
  const fs2 = of(media(both, '[human-eval]'), 'MLSD553');
  assert.equal(fs2.length, 1);
  assert.match(fs2[0].explanation ?? '', /Add `fid` or `kid` \(images\) and `fvd` \(video\)/);
  // unscoped metrics apply to the framing type only: a video framing does not make fid the image stage's
  const framedVideo =
    '  task_type: video-generation\nmodel:\n  stages:\n    - {id: a, task_type: image-generation}\n    - {id: b, task_type: video-generation, metrics: [fvd]}\n';
  assert.equal(of(media(framedVideo, '[fid, human-eval]'), 'MLSD553').length, 1, 'fid is the video framing type’s');
});

// --- MLSD554 -----------------------------------------------------------------------------------------

test('MLSD554: user-facing only; red_team or an offline safety metric satisfies it; text and media fixes', () => {
  const doc = (framing: string, metrics: string, extra = '') =>
    `mlsd: 1\ntitle: t\n${framing}evaluation:\n  offline:\n    metrics: ${metrics}\n${extra}`;
  const text = 'framing:\n  task_type: text-generation\n';
  const [f] = of(doc(text, '[win-rate]'), 'MLSD554');
  assert.match(f.explanation ?? '', /`toxicity-rate` on adversarial prompts/);
  const [g] = of(doc('framing:\n  task_type: video-generation\n', '[fvd]'), 'MLSD554');
  assert.match(g.explanation ?? '', /`nsfw-rate` on adversarial prompts/);
  for (const m of ['[win-rate, asr]', '[win-rate, refusal]', '[win-rate, pii-leak-rate]', '[win-rate, report-rate]'])
    assert.equal(of(doc(text, m), 'MLSD554').length, 0, m);
  assert.equal(of(doc(text, '[win-rate]', '  red_team: external red team before launch\n'), 'MLSD554').length, 0);
  assert.equal(
    of(doc(text, '[win-rate]', '  online:\n    metrics: [ctr]\n    guardrails: [toxicity-rate]\n'), 'MLSD554').length,
    1,
    'online does not count',
  );
  // batch and not a generative archetype: not user-facing; a generative archetype delivers to people anyway
  const batch = 'requirements:\n  performance: {mode: batch}\n';
  assert.equal(of(doc(`${batch}${text}`, '[win-rate]'), 'MLSD554').length, 0);
  assert.equal(
    of(doc(`archetype: personalized-headshot\n${batch}framing:\n  task_type: image-generation\n`, '[fid]'), 'MLSD554')
      .length,
    1,
  );
});

// --- MLSD750 / MLSD751 -------------------------------------------------------------------------------

const mon = (evaluation: string, monitoring: string) =>
  `mlsd: 1\ntitle: t\narchetype: chatbot\nframing:\n  task_type: text-generation\n${evaluation}monitoring:\n${monitoring}`;

test('MLSD750 exemptions: feedback, an online quality metric or guardrail (aliases), a judged online metric, an ml word', () => {
  const ops = '  operational: [latency p95]\n';
  assert.equal(of(mon('', ops), 'MLSD750').length, 1);
  assert.equal(of(mon('', `${ops}  feedback: [thumbs]\n`), 'MLSD750').length, 0);
  for (const m of ['thumbs-down-rate', 'csat', 'regenerate-rate', 'win-rate'])
    assert.equal(of(mon(`evaluation:\n  online:\n    metrics: [${m}]\n`, ops), 'MLSD750').length, 0, m);
  assert.equal(
    of(mon('evaluation:\n  online:\n    metrics: [ctr]\n    guardrails: [edit-rate]\n', ops), 'MLSD750').length,
    0,
  );
  assert.equal(of(mon('evaluation:\n  online:\n    metrics: [{name: ctr, judge: j}]\n', ops), 'MLSD750').length, 0);
  assert.equal(of(mon('evaluation:\n  online:\n    metrics: [ctr]\n', ops), 'MLSD750').length, 1);
  for (const w of [
    'sampled answers judged weekly',
    'Groundedness of sampled answers',
    'CSAT survey',
    'human_audit of 100 chats',
  ])
    assert.equal(of(mon('', `${ops}  ml: [${w}]\n`), 'MLSD750').length, 0, w);
  assert.equal(
    of(mon('', `${ops}  ml: [prejudged topics]\n`), 'MLSD750').length,
    1,
    'a word must start with the signal',
  );
});

test('MLSD751 exemptions: monitoring.safety, an online safety metric or guardrail; offline safety does not count', () => {
  const ops = '  operational: [latency p95]\n';
  assert.equal(of(mon('', ops), 'MLSD751').length, 1);
  assert.equal(of(mon('', `${ops}  safety: [blocked prompts]\n`), 'MLSD751').length, 0);
  assert.equal(
    of(mon('evaluation:\n  online:\n    metrics: [ctr]\n    guardrails: [incident-rate]\n', ops), 'MLSD751').length,
    0,
  );
  assert.equal(of(mon('evaluation:\n  online:\n    metrics: [toxicity]\n', ops), 'MLSD751').length, 0);
  assert.equal(of(mon('evaluation:\n  offline:\n    metrics: [toxicity-rate]\n', ops), 'MLSD751').length, 1);
  const internal = mon('', ops)
    .replace('archetype: chatbot\n', '')
    .replace('framing:\n', 'framing:\n  user_facing: false\n');
  assert.equal(of(internal, 'MLSD751').length, 0, 'not user-facing');
});

// --- MLSD752 -----------------------------------------------------------------------------------------

const tele = (monitoring: string, extra = '', framing = 'text-generation') =>
  `mlsd: 1\ntitle: t\nrequirements:\n  scale: {output_tokens: 300}\nframing:\n  task_type: ${framing}\n${extra}monitoring:\n${monitoring}`;
const full = '  operational: [ttft p95, tokens and cost per request]\n  ml: [model_version per request]\n';

test('MLSD752 lists each gap; items contain the words anywhere, _ and - read as spaces', () => {
  assert.equal(of(tele(full), 'MLSD752').length, 0);
  const gaps = (m: string, extra = '', framing?: string) =>
    of(tele(m, extra, framing), 'MLSD752').map((f) => f.message);
  assert.deepEqual(gaps('  operational: [ttft p95, tokens and cost per request]\n'), [
    'Generation telemetry gaps: model and prompt version per request',
  ]);
  assert.deepEqual(gaps('  operational: [ttft p95]\n  ml: [versions]\n'), [
    'Generation telemetry gaps: input/output tokens and cost per request',
  ]);
  assert.deepEqual(gaps('  operational: [output tokens]\n  ml: [version]\n'), [
    'Generation telemetry gaps: TTFT and TPOT percentiles',
  ]);
  assert.deepEqual(gaps('  operational: [time-to-first-token p95, cost]\n  ml: [version]\n'), []);
  assert.deepEqual(gaps('  operational: [inter_token latency, cost]\n  ml: [version]\n'), []);
  assert.deepEqual(gaps('  operational: [TTFT_p95, detokenizer cost]\n  ml: [modelVersion]\n'), []);
  // an image generator asks for no tokens nor TTFT
  assert.deepEqual(gaps('  ml: [model version]\n', '', 'image-generation'), []);
  // retrieval adds the index version
  assert.deepEqual(gaps('  operational: [ttft, cost]\n', 'model:\n  retrieval: {top_k: 5}\n'), [
    'Generation telemetry gaps: model, prompt and index version per request',
  ]);
  // the prompt version
  assert.deepEqual(gaps(full, 'model:\n  prompt: {store: git}\n'), [
    'Generation telemetry gaps: a prompt template version',
  ]);
  assert.deepEqual(gaps(full, 'model:\n  prompt: {version: v3}\n'), []);
  assert.deepEqual(gaps(full, '', 'binary-classification'), [], 'not generative');
});

test('MLSD752 streaming follows the streaming_output_tokens option', () => {
  const m = '  operational: [tokens]\n  ml: [version]\n';
  assert.equal(of(tele(m), 'MLSD752').length, 1, '300 tokens ≥ 100: streamed');
  assert.equal(of(tele(m), 'MLSD752', { streaming_output_tokens: 500 }).length, 0, '300 < 500: not streamed');
});

test('MLSD752 judge drift: an online LLM judge without cadence, unless a monitoring item mentions the judge', () => {
  const judge = (cal: string) =>
    `evaluation:\n  online:\n    guardrails: [{name: faithfulness, judge: j}]\n  judges:\n    - {id: j, kind: llm, calibration: ${cal}}\n`;
  const [f] = of(tele(full, judge('{human_labels: 300}')), 'MLSD752');
  assert.equal(f.message, 'Generation telemetry gaps: judge agreement on fresh human labels');
  assert.match(f.explanation ?? '', /LLM judge `j` scores live traffic/);
  assert.equal(of(tele(full, judge('{human_labels: 300, cadence: 30d}')), 'MLSD752').length, 0);
  const alert = `${full}  alerts:\n    - {metric: judge agreement, threshold: below 0.6}\n`;
  assert.equal(of(tele(alert, judge('{human_labels: 300}')), 'MLSD752').length, 0);
  // an offline-only judge is not live traffic
  const offline =
    'evaluation:\n  offline:\n    metrics: [{name: faithfulness, judge: j}]\n  judges:\n    - {id: j, kind: llm}\n';
  assert.equal(of(tele(full, offline), 'MLSD752').length, 0);
});

test('mentionsWord matches at word starts, case-insensitively, with _ and - as spaces', () => {
  assert.ok(mentionsWord('Model_Version per request', ['version']));
  assert.ok(mentionsWord('time-to-first-token', ['first token']));
  assert.ok(mentionsWord('regenerations', ['regeneration']));
  assert.ok(!mentionsWord('detokenizer errors', ['token']));
  assert.ok(!mentionsWord('', ['token']));
  // MLSD752's "contains" reads anywhere in the text
  assert.ok(containsWord('promptVersion per request', ['version']));
  assert.ok(containsWord('inter-token latency', ['inter token']));
  assert.ok(!containsWord('latency p95', ['version']));
});

test('MLSD550 suggestion fills a placeholder task type and an empty metric list, and only types a measured stage', () => {
  const cases: [string, RegExp][] = [
    [
      '    - {id: search, model: emb, task_type: TBD, metrics: []}\n',
      /\{id: search, model: emb, task_type: retrieval, metrics: \[recall@8\]\}/,
    ],
    [
      '    - {id: search, model: emb, metrics: [recall@8]}\n',
      /\{id: search, model: emb, metrics: \[recall@8\], task_type: retrieval\}/,
    ],
  ];
  for (const [stage, want] of cases) {
    const text = rag(`${stage}    - {id: answer, model: llm, task_type: text-generation}\n`, '[faithfulness]');
    const [f] = of(text, 'MLSD550');
    const fixed = applyEdits(text, f.suggestions![0].edits).text;
    assert.match(fixed, want);
    assert.equal(of(fixed, 'MLSD550').length, 0, fixed);
  }
});
