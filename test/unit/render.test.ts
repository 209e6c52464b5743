/**
 * The render model (engine/render), its Markdown and HTML exports, and the review scorecard
 * (engine/scorecard.ts over domain/checklist.ts): snapshots of every bundled example's Markdown, scorecard
 * verdicts on hand-built docs, explain-comments, and HTML well-formedness and escaping.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze, lint } from '../../server/src/lint/engine';
import { type RenderModel, renderModel, toHtml, toMarkdown } from '../../server/src/engine/render';
import { CHECKLIST } from '../../server/src/engine/domain/checklist';
import { allPaths } from '../../server/src/engine/catalog';
import { findingStep, scorecard, type ScoredFinding } from '../../server/src/engine/scorecard';
import { qpsFigures, latencyCheck, experimentFigures } from '../../server/src/engine/figures';
import { expectFile } from '../harness/snapshot';
import { render } from '../../server/src/features/render';
import { getDefaultConfig } from '../../server/src/lint/engine';
import type { Analysis } from '../../server/src/lint/analysis';

const ROOT = path.resolve(__dirname, '../../..');
const EXAMPLES = path.join(ROOT, 'examples');
const SNAPSHOTS = path.join(ROOT, 'test/fixtures/render');

function modelOf(text: string, svg = false): RenderModel {
  const doc = analyze(text);
  return renderModel({ doc, findings: lint(doc).findings, svg });
}

test('the Markdown export of every bundled example matches its snapshot', () => {
  const files = fs.readdirSync(EXAMPLES).filter((f) => f.endsWith('.mlsd.yaml'));
  assert.ok(files.length >= 10);
  for (const f of files) {
    const md = toMarkdown(modelOf(fs.readFileSync(path.join(EXAMPLES, f), 'utf8')));
    expectFile(path.join(SNAPSHOTS, f.replace(/\.mlsd\.yaml$/, '.md')), md);
  }
});

test('the Markdown of a generative doc shows its parts and the genaiServing figures', () => {
  const text = fs.readFileSync(path.join(ROOT, 'test/fixtures/genai/rag.mlsd.yaml'), 'utf8');
  // without findings: the snapshot pins the content, parts and figures, not the generative rules' messages
  const m = renderModel({ doc: analyze(text), findings: [], svg: false });
  assert.equal(m.generative, true);
  for (const id of ['qps', 'latency', 'index-memory', 'gpu-memory', 'capacity', 'ttft'])
    assert.ok(
      m.figures.some((f) => f.id === id),
      id,
    );
  const md = toMarkdown(m);
  expectFile(path.join(SNAPSHOTS, 'genai-rag.md'), md);
  assert.match(md, /\*\*model\.retrieval\*\*/);
  assert.match(md, /\*\*serving\.guardrails\*\*/);
});

// ------------------------------------------------------------------------------------------ checklist

test('every checklist key is a key of the format (catalogue paths)', () => {
  const paths = new Set(allPaths());
  for (const item of CHECKLIST)
    for (const k of item.keys) assert.ok(paths.has(k), `${item.id}: \`${k}\` is not a catalogue path`);
  const ids = CHECKLIST.map((i) => i.id);
  assert.equal(new Set(ids).size, ids.length, 'item ids are unique');
  for (let s = 1; s <= 7; s++)
    assert.ok(
      CHECKLIST.some((i) => i.step === s && !i.when),
      `step ${s} has an item every doc is expected to state`,
    );
});

// ------------------------------------------------------------------------------------------ scorecard

