/** The parser and document model: ranges, aliases, merge keys, guards. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, lint } from '../../server/src/lint/engine';
import {
  computeLineStarts,
  DEFAULT_LIMITS,
  offsetAt,
  positionAt,
  type ParseLimits,
} from '../../server/src/engine/parse';

test('keys and values keep the offsets of the text the user wrote', () => {
  const text = 'mlsd: 1\nrequirements:\n  performance:\n    latency: {p99: 200ms}\n';
  const doc = analyze(text);
  const p99 = doc.node('requirements.performance.latency.p99')!;
  assert.equal(text.slice(p99.start, p99.end), '200ms');
  assert.equal(text.slice(p99.keyStart!, p99.keyEnd!), 'p99');
  assert.equal(doc.duration('requirements.performance.latency.p99'), 200);
  assert.equal(p99.parent?.parent?.key, 'performance');
});

test('aliases resolve for rules, and findings point at the alias site', () => {
  const text = 'x-lat: &lat {p99: 900ms}\nrequirements:\n  performance:\n    latency: *lat\n';
  const doc = analyze(text);
  const p99 = doc.node('requirements.performance.latency.p99')!;
  assert.equal(doc.duration('requirements.performance.latency.p99'), 900);
  assert.equal(text.slice(p99.start, p99.end), '*lat', 'an expanded alias carries the alias range');
  assert.ok(p99.aliased);
});

test('merge keys `<<` merge mappings without overriding explicit keys', () => {
  const doc = analyze(
    'x-base: &b {mode: batch, freshness: 1d}\nrequirements:\n  performance:\n    <<: *b\n    mode: online\n',
  );
  assert.equal(doc.enumOf('requirements.performance.mode'), 'online');
  assert.equal(doc.duration('requirements.performance.freshness'), 86_400_000);
});

test('alias bombs stop expanding with a clear MLSD001, in bounded time', () => {
  const levels = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
  for (let i = 1; i < 10; i++)
    levels.push(
      `${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(10)
        .fill(`*${String.fromCharCode(96 + i)}`)
        .join(', ')}]`,
    );
  const doc = analyze(`${levels.join('\n')}\n`);
  const res = lint(doc);
  assert.ok(res.findings.some((f) => f.ruleId === 'MLSD001' && /alias bomb/.test(f.message)));
});

test('a self-referencing alias is reported, not followed forever', () => {
  const res = lint(analyze('mlsd: 1\nx-a: &a {self: *a}\n'));
  assert.ok(res.findings.some((f) => f.ruleId === 'MLSD001' && /circular/.test(f.message)));
});

test('duplicate keys, second documents and custom tags are clear MLSD001 errors', () => {
  const res = lint(analyze('mlsd: 1\ntitle: a\ntitle: b\nsummary: !Ref x\n---\nmlsd: 1\n'));
  const msgs = res.findings
    .filter((f) => f.ruleId === 'MLSD001')
    .map((f) => f.message)
    .join('\n');
  assert.match(msgs, /Duplicate key `title`/);
  assert.match(msgs, /Custom tag !Ref/);
  assert.match(msgs, /one YAML document/);
});

test('binary junk and oversized files are not parsed, with one clear finding', () => {
  const bin = lint(analyze('mlsd: 1\n\u0000\u0001junk'));
  assert.deepEqual(
    bin.findings.map((f) => f.ruleId),
    ['MLSD001'],
  );
  assert.match(bin.findings[0].message, /binary/);
  const big = lint(analyze(`mlsd: 1\nx-pad: "${'a'.repeat(2_100_000)}"\n`));
  assert.deepEqual(
    big.findings.map((f) => f.ruleId),
    ['MLSD001'],
  );
  assert.match(big.findings[0].message, /2\.1 MB, over mlsd's cap of 2\.0 MB; it was not analysed/);
  assert.doesNotMatch(big.findings[0].message, /before and around the error/);
  assert.match(big.findings[0].explanation ?? '', /Split the doc/);
  const long = lint(analyze(`mlsd: 1${'\n'.repeat(60_000)}`));
  assert.match(long.findings[0].message, /60,001 lines long, over mlsd's cap of 50,000 lines/);
});

test('work budgets: depth, node count, bracket depth and problem count each give one clear finding', () => {
  const budget = (text: string, limits?: Partial<ParseLimits>) => {
    const doc = analyze(text, '', null, { ...DEFAULT_LIMITS, ...limits });
    return { doc, syntax: lint(doc).findings.filter((f) => f.ruleId === 'MLSD001') };
  };
  const deep = budget(`mlsd: 1\nx-deep: ${'['.repeat(300)}${']'.repeat(300)}\ntitle: after\n`);
  assert.equal(deep.syntax.length, 1);
  assert.match(deep.syntax[0].message, /Nesting deeper than 100 levels/);
  assert.equal(deep.doc.parsed.root?.entries?.find((e) => e.key === 'title')?.value, 'after', 'the rest is read');
  const block = budget(
    `mlsd: 1\nx:\n${Array.from({ length: 150 }, (_, i) => `${' '.repeat(i + 1)}k${i}:`).join('\n')}\n`,
  );
  assert.match(block.syntax[0].message, /Nesting deeper than 100 levels/);
  const brackets = budget(`mlsd: 1\ntitle: t\nx: ${'['.repeat(5000)}\n`);
  assert.match(brackets.syntax[0].message, /Brackets nest more than 1,000 levels deep here/);
  assert.equal(brackets.doc.parsed.root?.entries?.find((e) => e.key === 'title')?.value, 't');
  const dense = budget(`mlsd: 1\ntitle: t\nx: [${'[a], '.repeat(100)}]\n`, { maxTokens: 150 });
  assert.match(
    dense.syntax[0].message,
    /More than 150 brackets, commas and lines; the doc is read up to the line before/,
  );
  assert.equal(dense.doc.parsed.root?.entries?.find((e) => e.key === 'title')?.value, 't');
  const nodes = budget(`mlsd: 1\nx: [${Array(50).fill('1').join(', ')}]\n`, { maxNodes: 20 });
  assert.match(nodes.syntax[0].message, /more than 20 YAML nodes/);
  const many = budget(`mlsd: 1\n${Array.from({ length: 300 }, () => 'k: v\n').join('')}`);
  assert.equal(many.syntax.length, 101);
  assert.match(many.syntax[100].message, /199 more YAML problems/);
  for (const f of [deep, block, brackets, nodes, many].flatMap((x) => x.syntax))
    assert.doesNotMatch(f.message, /\n\s+at /, 'no stack trace');
});

test('many anchors and aliases resolve in linear time, and each circular alias is reported once', () => {
  const lines = ['mlsd: 1', 'x-a0: &a0 {v: *a0}'];
  for (let i = 1; i < 3000; i++) lines.push(`x-a${i}: &a${i} {v: *a${i - 1}, w: *a0}`);
  const doc = analyze(`${lines.join('\n')}\n`);
  const circular = doc.parsed.problems.filter((p) => /circular/.test(p.message));
  assert.equal(circular.length, 1);
  assert.ok(doc.parsed.problems.some((p) => /alias bomb/.test(p.message)));
});

test('a syntax error mid-file: MLSD001 on one line, and the valid part is still checked', () => {
  const text = 'mlsd: 1\ntitle: x\nframing:\n  task_type: rankng\ndata:\n  sources: [unclosed\nmodel:\n  loss: bce\n';
  const doc = analyze(text);
  const res = lint(doc);
  const syntax = res.findings.filter((f) => f.ruleId === 'MLSD001');
  assert.ok(syntax.length >= 1);
  for (const f of syntax) assert.equal(positionAt(doc.parsed, f.start).line, positionAt(doc.parsed, f.end).line);
  assert.ok(
    res.findings.some((f) => f.ruleId === 'MLSD003'),
    'the invalid task type before the error is still reported',
  );
});

test('a top level that is not a mapping gets one MLSD003 and nothing else', () => {
  const res = lint(analyze('- requirements\n- framing\n'));
  assert.deepEqual(
    res.findings.map((f) => f.ruleId),
    ['MLSD003'],
  );
});

test('an empty doc says what to write', () => {
  const res = lint(analyze(''));
  assert.ok(res.findings.some((f) => f.ruleId === 'MLSD008'));
  assert.ok(res.findings.some((f) => f.ruleId === 'MLSD006'));
});

test("inserted section skeletons are valid YAML at the doc's indentation (2, 3 and 4 spaces)", async () => {
  const { insertSectionEdit } = await import('../../server/src/engine/skeleton');
  const { applyEdits } = await import('../../server/src/lint/engine');
  const { STEP_KEYS } = await import('../../server/src/engine/catalog');
  for (const unit of [2, 3, 4]) {
    const pad = ' '.repeat(unit);
    const text = `mlsd: 1\ntitle: x\nrequirements:\n${pad}business_objective: grow\n`;
    for (const key of STEP_KEYS.filter((k) => k !== 'requirements')) {
      const edit = insertSectionEdit(analyze(text), key)!;
      const out = applyEdits(text, [edit]).text;
      const doc = analyze(out);
      assert.deepEqual(doc.parsed.problems, [], `${key} at ${unit} spaces:\n${out}`);
      assert.ok(doc.stated([key]), `${key} is stated after the insert`);
    }
  }
});

// the timeout is a hang guard for the backtracking the fuzzer found (minutes before the fix), not a speed target
test('a YAML error next to a 10,000-space line is cleaned without backtracking (found by the fuzzer)', {
  timeout: 60_000,
}, () => {
  const text = `mlsd: 1\ntitle: t\n...\n? [a]\n${' '.repeat(10_000)}x: 1\n`.repeat(20);
  const doc = analyze(text);
  for (const p of doc.parsed.problems) assert.ok(p.message.length <= 201, p.message.slice(0, 80));
});

test('offsetAt: a character past the end of a line is the end of that line (LSP), never the next line', () => {
  for (const eol of ['\n', '\r\n', '\r']) {
    const text = ['requirements:', '  scale: x', '', 'framing:', ''].join(eol);
    const doc = { text, lineStarts: computeLineStarts(text) };
    const at = (line: number, character: number) => offsetAt(doc, { line, character });
    const name = JSON.stringify(eol);
    assert.equal(at(2, 2), doc.lineStarts[2], `${name}: an empty line stays empty, not framing's line`);
    assert.equal(positionAt(doc, at(2, 2)).line, 2, name);
    assert.equal(at(1, 99), doc.lineStarts[1] + '  scale: x'.length, `${name}: before the line break`);
    assert.equal(at(1, 3), doc.lineStarts[1] + 3, name);
    assert.equal(at(4, 5), text.length, `${name}: the last line`);
    assert.equal(at(9, 0), text.length, name);
  }
});
