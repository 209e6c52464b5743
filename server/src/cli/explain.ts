/**
 * `mlsd explain <id|alias>`: prints a rule's page (`docs/rules/<ID>.md`) as plain text for a terminal:
 * headings underlined, code blocks indented, tables and links flattened, the generated comments dropped.
 */
import * as fs from 'node:fs';
import { nearestNames } from '../engine/domain/names';
import { ruleDocsPath } from '../lint/docs';
import { RULES, ruleByName } from '../rules';
import type { Style } from './color';

export type ExplainResult = { ok: true; text: string } | { ok: false; error: string };

export function explainRule(name: string, style: Style): ExplainResult {
  const rule = ruleByName(name);
  if (!rule) {
    const candidates = RULES.flatMap((r) => [r.meta.id, r.meta.alias]);
    const near = nearestNames(name, candidates);
    const hint = near.length ? ` Did you mean ${near.map((n) => `\`${n}\``).join(', ')}?` : '';
    return { ok: false, error: `Unknown rule \`${name}\`.${hint} \`mlsd rules\` lists the ids and aliases.` };
  }
  const file = ruleDocsPath(rule.meta.id);
  let md: string;
  try {
    md = fs.readFileSync(file, 'utf8');
  } catch (err) {
    return { ok: false, error: `Cannot read the page of ${rule.meta.id} (${file}): ${(err as Error).message}` };
  }
  return { ok: true, text: renderMarkdown(md, style) };
}

/** Inline Markdown → plain text: links keep their text (and an http(s) target), emphasis markers go. */
function inline(s: string, style: Style): string {
  return s
    .replace(/!?\[([^\]]*)\]\((https?:[^)\s]+)\)/g, '$1 <$2>')
    .replace(/!?\[([^\]]*)\]\(([^)\s]*)\)/g, '$1')
    .replace(/\*\*([^*]+)\*\*/g, (_, t: string) => style.bold(t))
    .replace(/(^|[^\w*])\*([^*\s][^*]*)\*(?!\w)/g, '$1$2');
}

export function renderMarkdown(md: string, style: Style): string {
  const out: string[] = [];
  let fence: string | undefined;
  let inComment = false;
  let table: string[][] = [];
  const flushTable = () => {
    if (table.length === 2) {
      // a header and one row (the page's meta table): one `name: value` line per column
      const w = Math.max(...table[0].map((c) => c.length));
      table[0].forEach((h, i) => out.push(`  ${`${h}:`.padEnd(w + 1)}  ${table[1][i] ?? ''}`));
    } else for (const row of table) out.push(`  ${row.join('  ·  ')}`);
    table = [];
  };
  for (const raw of md.replace(/\r\n?/g, '\n').split('\n')) {
    const line = raw.replace(/\s+$/, '');
    if (fence !== undefined) {
      if (line.trim().startsWith(fence)) fence = undefined;
      else out.push(`    ${raw}`);
      continue;
    }
    if (table.length && !line.startsWith('|') && !/^\|?\s*:?-{3,}/.test(line)) flushTable();
    if (inComment) {
      if (line.includes('-->')) inComment = false;
      continue;
    }
    if (/^\s*<!--/.test(line)) {
      if (!line.includes('-->')) inComment = true;
      continue;
    }
    const f = /^\s*(```+|~~~+)/.exec(line);
    if (f) {
      fence = f[1];
      continue;
    }
    const h = /^(#{1,6})\s+(.*)$/.exec(line);
    if (h) {
      const text = inline(h[2], style);
      if (out.length && out[out.length - 1] !== '') out.push('');
      out.push(style.bold(text));
      out.push((h[1].length === 1 ? '=' : '-').repeat(text.length));
      continue;
    }
    if (/^\|?\s*:?-{3,}/.test(line)) continue; // a table's separator row
    if (line.startsWith('|')) {
      table.push(
        line
          .replace(/^\|/, '')
          .replace(/\|$/, '')
          .split('|')
          .map((c) => inline(c.trim(), style)),
      );
      continue;
    }
    if (table.length) flushTable();
    if (line.startsWith('>')) {
      out.push(`  ${inline(line.replace(/^>\s?/, ''), style)}`);
      continue;
    }
    out.push(inline(line, style));
  }
  if (table.length) flushTable();
  // no runs of blank lines, none at either end
  return `${out
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()}\n`;
}
