/**
 * `mlsd lint` output formats for people and CI: stylish within the terminal width (and --verbose),
 * run in-process through `run()` with a fake terminal of a given width.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { run } from '../../server/src/cli/main';
import { wrapText } from '../../server/src/cli/formatters';

const ROOT = path.resolve(__dirname, '../../..');
const FIX = path.join(ROOT, 'test', 'fixtures', 'cli');
const FLAWED = path.join(ROOT, 'test', 'fixtures', 'flawed');

function lintIn(
  args: string[],
  opts: { columns?: number; cwd?: string } = {},
): { code: number; out: string; err: string } {
  let out = '';
  let err = '';
  const code = run(args, {
    cwd: opts.cwd ?? FIX,
    env: { NO_COLOR: '1' },
    stdout: { write: (s: string) => (out += s), isTTY: opts.columns !== undefined, columns: opts.columns },
    stderr: { write: (s: string) => (err += s) },
  });
  return { code, out, err };
}

describe('stylish within the terminal width', () => {
  test('wrapText breaks at spaces and cuts only words longer than the width', () => {
    assert.deepEqual(wrapText('aa bb cc', 5), ['aa bb', 'cc']);
    assert.deepEqual(wrapText('abcdefgh', 3), ['abc', 'def', 'gh']);
    assert.deepEqual(wrapText('', 10), ['']);
  });

  for (const columns of [60, 80, 100, 120, 200]) {
    test(`${columns} columns: every line fits, each finding keeps its position and its rule id`, () => {
      const r = lintIn(['lint', FLAWED], { columns });
      assert.equal(r.code, 1);
      const lines = r.out.split('\n');
      for (const l of lines) assert.ok(l.length <= columns, `${l.length} > ${columns}: ${l}`);
      const json = lintIn(['lint', FLAWED, '-f', 'json']);
      const messages = (
        JSON.parse(json.out) as { messages: { ruleId: string; alias: string; line: number }[] }[]
      ).flatMap((f) => f.messages);
      assert.ok(messages.length > 5);
      assert.equal(
        lines.filter((l) => /^ {2} *\d+:\d+ +(error|warning|info|hint) {2}/.test(l)).length,
        messages.length,
      );
      for (const m of messages) assert.ok(r.out.includes(`${m.ruleId}/${m.alias}`), m.ruleId);
      // every headline word is printed (wrapped, never truncated)
      const words = r.out.split(/\s+/);
      for (const m of (JSON.parse(json.out) as { messages: { message: string }[] }[]).flatMap((f) => f.messages))
        for (const w of m.message.replace(/\.$/, '').split(/\s+/)) if (w.length < 30) assert.ok(words.includes(w), w);
    });
  }

  test('wide enough, the rule ids form one aligned column beside the headlines', () => {
    const r = lintIn(['lint', 'version'], { columns: 200 });
    const rows = r.out.split('\n').filter((l) => /^ {2}\d+:\d+ /.test(l));
    assert.equal(rows.length, 8);
    assert.equal(new Set(rows.map((l) => l.search(/MLSD\d{3}\/\S+$/))).size, 1, r.out);
  });

  test('--verbose prints each explanation under its finding; without it, none', () => {
    const json = JSON.parse(lintIn(['lint', 'version', '-f', 'json']).out) as {
      messages: { explanation?: string }[];
    }[];
    const explanation = json[0].messages.find((m) => m.explanation)!.explanation!;
    const firstWords = explanation.split(/\s+/).slice(0, 3).join(' ');
    const plain = lintIn(['lint', 'version'], { columns: 100 });
    assert.ok(!plain.out.includes(firstWords));
    const verbose = lintIn(['lint', 'version', '--verbose'], { columns: 100 });
    assert.ok(verbose.out.replace(/\s+/g, ' ').includes(firstWords), verbose.out);
    for (const l of verbose.out.split('\n')) assert.ok(l.length <= 100, l);
    assert.match(lintIn(['rules', '--verbose']).err, /--verbose is an option of `mlsd lint`/);
  });
});

describe('mlsd explain', () => {
  test('prints the rule page by id or alias, as plain text with indented code', () => {
    const byId = lintIn(['explain', 'MLSD303']);
    assert.equal(byId.code, 0, byId.err);
    assert.equal(lintIn(['explain', 'temporal-leakage']).out, byId.out);
    assert.equal(lintIn(['explain', 'mlsd303']).out, byId.out);
    assert.match(byId.out, /^MLSD303 · temporal-leakage\n=+\n/);
    assert.match(byId.out, /\nWhat it checks\n-+\n/);
    assert.match(byId.out, /\n {4}mlsd: 1\n {4}title: Video recommendation\n/);
    assert.doesNotMatch(byId.out, /<!--|```|^#/m);
  });

  test('every rule has a page it can print', async () => {
    const { RULES } = await import('../../server/src/rules');
    for (const r of RULES) {
      const x = lintIn(['explain', r.meta.id]);
      assert.equal(x.code, 0, `${r.meta.id}: ${x.err}`);
      assert.ok(x.out.startsWith(`${r.meta.id} · ${r.meta.alias}\n`), r.meta.id);
    }
  });

  test('an unknown rule exits 2 with a did-you-mean; no rule is a usage error', () => {
    const x = lintIn(['explain', 'temporal-leakge']);
    assert.equal(x.code, 2);
    assert.equal(x.out, '');
    assert.match(x.err, /Unknown rule `temporal-leakge`\. Did you mean `temporal-leakage`\?/);
    assert.match(lintIn(['explain', 'MLSD3033']).err, /Did you mean `MLSD303`/);
    assert.equal(lintIn(['explain']).code, 2);
    assert.match(lintIn(['help', 'explain']).out, /Usage: mlsd explain <id\|alias>/);
  });
});

// ------------------------------------------------------------------------------------------ CI formats

describe('--format github', () => {
  test('one workflow command per finding, with file, 1-based range and the rule as title', () => {
    const json = JSON.parse(lintIn(['lint', 'version', '-f', 'json']).out) as {
      messages: { ruleId: string; message: string; severity: string; line: number; column: number }[];
    }[];
    const r = lintIn(['lint', 'version', '-f', 'github']);
    assert.equal(r.code, 1);
    const lines = r.out.trimEnd().split('\n');
    assert.equal(lines.length, json[0].messages.length);
    const re =
      /^::(error|warning|notice) file=([^,:]+),line=(\d+),col=(\d+),endLine=(\d+)(?:,endColumn=(\d+))?,title=(MLSD\d{3})\/[\w-]+::(.+)$/;
    lines.forEach((l, i) => {
      const m = re.exec(l);
      assert.ok(m, l);
      const f = json[0].messages[i];
      assert.equal(m[1], { error: 'error', warning: 'warning', info: 'notice', hint: 'notice' }[f.severity]);
      assert.equal(m[2], 'version/future.mlsd.yaml');
      assert.equal(Number(m[3]), f.line);
      assert.equal(Number(m[4]), f.column);
      assert.equal(m[7], f.ruleId);
      assert.equal(m[8], f.message);
    });
  });

  test("escapes per GitHub's rules: % CR LF in the message; also : and , in properties", async () => {
    const { escapeGithubData, escapeGithubProperty } = await import('../../server/src/cli/formattersCi');
    assert.equal(escapeGithubData('50% a\r\nb: c, d'), '50%25 a%0D%0Ab: c, d');
    assert.equal(escapeGithubProperty('docs/a:b,c%.mlsd.yaml'), 'docs/a%3Ab%2Cc%25.mlsd.yaml');
  });
});

/**
 * GitLab's Code Quality report, from its documented fields
 * (https://docs.gitlab.com/ci/testing/code_quality/#code-quality-report-format): an array of issues, each
 * with `description`, `check_name`, `fingerprint`, `severity` (info, minor, major, critical, blocker) and
 * `location.path` with `location.lines.begin` (or `location.positions.begin.line`).
 */
