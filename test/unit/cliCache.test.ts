/**
 * `mlsd lint --cache`: which docs are linted and which come from the cache, observed through the
 * `--debug` stats line ("N files: L linted, C from the cache"), never through timing. Run in-process
 * through `run()` (the same entry as bin/mlsd.js), in temp projects.
 */
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { run } from '../../server/src/cli/main';
import { LintCache, cacheFilePath, configKey } from '../../server/src/cli/cache';
import { resolveConfig } from '../../server/src/lint/config';

const ROOT = path.resolve(__dirname, '../../..');
const EXAMPLE = fs.readFileSync(path.join(ROOT, 'examples', 'news-feed.mlsd.yaml'), 'utf8');
const TYPO = fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'cli', 'fix', 'typo.mlsd.yaml'), 'utf8');

const temps: string[] = [];
after(() => {
  for (const d of temps) fs.rmSync(d, { recursive: true, force: true });
});

function project(files: Record<string, string>): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'mlsd-cache-'));
  temps.push(d);
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(d, name)), { recursive: true });
    fs.writeFileSync(path.join(d, name), text);
  }
  return d;
}

interface Outcome {
  code: number;
  stdout: string;
  stderr: string;
  linted: number;
  cached: number;
}

function lint(cwd: string, ...args: string[]): Outcome {
  let stdout = '';
  let stderr = '';
  const code = run(['lint', '--debug', '--format', 'json', ...args], {
    cwd,
    env: { NO_COLOR: '1' },
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
  });
  const m = /(\d+) files: (\d+) linted, (?:(\d+) from the cache|no cache)/.exec(stderr);
  assert.ok(m, `stats line in: ${stderr}`);
  return { code, stdout, stderr, linted: Number(m[2]), cached: Number(m[3] ?? 0) };
}

/** The JSON report without absolute paths' temp prefix, for comparing runs. */
function report(o: Outcome): unknown {
  return (JSON.parse(o.stdout) as { filePath: string }[]).map((r) => ({ ...r, filePath: path.basename(r.filePath) }));
}

