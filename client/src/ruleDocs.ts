/**
 * The rule documentation: the rules come from the registry's metadata, which the build writes to
 * `dist/rules.json` (from `mlsd rules --format json`), and each rule's page is `docs/rules/<ID>.md`.
 * Resolves a rule given by id or alias. No `vscode` import: unit-testable.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

export interface RuleDoc {
  /** `MLSD006` */
  id: string;
  /** `missing-section` */
  alias: string;
  /** `Missing framework step` */
  title: string;
  /** absolute path of the page */
  file: string;
}

/** Normalizes an id or alias for matching: lower case, `_` and spaces as `-`. */
export function normalizeRuleName(s: string): string {
  return s
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, '-');
}

/**
 * Lists the rules of the registry file (`dist/rules.json`: `[{id, alias, title, …}]`) with their pages in
 * `docsDir`, sorted by id. A missing or unreadable registry → [].
 */
export function listRuleDocs(registryFile: string, docsDir: string): RuleDoc[] {
  let rows: unknown;
  try {
    rows = JSON.parse(fs.readFileSync(registryFile, 'utf8'));
  } catch {
    return [];
  }
  if (!Array.isArray(rows)) return [];
  const out: RuleDoc[] = [];
  for (const row of rows as Record<string, unknown>[]) {
    if (!row || typeof row.id !== 'string') continue;
    out.push({
      id: row.id,
      alias: typeof row.alias === 'string' ? row.alias : '',
      title: typeof row.title === 'string' ? row.title : '',
      file: path.join(docsDir, `${row.id}.md`),
    });
  }
  return out.sort((a, b) => a.id.localeCompare(b.id));
}

/**
 * Finds a rule by id (`MLSD102`, `mlsd102`) or alias (`missing-latency-constraint`, `missing_latency_constraint`).
 * Also accepts `MLSD102 missing-latency-constraint` and a diagnostic-code object `{value: 'MLSD102'}`.
 */
export function resolveRule(query: unknown, rules: readonly RuleDoc[]): RuleDoc | undefined {
  let q: string | undefined;
  if (typeof query === 'string') q = query;
  else if (typeof query === 'number') q = `MLSD${String(query).padStart(3, '0')}`;
  else if (query && typeof query === 'object') {
    const o = query as Record<string, unknown>;
    const v = o.code ?? o.value ?? o.id ?? o.alias;
    if (typeof v === 'string' || typeof v === 'number') return resolveRule(v, rules);
    if (v && typeof v === 'object') return resolveRule(v, rules);
  }
  if (!q) return undefined;
  for (const token of q.split(/[\s,·]+/).filter(Boolean)) {
    const n = normalizeRuleName(token);
    const hit =
      rules.find((r) => r.id.toLowerCase() === n) ?? rules.find((r) => r.alias && normalizeRuleName(r.alias) === n);
    if (hit) return hit;
  }
  return undefined;
}
