/**
 * Generated files are current: the generators of `npm run gen` run here in memory, and a file on disk
 * that differs fails the test with its name and the command that regenerates it.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { RULES } from '../../server/src/rules';
import { GEN_COMMAND, generatedFiles, repoRoot, staleFiles } from '../../scripts/gen/index';
import { META_END, ruleDocHeader, withRuleDocHeader } from '../../scripts/gen/ruleDocs';

const ROOT = path.resolve(__dirname, '../../..');

test('every generated file is current', () => {
  const stale = staleFiles(ROOT);
  assert.deepEqual(
    stale.map((g) => g.file),
    [],
    `stale generated files (run \`${GEN_COMMAND}\` and review the diff):\n${stale.map((g) => `  ${g.file}: from ${g.from}`).join('\n')}`,
  );
});

test('the generated set: schemas, rules index, one docs page and one snapshot per rule', () => {
  assert.equal(repoRoot(), ROOT);
  const files = generatedFiles(ROOT).map((g) => g.file);
  assert.equal(new Set(files).size, files.length, 'no file is generated twice');
  for (const f of ['schemas/mlsd.schema.json', 'schemas/mlsdrc.schema.json', 'docs/rules.md'])
    assert.ok(files.includes(f));
  for (const r of RULES) {
    assert.ok(files.includes(`docs/rules/${r.meta.id}.md`));
    assert.ok(files.includes(`test/fixtures/rules/${r.meta.id}/bad.snap`));
  }
});

test('docs pages: the header block is on top, once, and regenerating it is idempotent', () => {
  for (const r of RULES) {
    const md = fs.readFileSync(path.join(ROOT, 'docs/rules', `${r.meta.id}.md`), 'utf8');
    assert.ok(md.startsWith(`${ruleDocHeader(r)}\n\n`), `docs/rules/${r.meta.id}.md starts with its header`);
    assert.equal(md.split(META_END).length, 2, 'one header block');
    assert.equal(withRuleDocHeader(md, r), md);
  }
});

test('a page without the block gets it in place of its hand-written heading and summary line', () => {
  const r = RULES.find((x) => x.meta.id === 'MLSD303')!;
  const old = '# MLSD303 · temporal-leakage\n\n> Random split — step 3\n\n## What it checks\n\nText.\n';
  assert.equal(withRuleDocHeader(old, r), `${ruleDocHeader(r)}\n\n## What it checks\n\nText.\n`);
  assert.equal(withRuleDocHeader('## What it checks\n', r), `${ruleDocHeader(r)}\n\n## What it checks\n`);
});

test('every page opens with the rule as `# ID · alias` and its title (what readers and links see first)', () => {
  for (const r of RULES) {
    const lines = fs.readFileSync(path.join(ROOT, 'docs/rules', `${r.meta.id}.md`), 'utf8').split('\n');
    const heading = lines.find((l) => l.startsWith('# '));
    assert.equal(heading, `# ${r.meta.id} · ${r.meta.alias}`, `${r.meta.id}: heading`);
    assert.ok(lines.includes(`> ${r.meta.title}`), `${r.meta.id}: title line \`> ${r.meta.title}\``);
  }
});
