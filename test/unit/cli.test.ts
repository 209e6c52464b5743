/**
 * The `mlsd` CLI, run as users run it: `node bin/mlsd.js …` (the bundle dist/cli.js, built by
 * `npm run build`) on the fixtures in test/fixtures/cli/ and on temp projects. Asserts exit codes, the
 * JSON and SARIF shapes, --fix, config discovery, and that bad input never crashes the CLI. The findings
 * asserted come from the stable structural rules (MLSD001/002/003/006/008) and the engine's behaviour.
 * Timing of the bad inputs lives in scripts/bench.mjs, not here.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv';
import { RULES } from '../../server/src/rules';
import { DEFAULT_OPTIONS } from '../../server/src/engine/options';
import { configSchema } from '../../server/src/cli/configSchema';
import { run } from '../../server/src/cli/main';
import { mergeEdits } from '../../server/src/cli/lintFiles';
import { applyEdits } from '../../server/src/lint/engine';
import type { Rule } from '../../server/src/rules/types';

const ROOT = path.resolve(__dirname, '../../..');
const BIN = path.join(ROOT, 'bin', 'mlsd.js');
const FIX = path.join(ROOT, 'test', 'fixtures', 'cli');
const PKG = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function mlsd(args: string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Run {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
  delete env.FORCE_COLOR;
  Object.assign(env, opts.env);
  for (const [k, v] of Object.entries(opts.env ?? {})) if (v === undefined) delete env[k];
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: opts.cwd ?? FIX,
    env,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    timeout: 60_000,
  });
  if (r.error) throw r.error;
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

interface JsonMessage {
  ruleId: string;
  alias: string;
  severity: 'error' | 'warning' | 'info' | 'hint';
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  fix?: { range: [number, number]; text: string };
  suggestions?: { desc: string; fix: { range: [number, number]; text: string } }[];
}
interface JsonResult {
  filePath: string;
  messages: JsonMessage[];
  errorCount: number;
  warningCount: number;
  infoCount: number;
  hintCount: number;
  fixableErrorCount: number;
  fixableWarningCount: number;
  output?: string;
}

function lintJson(
  args: string[],
  opts: { cwd?: string } = {},
): { code: number | null; results: JsonResult[]; stderr: string } {
  const r = mlsd(['lint', '--format', 'json', ...args], opts);
  let results: JsonResult[];
  try {
    results = JSON.parse(r.stdout) as JsonResult[];
  } catch {
    assert.fail(`stdout is not JSON (exit ${r.code}):\n${r.stdout.slice(0, 500)}\nstderr:\n${r.stderr}`);
  }
  return { code: r.code, results, stderr: r.stderr };
}

/** A temp project: files written under a fresh folder holding `.git` (so the config search stops there). */
function tempProject(files: Record<string, string | Buffer>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mlsd-cli-'));
  fs.mkdirSync(path.join(dir, '.git'));
  for (const [rel, content] of Object.entries(files)) {
    const p = path.join(dir, rel);
    fs.mkdirSync(path.dirname(p), { recursive: true });
    fs.writeFileSync(p, content);
  }
  return dir;
}

function cleanup(dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true });
}

const ids = (r: JsonResult) => r.messages.map((m) => m.ruleId);

// ------------------------------------------------------------------------------------------ exit codes

