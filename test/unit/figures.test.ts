/** Back-of-envelope figures (engine/figures.ts) and the inlay hints that show them (features/figures.ts). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { InlayHint, MarkupContent, Range } from 'vscode-languageserver-types';
import { Session } from '../../server/src/session';
import { analyze } from '../../server/src/lint/engine';
import {
  abDaysNeeded,
  abSampleSizePerArm,
  averageQps,
  downtime,
  downtimeHoursPerYear,
  experimentFigures,
  indexMemory,
  labelCoverage,
  latencyCheck,
  latencyRequirement,
  perDay,
  qpsFigures,
  servingLatency,
} from '../../server/src/engine/figures';
import { fmtHours, inlayHints } from '../../server/src/features/figures';
import { expectSnapshot } from '../harness/snapshot';

const ROOT = path.resolve(__dirname, '../../..');
const ALL: Range = { start: { line: 0, character: 0 }, end: { line: 100_000, character: 0 } };
const analysis = (text: string) => new Session().analysis('file:///t/doc.mlsd.yaml', 1, text);
const labels = (text: string, range = ALL) => inlayHints(analysis(text), range).map((h) => h.label);
const close = (actual: number, expected: number, rel = 1e-9) =>
  assert.ok(Math.abs(actual - expected) <= Math.abs(expected) * rel, `${actual} ≉ ${expected}`);

const NEWS_FEED = `mlsd: 1
title: feed
requirements:
  scale:
    dau: 2B
    requests_per_user_per_day: 2
  performance:
    latency: {p50: 80ms, p99: 200ms}
    availability: 99.9%
model:
  stages:
    - {id: retrieval, latency: 50ms}
    - {id: ranking, latency: 150ms}
    - {id: re-ranking, latency: 30ms}
evaluation:
  online:
    experiment:
      baseline_rate: 2%
      mde_relative: 1%
      duration_days: 14
      eligible_units_per_day: 1M
      traffic_fraction: 10%
serving:
  network_latency: 20ms
  index: {type: flat, dim: 128, bytes_per_dim: 4, memory: 64GB}
`.replace('dau: 2B', 'dau: 2B\n    items: 10B');

// ---------------------------------------------------------------------------- pure formulas

test('F1/F2: news feed 2B DAU × 2 / 86,400 ≈ 46.3k QPS average, 92.6k at the default peak factor 2', () => {
  close(averageQps(2e9, 2), 46_296.2962962963);
  const q = qpsFigures(analyze(NEWS_FEED))!;
  close(q.average, 46_296.2962962963);
  close(q.peak, 92_592.5925925926);
  assert.equal(q.peakFactor, 2);
  assert.equal(q.statedPeakFactor, undefined);
});

test('F13: A/B p = 2%, relative MDE 1% → n ≈ 7.84M per arm; 157 days at 1M eligible/day × 10% traffic', () => {
  close(abSampleSizePerArm(0.02, 0.01), 7_840_000, 1e-9);
  assert.equal(abDaysNeeded(7_840_000, 1e6, 0.1), 157);
  const e = experimentFigures(analyze(NEWS_FEED))!;
  close(e.n, 7_840_000, 1e-9);
  assert.equal(e.daysNeeded, 157);
  close(e.perArmPerDay!, 50_000);
  close(e.capacity!, 700_000);
  assert.equal(e.underpowered, true);
});

test('F10: 10B × 128 × 4 B = 5.12 TB flat; HNSW adds 256 B per item', () => {
  const f = indexMemory(analyze(NEWS_FEED))!;
  assert.equal(f.required, 5.12e12);
  assert.equal(f.links, 0);
  assert.equal(f.memory, 64e9);
  const h = indexMemory(analyze(NEWS_FEED.replace('type: flat', 'type: hnsw')))!;
  assert.equal(h.links, 10e9 * 256);
  assert.equal(h.required, 5.12e12 + 2.56e12);
});

test('F14: downtime a year from availability', () => {
  close(downtimeHoursPerYear(0.999), 8.76, 1e-9);
  assert.equal(fmtHours(downtimeHoursPerYear(0.9999)), '52.6 min');
  close(downtime(analyze(NEWS_FEED))!.hoursPerYear, 8.76, 1e-9);
});

test('F6: stage latencies + network against the requirement', () => {
  const c = latencyCheck(analyze(NEWS_FEED))!;
  assert.equal(c.sum, 250);
  assert.equal(c.network, 20);
  assert.equal(c.requirement.budget, 200);
  assert.equal(c.requirement.percentile, 'p99');
  assert.equal(c.over, 50);
});

test('the latency requirement: p99 > p95 > p50 > bare; a stated but invalid percentile is not replaced by another', () => {
  const req = (lat: string) => latencyRequirement(analyze(`requirements:\n  performance:\n    latency: ${lat}\n`));
  assert.deepEqual([req('{p50: 80ms, p95: 150ms}')?.budget, req('{p50: 80ms, p95: 150ms}')?.percentile], [150, 'p95']);
  assert.deepEqual([req('{p50: 80}')?.budget, req('{p50: 80}')?.percentile], [80, 'p50']);
  assert.deepEqual([req('300ms')?.budget, req('300ms')?.percentile], [300, undefined]);
  assert.equal(req('{p99: fast, p95: 150ms}'), undefined);
  assert.equal(req('{p99: TBD}')?.budget, undefined);
  assert.equal(req('TBD'), undefined);
});

test('serving latency: stages without latency count 0 and are named; no timed stage → nothing', () => {
  const s = servingLatency(
    analyze('model:\n  stages:\n    - {id: a, latency: 10ms}\n    - {id: b}\n    - {id: c, latency: soon}\n'),
  )!;
  assert.equal(s.sum, 10);
  assert.deepEqual(s.untimed, ['b', 'c']);
  assert.equal(servingLatency(analyze('model:\n  stages:\n    - {id: b}\n')), undefined);
  assert.equal(servingLatency(analyze('model:\n  stages: 5\n')), undefined);
});

test('F12: label coverage from annotation and content volumes per day', () => {
  const doc = analyze(
    'data:\n  sources:\n    - {id: posts, kind: content, volume: 500M/day}\n    - {id: reviews, kind: annotations, volume: 10k/day}\n    - {id: ev, kind: interactions, volume: 200B/day}\n',
  );
  const c = labelCoverage(doc)!;
  close(c.coverage, 2e-5);
  assert.equal(c.items.id, 'posts');
  assert.deepEqual(
    c.labels.map((l) => l.id),
    ['reviews'],
  );
  assert.equal(
    labelCoverage(
      analyze(
        'data:\n  sources:\n    - {id: posts, kind: content, volume: 500M}\n    - {id: r, kind: annotations, volume: 10k/day}\n',
      ),
    ),
    undefined,
    'a volume without a time unit is not a rate',
  );
});

test('per-day rates from quantity units', () => {
  assert.equal(perDay({ value: 10, unit: '/s' }), 864_000);
  assert.equal(perDay({ value: 30, unit: '/month' }), 1);
  assert.equal(perDay({ value: 7, unit: '/week' }), 1);
  assert.equal(perDay({ value: 7, unit: ' images' }), undefined);
  assert.equal(perDay({ value: 7 }), undefined);
});

test('inputs not stated or not valid give no figure', () => {
  assert.equal(qpsFigures(analyze('requirements:\n  scale: {dau: 2B}\n')), undefined);
  assert.equal(qpsFigures(analyze('requirements:\n  scale: {dau: 2B, requests_per_user_per_day: TBD}\n')), undefined);
  assert.equal(qpsFigures(analyze('requirements:\n  scale: {dau: lots, requests_per_user_per_day: 2}\n')), undefined);
  assert.equal(qpsFigures(analyze('requirements:\n  scale: {dau: 0, requests_per_user_per_day: 2}\n')), undefined);
  assert.equal(experimentFigures(analyze('evaluation: {online: {experiment: {baseline_rate: 2%}}}\n')), undefined);
  assert.equal(
    experimentFigures(
      analyze('evaluation: {online: {experiment: {type: interleaving, baseline_rate: 2%, mde_relative: 1%}}}\n'),
    ),
    undefined,
    'the formula is for A/B tests',
  );
  assert.equal(
    experimentFigures(analyze('evaluation: {online: {experiment: {baseline_rate: 200%, mde_relative: 1%}}}\n')),
    undefined,
  );
  const partial = experimentFigures(
    analyze('evaluation: {online: {experiment: {baseline_rate: 2%, mde_relative: 1%}}}\n'),
  )!;
  assert.equal(partial.daysNeeded, undefined);
  assert.equal(
    indexMemory(analyze('serving: {index: {dim: 128, bytes_per_dim: 4}}\n')),
    undefined,
    'items come from requirements.scale.items',
  );
  assert.equal(downtime(analyze('requirements: {performance: {availability: 150%}}\n')), undefined);
});

test('a stated peak factor wins; otherwise the default_peak_factor option applies', () => {
  assert.equal(
    qpsFigures(analyze('requirements:\n  scale: {dau: 2B, requests_per_user_per_day: 2, peak_factor: 3}\n'))!
      .peakFactor,
    3,
  );
  const s = new Session();
  const uri = 'file:///t/pf.mlsd.yaml';
  s.setSettings(uri, { options: { defaultPeakFactor: 3 } });
  const a = s.analysis(uri, 1, 'requirements:\n  scale: {dau: 2B, requests_per_user_per_day: 2}\n');
  assert.deepEqual(
    inlayHints(a, ALL).map((h) => h.label),
    ['≈ 46.3k QPS avg · 139k peak'],
  );
});

// ---------------------------------------------------------------------------- inlay hints

test('inlay hints: QPS next to scale, latency next to the requirement, sample size next to the experiment, memory next to the index', () => {
  const hints = inlayHints(analysis(NEWS_FEED), ALL);
  const lines = NEWS_FEED.split('\n');
  const rendered = hints.map((h) => `${lines[h.position.line].trim()} ⟶ ${h.label}`);
  assert.deepEqual(rendered, [
    'scale: ⟶ ≈ 46.3k QPS avg · 92.6k peak',
    'latency: {p50: 80ms, p99: 200ms} ⟶ ⚠ stages 230ms + network 20ms = 250ms of 200ms p99',
    'experiment: ⟶ ⚠ n ≈ 7.84M/arm, 700k reached · 161 days needed (14 planned)',
    'index: {type: flat, dim: 128, bytes_per_dim: 4, memory: 64GB} ⟶ ⚠ index ≈ 5.12 TB of 64 GB',
  ]);
  for (const h of hints) {
    assert.equal(h.paddingLeft, true);
    assert.equal(h.position.character, lines[h.position.line].length, 'at the end of the line');
    assert.equal((h.tooltip as MarkupContent).kind, 'markdown');
  }
});

test('inlay hints: no ⚠ when the figures fit; plain figures without the optional inputs', () => {
  const text = NEWS_FEED.replace('p99: 200ms', 'p99: 300ms')
    .replace('duration_days: 14', 'duration_days: 200')
    .replace('memory: 64GB', 'memory: 6TB');
  assert.deepEqual(labels(text).slice(1), [
    'stages 230ms + network 20ms = 250ms of 300ms p99',
    'n ≈ 7.84M/arm, 10M reached · 161 days needed (200 planned)',
    'index ≈ 5.12 TB of 6 TB',
  ]);
  const bare =
    'requirements:\n  performance: {latency: 100ms}\nmodel:\n  stages: [{id: a, latency: 40ms}]\nevaluation: {online: {experiment: {baseline_rate: 2%, mde_relative: 1%}}}\n';
  assert.deepEqual(labels(bare), ['stages 40ms of 100ms', 'n ≈ 7.84M/arm']);
  assert.deepEqual(
    labels('requirements:\n  scale: {items: 10B}\nserving:\n  index:\n    dim: 128\n    bytes_per_dim: 4\n'),
    ['index ≈ 5.12 TB'],
  );
});

test('inlay hints: only inside the requested range', () => {
  const a = analysis(NEWS_FEED);
  const lineOf = (s: string) => NEWS_FEED.split('\n').findIndex((l) => l.includes(s));
  const only = (from: number, to: number): string[] =>
    inlayHints(a, { start: { line: from, character: 0 }, end: { line: to, character: 0 } }).map((h: InlayHint) =>
      String(h.label),
    );
  assert.deepEqual(only(0, lineOf('latency: {')), ['≈ 46.3k QPS avg · 92.6k peak']);
  assert.deepEqual(only(lineOf('evaluation:'), lineOf('serving:')), [
    '⚠ n ≈ 7.84M/arm, 700k reached · 161 days needed (14 planned)',
  ]);
  assert.deepEqual(only(lineOf('model:'), lineOf('evaluation:')), []);
  const end = NEWS_FEED.split('\n')[lineOf('scale:')].length;
  assert.equal(
    inlayHints(a, {
      start: { line: lineOf('scale:'), character: end },
      end: { line: lineOf('scale:'), character: end },
    }).length,
    1,
    'a range ending exactly at the hint includes it',
  );
});

test('inlay hints: half-written and odd docs give no hints and never throw', () => {
  for (const text of [
    '',
    '- a\n',
    'requirements:\n  scale:\n    dau: 2B\n    requests_per_user_per_day:\n',
    'requirements:\n  scale:\n    dau: 2B\n    requests_per_user_per_day: 2\n  performance: [\n',
    'requirements: {scale: [1, 2]}\n',
    'serving: {index: {dim: x, bytes_per_dim: 4}}\nrequirements: {scale: {items: 1M}}\n',
    'model: {stages: [{latency: 5ms}]}\n',
  ]) {
    const got = labels(text);
    if (text.includes('performance: ['))
      assert.deepEqual(got, ['≈ 46.3k QPS avg · 92.6k peak'], 'a syntax error further down leaves the valid part');
    else assert.deepEqual(got, [], JSON.stringify(text));
  }
});

test('inlay hints: CRLF line ends put the hint before the \\r', () => {
  const text = NEWS_FEED.replace(/\n/g, '\r\n');
  const hints = inlayHints(analysis(text), ALL);
  assert.equal(hints.length, 4);
  const lines = text.split('\r\n');
  for (const h of hints) assert.equal(h.position.character, lines[h.position.line].length);
});

test('snapshot: the figures of the bundled examples', () => {
  const dir = path.join(ROOT, 'examples');
  const out: string[] = [];
  for (const f of fs
    .readdirSync(dir)
    .filter((x) => x.endsWith('.mlsd.yaml'))
    .sort()) {
    const text = fs.readFileSync(path.join(dir, f), 'utf8');
    const lines = text.split(/\r?\n/);
    out.push(`## ${f}`);
    for (const h of inlayHints(analysis(text), ALL)) {
      out.push(`${h.position.line + 1}: ${lines[h.position.line].trim().replace(/\s+#.*$/, '')}  ⟶ ${h.label}`);
      out.push(`    ${(h.tooltip as MarkupContent).value}`);
    }
  }
  expectSnapshot('figures/examples', out.join('\n'));
});

// ---------------------------------------------------------------------------- figures agree with the rules

test('index memory in hints and hover uses the default_hnsw_m option, as MLSD608 does', () => {
  const text = fs.readFileSync(path.join(ROOT, 'test/fixtures/rules/MLSD608/bad.mlsd.yaml'), 'utf8');
  const s = new Session();
  const uri = 'file:///t/hnsw.mlsd.yaml';
  assert.deepEqual(labels(text), ['⚠ index ≈ 7.68 TB of 2 TB']);
  s.setSettings(uri, { options: { defaultHnswM: 16 } });
  const a = s.analysis(uri, 1, text);
  // M = 16: 10B × 2·16·4 B = 1.28 TB of links, + 5.12 TB of vectors
  assert.deepEqual(
    inlayHints(a, ALL).map((h) => h.label),
    ['⚠ index ≈ 6.4 TB of 2 TB'],
  );
  const tip = (inlayHints(a, ALL)[0].tooltip as MarkupContent).value;
  assert.match(tip, /1\.28 TB of HNSW links \(2·M·4 B\/item, M = 16\)/);
  const f = a.lint.findings.find((x) => x.ruleId === 'MLSD608');
  assert.ok(f, 'MLSD608 fires with the same option');
  assert.match(f.message, /needs 6\.4 TB/);
});

test('the A/B hint uses v1.1 experiment plan (distinct units, whole weeks), the figures MLSD510 reports', () => {
  const text = `mlsd: 1
title: Checkout test
requirements:
  scale: {dau: 1M, mau: 2M}
evaluation:
  online:
    experiment:
      unit: user
      baseline_rate: 2%
      mde_relative: 1%
      duration_days: 14
      eligible_units_per_day: 1M
      traffic_fraction: 10%
`;
  const a = analysis(text);
  const [hint] = inlayHints(a, ALL);
  // 1M/day × 14^0.204 ≈ 1.71M distinct users, 10% traffic → 85.6k per arm; none within a year
  assert.equal(hint.label, '⚠ n ≈ 7.84M/arm, 85.6k reached · not within a year (14 planned)');
  assert.match((hint.tooltip as MarkupContent).value, /about \*\*1\.71M distinct units\*\*/);
  const f = a.lint.findings.find((x) => x.ruleId === 'MLSD510');
  assert.ok(f, 'MLSD510 fires on the same plan');
  assert.match(`${f.message} ${f.explanation}`, /85\.6k per arm/);
  assert.match(`${f.message} ${f.explanation}`, /1\.71M distinct/);
});
