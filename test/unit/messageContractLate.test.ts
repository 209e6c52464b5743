/**
 * The message contract for rules MLSD401–MLSD706: every finding has a headline (non-empty, one line, at
 * most 100 characters) and a non-empty explanation. Checked on each rule's bad fixture (every branch the
 * fixture marks) and on the flawed docs, which trip many rules at once.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { RULES } from '../../server/src/rules';
import { analyze, lint } from '../../server/src/lint/engine';
import { resolveConfig } from '../../server/src/lint/config';
import type { Finding } from '../../server/src/rules/types';
import { fixtureConfig } from '../harness/markers';

const ROOT = path.resolve(__dirname, '../../..');
const FIX = path.join(ROOT, 'test/fixtures/rules');
const LATE = (id: string) => Number(id.slice(4)) >= 400;

function assertContract(f: Finding, where: string): void {
  const at = `${f.ruleId} in ${where}`;
  assert.ok(f.message.trim().length > 0, `${at}: empty headline`);
  assert.ok(!/[\r\n]/.test(f.message), `${at}: headline spans lines: ${JSON.stringify(f.message)}`);
  assert.ok(f.message.length <= 100, `${at}: headline has ${f.message.length} > 100 characters: ${f.message}`);
  assert.ok((f.explanation ?? '').trim().length > 0, `${at}: no explanation for "${f.message}"`);
}

for (const rule of RULES.filter((r) => LATE(r.meta.id))) {
  const id = rule.meta.id;
  test(`${id} ${rule.meta.alias}: headline and explanation on its bad fixture`, () => {
    const file = path.join(FIX, id, 'bad.mlsd.yaml');
    const text = fs.readFileSync(file, 'utf8');
    const fc = fixtureConfig(text);
    const config = resolveConfig([
      { rules: { [id]: rule.meta.defaultSeverity, ...(fc?.rules ?? {}) }, options: fc?.options },
    ]);
    const findings = lint(analyze(text), config, { only: [id] }).findings.filter((f) => f.ruleId === id);
    assert.ok(findings.length > 0, `${id}: the bad fixture yields no finding to check`);
    for (const f of findings) assertContract(f, path.relative(ROOT, file));
  });
}

test('rules MLSD401–MLSD706 keep the contract on the flawed docs', () => {
  const dir = path.join(ROOT, 'test/fixtures/flawed');
  let checked = 0;
  for (const name of fs.readdirSync(dir).filter((n) => n.endsWith('.mlsd.yaml'))) {
    const text = fs.readFileSync(path.join(dir, name), 'utf8');
    const all = Object.fromEntries(RULES.filter((r) => LATE(r.meta.id)).map((r) => [r.meta.id, 'info' as const]));
    const findings = lint(analyze(text), resolveConfig([{ rules: all }])).findings.filter((f) => LATE(f.ruleId));
    for (const f of findings) assertContract(f, `flawed/${name}`);
    checked += findings.length;
  }
  assert.ok(checked > 0, 'the flawed docs trip at least one late rule');
});