describe('exit codes', () => {
  test('0 when there are no problems (a .mlsdrc.yaml turns the only rule that fires off)', () => {
    const r = mlsd(['lint', 'project/docs/minimal.mlsd.yaml']);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, '', 'stylish prints nothing for a clean run');
  });

  test('0 with warnings only (no --max-warnings)', () => {
    const r = lintJson(['minimal']);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.results[0].errorCount, 0);
    assert.equal(r.results[0].warningCount, 7, 'one MLSD006 per missing step');
  });

  test('1 when there is an error finding', () => {
    const r = lintJson(['version']);
    assert.equal(r.code, 1);
    assert.ok(ids(r.results[0]).includes('MLSD008'));
  });

  test('1 when warnings exceed --max-warnings, 0 when they do not, -1 = unlimited', () => {
    const over = mlsd(['lint', 'minimal', '--max-warnings', '6']);
    assert.equal(over.code, 1);
    assert.match(over.stderr, /too many warnings \(maximum: 6\)/);
    assert.equal(mlsd(['lint', 'minimal', '--max-warnings', '7']).code, 0);
    assert.equal(
      mlsd(['lint', 'minimal', '--max-warnings=0', '--rule', 'missing-section=info']).code,
      0,
      'infos never count',
    );
    assert.equal(mlsd(['lint', 'minimal', '--max-warnings', '-1']).code, 0);
  });

  test('infos and hints never fail the run', () => {
    assert.equal(mlsd(['lint', 'minimal', '--rule', 'MLSD006=hint', '--max-warnings', '0']).code, 0);
  });

  test('2 on usage errors, with a clear message', () => {
    const cases: [string[], RegExp][] = [
      [[], /No command given/],
      [['frobnicate'], /Unknown command `frobnicate`/],
      [['minimal/minimal.mlsd.yaml'], /run `mlsd lint minimal\/minimal\.mlsd\.yaml`/],
      [['lint', '--bogus'], /Unknown option '--bogus'/],
      [['lint', '--format', 'xml'], /Unknown format `xml`/],
      [['lint', '--max-warnings', 'many'], /--max-warnings takes a whole number/],
      [['lint', '--max-warnings', '-2'], /--max-warnings takes a whole number/],
      [['lint', '--rule', 'MLSD006'], /--rule takes ID=severity/],
      [['lint', '--rule', 'no-such-rule=off'], /Unknown rule `no-such-rule`/],
      [['lint', '--rule', 'MLSD006=loud'], /Invalid severity `loud`/],
      [['lint', '--preset', 'lenient'], /Unknown preset `lenient`/],
      [['lint', '--fix', '--fix-dry-run'], /cannot be used together/],
      [['rules', '--fix'], /--fix is an option of `mlsd lint`/],
      [['rules', '--format', 'sarif'], /stylish \(a table\) or json/],
    ];
    for (const [args, re] of cases) {
      const r = mlsd(args);
      assert.equal(r.code, 2, `mlsd ${args.join(' ')} → ${r.code}\n${r.stderr}`);
      assert.match(r.stderr, re, `mlsd ${args.join(' ')}`);
      assert.equal(r.stdout, '', 'usage errors go to stderr');
    }
  });

  test('2 when a pattern matches nothing (each such pattern named), and nothing is linted', () => {
    const r = mlsd(['lint', 'minimal', 'no/such/file.mlsd.yaml', 'nothing-*.mlsd.yaml']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /No files matching the pattern "no\/such\/file\.mlsd\.yaml" were found/);
    assert.match(r.stderr, /No files matching the pattern "nothing-\*\.mlsd\.yaml" were found/);
    assert.equal(r.stdout, '');
  });

  test('2 when a directory holds no design doc, or the working directory holds none', () => {
    const dir = tempProject({ 'docs/notes.md': '# notes\n' });
    try {
      const a = mlsd(['lint', 'docs'], { cwd: dir });
      assert.equal(a.code, 2);
      assert.match(a.stderr, /No design docs .* in the directory "docs"/);
      const b = mlsd(['lint'], { cwd: dir });
      assert.equal(b.code, 2);
      assert.match(b.stderr, /No design docs \(\*\.mlsd\.yaml, \*\.mlsd\.yml\) were found under/);
    } finally {
      cleanup(dir);
    }
  });

  test('2 on a bad config: unknown rule, bad severity, bad YAML — the message names the file', () => {
    const cases: [string, RegExp][] = [
      ['unknown-rule', /Unknown rule `no-such-rule`/],
      ['bad-severity', /Invalid severity `loud`/],
      ['bad-yaml', /not valid YAML/],
    ];
    for (const [name, re] of cases) {
      const r = mlsd(['lint', `bad-config/${name}`]);
      assert.equal(r.code, 2, name);
      assert.match(r.stderr, re, name);
      assert.ok(r.stderr.includes(path.join('bad-config', name, '.mlsdrc.yaml')), `names the file: ${r.stderr}`);
      assert.equal(r.stdout, '', 'no report when the configuration is broken');
    }
    const missing = mlsd(['lint', 'minimal', '--config', 'no-such-config.yaml']);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /no-such-config\.yaml/);
  });

  test('2 for a file that cannot be read, while the other files are still linted', () => {
    const dir = tempProject({ 'ok.mlsd.yaml': 'mlsd: 1\ntitle: ok\n' });
    try {
      fs.symlinkSync('loop.mlsd.yaml', path.join(dir, 'loop.mlsd.yaml')); // a symlink to itself: ELOOP
      const r = lintJson(['loop.mlsd.yaml', 'ok.mlsd.yaml'], { cwd: dir });
      assert.equal(r.code, 2);
      assert.match(r.stderr, /Cannot read loop\.mlsd\.yaml/);
      assert.equal(r.results.length, 1);
      assert.equal(path.basename(r.results[0].filePath), 'ok.mlsd.yaml');
    } finally {
      cleanup(dir);
    }
  });
});

// ---------------------------------------------------------------------------------------- file selection

describe('which files are linted', () => {
  test('no argument: every *.mlsd.yaml / *.mlsd.yml below the cwd, skipping node_modules and dot-folders', () => {
    const doc = 'mlsd: 1\ntitle: x\n';
    const dir = tempProject({
      'a.mlsd.yaml': doc,
      'sub/deeper/b.mlsd.yml': doc,
      'sub/c.yaml': doc,
      'node_modules/pkg/d.mlsd.yaml': doc,
      '.e2e/e.mlsd.yaml': doc,
      '.git/f.mlsd.yaml': doc,
    });
    try {
      const r = lintJson([], { cwd: dir });
      const got = r.results.map((x) => path.relative(dir, x.filePath).split(path.sep).join('/')).sort();
      assert.deepEqual(got, ['a.mlsd.yaml', 'sub/deeper/b.mlsd.yml']);
    } finally {
      cleanup(dir);
    }
  });

  test('a directory expands to the design docs inside it (recursively); a named file is linted whatever its name', () => {
    const r = lintJson(['project/docs']);
    assert.deepEqual(r.results.map((x) => path.basename(x.filePath)).sort(), ['minimal.mlsd.yaml', 'typo.mlsd.yml']);
    const named = lintJson(['project/docs/readme.yaml']);
    assert.equal(named.results.length, 1);
    assert.equal(path.basename(named.results[0].filePath), 'readme.yaml');
  });

  test('globs: `dir/**` means the design docs there, `dir/*.yaml` every match; each file once', () => {
    const docs = lintJson(['project/docs/**', 'project/docs/nested/typo.mlsd.yml']);
    assert.deepEqual(docs.results.map((x) => path.basename(x.filePath)).sort(), ['minimal.mlsd.yaml', 'typo.mlsd.yml']);
    const yaml = lintJson(['project/docs/*.yaml']);
    assert.deepEqual(yaml.results.map((x) => path.basename(x.filePath)).sort(), ['minimal.mlsd.yaml', 'readme.yaml']);
  });
});

// ------------------------------------------------------------------------------------------- json shape