const FULL_CLASSIC = `mlsd: 1
title: Spam filter
summary: Flag spam emails before they reach the inbox.
requirements:
  business_objective: fewer spam complaints
  out_of_scope: [phishing]
  scale: {dau: 10M, requests_per_user_per_day: 20}
  performance: {mode: online, latency: {p99: 50ms}}
  data: {labeled: true, size: 1B emails}
  constraints: {deployment: cloud, privacy: no raw text stored}
framing:
  ml_objective: predict P(spam | email)
  task_type: binary-classification
  input: an email
  output: P(spam)
  output_use: probability
  alternatives:
    - objective: rules only
      rejected_because: spammers adapt within days
data:
  sources:
    - {id: emails, kind: interactions, store: warehouse, volume: 200M/day}
  labels: {source: explicit, positive: reported spam, negative: not reported within 7 days, eval_source: human}
  features:
    - {id: sender_reputation, source: emails, transform: log-scaled count, freshness: batch}
  split: {strategy: temporal}
  imbalance: {handling: class-weights}
  privacy: {plan: hashed addresses}
  bias: {selection: only delivered mail is reported}
model:
  baseline: sender blocklist
  candidates:
    - {id: gbdt, pros: strong on tabular, cons: no text}
  loss: bce
  training: {from: scratch}
evaluation:
  offline: {metrics: [pr-auc]}
  online:
    metrics: [spam complaints per 1k users]
    experiment: {baseline_rate: 1%, mde_relative: 5%}
  fairness: {attributes: [language]}
serving:
  target: cloud
  mode: online
  rollout: {strategy: canary}
  components: [{id: scorer, description: scores each email}]
  fallback: deliver and rescore later
monitoring:
  operational: [p99 latency]
  ml: [prediction drift]
  alerts: [{metric: spam rate, threshold: +50%, action: page}]
  retraining: {cadence: weekly}
`;

const finding = (ruleId: string, severity: ScoredFinding['severity'], aboutStep?: number): ScoredFinding => ({
  ruleId,
  severity,
  ...(aboutStep !== undefined ? { aboutStep } : {}),
});

test('scorecard: a doc stating every expected item with no finding is complete, 100', () => {
  const card = scorecard(analyze(FULL_CLASSIC), []);
  const missing = card.steps.flatMap((s) => s.items.filter((i) => !i.stated).map((i) => i.id));
  assert.deepEqual(missing, []);
  assert.equal(card.verdict, 'complete');
  assert.equal(card.readiness, 100);
  assert.equal(card.generative, false);
});

test('scorecard: items that do not apply are not expected (ranking, generative, thresholds)', () => {
  const card = scorecard(analyze(FULL_CLASSIC), []);
  const ids = new Set(card.steps.flatMap((s) => s.items.map((i) => i.id)));
  // a binary classifier that is not a recommender: no stages, cold start or interactions expected
  for (const id of ['model.stages', 'model.cold-start', 'requirements.interactions']) assert.ok(!ids.has(id), id);
  // no generative items in a classic doc
  for (const id of ['evaluation.judges', 'serving.guardrails', 'model.decoding']) assert.ok(!ids.has(id), id);
  // output_use probability: no decision policy expected; a threshold use expects it
  assert.ok(!ids.has('framing.decision-policy'));
  const threshold = scorecard(analyze(FULL_CLASSIC.replace('output_use: probability', 'output_use: threshold')), []);
  const item = threshold.steps[1].items.find((i) => i.id === 'framing.decision-policy');
  assert.ok(item && !item.stated);
  assert.equal(threshold.verdict, 'ready for review');
  // batch features only: no feature store expected
  assert.ok(!ids.has('serving.feature-store'));
  const streaming = scorecard(analyze(FULL_CLASSIC.replace('freshness: batch', 'freshness: streaming')), []);
  assert.ok(streaming.steps[5].items.some((i) => i.id === 'serving.feature-store' && !i.stated));
});

test('scorecard: a ranking doc expects stages and cold start; a generative doc expects its own items', () => {
  const ranking = scorecard(analyze('mlsd: 1\nframing:\n  task_type: ranking\n'), []);
  const rankingIds = ranking.steps.flatMap((s) => s.items.map((i) => i.id));
  assert.ok(rankingIds.includes('model.stages') && rankingIds.includes('model.cold-start'));
  const rag = scorecard(analyze(fs.readFileSync(path.join(ROOT, 'test/fixtures/genai/rag.mlsd.yaml'), 'utf8')), []);
  assert.equal(rag.generative, true);
  const ragIds = rag.steps.flatMap((s) => s.items.map((i) => i.id));
  for (const id of ['model.retrieval', 'data.chunking', 'serving.guardrails', 'evaluation.judges'])
    assert.ok(ragIds.includes(id), id);
  // classic-only items are not expected of a generative doc
  for (const id of ['data.features', 'framing.output-use', 'requirements.interactions'])
    assert.ok(!ragIds.includes(id), id);
});

