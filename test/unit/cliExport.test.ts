/**
 * `mlsd export` (Markdown and HTML, to stdout or a file) and `mlsd lint --format summary|markdown`,
 * run in-process through `run()`.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { run } from '../../server/src/cli/main';
import { analyze, lint } from '../../server/src/lint/engine';
import { renderModel, toMarkdown } from '../../server/src/engine/render';

const ROOT = path.resolve(__dirname, '../../..');
const EXAMPLES = path.join(ROOT, 'examples');
const FLAWED = path.join(ROOT, 'test', 'fixtures', 'flawed', 'flawed-feed.mlsd.yaml');

function cli(
  args: string[],
  opts: { columns?: number; cwd?: string } = {},
): { code: number; out: string; err: string } {
  let out = '';
  let err = '';
  const code = run(args, {
    cwd: opts.cwd ?? ROOT,
    env: { NO_COLOR: '1' },
    stdout: { write: (s: string) => (out += s), isTTY: opts.columns !== undefined, columns: opts.columns },
    stderr: { write: (s: string) => (err += s) },
  });
  return { code, out, err };
}

test('export: Markdown by default, the same text as the engine renders', () => {
  const file = path.join(EXAMPLES, 'news-feed.mlsd.yaml');
  const r = cli(['export', file]);
  assert.equal(r.code, 0, r.err);
  const doc = analyze(fs.readFileSync(file, 'utf8'));
  assert.equal(r.out, toMarkdown(renderModel({ doc, findings: lint(doc).findings, svg: false })));
  assert.match(r.out, /^# .+\n/);
  assert.match(r.out, /```mermaid\nflowchart LR/);
});

test('export --format html -o FILE writes one self-contained page; findings do not fail the export', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mlsd-export-'));
  try {
    const r = cli(['export', FLAWED, '--format', 'html', '-o', 'out/doc.html'], { cwd: dir });
    assert.equal(r.code, 0, r.err);
    assert.equal(r.out, '');
    assert.match(r.err, /Wrote out[\\/]doc\.html/);
    const html = fs.readFileSync(path.join(dir, 'out', 'doc.html'), 'utf8');
    assert.match(html, /^<!DOCTYPE html>/);
    assert.match(html, /<svg[^>]*class="mlsd-diagram"/);
    assert.match(html, /<section id="review-notes">[\s\S]*class="sev (error|warning)"/);
    assert.doesNotMatch(html, /<script/i);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('export: the doc config decides the findings (--rule)', () => {
  const on = cli(['export', FLAWED]);
  const ids = [...on.out.matchAll(/\[(MLSD\d{3})\]\(/g)].map((m) => m[1]);
  assert.ok(ids.length > 0);
  const off = cli(['export', FLAWED, '--rule', `${ids[0]}=off`]);
  assert.equal(off.code, 0);
  assert.ok(!off.out.includes(`[${ids[0]}](`), `${ids[0]} is off`);
});

test('export: usage and read errors exit 2 with a message', () => {
  const none = cli(['export']);
  assert.equal(none.code, 2);
  assert.match(none.err, /needs a design doc/);
  const two = cli(['export', FLAWED, FLAWED]);
  assert.equal(two.code, 2);
  const fmt = cli(['export', FLAWED, '--format', 'sarif']);
  assert.equal(fmt.code, 2);
  assert.match(fmt.err, /Unknown export format `sarif`; use markdown or html/);
  const missing = cli(['export', 'no/such.mlsd.yaml']);
  assert.equal(missing.code, 2);
  assert.match(missing.err, /Cannot read no\/such\.mlsd\.yaml: no such file/);
  assert.equal(cli(['lint', FLAWED, '--format', 'html']).code, 2, 'html is an export format, not a lint format');
  const help = cli(['help', 'export']);
  assert.equal(help.code, 0);
  assert.match(help.out, /Usage: mlsd export <doc>/);
  assert.match(cli(['help']).out, /export <doc>/);
});

test('lint --format summary: one line per doc within 100 columns (or the terminal), readiness, bars, counts', () => {
  const r = cli(['lint', EXAMPLES, FLAWED, '--format', 'summary']);
  assert.equal(r.code, 1, 'the flawed doc has errors: the exit code is lint’s');
  const lines = r.out.split('\n');
  for (const l of lines) assert.ok(l.length <= 100, `${l.length} > 100: ${l}`);
  const docLines = lines.filter((l) => /\.mlsd\.yaml\s/.test(l));
  assert.equal(docLines.length, 14, '13 examples + the flawed doc');
  const news = docLines.find((l) => l.includes('news-feed'))!;
  assert.match(news, /\s100 complete\s+1███ 2███ 3███ 4███ 5███ 6███ 7███ {2}0E 0W 0N$/);
  const flawed = docLines.find((l) => l.includes('flawed-feed'))!;
  assert.match(flawed, /\s\d+ draft\s+1\S{3} 2\S{3}/);
  assert.match(flawed, /[1-9]\d*E \d+W \d+N$/);
  assert.match(r.out, /14 docs: \d+ complete, \d+ ready for review, 1 draft\./);
  // a narrow terminal clips the path from the left, keeping the file name's end
  const narrow = cli(['lint', EXAMPLES, '--format', 'summary'], { columns: 70 });
  for (const l of narrow.out.split('\n').filter((x) => x.includes('.yaml'))) assert.ok(l.length <= 70, l);
  assert.match(narrow.out, /…\S*\.mlsd\.yaml/);
});

test('lint --format markdown: a table of docs, then per doc its per-step coverage and findings', () => {
  const r = cli(['lint', path.join(EXAMPLES, 'news-feed.mlsd.yaml'), FLAWED, '--format', 'markdown']);
  assert.equal(r.code, 1);
  assert.match(r.out, /^## mlsd design review\n\n\| Doc \| Readiness \| Verdict \|/);
  assert.match(r.out, /\| `examples\/news-feed\.mlsd\.yaml` \| 100\/100 \| ✅ complete \|/);
  assert.match(r.out, /\| `test\/fixtures\/flawed\/flawed-feed\.mlsd\.yaml` \| \d+\/100 \| 🔴 draft \|/);
  assert.match(r.out, /### `test\/fixtures\/flawed\/flawed-feed\.mlsd\.yaml` — draft/);
  assert.match(r.out, /\| 1\. Requirements \| \d+\/\d+ \|/);
  assert.match(r.out, /<details open><summary>\d+ findings<\/summary>/);
  assert.match(
    r.out,
    /- \*\*Error\*\* \[MLSD\d{3}\]\(https:\/\/github\.com\/mlsd-dev\/mlsd\/blob\/main\/docs\/rules\/MLSD\d{3}\.md\) line \d+: /,
  );
  assert.match(r.out, /### `examples\/news-feed\.mlsd\.yaml` — complete, readiness 100\/100\n\n[\s\S]*?No findings\./);
});

test('lint --format summary with --cache: a cached doc keeps its scorecard; entries without one are relinted', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mlsd-summary-cache-'));
  try {
    fs.copyFileSync(FLAWED, path.join(dir, 'a.mlsd.yaml'));
    // a stylish run stores entries without a scorecard
    assert.equal(cli(['lint', '--cache', 'a.mlsd.yaml'], { cwd: dir }).code, 1);
    const first = cli(['lint', '--cache', '--format', 'summary', 'a.mlsd.yaml'], { cwd: dir });
    assert.match(first.out, /a\.mlsd\.yaml\s+\d+ draft/);
    const second = cli(['lint', '--cache', '--debug', '--format', 'summary', 'a.mlsd.yaml'], { cwd: dir });
    assert.match(second.err, /0 linted, 1 from the cache/);
    assert.equal(second.out, first.out);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