describe('--format json', () => {
  test("ESLint's shape, with 1-based lines and columns", () => {
    const r = lintJson(['project/docs/nested/typo.mlsd.yml']);
    assert.equal(r.results.length, 1);
    const res = r.results[0];
    assert.ok(path.isAbsolute(res.filePath), 'filePath is absolute');
    assert.equal(res.filePath, path.join(FIX, 'project/docs/nested/typo.mlsd.yml'));
    for (const k of [
      'errorCount',
      'warningCount',
      'infoCount',
      'hintCount',
      'fixableErrorCount',
      'fixableWarningCount',
    ] as const) {
      assert.equal(typeof res[k], 'number', k);
    }
    assert.equal('source' in res, false, 'no source (like ESLint when there are no fatal errors)');
    const m = res.messages.find((x) => x.ruleId === 'MLSD002');
    assert.ok(m, `MLSD002 expected, got ${ids(res).join(', ')}`);
    // `latncy: 200ms` on line 3: the key spans columns 1..7 (end exclusive)
    assert.deepEqual(
      {
        line: m.line,
        column: m.column,
        endLine: m.endLine,
        endColumn: m.endColumn,
        alias: m.alias,
        severity: m.severity,
      },
      { line: 3, column: 1, endLine: 3, endColumn: 7, alias: 'unknown-key', severity: 'warning' },
    );
    assert.equal(typeof m.message, 'string');
    assert.deepEqual(
      Object.keys(m).filter((k) => !['fix', 'suggestions', 'explanation'].includes(k)),
      ['ruleId', 'alias', 'severity', 'message', 'line', 'column', 'endLine', 'endColumn'],
    );
    assert.equal(res.warningCount, res.messages.filter((x) => x.severity === 'warning').length);
  });

  test('columns count UTF-16 code units (an emoji is two), as editors do', () => {
    const r = lintJson(['unicode']);
    const m = r.results[0].messages.find((x) => x.ruleId === 'MLSD002');
    assert.ok(m);
    const line = fs.readFileSync(path.join(FIX, 'unicode/emoji.mlsd.yaml'), 'utf8').split('\n')[2];
    assert.equal(m.line, 3);
    assert.equal(m.column, line.indexOf('latncy') + 1);
    assert.equal(m.endColumn, m.column + 'latncy'.length);
  });

  test('a safe fix is one edit {range, text} over the source; applying it gives the fixed text', () => {
    const r = lintJson(['fix/typo.mlsd.yaml']);
    const src = fs.readFileSync(path.join(FIX, 'fix/typo.mlsd.yaml'), 'utf8');
    const m = r.results[0].messages.find((x) => x.ruleId === 'MLSD003');
    assert.ok(m?.fix, 'MLSD003 `onlien` has a safe fix');
    const [s, e] = m.fix.range;
    assert.equal(src.slice(s, e), 'onlien');
    assert.equal(m.fix.text, 'online');
    assert.equal(r.results[0].fixableErrorCount >= 1, true);
  });

  test('a multi-edit fix is merged into one edit, the way ESLint merges fixes', () => {
    const text = 'abcdefgh';
    const edits = [
      { start: 1, end: 2, newText: 'B' },
      { start: 5, end: 6, newText: 'FF' },
    ];
    const one = mergeEdits(text, edits)!;
    assert.deepEqual(one.range, [1, 6]);
    assert.equal(text.slice(0, one.range[0]) + one.text + text.slice(one.range[1]), applyEdits(text, edits).text);
    assert.equal(
      mergeEdits(text, [
        { start: 1, end: 4, newText: '' },
        { start: 2, end: 3, newText: 'x' },
      ]),
      undefined,
      'overlapping edits: no fix',
    );
  });

  test('large output is not cut when piped', () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 300; i++) files[`d${String(i).padStart(3, '0')}.mlsd.yaml`] = 'mlsd: 1\ntitle: x\n';
    const dir = tempProject(files);
    try {
      const r = mlsd(['lint', '-f', 'json'], { cwd: dir });
      assert.ok(r.stdout.length > 500_000, `a big report (${r.stdout.length} chars)`);
      const results = JSON.parse(r.stdout) as JsonResult[];
      assert.equal(results.length, 300);
      assert.equal(r.code, 0);
    } finally {
      cleanup(dir);
    }
  });
});

// ------------------------------------------------------------------------------------------------ sarif

/** The SARIF 2.1.0 schema shipped by @microsoft/jest-sarif (draft-04: adapted for ajv 8, which reads draft-06+). */
function sarifValidator() {
  const file = require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');
  const schema = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
  delete schema.$schema;
  delete schema.id;
  // unicodeRegExp off: the schema's `language` pattern has a stray `]` that the u flag refuses
  const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false, unicodeRegExp: false });
  return ajv.compile(schema);
}

