/** Linting a doc text in tests: every finding under a preset (and options), with rule crashes failing the test. */
import assert from 'node:assert/strict';
import { resolveConfig, type RawConfig } from '../../server/src/lint/config';
import { analyze, lint } from '../../server/src/lint/engine';
import type { Finding } from '../../server/src/rules/types';

export function run(text: string, options?: Record<string, unknown>, preset = 'recommended'): Finding[] {
  const layer = { extends: preset, options } as RawConfig;
  const res = lint(analyze(text), resolveConfig([layer]));
  assert.deepEqual(res.internalErrors, [], 'a rule threw');
  return res.findings;
}

/** The findings of rule `id` on `text`. */
export const of = (text: string, id: string, options?: Record<string, unknown>): Finding[] =>
  run(text, options).filter((f) => f.ruleId === id);

/** The distinct rule ids of `fs`, sorted. */
export const ids = (fs: Finding[]): string[] => [...new Set(fs.map((f) => f.ruleId))].sort();