const GITLAB_CODE_QUALITY_SCHEMA = {
  type: 'array',
  items: {
    type: 'object',
    required: ['description', 'check_name', 'fingerprint', 'severity', 'location'],
    properties: {
      type: { const: 'issue' },
      description: { type: 'string', minLength: 1 },
      check_name: { type: 'string', minLength: 1 },
      fingerprint: { type: 'string', minLength: 1 },
      severity: { enum: ['info', 'minor', 'major', 'critical', 'blocker'] },
      categories: { type: 'array', items: { type: 'string' } },
      content: { type: 'object', properties: { body: { type: 'string' } } },
      location: {
        type: 'object',
        required: ['path'],
        properties: {
          path: { type: 'string', minLength: 1, not: { pattern: '^/' } },
          lines: {
            type: 'object',
            required: ['begin'],
            properties: { begin: { type: 'integer', minimum: 1 }, end: { type: 'integer', minimum: 1 } },
          },
          positions: { type: 'object' },
        },
        anyOf: [{ required: ['lines'] }, { required: ['positions'] }],
      },
    },
  },
} as const;

describe('--format gitlab', () => {
  test('validates against the Code Quality report schema; fingerprints are unique and stable across runs', async () => {
    const { default: Ajv } = await import('ajv');
    const validate = new Ajv({ allErrors: true, strictRequired: false }).compile(GITLAB_CODE_QUALITY_SCHEMA);
    const r = lintIn(['lint', 'version', FLAWED, '-f', 'gitlab']);
    assert.equal(r.code, 1);
    const report = JSON.parse(r.out) as {
      fingerprint: string;
      severity: string;
      check_name: string;
      location: { path: string; lines: { begin: number } };
    }[];
    assert.ok(validate(report), JSON.stringify(validate.errors));
    assert.ok(report.length > 10);
    assert.equal(new Set(report.map((i) => i.fingerprint)).size, report.length);
    assert.deepEqual(JSON.parse(lintIn(['lint', 'version', FLAWED, '-f', 'gitlab']).out), report);
    const mlsd008 = report.find((i) => i.check_name === 'MLSD008')!;
    assert.equal(mlsd008.severity, 'critical');
    assert.deepEqual(mlsd008.location, { path: 'version/future.mlsd.yaml', lines: { begin: 1, end: 1 } });
    assert.ok(report.some((i) => i.severity === 'major'));
  });
});