describe('--format sarif', () => {
  interface SarifLog {
    $schema: string;
    version: string;
    runs: {
      tool: {
        driver: {
          name: string;
          version: string;
          rules: {
            id: string;
            name: string;
            shortDescription: { text: string };
            fullDescription: { text: string };
            helpUri: string;
            defaultConfiguration: { level: string };
          }[];
        };
      };
      originalUriBaseIds: Record<string, { uri: string }>;
      invocations: { executionSuccessful: boolean }[];
      results: {
        ruleId: string;
        ruleIndex: number;
        level: string;
        message: { text: string };
        locations: {
          physicalLocation: {
            artifactLocation: { uri: string; uriBaseId: string };
            region: { startLine: number; startColumn: number; endLine: number; endColumn: number };
          };
        }[];
      }[];
    }[];
  }

  test('valid SARIF 2.1.0 (against the published schema), with rule metadata and help URIs', () => {
    const r = mlsd(['lint', '--format', 'sarif', 'version', 'project/docs', 'syntax']);
    assert.equal(r.code, 1, r.stderr);
    const log = JSON.parse(r.stdout) as SarifLog;
    const validate = sarifValidator();
    assert.ok(validate(log), JSON.stringify(validate.errors?.slice(0, 5), null, 2));

    assert.equal(log.$schema, 'https://json.schemastore.org/sarif-2.1.0.json');
    assert.equal(log.version, '2.1.0');
    assert.equal(log.runs.length, 1);
    const run0 = log.runs[0];
    const driver = run0.tool.driver;
    assert.equal(driver.name, 'mlsd');
    assert.equal(driver.version, PKG.version);
    assert.equal(driver.rules.length, RULES.length, 'every rule is described');
    RULES.forEach((rule, i) => {
      const d = driver.rules[i];
      assert.equal(d.id, rule.meta.id);
      assert.equal(d.name, rule.meta.alias);
      assert.equal(d.shortDescription.text, rule.meta.title);
      assert.ok(d.fullDescription.text.length > 0);
      assert.equal(
        d.defaultConfiguration.level,
        { error: 'error', warning: 'warning', info: 'note', hint: 'note' }[rule.meta.defaultSeverity],
      );
      assert.match(d.helpUri, new RegExp(`^file:.*/docs/rules/${rule.meta.id}\\.md$`));
    });
    const help = driver.rules.find((x) => x.id === 'MLSD002')!.helpUri;
    assert.ok(fs.existsSync(fileURLToPath(help)), 'the help URI points at a real docs page');

    assert.match(run0.originalUriBaseIds['%SRCROOT%'].uri, /^file:\/\/.*\/$/);
    assert.equal(run0.invocations[0].executionSuccessful, true);
    assert.ok(run0.results.length > 0);
    for (const res of run0.results) {
      assert.equal(driver.rules[res.ruleIndex].id, res.ruleId, 'ruleIndex points at the rule');
      assert.ok(['error', 'warning', 'note'].includes(res.level));
      const loc = res.locations[0].physicalLocation;
      assert.equal(loc.artifactLocation.uriBaseId, '%SRCROOT%');
      assert.ok(
        !loc.artifactLocation.uri.startsWith('/') && !loc.artifactLocation.uri.startsWith('file:'),
        'relative to the cwd',
      );
      assert.ok(fs.existsSync(path.join(FIX, decodeURIComponent(loc.artifactLocation.uri))), loc.artifactLocation.uri);
      assert.ok(loc.region.startLine >= 1 && loc.region.startColumn >= 1);
    }
    const typo = run0.results.find(
      (x) =>
        x.ruleId === 'MLSD002' &&
        x.locations[0].physicalLocation.artifactLocation.uri === 'project/docs/nested/typo.mlsd.yml',
    );
    assert.ok(typo);
    assert.deepEqual(typo.locations[0].physicalLocation.region, {
      startLine: 3,
      startColumn: 1,
      endLine: 3,
      endColumn: 7,
    });
    assert.equal(typo.level, 'warning');
    assert.ok(run0.results.some((x) => x.ruleId === 'MLSD008' && x.level === 'error'));
  });

  test('an empty run is valid SARIF too', () => {
    const r = mlsd(['lint', '--format', 'sarif', 'project/docs/minimal.mlsd.yaml']);
    assert.equal(r.code, 0);
    const log = JSON.parse(r.stdout) as SarifLog;
    assert.ok(sarifValidator()(log));
    assert.deepEqual(log.runs[0].results, []);
  });
});

// ------------------------------------------------------------------------------------------- stylish

