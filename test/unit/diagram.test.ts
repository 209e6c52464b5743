/** The system diagram (engine/diagram): the graph of a doc, its Mermaid text and its SVG. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze } from '../../server/src/lint/engine';
import { type SystemGraph, systemGraph, toMermaid, toSvg } from '../../server/src/engine/diagram';
import { escapeMermaid } from '../../server/src/engine/diagram/mermaid';
import { escapeXml, wrap } from '../../server/src/engine/diagram/svg';
import { expectFile } from '../harness/snapshot';

const ROOT = path.resolve(__dirname, '../../..');
const EXAMPLES = path.join(ROOT, 'examples');
const FIXTURES = path.join(ROOT, 'test/fixtures/diagram');

const graphOf = (text: string) => systemGraph(analyze(text));
const byId = (g: SystemGraph, id: string) => g.nodes.find((n) => n.id === id);
const edge = (g: SystemGraph, from: string, to: string) => g.edges.find((e) => e.from === from && e.to === to);

/**
 * A small well-formedness check for the SVG (no XML parser in node_modules): one root, every tag closed in
 * order, attributes quoted, no raw `<` or `&` outside tags and entities, and no script or external reference.
 */
function assertWellFormedSvg(svg: string): void {
  const stack: string[] = [];
  const tag = /<(\/?)([A-Za-z][\w:-]*)((?:\s+[\w:-]+="[^"<]*")*)\s*(\/?)>/y;
  let i = 0;
  let roots = 0;
  while (i < svg.length) {
    const lt = svg.indexOf('<', i);
    const text = svg.slice(i, lt < 0 ? svg.length : lt);
    assert.doesNotMatch(text, /&(?!(amp|lt|gt|quot|#\d+);)/, `bare & in text near offset ${i}`);
    assert.ok(!text.includes('>'), `bare > in text near offset ${i}`);
    if (lt < 0) break;
    tag.lastIndex = lt;
    const m = tag.exec(svg);
    assert.ok(m, `malformed tag at offset ${lt}: ${svg.slice(lt, lt + 60)}`);
    const [all, close, name, , selfClose] = m;
    if (close) assert.equal(stack.pop(), name, `</${name}> closes the wrong element at ${lt}`);
    else if (!selfClose) {
      if (!stack.length) roots++;
      stack.push(name);
    } else if (!stack.length) roots++;
    i = lt + all.length;
  }
  assert.deepEqual(stack, [], 'unclosed elements');
  assert.equal(roots, 1, 'exactly one root element');
  assert.match(svg, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
  assert.doesNotMatch(
    svg,
    /<script|\bon[a-z]+="|href=|@import|url\((?!#)/i,
    'no script, handler or external reference',
  );
}

/** Every Mermaid line is one of the statements toMermaid writes; label text never contains a raw delimiter. */
function assertMermaidShape(text: string): void {
  const lines = text.trimEnd().split('\n');
  assert.equal(lines[0], 'flowchart LR');
  const id = '[A-Za-z0-9_]+';
  const label = '[^"\\[\\]{}()|<>]*(?:<br/>[^"\\[\\]{}()|<>]*)?';
  const shapes = [
    new RegExp(`^    ${id}\\["${label}"\\]$`),
    new RegExp(`^    ${id}\\[\\("${label}"\\)\\]$`),
    new RegExp(`^    ${id}\\(\\["${label}"\\]\\)$`),
    /^ {2}subgraph g_(data|training|serving)\["(Data|Training|Serving)"\]$/,
    /^ {2}end$/,
    new RegExp(`^  ${id} (-->|-\\.->)(\\|[^|"\\[\\]<>]+\\|)? ${id}$`),
    /^ {2}classDef placeholder stroke-dasharray: 5 5,fill:none;$/,
    new RegExp(`^  class ${id}(,${id})* placeholder;$`),
  ];
  for (const line of lines.slice(1))
    assert.ok(
      shapes.some((re) => re.test(line)),
      `unexpected Mermaid line: ${line}`,
    );
}

/** The docs with their Mermaid snapshot; an example named like a fixture (rag-assistant, text-to-image) gets `<name>.example.mmd`. */
function docs(): { name: string; text: string; snapshot: string }[] {
  const out: { name: string; text: string; snapshot: string }[] = [];
  const fixtures = fs
    .readdirSync(FIXTURES)
    .filter((f) => f.endsWith('.mlsd.yaml'))
    .sort();
  for (const f of fs.readdirSync(EXAMPLES).sort())
    if (f.endsWith('.mlsd.yaml'))
      out.push({
        name: f,
        text: fs.readFileSync(path.join(EXAMPLES, f), 'utf8'),
        snapshot: f.replace(/\.mlsd\.yaml$/, fixtures.includes(f) ? '.example.mmd' : '.mmd'),
      });
  for (const f of fixtures)
    out.push({
      name: f,
      text: fs.readFileSync(path.join(FIXTURES, f), 'utf8'),
      snapshot: f.replace(/\.mlsd\.yaml$/, '.mmd'),
    });
  return out;
}

test('each bundled example (and the two genai.md examples): Mermaid snapshot, well-formed SVG, no placeholders', () => {
  const all = docs();
  assert.ok(all.length >= 12, `found ${all.length} docs`);
  for (const { name, text, snapshot } of all) {
    const g = graphOf(text);
    const mmd = toMermaid(g);
    assertMermaidShape(mmd);
    expectFile(path.join(FIXTURES, snapshot), mmd);
    assertWellFormedSvg(toSvg(g));
    // every edge joins two nodes; ids are unique
    const ids = new Set(g.nodes.map((n) => n.id));
    assert.equal(ids.size, g.nodes.length, `${name}: duplicate node ids`);
    for (const e of g.edges) assert.ok(ids.has(e.from) && ids.has(e.to), `${name}: dangling edge ${e.from} → ${e.to}`);
    // the examples are complete docs: nothing is missing from their diagram
    assert.deepEqual(
      g.nodes.filter((n) => n.placeholder).map((n) => n.id),
      [],
      `${name}: placeholders in a complete doc`,
    );
    // every node points back into the doc
    for (const n of g.nodes) {
      assert.ok(n.span && n.span[0] <= n.span[1] && n.span[1] <= text.length, `${name}: ${n.id} has no span`);
    }
  }
});

test('video recommendation: sources → features → stages in order → response; training apart; latencies on the stages', () => {
  const text = fs.readFileSync(path.join(EXAMPLES, 'video-recommendation.mlsd.yaml'), 'utf8');
  const g = graphOf(text);
  const serving = g.nodes.filter((n) => n.group === 'serving').map((n) => n.id);
  assert.deepEqual(
    serving.filter((id) => id.startsWith('stage:')),
    ['stage:candidate-generation', 'stage:scoring', 'stage:re-ranking'],
  );
  assert.ok(edge(g, 'request', 'stage:candidate-generation'));
  assert.ok(edge(g, 'stage:candidate-generation', 'stage:scoring'));
  assert.ok(edge(g, 'stage:scoring', 'stage:re-ranking'));
  assert.ok(edge(g, 'stage:re-ranking', 'response'));
  assert.ok(edge(g, 'source:watch_logs', 'feature:user_watch_history'));
  assert.ok(edge(g, 'feature:user_watch_history', 'features'));
  assert.match(byId(g, 'stage:candidate-generation')!.detail!, /two_tower · 40ms/);
  assert.match(byId(g, 'stage:scoring')!.detail!, /90ms/);
  // Σ 40 + 90 + 20 + 40 network = 190 ms against the 200 ms p99
  assert.match(byId(g, 'response')!.detail!, /^190ms total incl\. 40ms network · budget 200ms/);
  // training path: labels → split → training → retraining, deployed (dashed) to the stage running the selected model
  assert.deepEqual(
    g.nodes.filter((n) => n.group === 'training').map((n) => n.id),
    ['labels', 'split', 'training', 'retraining'],
  );
  assert.ok(edge(g, 'labels', 'split') && edge(g, 'split', 'training') && edge(g, 'training', 'retraining'));
  assert.deepEqual(edge(g, 'retraining', 'stage:scoring'), {
    from: 'retraining',
    to: 'stage:scoring',
    label: 'deploys',
    dashed: true,
  });
  assert.match(byId(g, 'retraining')!.detail!, /every 1d · schedule/);
  assert.ok(edge(g, 'source:watch_logs', 'labels'), 'interaction logs feed the labels');
  assert.ok(!edge(g, 'source:users', 'labels'), 'a users table does not');
  // the ANN index feeds the retrieval stage; the fallback is a dashed path around the model
  assert.ok(edge(g, 'index', 'stage:candidate-generation'));
  assert.equal(edge(g, 'stage:re-ranking', 'fallback')?.dashed, true);
  assert.equal(edge(g, 'fallback', 'response')?.dashed, true);
  // spans point at the text they came from
  const s = byId(g, 'stage:scoring')!.span!;
  assert.equal(text.slice(s[0], s[1]), 'scoring');
});

test('RAG: input guardrails → retrieval → rerank → prompt → generation → output guardrails; corpus → index', () => {
  const g = graphOf(fs.readFileSync(path.join(FIXTURES, 'rag-assistant.mlsd.yaml'), 'utf8'));
  const chain = [
    'request',
    'guardrails:input',
    'stage:retrieval',
    'stage:rerank',
    'prompt',
    'stage:generation',
    'guardrails:output',
    'response',
  ];
  for (let i = 1; i < chain.length; i++) assert.ok(edge(g, chain[i - 1], chain[i]), `${chain[i - 1]} → ${chain[i]}`);
  assert.equal(byId(g, 'stage:retrieval')!.kind, 'retrieval');
  assert.equal(byId(g, 'stage:rerank')!.kind, 'rerank');
  assert.equal(byId(g, 'stage:generation')!.kind, 'generation');
  for (const c of ['help_center', 'tenant_docs', 'tickets']) assert.ok(edge(g, `source:${c}`, 'index'), c);
  assert.ok(!edge(g, 'source:golden_qa', 'index'), 'the golden set is not indexed');
  assert.ok(edge(g, 'index', 'stage:retrieval'));
  assert.match(byId(g, 'guardrails:input')!.detail!, /prompt-injection/);
  assert.match(byId(g, 'stage:generation')!.detail!, /llm · 8s · TTFT 700ms · top-p · T=0\.2 · 16× H100-80GB/);
  assert.match(byId(g, 'prompt')!.detail!, /answer-v12 · ≤ 2k tokens · \+ top 8 chunks/);
});

test('text-to-image: the training data feeds training; decoding and GPUs describe the first generating stage only', () => {
  const g = graphOf(fs.readFileSync(path.join(FIXTURES, 'text-to-image.mlsd.yaml'), 'utf8'));
  assert.ok(edge(g, 'source:assets', 'training'));
  assert.equal(byId(g, 'stage:generate')!.detail, 'base · 6s · dpm-solver++ · 25 steps · 100× H100-80GB');
  assert.equal(byId(g, 'stage:upscale')!.detail, 'upscaler · 2s');
  assert.equal(byId(g, 'stage:upscale')!.kind, 'generation');
  assert.ok(edge(g, 'stage:safety', 'guardrails:output') && edge(g, 'guardrails:input', 'stage:generate'));
});

test('generative keys without stages: retrieval, rerank, prompt and generation are drawn from model.retrieval/prompt', () => {
  const g = graphOf(`mlsd: 1
title: rag
framing: {task_type: text-generation}
data:
  sources: [{id: kb, kind: content}]
model:
  candidates: [{id: llm, architecture: decoder}]
  selected: llm
  retrieval: {corpus: [kb], embedding_model: e5, reranker: ce, top_k: 5}
  decoding: {strategy: greedy}
serving:
  mode: online
  cache: {kind: [semantic], hit_rate: 30%}
`);
  const order = ['request', 'guardrails:input', 'cache', 'retrieval', 'rerank', 'prompt', 'generation'];
  for (let i = 1; i < order.length; i++) assert.ok(edge(g, order[i - 1], order[i]), `${order[i - 1]} → ${order[i]}`);
  assert.equal(edge(g, 'cache', 'retrieval')?.label, 'miss');
  assert.deepEqual(edge(g, 'cache', 'response'), { from: 'cache', to: 'response', label: 'hit', dashed: true });
  // what a user-facing text generator lacks is drawn as placeholders
  for (const id of ['guardrails:input', 'guardrails:output', 'prompt', 'fallback'])
    assert.equal(byId(g, id)?.placeholder, true, id);
  assert.equal(byId(g, 'generation')!.label, 'generation llm');
  assert.ok(edge(g, 'source:kb', 'index'));
  // a generative doc gets no classic training placeholders
  assert.ok(!g.nodes.some((n) => n.group === 'training' && n.placeholder));
});

test('a minimal doc: every missing piece is a dashed placeholder located where it would be written', () => {
  const text = 'mlsd: 1\ntitle: nothing yet\nserving:\n  mode: online\n';
  const g = graphOf(text);
  const placeholders = g.nodes.filter((n) => n.placeholder).map((n) => n.id);
  assert.deepEqual(placeholders, [
    'source:?',
    'features',
    'labels',
    'split',
    'training',
    'retraining',
    'model',
    'fallback',
  ]);
  assert.equal(byId(g, 'fallback')!.detail, 'serving.fallback not stated');
  const fb = byId(g, 'fallback')!.span!;
  assert.equal(text.slice(fb[0], fb[1]), 'serving', 'reported at the nearest written key');
  assert.ok(edge(g, 'request', 'model') && edge(g, 'model', 'response'));
  const mmd = toMermaid(g);
  assert.match(mmd, /classDef placeholder stroke-dasharray: 5 5/);
  assert.match(
    mmd,
    /^ {2}class n_source,n_features,n_labels,n_split,n_training,n_retraining,n_model,n_fallback placeholder;$/m,
  );
  const svg = toSvg(g);
  assertWellFormedSvg(svg);
  assert.equal((svg.match(/mlsd-placeholder"/g) ?? []).length, placeholders.length);
  assert.match(svg, /\.mlsd-placeholder rect\{[^}]*stroke-dasharray/);
  // an empty text still gives a graph (nothing throws)
  assertWellFormedSvg(toSvg(graphOf('')));
  assertMermaidShape(toMermaid(graphOf('')));
});

test('hostile labels are escaped in Mermaid and in SVG', () => {
  const text = `mlsd: 1
title: x
data:
  sources:
    - {id: '"]-->X', kind: logs}
    - {id: '<script>alert(1)</script>', kind: items}
  features:
    - {id: 'a|b;c%%d#e&f', source: '"]-->X'}
model:
  stages:
    - {id: "end", latency: 10ms}
    - {id: "x[1]{2}(3)", latency: "<b>"}
serving:
  mode: online
  fallback: "</text><script>alert('x')</script> & more"
monitoring:
  retraining: {cadence: '"|-->'}
`;
  const g = graphOf(text);
  assert.ok(byId(g, 'source:"]-->X'));
  const mmd = toMermaid(g);
  assertMermaidShape(mmd);
  assert.ok(!mmd.includes('"]-->X'));
  assert.ok(!mmd.includes('<script'));
  assert.match(mmd, /#34;#93;--#62;X/);
  assert.ok(!/^\s*end\[/m.test(mmd), 'the keyword end never becomes a node id');
  const svg = toSvg(g);
  assertWellFormedSvg(svg);
  assert.ok(!svg.includes('<script'));
  assert.match(svg, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
  assert.match(svg, /&lt;\/text&gt;&lt;script&gt;/);
  assert.equal(escapeMermaid('a"b[c]<d>|e'), 'a#34;b#91;c#93;#60;d#62;#124;e');
  assert.equal(escapeXml(`<a href="x">&'`), '&lt;a href=&quot;x&quot;&gt;&amp;&#39;');
  assert.equal(escapeXml('a\u0001b'), 'ab', 'characters XML forbids are dropped');
});

test('output is deterministic: the same doc gives byte-identical Mermaid and SVG', () => {
  const text = fs.readFileSync(path.join(EXAMPLES, 'news-feed.mlsd.yaml'), 'utf8');
  assert.equal(toMermaid(graphOf(text)), toMermaid(graphOf(text)));
  assert.equal(toSvg(graphOf(text)), toSvg(graphOf(text)));
  assert.deepEqual(graphOf(text), graphOf(text));
});

test('SVG: themes, marker, CSS variables with fallbacks, id prefix', () => {
  const g = graphOf(fs.readFileSync(path.join(EXAMPLES, 'event-recommendation.mlsd.yaml'), 'utf8'));
  const light = toSvg(g);
  const dark = toSvg(g, { theme: 'dark', idPrefix: 'p2-' });
  assert.match(light, /<marker id="mlsd-arrow"/);
  assert.match(light, /marker-end="url\(#mlsd-arrow\)"/);
  assert.match(dark, /<marker id="p2-arrow"/);
  assert.match(light, /var\(--vscode-editor-background, #ffffff\)/);
  assert.match(dark, /var\(--vscode-editor-background, #1e1e1e\)/);
  assert.match(light, /viewBox="[-\d. ]+" width="\d+(\.\d)?" height="\d+(\.\d)?"/);
  assert.match(light, /data-span="\d+,\d+"/);
  assert.equal(wrap('a b c', 3, 2).join('|'), 'a b|c');
  assert.equal(wrap('aaaa bbbb cccc', 4, 2).join('|'), 'aaaa|bbb…');
});

test('2,000 features and 500 stages: 10 features and a "+1,990 more" node, 12 stages and a "+488 more stages" node; small and fast', () => {
  const lines = ['mlsd: 1', 'title: wide', 'data:', '  sources:'];
  for (let s = 0; s < 30; s++) lines.push(`    - {id: s${s}, kind: logs}`);
  lines.push('  features:');
  for (let f = 0; f < 2000; f++) lines.push(`    - {id: f${f}, source: s${f % 30}, type: numerical}`);
  lines.push('model:', '  stages:');
  for (let st = 0; st < 500; st++) lines.push(`    - {id: st${st}, latency: 1ms}`);
  lines.push('serving:', '  mode: online');
  const doc = analyze(lines.join('\n'));
  const t0 = performance.now();
  const g = systemGraph(doc);
  const mmd = toMermaid(g);
  const svg = toSvg(g);
  const ms = performance.now() - t0;
  assert.equal(g.nodes.filter((n) => n.kind === 'feature').length, 10);
  assert.equal(g.nodes.filter((n) => n.kind === 'source').length, 10);
  assert.equal(byId(g, 'feature:+more')?.label, '+1,990 more');
  assert.equal(byId(g, 'source:+more')?.label, '+20 more sources');
  assert.equal(g.nodes.filter((n) => n.kind === 'stage').length, 12);
  assert.ok(
    edge(g, 'stage:st11', 'stage:+more') && edge(g, 'stage:+more', 'response'),
    'the folded stages stay on the path',
  );
  assert.equal(byId(g, 'stage:+more')?.label, '+488 more stages');
  assert.ok(g.nodes.length <= 50, `${g.nodes.length} nodes`);
  assert.ok(g.edges.length <= 90, `${g.edges.length} edges`);
  assert.ok(mmd.length < 8_000, `Mermaid ${mmd.length} chars`);
  assert.ok(svg.length < 60_000, `SVG ${svg.length} chars`);
  assertWellFormedSvg(svg);
  // measured 70–650 ms on a loaded 2-core machine (dagre's first run included); drawing the 2,000 features
  // uncapped takes far longer. The node and edge bounds above are the real guard; this one catches a lost cap.
  assert.ok(ms < 5_000, `${ms.toFixed(0)} ms`);
  console.log(
    `diagram of 2,000 features and 500 stages: ${g.nodes.length} nodes, ${g.edges.length} edges, ${ms.toFixed(1)} ms`,
  );
});