test('scorecard: an error blocks review and lowers readiness; warnings lower it less; notes not at all', () => {
  const doc = analyze(FULL_CLASSIC);
  const err = scorecard(doc, [finding('MLSD303', 'error')]);
  assert.equal(err.verdict, 'draft');
  assert.equal(err.readiness, 90);
  assert.equal(err.steps[2].errors, 1);
  const warn = scorecard(doc, [finding('MLSD105', 'warning'), finding('MLSD601', 'warning')]);
  assert.equal(warn.verdict, 'ready for review');
  assert.equal(warn.readiness, 96);
  assert.deepEqual(
    warn.steps.map((s) => s.warnings),
    [1, 0, 0, 0, 0, 1, 0],
  );
  const notes = scorecard(doc, [finding('MLSD107', 'info'), finding('MLSD108', 'hint')]);
  assert.equal(notes.readiness, 100);
  assert.equal(notes.verdict, 'complete');
  assert.equal(notes.infos, 2);
  // penalties are capped: many errors cannot push readiness below coverage − 70
  assert.equal(
    scorecard(
      doc,
      Array.from({ length: 20 }, () => finding('MLSD303', 'error')),
    ).readiness,
    50,
  );
});

test('scorecard: a step with nothing stated keeps the doc a draft; structure findings go to their step', () => {
  const text = FULL_CLASSIC.slice(0, FULL_CLASSIC.indexOf('monitoring:'));
  const doc = analyze(text);
  const findings = lint(doc).findings;
  const card = scorecard(doc, findings);
  assert.equal(card.steps[6].coverage, 'none');
  assert.equal(card.verdict, 'draft');
  const missingStep = findings.find((f) => f.ruleId === 'MLSD006');
  assert.ok(missingStep, 'MLSD006 reports the missing step');
  assert.equal(findingStep(missingStep), 7);
  assert.ok(card.steps[6].warnings + card.steps[6].errors >= 1);
  assert.equal(findingStep({ ruleId: 'MLSD652' }), 6);
  assert.equal(findingStep({ ruleId: 'MLSD001' }), 0);
});

test('scorecard: placeholders and empty values do not count as stated', () => {
  const card = scorecard(
    analyze(FULL_CLASSIC.replace('business_objective: fewer spam complaints', 'business_objective: TODO')),
    [],
  );
  assert.ok(card.steps[0].items.some((i) => i.id === 'requirements.business-objective' && !i.stated));
  assert.equal(card.verdict, 'ready for review');
  assert.ok(card.readiness < 100);
});

// -------------------------------------------------------------------------------------- render model

test('render model: figures are the engine figures, formatted (never re-derived)', () => {
  const text = fs.readFileSync(path.join(EXAMPLES, 'ad-click-prediction.mlsd.yaml'), 'utf8');
  const doc = analyze(text);
  const m = renderModel({ doc, findings: [], svg: false });
  const q = qpsFigures(doc)!;
  assert.deepEqual((m.rawFigures.qps as { average: number }).average, q.average);
  assert.equal((m.rawFigures.latency as { sum: number }).sum, latencyCheck(doc)!.sum);
  assert.equal((m.rawFigures.experiment as { n: number }).n, experimentFigures(doc)!.n);
  assert.match(m.figures.find((f) => f.id === 'qps')!.value, /231k QPS average, 463k at peak/);
  assert.match(m.figures.find((f) => f.id === 'latency')!.value, /125ms .* budget of 150ms \(25ms headroom\)/);
  // JSON-safe: no tree nodes (parent links would be circular)
  assert.doesNotThrow(() => JSON.stringify(m));
});

