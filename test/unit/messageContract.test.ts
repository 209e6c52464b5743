/**
 * The message contract (issue 8): every finding has a one-line headline of at most 100 characters and
 * an explanation. Lints each rule's `bad.mlsd.yaml` fixture with that rule on and checks every finding.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { RULES } from '../../server/src/rules';
import { analyze, lint } from '../../server/src/lint/engine';
import { resolveConfig } from '../../server/src/lint/config';
import { fixtureConfig } from '../harness/markers';

const ROOT = path.resolve(__dirname, '../../..');
const FIX = path.join(ROOT, 'test/fixtures/rules');

/** The rules whose messages follow the contract so far: MLSD001–MLSD308 (widen when MLSD4xx–7xx are converted). */
const CONVERTED = (id: string) => Number(id.slice(4)) < 400;

for (const rule of RULES.filter((r) => CONVERTED(r.meta.id))) {
  const id = rule.meta.id;
  test(`${id} ${rule.meta.alias}: headline and explanation`, () => {
    const text = fs.readFileSync(path.join(FIX, id, 'bad.mlsd.yaml'), 'utf8');
    const fc = fixtureConfig(text);
    const config = resolveConfig([
      { rules: { [id]: rule.meta.defaultSeverity, ...(fc?.rules ?? {}) }, options: fc?.options },
    ]);
    const findings = lint(analyze(text), config, { only: [id] }).findings.filter((f) => f.ruleId === id);
    assert.ok(findings.length > 0, 'the bad fixture yields a finding');
    for (const f of findings) {
      const h = f.message;
      assert.ok(h.trim().length > 0, 'the headline is not empty');
      assert.ok(!/[\r\n]/.test(h), `the headline is one line: ${JSON.stringify(h)}`);
      assert.ok(h.length <= 100, `the headline has at most 100 characters (${h.length}): ${h}`);
      assert.ok(f.explanation && f.explanation.trim().length > 0, `an explanation follows the headline: ${h}`);
    }
  });
}
