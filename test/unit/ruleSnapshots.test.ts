/**
 * What users read is pinned: per rule, `test/fixtures/rules/<ID>/bad.snap` holds every finding of the rule
 * on the fixtures of its folder (headline, explanation, range, related information, fix and suggestion
 * titles). A message change fails here with a diff; accept it with `npm run gen` or
 * `UPDATE_SNAPSHOTS=1 npm test`, and review the snapshot diff.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { RULES } from '../../server/src/rules';
import { RULE_FIXTURES, ruleSnapshotText } from '../../scripts/gen/ruleSnapshots';
import { expectFile, lineDiff } from '../harness/snapshot';

const ROOT = path.resolve(__dirname, '../../..');

for (const rule of RULES) {
  test(`${rule.meta.id} ${rule.meta.alias}: bad.snap pins its findings`, () => {
    const text = ruleSnapshotText(ROOT, rule);
    assert.match(
      text,
      new RegExp(`^\\d+:\\d+-\\d+:\\d+  \\w+  ${rule.meta.id}  `, 'm'),
      'the bad fixture has findings',
    );
    expectFile(path.join(ROOT, RULE_FIXTURES, rule.meta.id, 'bad.snap'), text, 'npm run gen');
  });
}

test('every bad.snap belongs to a registered rule', () => {
  const ids = new Set(RULES.map((r) => r.meta.id));
  for (const dir of fs.readdirSync(path.join(ROOT, RULE_FIXTURES))) {
    if (fs.existsSync(path.join(ROOT, RULE_FIXTURES, dir, 'bad.snap')))
      assert.ok(ids.has(dir), `${RULE_FIXTURES}/${dir}/bad.snap has no rule ${dir} in the registry: remove it`);
  }
});

test('a snapshot difference reads as a line diff: removed lines, then added ones, with context', () => {
  const stored = 'a\nb\nc\nd\ne\nf\ng\nh\ni\nj\n';
  const actual = 'a\nb\nc\nD\ne\nf\ng\nh\ni\nj\nk\n';
  assert.equal(lineDiff(stored, actual), '  b\n  c\n- d\n+ D\n  e\n  f\n…\n  i\n  j\n+ k\n  ');
  assert.equal(lineDiff('same\n', 'same\n'), '');
});