test('render model: explain-comments attach to their values, trailing or on the lines above', () => {
  const m = modelOf(`# header of the doc, not a note
mlsd: 1
title: T
requirements:
  scale:
    # why: the launch market only
    dau: 1M
    items: 10M   # active listings
    # mlsd-disable-next-line MLSD105
    qps_peak: 100
    # growth: 10%
    peak_factor: 3
# ------------------------------------------
# Step 3: data
# ------------------------------------------
data:
  sources:
    - id: logs   # the click log
      kind: interactions
`);
  const rows = m.steps[0].blocks.flatMap((b) => (b.kind === 'fields' ? b.rows : []));
  const note = (k: string) => rows.find((r) => r.key === k)?.note;
  assert.equal(note('dau'), 'why: the launch market only');
  assert.equal(note('items'), 'active listings');
  assert.equal(note('qps_peak'), undefined, 'a suppression directive is not an explanation');
  assert.equal(note('peak_factor'), undefined, 'commented-out YAML is not an explanation');
  const sources = m.steps[2].blocks.find((b) => b.kind === 'table');
  assert.ok(sources && sources.kind === 'table');
  assert.deepEqual(sources.rows[0][0], { text: 'logs', note: 'the click log' });
  assert.ok(!JSON.stringify(m).includes('header of the doc'));
  assert.equal(m.steps[2].note, undefined, 'a banner of dashes is layout, not an explanation');
});

