/**
 * `mlsd init`: the config it writes (every option of engine/options.ts, commented out with its default),
 * the first doc from a template (lints clean under the recommended preset), and that it never overwrites.
 * Run in-process through `run()` (the same entry as bin/mlsd.js), in temp folders.
 */
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { run } from '../../server/src/cli/main';
import { configText, shippedTemplates } from '../../server/src/cli/init';
import { DEFAULT_OPTIONS, OPTIONS } from '../../server/src/engine/options';
import { parseConfigText, resolveConfig } from '../../server/src/lint/config';
import { loadTemplates } from '../../client/src/templates';

const ROOT = path.resolve(__dirname, '../../..');
const temps: string[] = [];
after(() => {
  for (const d of temps) fs.rmSync(d, { recursive: true, force: true });
});

function tempDir(): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'mlsd-init-'));
  temps.push(d);
  return d;
}

function cli(argv: string[], cwd: string): { code: number; stdout: string; stderr: string } {
  let stdout = '';
  let stderr = '';
  const code = run(argv, {
    cwd,
    env: { NO_COLOR: '1' },
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
  });
  return { code, stdout, stderr };
}

describe('mlsd init', () => {
  test('writes .mlsdrc.yaml and design.mlsd.yaml (blank template); the doc lints with no errors', () => {
    const dir = tempDir();
    const r = cli(['init'], dir);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /Wrote \.mlsdrc\.yaml/);
    assert.match(r.stdout, /Wrote design\.mlsd\.yaml \(template: blank\)/);
    assert.deepEqual(fs.readdirSync(dir).sort(), ['.mlsdrc.yaml', 'design.mlsd.yaml']);
    const lint = cli(['lint', '--format', 'json'], dir);
    assert.equal(lint.code, 0, lint.stdout + lint.stderr);
    const results = JSON.parse(lint.stdout) as { filePath: string; errorCount: number }[];
    assert.deepEqual(
      results.map((x) => [path.basename(x.filePath), x.errorCount]),
      [['design.mlsd.yaml', 0]],
    );
  });

  test('the config: recommended, and uncommenting `options:` gives exactly the defaults of the options table', () => {
    const text = configText();
    const problems: { message: string }[] = [];
    const raw = parseConfigText(text, '.mlsdrc.yaml', problems);
    assert.deepEqual(problems, []);
    assert.equal(raw?.extends, 'recommended');
    assert.equal(raw?.rules, undefined);
    assert.equal(raw?.options, undefined);
    const lines = text.split('\n');
    const start = lines.indexOf('# options:');
    assert.ok(start > 0, 'an options block');
    const uncommented = lines
      .slice(start)
      .map((l) => l.replace(/^# ?/, ''))
      .join('\n');
    const opts = parseYaml(uncommented) as { options: Record<string, number> };
    assert.deepEqual(
      Object.keys(opts.options),
      OPTIONS.map((o) => o.key),
    );
    const resolved = resolveConfig([parseConfigText(uncommented, 'x', problems)], problems);
    assert.deepEqual(problems, []);
    assert.deepEqual(resolved.options, DEFAULT_OPTIONS);
    for (const l of lines) assert.ok(l.length <= 100, `over 100 columns: ${l}`);
  });

  test('re-running refuses with exit 2 and writes nothing; so does an existing .mlsdrc.yml', () => {
    const dir = tempDir();
    assert.equal(cli(['init'], dir).code, 0);
    fs.writeFileSync(path.join(dir, 'design.mlsd.yaml'), 'mlsd: 1\ntitle: mine\n');
    const before = fs.readFileSync(path.join(dir, '.mlsdrc.yaml'), 'utf8');
    const again = cli(['init'], dir);
    assert.equal(again.code, 2);
    assert.match(again.stderr, /\.mlsdrc\.yaml and design\.mlsd\.yaml already exist/);
    assert.match(again.stderr, /does not overwrite/);
    assert.equal(fs.readFileSync(path.join(dir, 'design.mlsd.yaml'), 'utf8'), 'mlsd: 1\ntitle: mine\n');
    assert.equal(fs.readFileSync(path.join(dir, '.mlsdrc.yaml'), 'utf8'), before);

    const other = tempDir();
    fs.writeFileSync(path.join(other, '.mlsdrc.yml'), 'extends: strict\n');
    const r = cli(['init', '--template', 'news-feed'], other);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /\.mlsdrc\.yml already exists/);
    assert.deepEqual(fs.readdirSync(other), ['.mlsdrc.yml']);
  });

  test('--template news-feed into a new folder: the archetype doc, clean under recommended', () => {
    const cwd = tempDir();
    const r = cli(['init', 'docs', '--template', 'news-feed'], cwd);
    assert.equal(r.code, 0, r.stderr);
    const doc = fs.readFileSync(path.join(cwd, 'docs', 'news-feed.mlsd.yaml'), 'utf8');
    assert.match(doc, /^archetype: news-feed$/m);
    assert.ok(!/\$\{|\$\d/.test(doc), 'no snippet syntax left');
    const lint = cli(['lint', 'docs'], cwd);
    assert.equal(lint.code, 0, lint.stdout + lint.stderr);
  });

  test('--list-templates lists every template of the editor picker; an unknown one exits 2 with the list', () => {
    const cwd = tempDir();
    const list = cli(['init', '--list-templates'], cwd);
    assert.equal(list.code, 0);
    const ids = list.stdout
      .trim()
      .split('\n')
      .map((l) => l.split(/\s+/)[0]);
    assert.deepEqual(
      ids,
      loadTemplates(ROOT).map((t) => t.id),
    );
    assert.deepEqual(
      ids,
      shippedTemplates().map((t) => t.id),
    );
    assert.match(list.stdout, /^blank .*\(default\)/m);
    assert.deepEqual(fs.readdirSync(cwd), []);
    const bad = cli(['init', '--template', 'newsfeed'], cwd);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /Unknown template `newsfeed`; use one of blank, .*news-feed/);
    assert.deepEqual(fs.readdirSync(cwd), []);
  });

  test('options belong to their command', () => {
    const cwd = tempDir();
    for (const [argv, re] of [
      [['init', '--cache'], /--cache is an option of `mlsd lint`/],
      [['lint', '--template', 'blank'], /--template is an option of `mlsd init`/],
      [['init', 'a', 'b'], /at most one folder/],
      [['init', '--format', 'json'], /takes no --format/],
    ] as [string[], RegExp][]) {
      const r = cli(argv, cwd);
      assert.equal(r.code, 2, argv.join(' '));
      assert.match(r.stderr, re);
    }
    assert.match(cli(['help', 'init'], cwd).stdout, /Usage: mlsd init \[dir\]/);
    assert.deepEqual(fs.readdirSync(cwd), []);
  });
});