describe('mlsd lint --cache', () => {
  test('the second run takes unchanged docs from the cache, with the same report and exit code', () => {
    const cwd = project({ 'a.mlsd.yaml': EXAMPLE, 'b/typo.mlsd.yaml': TYPO });
    const first = lint(cwd, '--cache');
    assert.deepEqual([first.linted, first.cached], [2, 0]);
    assert.ok(fs.existsSync(path.join(cwd, '.mlsdcache')));
    const second = lint(cwd, '--cache');
    assert.deepEqual([second.linted, second.cached], [0, 2]);
    assert.equal(second.code, first.code);
    assert.equal(first.code, 1, 'the typo is an error');
    assert.deepEqual(report(second), report(first));
    // without --cache, everything is linted and the same report comes out
    const plain = lint(cwd);
    assert.deepEqual([plain.linted, plain.cached], [2, 0]);
    assert.deepEqual(report(plain), report(first));
  });

  test('a changed doc is linted again, the others come from the cache', () => {
    const cwd = project({ 'a.mlsd.yaml': EXAMPLE, 'b.mlsd.yaml': EXAMPLE });
    lint(cwd, '--cache');
    fs.writeFileSync(path.join(cwd, 'b.mlsd.yaml'), EXAMPLE.replace('title:', 'title: Changed'));
    const r = lint(cwd, '--cache');
    assert.deepEqual([r.linted, r.cached], [1, 1]);
  });

  test('a config change invalidates: the .mlsdrc.yaml, a --rule flag, --quiet', () => {
    const cwd = project({ 'typo.mlsd.yaml': TYPO, '.mlsdrc.yaml': 'extends: recommended\n' });
    const first = lint(cwd, '--cache');
    assert.equal(first.code, 1);
    fs.writeFileSync(path.join(cwd, '.mlsdrc.yaml'), 'extends: recommended\nrules:\n  MLSD003: off\n');
    const changed = lint(cwd, '--cache');
    assert.deepEqual([changed.linted, changed.cached], [1, 0]);
    assert.ok(
      !(JSON.parse(changed.stdout) as { messages: { ruleId: string }[] }[])[0].messages.some(
        (m) => m.ruleId === 'MLSD003',
      ),
    );
    assert.deepEqual([lint(cwd, '--cache').linted, lint(cwd, '--cache').cached], [0, 1]);
    const flag = lint(cwd, '--cache', '--rule', 'MLSD002=off');
    assert.deepEqual([flag.linted, flag.cached], [1, 0]);
    const quiet = lint(cwd, '--cache', '--quiet');
    assert.deepEqual([quiet.linted, quiet.cached], [1, 0]);
  });

  test('a corrupt or foreign cache file is rebuilt, with a notice on stderr', () => {
    const cwd = project({ 'a.mlsd.yaml': EXAMPLE });
    const file = path.join(cwd, '.mlsdcache');
    for (const [bad, notice] of [
      ['{"mlsdCache": 1, "version": ', /the cache file \.mlsdcache is corrupt \(not JSON\); it is rebuilt/],
      ['{"files": {}}', /the cache file \.mlsdcache is not an mlsd cache .*; it is rebuilt/],
      ['[1, 2]', /is not an mlsd cache/],
    ] as [string, RegExp][]) {
      fs.writeFileSync(file, bad);
      const r = lint(cwd, '--cache');
      assert.match(r.stderr, notice);
      assert.equal(r.code, 0);
      assert.deepEqual([r.linted, r.cached], [1, 0]);
      const again = lint(cwd, '--cache');
      assert.doesNotMatch(again.stderr, /rebuilt/);
      assert.deepEqual([again.linted, again.cached], [0, 1]);
    }
  });

  test('--cache-location: a file, or a folder that holds .mlsdcache', () => {
    const cwd = project({ 'a.mlsd.yaml': EXAMPLE });
    fs.mkdirSync(path.join(cwd, 'ci-cache'));
    assert.equal(cacheFilePath(cwd, 'ci-cache'), path.join(cwd, 'ci-cache', '.mlsdcache'));
    assert.equal(cacheFilePath(cwd, 'new-dir/'), path.join(cwd, 'new-dir', '.mlsdcache'));
    assert.equal(cacheFilePath(cwd, 'x.json'), path.join(cwd, 'x.json'));
    assert.equal(cacheFilePath(cwd), path.join(cwd, '.mlsdcache'));
    for (const loc of ['ci-cache', 'other/mlsd.cache']) {
      assert.deepEqual(lint(cwd, '--cache', '--cache-location', loc).linted, 1);
      const r = lint(cwd, '--cache', '--cache-location', loc);
      assert.deepEqual([r.linted, r.cached], [0, 1], loc);
    }
    assert.ok(fs.existsSync(path.join(cwd, 'ci-cache', '.mlsdcache')));
    assert.ok(fs.existsSync(path.join(cwd, 'other', 'mlsd.cache')));
    assert.ok(!fs.existsSync(path.join(cwd, '.mlsdcache')));
  });

  test('--fix: a cached doc with something to fix is fixed; the fixed text is cached as linted', () => {
    const cwd = project({ 'typo.mlsd.yaml': TYPO, 'a.mlsd.yaml': EXAMPLE });
    lint(cwd, '--cache');
    const dry = lint(cwd, '--cache', '--fix-dry-run');
    assert.deepEqual([dry.linted, dry.cached], [1, 1], 'only the doc with a fix is linted again');
    assert.equal(fs.readFileSync(path.join(cwd, 'typo.mlsd.yaml'), 'utf8'), TYPO);
    const fixed = lint(cwd, '--cache', '--fix');
    assert.deepEqual([fixed.linted, fixed.cached], [1, 1]);
    assert.match(fs.readFileSync(path.join(cwd, 'typo.mlsd.yaml'), 'utf8'), /mode: online/);
    const after = lint(cwd, '--cache');
    assert.deepEqual([after.linted, after.cached], [0, 2]);
    assert.deepEqual(report(after), report(lint(cwd)));
  });

  test('an entry is used only for the same bytes, config key and mlsd version', () => {
    const cwd = project({ 'a.mlsd.yaml': EXAMPLE });
    const file = path.join(cwd, 'cache.json');
    const doc = path.join(cwd, 'a.mlsd.yaml');
    const key = configKey(resolveConfig([]), { quiet: false });
    const c = LintCache.open(file, '1.0.0');
    assert.equal(c.notice, undefined);
    const result = {
      filePath: doc,
      messages: [],
      errorCount: 0,
      warningCount: 0,
      infoCount: 0,
      hintCount: 0,
      fixableErrorCount: 0,
      fixableWarningCount: 0,
      fixableCount: 0,
      fixedCount: 0,
    };
    c.set(doc, 'h1', key, result, false);
    c.save();
    assert.deepEqual(LintCache.open(file, '1.0.0').get(doc, 'h1', key), { result, fixable: false });
    assert.equal(LintCache.open(file, '1.0.0').get(doc, 'h2', key), undefined);
    assert.equal(LintCache.open(file, '1.0.0').get(doc, 'h1', `${key}x`), undefined);
    const upgraded = LintCache.open(file, '1.1.0');
    assert.equal(upgraded.notice, undefined, 'another version is not a corrupt cache');
    assert.equal(upgraded.get(doc, 'h1', key), undefined);
    assert.notEqual(configKey(resolveConfig([{ extends: 'strict' }]), { quiet: false }), key);
    // paths are relative to the cache file's folder (a CI cache restored elsewhere still hits)
    assert.deepEqual(Object.keys((JSON.parse(fs.readFileSync(file, 'utf8')) as { entries: object }).entries), [
      'a.mlsd.yaml',
    ]);
  });

  test('the worker-thread path (50 docs and more) reads and fills the cache too', () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 60; i++) files[`d${i}.mlsd.yaml`] = EXAMPLE;
    const cwd = project(files);
    const first = lint(cwd, '--cache');
    assert.deepEqual([first.linted, first.cached], [60, 0]);
    fs.appendFileSync(path.join(cwd, 'd7.mlsd.yaml'), '\n# edited\n');
    const second = lint(cwd, '--cache');
    assert.deepEqual([second.linted, second.cached], [1, 59]);
  });
});