test('render model: findings are grouped by step with docs links; a missing step says so', () => {
  const m = modelOf(
    'mlsd: 1\ntitle: Only requirements\nrequirements:\n  scale: {dau: 1M, requests_per_user_per_day: 1, qps_peak: 1M}\n',
  );
  assert.ok(m.steps[0].findings.some((f) => f.ruleId === 'MLSD105'));
  assert.ok(m.steps[1].findings.some((f) => f.ruleId === 'MLSD006'));
  assert.equal(m.steps[1].present, false);
  const f = m.steps[0].findings[0];
  assert.match(f.docsUrl, /\/docs\/rules\/MLSD\d{3}\.md$/);
  const md = toMarkdown(m);
  assert.match(md, /## Review notes[\s\S]*\[MLSD105\]\(https:\/\/[^)]+MLSD105\.md\)/);
  assert.match(md, /## 2\. Framing\n\n\*Not written yet\.\*/);
});

// ------------------------------------------------------------------------------------------------ HTML

const VOID = new Set(['meta', 'br', 'hr', 'img', 'link', 'input']);

/** Tags balance (void elements aside), attributes are quoted, no bare `<` or `&` in text. Style/SVG-internal CSS is skipped. */
function assertWellFormedHtml(html: string): void {
  assert.ok(html.startsWith('<!DOCTYPE html>\n'));
  const body = html.slice('<!DOCTYPE html>\n'.length).replace(/<style>[\s\S]*?<\/style>/g, '<style></style>');
  const stack: string[] = [];
  const tag = /<(\/?)([A-Za-z][\w:-]*)((?:\s+[\w:-]+(?:="[^"<]*")?)*)\s*(\/?)>/y;
  let i = 0;
  while (i < body.length) {
    const lt = body.indexOf('<', i);
    const text = body.slice(i, lt < 0 ? body.length : lt);
    assert.doesNotMatch(text, /&(?!(amp|lt|gt|quot|#\d+);)/, `bare & near ${i}: ${text.slice(0, 60)}`);
    assert.ok(!text.includes('>'), `bare > in text near ${i}: ${text.slice(0, 60)}`);
    if (lt < 0) break;
    tag.lastIndex = lt;
    const m = tag.exec(body);
    assert.ok(m, `malformed tag at ${lt}: ${body.slice(lt, lt + 80)}`);
    const [all, close, name, , selfClose] = m;
    const lower = name.toLowerCase();
    if (close) assert.equal(stack.pop(), name, `</${name}> closes the wrong element at ${lt}`);
    else if (!selfClose && !VOID.has(lower)) stack.push(name);
    i = lt + all.length;
  }
  assert.deepEqual(stack, [], 'every element is closed');
}

test('HTML export: well-formed, self-contained, no script, print and dark styles, the diagram inline', () => {
  const html = toHtml(modelOf(fs.readFileSync(path.join(EXAMPLES, 'news-feed.mlsd.yaml'), 'utf8'), true));
  assertWellFormedHtml(html);
  assert.doesNotMatch(html, /<script/i);
  assert.doesNotMatch(html, /\b(src|href)="(https?:)?\/\/(?!github\.com\/mlsd-dev\/mlsd\/blob\/)/, 'no remote content');
  assert.doesNotMatch(html, /<link\b|@import|url\((?!#)/);
  assert.match(html, /Content-Security-Policy" content="default-src 'none'/);
  assert.match(html, /@media print/);
  assert.match(html, /@media \(prefers-color-scheme: dark\)/);
  assert.match(html, /<svg[^>]*class="mlsd-diagram"/);
  for (let s = 1; s <= 7; s++) assert.match(html, new RegExp(`<section id="step-${s}">`));
  assert.match(html, /<section id="scorecard">/);
});

test('HTML and Markdown export escape hostile text everywhere', () => {
  const evil = `<script>alert("x")</script> & 'q' | *b* [l](javascript:x)`;
  const text = `mlsd: 1
title: '${evil.replace(/'/g, "''")}'
owners: ['<img src=x onerror=alert(1)>']
summary: '${evil.replace(/'/g, "''")}'
requirements:
  business_objective: '${evil.replace(/'/g, "''")}'   # <b>why</b> "quoted"
data:
  sources:
    - id: '<s>'
      kind: interactions
      description: '${evil.replace(/'/g, "''")}'
model:
  stages:
    - {id: '<x onload=1>', latency: 10ms}
`;
  const m = modelOf(text, true);
  const html = toHtml(m);
  assertWellFormedHtml(html);
  assert.doesNotMatch(html, /<script|<img|<s>|<b>|<x /);
  assert.match(html, /&lt;script&gt;alert\(&quot;x&quot;\)&lt;\/script&gt; &amp; &#39;q&#39;/);
  assert.match(html, /&lt;b&gt;why&lt;\/b&gt; &quot;quoted&quot;/);
  const md = toMarkdown(m);
  const outsideMermaid = md.replace(/```mermaid[\s\S]*?```/, '');
  // code spans show their text literally (a rule message quoting the doc); everything else is escaped
  assert.doesNotMatch(outsideMermaid.replace(/`[^`\n]*`/g, ''), /<script|<img|<s>|<b>/);
  assert.match(outsideMermaid, /&lt;script&gt;/);
  assert.doesNotMatch(outsideMermaid, /\[l\]\(javascript/, 'no live link from doc text');
  // table rows keep their column count whatever the text holds (escaped pipes)
  for (const line of outsideMermaid.split('\n').filter((l) => l.startsWith('| `business_objective`')))
    assert.equal(line.replace(/\\\|/g, '').split('|').length, 5, line);
});

test('mlsd/render memoizes per analysis: an unchanged version answers the same object without rendering again', () => {
  const doc = analyze(fs.readFileSync(path.join(EXAMPLES, 'news-feed.mlsd.yaml'), 'utf8'), 'file:///x.mlsd.yaml', 3);
  const config = getDefaultConfig();
  const a: Analysis = {
    uri: doc.uri,
    version: 3,
    doc,
    config,
    lint: lint(doc, config),
    configProblems: [],
    elapsedMs: 0,
  };
  const m1 = render(a, 'model');
  assert.equal(render(a, 'model'), m1);
  const h1 = render(a, 'html');
  assert.equal(render(a, 'html'), h1);
  assert.equal(h1.version, 3);
  assert.match(h1.text!, /^<!DOCTYPE html>/);
  // a new analysis (new version or config) renders anew
  const b: Analysis = { ...a, version: 4 };
  assert.notEqual(render(b, 'model'), m1);
  assert.equal(render(b, 'model').version, 4);
});
