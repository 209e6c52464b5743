/**
 * The spec's rule catalogue against ours: every rule id of rules.md's step tables (copied into
 * test/fixtures/spec-rule-ids.json, since CI clones only this repo) needs its rule file and registry
 * entry, its docs page, its fixtures and its bad.snap.
 *
 * STRICT: every v1.1 rule has landed, so an id that is not registered at all fails too (set it back to
 * false only while a new spec revision's rules are being added: unregistered ids are then printed).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { RULES } from '../../server/src/rules';

const STRICT = true;
const ROOT = path.resolve(__dirname, '../../..');
const spec = JSON.parse(fs.readFileSync(path.join(ROOT, 'test/fixtures/spec-rule-ids.json'), 'utf8')) as {
  comment: string;
  ids: string[];
};

/** What one spec id lacks in this repo, as readable strings (empty when complete). */
function lacks(id: string): string[] {
  const out: string[] = [];
  const rule = RULES.find((r) => r.meta.id === id);
  if (!rule) out.push('registry entry (server/src/rules/index.ts)');
  const ruleFiles = fs.readdirSync(path.join(ROOT, 'server/src/rules')).filter((f) => f.startsWith(`${id}-`));
  if (ruleFiles.length === 0) out.push(`rule file (server/src/rules/${id}-<alias>.ts)`);
  if (!fs.existsSync(path.join(ROOT, 'docs/rules', `${id}.md`))) out.push(`docs page (docs/rules/${id}.md)`);
  const fix = path.join(ROOT, 'test/fixtures/rules', id);
  for (const f of ['bad.mlsd.yaml', 'good.mlsd.yaml', 'bad.snap'])
    if (!fs.existsSync(path.join(fix, f))) out.push(`test/fixtures/rules/${id}/${f}`);
  return out;
}

test('spec rule ids: the copied list is well-formed', () => {
  assert.ok(spec.comment.includes('rules.md'), 'the fixture says where the ids come from');
  assert.equal(new Set(spec.ids).size, spec.ids.length, 'no duplicate ids');
  for (const id of spec.ids) assert.match(id, /^MLSD\d{3}$/);
});

test('spec rule ids: each has its rule file, registry entry, docs page, fixtures and bad.snap', () => {
  const registered = new Set(RULES.map((r) => r.meta.id));
  const problems: string[] = [];
  const pending: string[] = [];
  for (const id of spec.ids) {
    const missing = lacks(id);
    if (missing.length === 0) continue;
    const line = `${id}: lacks ${missing.join(', ')}`;
    if (STRICT || registered.has(id)) problems.push(line);
    else pending.push(line);
  }
  if (pending.length > 0)
    console.log(
      `spec rule ids not implemented yet (${pending.length} of ${spec.ids.length}):\n  ${pending.join('\n  ')}`,
    );
  assert.deepEqual(problems, [], `spec rules incomplete:\n  ${problems.join('\n  ')}`);
});

test('spec rule ids: every registered rule is in the spec', () => {
  const ids = new Set(spec.ids);
  const extra = RULES.map((r) => r.meta.id).filter((id) => !ids.has(id));
  assert.deepEqual(extra, [], `registered rules missing from spec-rule-ids.json: ${extra.join(', ')}`);
});
