/**
 * The rule catalogue contract: every rule has a docs page and fixtures; each bad fixture yields exactly
 * the marked findings of its rule, each good fixture none, and fixable rules' fixes give the .fixed file.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { RULES } from '../../server/src/rules';
import { analyze, fixAll, lint } from '../../server/src/lint/engine';
import { resolveConfig } from '../../server/src/lint/config';
import { positionAt, lineEndAt } from '../../server/src/engine/parse';
import { fixtureConfig, key, parseMarkers, type Expected } from '../harness/markers';

const ROOT = path.resolve(__dirname, '../../..');
const FIX = path.join(ROOT, 'test/fixtures/rules');
const read = (p: string) => fs.readFileSync(p, 'utf8');

function configFor(text: string, id: string) {
  const fc = fixtureConfig(text);
  const rule = RULES.find((r) => r.meta.id === id)!;
  return resolveConfig([{ rules: { [id]: rule.meta.defaultSeverity, ...(fc?.rules ?? {}) }, options: fc?.options }]);
}

function actual(text: string, id: string): Expected[] {
  const doc = analyze(text);
  const res = lint(doc, configFor(text, id), { only: [id] });
  assert.deepEqual(res.internalErrors, [], 'a rule threw');
  return res.findings
    .filter((f) => f.ruleId === id)
    .map((f) => {
      const s = positionAt(doc.parsed, f.start);
      const lineEnd = lineEndAt(doc.parsed, f.start);
      const endOnLine = Math.min(f.end, lineEnd);
      return { id, line: s.line, startCol: s.character, endCol: s.character + Math.max(0, endOnLine - f.start) };
    });
}

test('registry: ids and aliases are unique and well-formed', () => {
  const ids = new Set<string>();
  for (const r of RULES) {
    assert.match(r.meta.id, /^MLSD\d{3}$/);
    assert.match(r.meta.alias, /^[a-z0-9]+(-[a-z0-9]+)*$/);
    assert.equal(Number(r.meta.id[4]), r.meta.step, `${r.meta.id}: the hundreds digit is the step`);
    assert.ok(!ids.has(r.meta.id));
    ids.add(r.meta.id);
    assert.ok(r.meta.title.length > 3 && r.meta.description.length > 10, `${r.meta.id} needs a title and description`);
  }
  assert.equal(RULES.length, 65, 'every rule of rules.md is registered');
});

for (const rule of RULES) {
  const id = rule.meta.id;
  test(`${id} ${rule.meta.alias}: docs page`, () => {
    const p = path.join(ROOT, 'docs/rules', `${id}.md`);
    assert.ok(fs.existsSync(p), `missing docs/rules/${id}.md`);
    const md = read(p);
    assert.ok(md.includes(id) && md.includes(rule.meta.alias), 'the page names the id and alias');
    for (const h of ['## What it checks', '## Why it matters', '## Bad', '## Good', '## How to fix'])
      assert.ok(md.includes(h), `docs/rules/${id}.md lacks "${h}"`);
  });

  test(`${id} ${rule.meta.alias}: fixtures`, () => {
    const dir = path.join(FIX, id);
    const bad = path.join(dir, 'bad.mlsd.yaml');
    const good = path.join(dir, 'good.mlsd.yaml');
    assert.ok(fs.existsSync(bad), `missing ${path.relative(ROOT, bad)}`);
    assert.ok(fs.existsSync(good), `missing ${path.relative(ROOT, good)}`);
    const badText = read(bad);
    const expected = parseMarkers(badText).filter((e) => e.id === id);
    assert.ok(expected.length > 0, 'the bad fixture marks at least one expected finding');
    assert.deepEqual(actual(badText, id).map(key).sort(), expected.map(key).sort(), 'findings of bad.mlsd.yaml');
    assert.deepEqual(actual(read(good), id).map(key), [], 'good.mlsd.yaml has no finding of this rule');
    const fixed = path.join(dir, 'bad.fixed.mlsd.yaml');
    if (rule.meta.fixable !== 'none') {
      assert.ok(fs.existsSync(fixed), `fixable rule needs ${path.relative(ROOT, fixed)}`);
      const out = fixAll(badText, configFor(badText, id), '', { only: [id] });
      assert.equal(out.text, read(fixed), 'applying the safe fixes gives bad.fixed.mlsd.yaml');
    } else {
      assert.ok(!fs.existsSync(fixed), 'a rule marked fixable: none has no .fixed fixture');
    }
  });
}
