/**
 * The bundled rule documentation (`docs/rules/<ID>.md`): list the rules from the file names and their
 * first heading (`# MLSD006 · missing-section`), and resolve a rule given by id or alias.
 * No `vscode` import: unit-testable.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

export interface RuleDoc {
  /** `MLSD006` */
  id: string;
  /** `missing-section` ('' when the page does not say) */
  alias: string;
  /** `Missing framework step` ('' when the page does not say) */
  title: string;
  /** absolute path of the page */
  file: string;
}

const ID = /^MLSD\d{3}$/i;

/** Normalizes an id or alias for matching: lower case, `_` and spaces as `-`. */
export function normalizeRuleName(s: string): string {
  return s
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, '-');
}

/**
 * Reads id, alias and title from a page. Accepts `# MLSD006 · missing-section`, `# MLSD006 missing-section`,
 * `# MLSD006: Missing section`, and a title from a following `> Title — …` line or the heading's rest.
 */
export function parseRuleDoc(fileName: string, markdown: string): Omit<RuleDoc, 'file'> | undefined {
  const base = path.basename(fileName).replace(/\.md$/i, '');
  if (!ID.test(base)) return undefined;
  const id = base.toUpperCase();
  const lines = markdown.split(/\r?\n/);
  const hIndex = lines.findIndex((l) => /^#\s+/.test(l));
  const heading = hIndex >= 0 ? lines[hIndex].replace(/^#\s+/, '').replace(/`/g, '').trim() : '';
  const rest = heading.replace(new RegExp(`\\b${id}\\b`, 'i'), ' ').replace(/^[\s·:—–\-|()]+|[\s·:—–\-|()]+$/g, '');
  const aliasMatch = /\b([a-z][a-z0-9]*(?:-[a-z0-9]+)+)\b/.exec(rest);
  const alias = aliasMatch ? aliasMatch[1] : '';
  let title = '';
  const after = hIndex >= 0 ? lines.slice(hIndex + 1).find((l) => l.trim() !== '') : undefined;
  if (after && /^>\s*/.test(after)) {
    title = after
      .replace(/^>\s*/, '')
      .split(/\s+[—–]\s+|\s+·\s+/)[0]
      .replace(/[*_`]/g, '')
      .trim();
  }
  if (!title) {
    const leftover = alias ? rest.replace(alias, '') : rest;
    title = leftover.replace(/^[\s·:—–\-|()]+|[\s·:—–\-|()]+$/g, '').trim();
  }
  return { id, alias, title };
}

/** Lists the rule pages in a `docs/rules` folder, sorted by id. Missing folder → []. */
export function listRuleDocs(dir: string): RuleDoc[] {
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return [];
  }
  const out: RuleDoc[] = [];
  for (const name of names) {
    if (!/\.md$/i.test(name)) continue;
    const file = path.join(dir, name);
    let text = '';
    try {
      text = fs.readFileSync(file, 'utf8').slice(0, 4000);
    } catch {
      continue;
    }
    const doc = parseRuleDoc(name, text);
    if (doc) out.push({ ...doc, file });
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