/**
 * A minimal XML reader for the JUnit test: well-formedness (one root, balanced tags, quoted attributes,
 * only the five predefined entities) and the element tree. A JUnit XSD validator would need a native
 * dependency (libxml2 bindings), so the structure Jenkins/GitLab read is checked by hand below.
 */
interface XmlEl {
  name: string;
  attrs: Record<string, string>;
  children: XmlEl[];
  text: string;
}
function parseXml(xml: string): XmlEl {
  const xmlText = (s: string) => {
    assert.doesNotMatch(s.replace(/&(amp|lt|gt|quot|apos);/g, ''), /[&<]/, `bad character data: ${s}`);
    return s.replace(
      /&(amp|lt|gt|quot|apos);/g,
      (_, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" })[e]!,
    );
  };
  const body = xml.replace(/^<\?xml[^?]*\?>\s*/, '');
  const root: XmlEl = { name: '#doc', attrs: {}, children: [], text: '' };
  const stack = [root];
  const tag = /<(\/?)([A-Za-z_][\w.-]*)((?:\s+[A-Za-z_][\w.-]*="[^"<]*")*)\s*(\/?)>/y;
  let i = 0;
  while (i < body.length) {
    const lt = body.indexOf('<', i);
    const text = body.slice(i, lt < 0 ? body.length : lt);
    stack[stack.length - 1].text += xmlText(text);
    if (lt < 0) break;
    tag.lastIndex = lt;
    const m = tag.exec(body);
    assert.ok(m, `malformed tag at ${lt}: ${body.slice(lt, lt + 40)}`);
    if (m[1]) {
      assert.equal(stack.pop()!.name, m[2], 'balanced tags');
    } else {
      const attrs: Record<string, string> = {};
      for (const a of m[3].matchAll(/([A-Za-z_][\w.-]*)="([^"]*)"/g)) attrs[a[1]] = xmlText(a[2]);
      const el: XmlEl = { name: m[2], attrs, children: [], text: '' };
      stack[stack.length - 1].children.push(el);
      if (!m[4]) stack.push(el);
    }
    i = tag.lastIndex;
  }
  assert.equal(stack.length, 1, 'every element closed');
  assert.equal(root.children.length, 1, 'one root element');
  assert.equal(root.text.trim(), '');
  return root.children[0];
}

describe('--format junit', () => {
  test('one testsuite, one testcase per doc, one failure per error finding', () => {
    const json = JSON.parse(lintIn(['lint', 'version', 'minimal', FLAWED, '-f', 'json']).out) as {
      filePath: string;
      messages: { ruleId: string; severity: string; message: string }[];
    }[];
    const r = lintIn(['lint', 'version', 'minimal', FLAWED, '-f', 'junit']);
    assert.equal(r.code, 1);
    assert.match(r.out, /^<\?xml version="1.0" encoding="UTF-8"\?>\n/);
    const root = parseXml(r.out);
    assert.equal(root.name, 'testsuites');
    assert.equal(root.children.length, 1);
    const suite = root.children[0];
    assert.equal(suite.name, 'testsuite');
    assert.equal(suite.attrs.name, 'mlsd');
    assert.equal(Number(suite.attrs.tests), json.length);
    assert.equal(suite.children.length, json.length);
    const errors = json.map((f) => f.messages.filter((m) => m.severity === 'error'));
    assert.equal(Number(suite.attrs.failures), errors.flat().length);
    assert.equal(root.attrs.failures, suite.attrs.failures);
    suite.children.forEach((tc, n) => {
      assert.equal(tc.name, 'testcase');
      assert.ok(tc.attrs.name && tc.attrs.classname);
      assert.deepEqual(
        tc.children.map((f) => [f.name, f.attrs.type]),
        errors[n].map((m) => ['failure', m.ruleId]),
      );
      tc.children.forEach((f, k) => {
        assert.equal(f.attrs.message, `${errors[n][k].ruleId}: ${errors[n][k].message}`);
        assert.ok(f.text.includes(errors[n][k].message));
      });
    });
    assert.ok(errors.some((e) => e.length === 0) && errors.some((e) => e.length > 0), 'both kinds of case');
  });

  test('escapes markup and drops characters XML cannot carry', async () => {
    const { escapeXml } = await import('../../server/src/cli/formattersCi');
    assert.equal(escapeXml(`a<b>&"c'\u0001`), 'a&lt;b&gt;&amp;&quot;c&apos;\ufffd');
  });
});
