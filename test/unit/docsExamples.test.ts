/**
 * Each rule page's examples are real: every `yaml` block under "## Bad" produces a finding of that rule
 * (default config, all rules running, as `mlsd lint` would), and every block under "## Good" produces none.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { RULES } from '../../server/src/rules';
import { analyze, lint } from '../../server/src/lint/engine';

const ROOT = path.resolve(__dirname, '../../..');

/** The `yaml` code blocks of the `## <heading>` section of a page. */
function examples(markdown: string, heading: string): string[] {
  const lines = markdown.split('\n');
  const start = lines.indexOf(`## ${heading}`);
  if (start < 0) return [];
  let end = lines.findIndex((l, i) => i > start && /^## /.test(l));
  if (end < 0) end = lines.length;
  const out: string[] = [];
  let block: string[] | undefined;
  for (const l of lines.slice(start + 1, end)) {
    if (block === undefined && /^```ya?ml\s*$/.test(l)) block = [];
    else if (block !== undefined && /^```\s*$/.test(l)) {
      out.push(`${block.join('\n')}\n`);
      block = undefined;
    } else if (block !== undefined) block.push(l);
  }
  return out;
}

function findingsOf(text: string, id: string): string[] {
  const res = lint(analyze(text));
  assert.deepEqual(res.internalErrors, [], 'a rule threw');
  return res.findings.filter((f) => f.ruleId === id).map((f) => f.message);
}

for (const rule of RULES) {
  const id = rule.meta.id;
  const page = path.join(ROOT, 'docs/rules', `${id}.md`);
  test(`${id} ${rule.meta.alias}: the docs page's Bad example has the finding, its Good example none`, () => {
    const md = fs.readFileSync(page, 'utf8');
    const bad = examples(md, 'Bad');
    const good = examples(md, 'Good');
    assert.ok(bad.length > 0, `docs/rules/${id}.md has no yaml example under "## Bad"`);
    assert.ok(good.length > 0, `docs/rules/${id}.md has no yaml example under "## Good"`);
    bad.forEach((text, i) =>
      assert.ok(findingsOf(text, id).length > 0, `docs/rules/${id}.md: Bad example ${i + 1} has no ${id} finding`),
    );
    good.forEach((text, i) =>
      assert.deepEqual(findingsOf(text, id), [], `docs/rules/${id}.md: Good example ${i + 1} has a ${id} finding`),
    );
  });
}