describe('stylish output', () => {
  test('a header per file (relative path), aligned line:col severity headline ID/alias rows, a summary', () => {
    const r = mlsd(['lint', 'version', 'project/docs/nested']);
    assert.equal(r.code, 1);
    const lines = r.stdout.split('\n');
    assert.ok(lines.includes(path.join('version', 'future.mlsd.yaml')), r.stdout);
    assert.ok(lines.includes(path.join('project', 'docs', 'nested', 'typo.mlsd.yml')));
    const row = lines.find((l) => l.includes('MLSD002/unknown-key'));
    assert.match(row ?? '', /^ {2}3:1 +warning {2}Unknown key `latncy`.* {2}MLSD002\/unknown-key$/);
    // piped: 80 columns; a finding whose rule id does not fit beside it gets it at the right edge below
    assert.ok(
      lines.every((l) => l.length <= 80),
      r.stdout,
    );
    const header = lines.indexOf(path.join('version', 'future.mlsd.yaml'));
    const rows: string[] = [];
    for (let i = header + 1; lines[i]; i++) rows.push(lines[i]);
    const ruleLines = rows.filter((l) => /MLSD\d{3}\/\S+$/.test(l));
    assert.equal(ruleLines.length, 8);
    assert.equal(rows.filter((l) => /^ {2}\d+:\d+ /.test(l)).length, 8);
    // within a file, the rule ids are aligned (here at the right edge)
    assert.equal(new Set(ruleLines.map((l) => l.length)).size, 1, rows.join('\n'));
    assert.match(rows.find((l) => l.includes('1:7'))!, /^ {2}1:7 +error {4}/);
    assert.match(r.stdout, /✖ \d+ problems \(1 error, 8 warnings, 0 infos, 0 hints\)/);
    assert.match(r.stdout, /\d+ problems? fixable with the `--fix` option/);
    assert.doesNotMatch(r.stdout, /\u001b\[/, 'no colors when piped');
  });

  test('colors with --color (and FORCE_COLOR), none with --no-color or NO_COLOR', () => {
    assert.match(mlsd(['lint', 'version', '--color']).stdout, /\u001b\[31merror/);
    assert.match(mlsd(['lint', 'version'], { env: { NO_COLOR: undefined, FORCE_COLOR: '1' } }).stdout, /\u001b\[/);
    assert.doesNotMatch(
      mlsd(['lint', 'version', '--no-color'], { env: { NO_COLOR: undefined, FORCE_COLOR: '1' } }).stdout,
      /\u001b\[/,
    );
    assert.doesNotMatch(mlsd(['lint', 'version'], { env: { NO_COLOR: '1', FORCE_COLOR: '1' } }).stdout, /\u001b\[/);
  });

  test('--quiet reports and counts errors only', () => {
    const q = mlsd(['lint', 'minimal', 'version', '--quiet', '--max-warnings', '0', '-f', 'json']);
    assert.equal(q.code, 1, 'the MLSD008 error still fails');
    const results = JSON.parse(q.stdout) as JsonResult[];
    assert.ok(results.every((x) => x.messages.every((m) => m.severity === 'error')));
    assert.equal(mlsd(['lint', 'minimal', '--quiet', '--max-warnings', '0']).code, 0);
  });

  test('--output-file writes the report to a file, and nothing to stdout', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mlsd-out-'));
    try {
      const out = path.join(dir, 'reports', 'mlsd.json');
      const r = mlsd(['lint', 'version', '-f', 'json', '-o', out]);
      assert.equal(r.code, 1);
      assert.equal(r.stdout, '');
      const results = JSON.parse(fs.readFileSync(out, 'utf8')) as JsonResult[];
      assert.ok(ids(results[0]).includes('MLSD008'));
      mlsd(['lint', 'version', '--output-file', path.join(dir, 'report.txt'), '--color']);
      assert.match(fs.readFileSync(path.join(dir, 'report.txt'), 'utf8'), /MLSD008\/format-version/);
    } finally {
      cleanup(dir);
    }
  });
});

// ------------------------------------------------------------------------------------------- config

describe('configuration', () => {
  test('the nearest .mlsdrc.yaml applies to the docs below it', () => {
    const inside = lintJson(['project/docs/minimal.mlsd.yaml']);
    assert.deepEqual(ids(inside.results[0]), [], 'missing-section is off in project/.mlsdrc.yaml');
    const outside = lintJson(['minimal/minimal.mlsd.yaml']);
    assert.ok(ids(outside.results[0]).includes('MLSD006'));
  });

  test('--rule by alias overrides the config file, and by id overrides the default', () => {
    const r = lintJson(['project/docs/minimal.mlsd.yaml', '--rule', 'missing-section=error']);
    assert.equal(r.code, 1);
    const m = r.results[0].messages.filter((x) => x.ruleId === 'MLSD006');
    assert.equal(m.length, 7);
    assert.ok(m.every((x) => x.severity === 'error'));
    const off = lintJson(['minimal', '--rule', 'MLSD006=off']);
    assert.deepEqual(ids(off.results[0]), []);
    const later = lintJson(['minimal', '--rule', 'MLSD006=off', '--rule', 'missing-section=warn']);
    assert.equal(later.results[0].warningCount, 7, 'the last --rule wins; `warn` is accepted');
  });

  test('the search stops at the folder holding .git', () => {
    const dir = tempProject({
      'repo/doc.mlsd.yaml': 'mlsd: 1\ntitle: x\n',
      '.mlsdrc.yaml': 'rules:\n  MLSD006: off\n',
    });
    try {
      fs.mkdirSync(path.join(dir, 'repo', '.git'));
      const r = lintJson(['repo'], { cwd: dir });
      assert.ok(ids(r.results[0]).includes('MLSD006'), 'the .mlsdrc.yaml above the repository is not used');
      fs.rmSync(path.join(dir, 'repo', '.git'), { recursive: true });
      assert.deepEqual(ids(lintJson(['repo'], { cwd: dir }).results[0]), []);
    } finally {
      cleanup(dir);
    }
  });

  test('--config FILE is used instead of the .mlsdrc.yaml search, over the preset; --preset and --rule win', () => {
    const r = lintJson(['project/docs', '--config', 'configs/unknown-key-error.yaml']);
    const typo = r.results.find((x) => x.filePath.endsWith('typo.mlsd.yml'))!;
    assert.equal(typo.messages.find((x) => x.ruleId === 'MLSD002')?.severity, 'error');
    assert.equal(r.code, 1);
    const minimal = r.results.find((x) => x.filePath.endsWith('minimal.mlsd.yaml'))!;
    const missing = minimal.messages.filter((x) => x.ruleId === 'MLSD006');
    assert.equal(missing.length, 7, 'project/.mlsdrc.yaml (missing-section: off) is not read with --config');
    assert.ok(
      missing.every((x) => x.severity === 'warning'),
      '`extends: strict` leaves warnings warnings',
    );
    const over = lintJson(['project/docs', '--config', 'configs/unknown-key-error.yaml', '--rule', 'unknown-key=off']);
    assert.ok(
      over.results.every((x) => !ids(x).includes('MLSD002')),
      '--rule wins over --config',
    );

    const strict = lintJson(['minimal', '--rule', 'MLSD006=info']);
    assert.equal(strict.results[0].infoCount, 7);
    const raised = lintJson(['minimal', '--preset', 'strict']);
    assert.equal(raised.results[0].warningCount, 7);
  });
});

// --------------------------------------------------------------------------------------------- fix

describe('--fix', () => {
  test('rewrites the file in place with the safe fixes, keeping comments, and reports what remains', () => {
    const src = fs.readFileSync(path.join(FIX, 'fix/typo.mlsd.yaml'), 'utf8');
    const dir = tempProject({ 'typo.mlsd.yaml': src });
    try {
      const r = lintJson(['--fix', 'typo.mlsd.yaml'], { cwd: dir });
      const after = fs.readFileSync(path.join(dir, 'typo.mlsd.yaml'), 'utf8');
      assert.notEqual(after, src);
      assert.match(after, /^ {2}mode: online {3}# typo of online$/m, 'the value is fixed and its comment kept');
      for (const c of [
        '# A doc with a typo the CLI can fix; comments must survive --fix.',
        'title: Fix me   # the title',
        '  # how predictions are served',
      ]) {
        assert.ok(after.includes(c), `kept: ${c}`);
      }
      assert.ok(!ids(r.results[0]).includes('MLSD003'), 'the fixed problem is not reported');
      assert.equal(r.results[0].output, after, 'json carries the fixed output, like ESLint');
      for (const m of r.results[0].messages)
        assert.ok(m.line <= after.split('\n').length, 'positions refer to the fixed text');

      const again = mlsd(['lint', '--fix', 'typo.mlsd.yaml'], { cwd: dir });
      assert.equal(fs.readFileSync(path.join(dir, 'typo.mlsd.yaml'), 'utf8'), after, 'a second --fix changes nothing');
      assert.doesNotMatch(again.stdout, /fixable with the `--fix` option/);
    } finally {
      cleanup(dir);
    }
  });

  test('--fix-dry-run computes the fixes without writing', () => {
    const src = fs.readFileSync(path.join(FIX, 'fix/typo.mlsd.yaml'), 'utf8');
    const dir = tempProject({ 'typo.mlsd.yaml': src });
    try {
      const r = lintJson(['--fix-dry-run', 'typo.mlsd.yaml'], { cwd: dir });
      assert.equal(fs.readFileSync(path.join(dir, 'typo.mlsd.yaml'), 'utf8'), src, 'the file is untouched');
      assert.match(r.results[0].output ?? '', /mode: online/);
    } finally {
      cleanup(dir);
    }
  });

  test('a byte-order mark is kept by --fix and not counted in columns', () => {
    const dir = tempProject({ 'bom.mlsd.yaml': '\uFEFFmlsd: 1\ntitle: x\nserving:\n  mode: onlien\nlatncy: 1\n' });
    try {
      const before = lintJson(['bom.mlsd.yaml'], { cwd: dir });
      const key = before.results[0].messages.find((m) => m.ruleId === 'MLSD002')!;
      assert.deepEqual([key.line, key.column], [5, 1]);
      lintJson(['--fix', 'bom.mlsd.yaml'], { cwd: dir });
      const after = fs.readFileSync(path.join(dir, 'bom.mlsd.yaml'), 'utf8');
      assert.ok(after.startsWith('\uFEFFmlsd: 1\n'));
      assert.match(after, /mode: online/);
    } finally {
      cleanup(dir);
    }
  });
});

// ------------------------------------------------------------------------------------------- bad input

describe('bad input: a clear finding, never a crash', () => {
  /** The billion-laughs alias bomb: 9 levels of ten aliases (10^9 nodes if expanded). */
  const aliasBomb = () => {
    let s =
      'mlsd: 1\ntitle: laughs\nx-a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]\n';
    for (let i = 1; i <= 9; i++)
      s += `x-a${i}: &a${i} [${Array(10)
        .fill(`*a${i - 1}`)
        .join(', ')}]\n`;
    return s;
  };
  const bigDoc = () => {
    let s = 'mlsd: 1\ntitle: A 5 MB doc\nx-notes:\n';
    const line = `  - ${'lorem ipsum dolor sit amet '.repeat(3)}\n`;
    while (s.length < 5 * 1024 * 1024) s += line;
    return s;
  };
  const junk = () => {
    const b = crypto.randomBytes(64 * 1024);
    b[10] = 0;
    return b;
  };
  let dir = '';
  const file = (name: string) => path.join(dir, name);
  before(() => {
    dir = tempProject({
      'empty.mlsd.yaml': '',
      'list.mlsd.yaml': '- mlsd: 1\n- title: a list\n',
      'big.mlsd.yaml': bigDoc(),
      'bomb.mlsd.yaml': aliasBomb(),
      'junk.mlsd.yaml': junk(),
      'long-line.mlsd.yaml': `mlsd: 1\ntitle: ${'x'.repeat(10_000)}\nlatncy: 1\n`,
    });
    assert.ok(fs.statSync(file('big.mlsd.yaml')).size >= 5 * 1024 * 1024);
  });
  after(() => cleanup(dir));
  const one = (name: string): { code: number | null; result: JsonResult; stderr: string } => {
    const r = lintJson([name], { cwd: dir });
    assert.equal(r.results.length, 1, r.stderr);
    assert.ok(r.code === 0 || r.code === 1, `exit ${r.code}: ${r.stderr}`);
    assert.doesNotMatch(r.stderr, /internal error/i);
    return { code: r.code, result: r.results[0], stderr: r.stderr };
  };

  test('an empty file: the missing steps, at line 1', () => {
    const { result } = one('empty.mlsd.yaml');
    assert.ok(ids(result).includes('MLSD006'));
    assert.ok(result.messages.every((m) => m.line === 1 && m.column === 1));
  });

  test('a top level that is a list: MLSD003 and nothing else fires', () => {
    const { code, result } = one('list.mlsd.yaml');
    assert.equal(code, 1);
    assert.deepEqual([...new Set(ids(result))], ['MLSD003']);
    assert.equal(result.messages[0].line, 1);
  });

  test('a 5 MB doc: one MLSD001 on line 1 (too large), not a hang', () => {
    const { code, result } = one('big.mlsd.yaml');
    assert.equal(code, 1);
    assert.deepEqual(ids(result), ['MLSD001']);
    assert.equal(result.messages[0].line, 1);
    assert.match(result.messages[0].message, /MB/);
  });

  test('an alias bomb (billion laughs): MLSD001 where the expansion stops', () => {
    const { code, result } = one('bomb.mlsd.yaml');
    assert.equal(code, 1);
    const m = result.messages.find((x) => x.ruleId === 'MLSD001');
    assert.ok(m, ids(result).join(', '));
    assert.match(m.message, /alias/i);
  });

  test('binary junk (random bytes with NULs): one MLSD001', () => {
    const { code, result } = one('junk.mlsd.yaml');
    assert.equal(code, 1);
    assert.deepEqual(ids(result), ['MLSD001']);
    assert.match(result.messages[0].message, /binary/i);
  });

  test('a 10,000-character line: linted, later positions right', () => {
    const { result } = one('long-line.mlsd.yaml');
    const m = result.messages.find((x) => x.ruleId === 'MLSD002');
    assert.ok(m, ids(result).join(', '));
    assert.deepEqual([m.line, m.column, m.endColumn], [3, 1, 7]);
  });

  test('a YAML syntax error mid-file: MLSD001 at the error, and the valid part is still checked', () => {
    const r = lintJson(['syntax']);
    const res = r.results[0];
    const syntax = res.messages.filter((m) => m.ruleId === 'MLSD001');
    assert.ok(syntax.length >= 1);
    assert.ok(
      syntax.every((m) => m.line >= 4 && m.line <= 5 && m.endLine === m.line),
      JSON.stringify(syntax),
    );
    // the valid part after the error: `task_typo` in framing (line 7) is an unknown key
    const later = res.messages.find((m) => m.ruleId === 'MLSD002' && m.line === 7);
    assert.ok(later, `MLSD002 on line 7 expected; got ${res.messages.map((m) => `${m.ruleId}@${m.line}`).join(', ')}`);
    assert.ok(ids(res).includes('MLSD006'), 'the missing steps are still reported');
  });
});

// ------------------------------------------------------------------------------------- internal errors

describe('internal errors', () => {
  test('a rule that throws: exit 2, its error on stderr, the other findings still reported', () => {
    const boom: Rule = {
      meta: {
        id: 'MLSD999',
        alias: 'always-throws',
        title: 'Throws',
        step: 0,
        defaultSeverity: 'warning',
        fixable: 'none',
        description: 'test only',
      },
      check() {
        throw new Error('kaboom');
      },
    };
    const rules = RULES as Rule[];
    rules.push(boom);
    let out = '';
    let err = '';
    try {
      const code = run(['lint', '-f', 'json', 'minimal'], {
        cwd: FIX,
        env: {},
        stdout: { write: (s: string) => (out += s) },
        stderr: { write: (s: string) => (err += s) },
      });
      assert.equal(code, 2);
    } finally {
      rules.pop();
    }
    assert.match(err, /internal error.*MLSD999 \(always-throws\) failed: Error: kaboom/);
    const results = JSON.parse(out) as JsonResult[];
    assert.ok(ids(results[0]).includes('MLSD006'), 'the other rules still ran');
  });
});

// ------------------------------------------------------------------------------ headline and explanation

describe('the explanation in JSON and SARIF', () => {
  /** Runs the CLI in-process with one extra rule whose finding has a headline and an explanation. */
  function withExplainingRule(format: string): string {
    const explains: Rule = {
      meta: {
        id: 'MLSD998',
        alias: 'always-explains',
        title: 'Explains',
        step: 0,
        defaultSeverity: 'warning',
        fixable: 'none',
        description: 'Test only: reports the doc with a headline and an explanation.',
      },
      check({ report }) {
        report({
          start: 0,
          end: 4,
          message: 'Headline with the key figure: 230ms over 200ms',
          explanation: 'Why it matters: the budget is the p99 of the whole path; write `serving.latency`.',
        });
      },
    };
    const rules = RULES as Rule[];
    rules.push(explains);
    let out = '';
    try {
      run(['lint', '-f', format, 'minimal'], {
        cwd: FIX,
        env: {},
        stdout: { write: (s: string) => (out += s) },
        stderr: { write: () => undefined },
      });
    } finally {
      rules.pop();
    }
    return out;
  }

  test('json: `message` is the headline, `explanation` follows it; absent when a rule gives none', () => {
    const results = JSON.parse(withExplainingRule('json')) as {
      messages: (JsonResult['messages'][number] & { explanation?: string })[];
    }[];
    const m = results[0].messages.find((x) => x.ruleId === 'MLSD998');
    assert.ok(m);
    assert.equal(m.message, 'Headline with the key figure: 230ms over 200ms');
    assert.equal(m.explanation, 'Why it matters: the budget is the p99 of the whole path; write `serving.latency`.');
    assert.deepEqual(Object.keys(m).slice(0, 5), ['ruleId', 'alias', 'severity', 'message', 'explanation']);
    for (const other of results[0].messages.filter((x) => x.ruleId !== 'MLSD998' && !x.explanation))
      assert.equal('explanation' in other, false, 'no empty explanation field');
  });

  test('sarif: message.text is the headline, message.markdown adds the explanation; each rule has a help', () => {
    interface HelpRule {
      id: string;
      helpUri: string;
      help: { text: string; markdown: string };
    }
    const log = JSON.parse(withExplainingRule('sarif')) as {
      runs: { tool: { driver: { rules: HelpRule[] } }; results: { ruleId: string; message: unknown }[] }[];
    };
    const validate = sarifValidator();
    assert.ok(validate({ ...log }), JSON.stringify(validate.errors?.slice(0, 5), null, 2));
    const run0 = log.runs[0];
    const res = run0.results.find((x) => x.ruleId === 'MLSD998');
    assert.deepEqual(res?.message, {
      text: 'Headline with the key figure: 230ms over 200ms',
      markdown:
        'Headline with the key figure: 230ms over 200ms\n\nWhy it matters: the budget is the p99 of the whole path; write `serving.latency`.',
    });
    for (const d of run0.tool.driver.rules) {
      assert.ok(d.help.text.length > 0, `${d.id} help`);
      assert.ok(
        d.help.markdown.startsWith(d.help.text) && d.help.markdown.includes(d.helpUri),
        `${d.id} help links its page`,
      );
    }
    const rule = run0.tool.driver.rules.find((x) => x.id === 'MLSD998');
    assert.equal(rule?.help.text, 'Test only: reports the doc with a headline and an explanation.');
  });
});

// ------------------------------------------------------------------------------------ other commands

describe('rules, help, version', () => {
  test('`mlsd rules --format json` lists every rule with its metadata', () => {
    const r = mlsd(['rules', '--format', 'json']);
    assert.equal(r.code, 0);
    const rows = JSON.parse(r.stdout) as {
      id: string;
      alias: string;
      step: number;
      defaultSeverity: string;
      fixable: string;
      title: string;
    }[];
    assert.equal(rows.length, RULES.length);
    assert.deepEqual(
      rows.map((x) => x.id),
      RULES.map((x) => x.meta.id),
    );
    for (const row of rows) {
      for (const k of ['id', 'alias', 'step', 'defaultSeverity', 'fixable', 'title'] as const)
        assert.ok(row[k] !== undefined && row[k] !== '', `${row.id}.${k}`);
    }
  });

  test('`mlsd rules` prints an aligned table', () => {
    const r = mlsd(['rules']);
    assert.equal(r.code, 0);
    const lines = r.stdout.split('\n');
    assert.match(lines[0], /^ID +ALIAS +STEP +SEVERITY +FIXABLE +TITLE$/);
    assert.match(r.stdout, /^MLSD002 +unknown-key +0 +warning +safe +\S/m);
    assert.equal(lines.filter((l) => /^MLSD\d{3} /.test(l)).length, RULES.length);
  });

  test('--version and `mlsd version` print the package version; help exits 0', () => {
    assert.equal(mlsd(['--version']).stdout.trim(), PKG.version);
    assert.equal(mlsd(['version']).stdout.trim(), PKG.version);
    for (const args of [['--help'], ['help'], ['help', 'lint'], ['lint', '--help'], ['rules', '-h']]) {
      const r = mlsd(args);
      assert.equal(r.code, 0, args.join(' '));
      assert.match(r.stdout, /^Usage: mlsd/);
    }
    assert.match(mlsd(['help', 'lint']).stdout, /--max-warnings/);
  });
});

// ------------------------------------------------------------------------------------ config schema

describe('schemas/mlsdrc.schema.json', () => {
  const file = path.join(ROOT, 'schemas', 'mlsdrc.schema.json');
  const schema = JSON.parse(fs.readFileSync(file, 'utf8')) as {
    properties: {
      rules: { propertyNames: { enum: string[] }; properties: Record<string, unknown> };
      extends: { enum: string[] };
    };
    definitions: { options: { properties: Record<string, { default: number }> }; severity: { enum: string[] } };
  };
  const regen = 'regenerate it: npm run gen';

  test('accepts exactly the rule ids, aliases and former aliases of the registry', () => {
    const names = RULES.flatMap((r) => [r.meta.id, r.meta.alias, ...(r.meta.formerAliases ?? [])]).sort();
    assert.deepEqual([...schema.properties.rules.propertyNames.enum].sort(), names, regen);
    assert.deepEqual(Object.keys(schema.properties.rules.properties).sort(), names, regen);
    assert.deepEqual(schema.properties.extends.enum, ['recommended', 'strict']);
    assert.deepEqual(schema.definitions.severity.enum, ['off', 'hint', 'info', 'warning', 'error']);
    const defaults: Record<string, number> = Object.fromEntries(
      Object.entries(schema.definitions.options.properties).map(([k, v]) => [k, v.default]),
    );
    assert.deepEqual(defaults, DEFAULT_OPTIONS as Record<string, number>, regen);
    // today's defaults stay pinned; a new option (one line in engine/options.ts) only adds to them
    for (const [k, v] of Object.entries({
      imbalance_threshold: 0.1,
      large_corpus_items: 1e6,
      qps_tolerance: 3,
      default_peak_factor: 2,
    }))
      assert.equal(defaults[k], v, k);
  });

  test('is the generator output (descriptions included)', () => {
    assert.deepEqual(schema, configSchema(), regen);
  });

  test('validates good configs and rejects bad ones (ajv, draft-07)', () => {
    const validate = new Ajv({ strict: false }).compile(schema);
    const good = [
      {},
      {
        extends: 'strict',
        rules: { MLSD107: 'off', 'missing-online-metric': 'error' },
        options: { imbalance_threshold: 0.05 },
      },
      { rules: { MLSD302: ['warning', { imbalance_threshold: '5%' }] } },
    ];
    for (const g of good) assert.ok(validate(g), `${JSON.stringify(g)}: ${JSON.stringify(validate.errors)}`);
    const bad = [
      { extends: 'lenient' },
      { rules: { MLSD999: 'off' } },
      { rules: { MLSD107: 'loud' } },
      { options: { nope: 1 } },
      { ruls: {} },
    ];
    for (const b of bad) assert.equal(validate(b), false, JSON.stringify(b));
  });
});
