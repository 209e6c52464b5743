/**
 * The system diagram as Mermaid text (`flowchart LR`), for Markdown: GitHub and GitLab render it. Basic
 * syntax only: quoted node labels, `-->` / `-.->` edges with `|label|`, one subgraph per group, a
 * `classDef` for the dashed placeholders. Every piece of text from the doc goes through `escapeMermaid`
 * (entity codes for quotes, brackets, `<`, `|` …), so no label can close a node or start a new statement.
 * Ids are derived from the graph's ids (deterministic; ASCII letters, digits and `_` only).
 */
import type { DiagramGroup, SystemGraph } from './graph';

const GROUP_TITLES: Record<DiagramGroup, string> = { data: 'Data', training: 'Training', serving: 'Serving' };
const GROUP_ORDER: DiagramGroup[] = ['data', 'training', 'serving'];

/** Text for inside a quoted Mermaid label or an edge label: every character that has a meaning becomes an entity code. */
export function escapeMermaid(s: string): string {
  return s
    .replace(/[\r\n\t]+/g, ' ')
    .replace(/["#&<>|[\]{}()`;\\%]/g, (c) => `#${c.codePointAt(0)};`)
    .trim();
}

/** Mermaid node ids: the graph id folded to `[A-Za-z0-9_]`, prefixed `n_` (never a keyword such as `end`), made unique. */
export function mermaidIds(graph: SystemGraph): Map<string, string> {
  const out = new Map<string, string>();
  const used = new Set<string>();
  for (const n of graph.nodes) {
    const base = `n_${n.id.replace(/[^A-Za-z0-9]+/g, '_').replace(/^_+|_+$/g, '')}`.slice(0, 60);
    let id = base;
    for (let k = 2; used.has(id); k++) id = `${base}_${k}`;
    used.add(id);
    out.set(n.id, id);
  }
  return out;
}

export function toMermaid(graph: SystemGraph): string {
  const ids = mermaidIds(graph);
  const lines: string[] = ['flowchart LR'];
  for (const group of GROUP_ORDER) {
    const nodes = graph.nodes.filter((n) => n.group === group);
    if (!nodes.length) continue;
    lines.push(`  subgraph g_${group}["${GROUP_TITLES[group]}"]`);
    for (const n of nodes) {
      const label = escapeMermaid(n.label);
      const text = n.detail ? `${label}<br/>${escapeMermaid(n.detail)}` : label;
      // stadium shape for the serving path's ends, cylinders for stores, rectangles for the rest
      const [open, close] =
        n.kind === 'source' || n.kind === 'index'
          ? ['[(', ')]']
          : n.kind === 'request' || n.kind === 'response'
            ? ['([', '])']
            : ['[', ']'];
      lines.push(`    ${ids.get(n.id)}${open}"${text}"${close}`);
    }
    lines.push('  end');
  }
  for (const e of graph.edges) {
    const from = ids.get(e.from);
    const to = ids.get(e.to);
    if (!from || !to) continue;
    const arrow = e.dashed ? '-.->' : '-->';
    const label = e.label ? `|${escapeMermaid(e.label)}|` : '';
    lines.push(`  ${from} ${arrow}${label} ${to}`);
  }
  const placeholders = graph.nodes.filter((n) => n.placeholder).map((n) => ids.get(n.id));
  lines.push('  classDef placeholder stroke-dasharray: 5 5,fill:none;');
  if (placeholders.length) lines.push(`  class ${placeholders.join(',')} placeholder;`);
  return `${lines.join('\n')}\n`;
}
