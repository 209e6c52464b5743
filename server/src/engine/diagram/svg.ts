/**
 * The system diagram as a self-contained SVG string, for the preview webview and the HTML export. Laid out
 * by dagre (`@dagrejs/dagre`, bundled: nothing is fetched at run time) as a left-to-right layered graph
 * with one cluster per group. No DOM: text widths are estimated from the character count. No scripts and
 * no external references; colours come from CSS classes in an inline `<style>`, each a VS Code theme
 * variable with a fallback for the chosen theme, so the webview follows the editor's theme and the HTML
 * export reads well on its own. Every piece of text is escaped.
 */
import { graphlib, layout } from '@dagrejs/dagre';
import type { DiagramGroup, DiagramNode, SystemGraph } from './graph';

export type DiagramTheme = 'light' | 'dark' | 'high-contrast';

export interface SvgOptions {
  /** fallback colours when the VS Code theme variables are not defined (default light) */
  theme?: DiagramTheme;
  /** prefix of the ids inside the SVG (the arrowhead marker), for several diagrams in one page */
  idPrefix?: string;
  /** accessible title (default "System diagram") */
  title?: string;
}

/** Average glyph width over font size for the UI sans-serif fonts (labels are bold): an estimate, no DOM to measure with. */
const LABEL_EM = 0.64;
const CHAR_EM = 0.58;
const LABEL_PX = 12;
const DETAIL_PX = 11;
const EDGE_PX = 10;
const DETAIL_CHARS = 34;
const DETAIL_LINES = 2;
const PAD_X = 10;

const GROUP_TITLES: Record<DiagramGroup, string> = { data: 'Data', training: 'Training', serving: 'Serving' };
const GROUP_ORDER: DiagramGroup[] = ['data', 'training', 'serving'];

const PALETTES: Record<DiagramTheme, Record<string, string>> = {
  light: {
    bg: '#ffffff',
    fg: '#1f2328',
    muted: '#59636e',
    edge: '#6e7781',
    cluster: '#f6f8fa',
    border: '#d0d7de',
    warn: '#9a6700',
    data: '#0969da',
    training: '#8250df',
    serving: '#1a7f37',
  },
  dark: {
    bg: '#1e1e1e',
    fg: '#d4d4d4',
    muted: '#9d9d9d',
    edge: '#8b949e',
    cluster: '#252526',
    border: '#3c3c3c',
    warn: '#cca700',
    data: '#4daafc',
    training: '#b180d7',
    serving: '#89d185',
  },
  'high-contrast': {
    bg: '#000000',
    fg: '#ffffff',
    muted: '#ffffff',
    edge: '#ffffff',
    cluster: '#000000',
    border: '#6fc3df',
    warn: '#ffd700',
    data: '#6fc3df',
    training: '#d7a8ff',
    serving: '#89d185',
  },
};

/** Text and attribute escaping for XML. Control characters that XML 1.0 forbids are dropped. */
export function escapeXml(s: string): string {
  return s
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

const textWidth = (s: string, px: number, em = CHAR_EM) => Math.ceil([...s].length * px * em);

/** Greedy word wrap to `width` characters, at most `lines` lines, the last cut with "…". */
export function wrap(s: string, width = DETAIL_CHARS, lines = DETAIL_LINES): string[] {
  const out: string[] = [];
  let cur = '';
  const words = s.split(/\s+/).filter(Boolean);
  for (let i = 0; i < words.length; i++) {
    let w = words[i];
    while ([...w].length > width) {
      if (cur) {
        out.push(cur);
        cur = '';
      }
      out.push([...w].slice(0, width).join(''));
      w = [...w].slice(width).join('');
    }
    const next = cur ? `${cur} ${w}` : w;
    if ([...next].length <= width) cur = next;
    else {
      out.push(cur);
      cur = w;
    }
    if (out.length >= lines) break;
  }
  if (cur && out.length < lines) out.push(cur);
  const full = out.join(' ').length < s.replace(/\s+/g, ' ').trim().length;
  const kept = out.slice(0, lines);
  if (full && kept.length) {
    const last = [...kept[kept.length - 1]];
    kept[kept.length - 1] = `${last.slice(0, Math.max(0, width - 1)).join('')}…`;
  }
  return kept;
}

interface Box {
  node: DiagramNode;
  detail: string[];
  width: number;
  height: number;
}

function box(node: DiagramNode): Box {
  const detail = node.detail ? wrap(node.detail) : [];
  const width = Math.max(
    80,
    textWidth(node.label, LABEL_PX, LABEL_EM) + 2 * PAD_X,
    ...detail.map((l) => textWidth(l, DETAIL_PX) + 2 * PAD_X),
  );
  const height = 12 + LABEL_PX + 4 + detail.length * (DETAIL_PX + 3) + 6;
  return { node, detail, width, height };
}

const r = (n: number) => Math.round(n * 10) / 10;

function css(theme: DiagramTheme): string {
  const p = PALETTES[theme];
  const v = (name: string, fallback: string) => `var(--vscode-${name}, ${fallback})`;
  return [
    `.mlsd-diagram{font-family:${v('font-family', "system-ui, -apple-system, 'Segoe UI', sans-serif")};font-size:${LABEL_PX}px;max-width:100%;height:auto}`,
    `.mlsd-diagram .mlsd-canvas{fill:${v('editor-background', p.bg)}}`,
    `.mlsd-diagram .mlsd-cluster rect{fill:${v('sideBar-background', p.cluster)};stroke:${v('panel-border', p.border)};stroke-width:1}`,
    `.mlsd-diagram .mlsd-cluster text{fill:${v('descriptionForeground', p.muted)};font-weight:600}`,
    `.mlsd-diagram .mlsd-node rect{fill:${v('editor-background', p.bg)};stroke-width:1.5}`,
    `.mlsd-diagram .mlsd-group-data rect{stroke:${v('charts-blue', p.data)}}`,
    `.mlsd-diagram .mlsd-group-training rect{stroke:${v('charts-purple', p.training)}}`,
    `.mlsd-diagram .mlsd-group-serving rect{stroke:${v('charts-green', p.serving)}}`,
    `.mlsd-diagram .mlsd-node .mlsd-label{fill:${v('editor-foreground', p.fg)};font-weight:600}`,
    `.mlsd-diagram .mlsd-node .mlsd-detail{fill:${v('descriptionForeground', p.muted)};font-size:${DETAIL_PX}px}`,
    `.mlsd-diagram .mlsd-node.mlsd-placeholder rect{stroke:${v('editorWarning-foreground', p.warn)};stroke-dasharray:5 4;fill:none}`,
    `.mlsd-diagram .mlsd-node.mlsd-placeholder text{font-style:italic}`,
    `.mlsd-diagram .mlsd-edge path{fill:none;stroke:${v('editorLineNumber-foreground', p.edge)};stroke-width:1.2}`,
    `.mlsd-diagram .mlsd-edge.mlsd-dashed path{stroke-dasharray:4 3}`,
    `.mlsd-diagram .mlsd-arrowhead{fill:${v('editorLineNumber-foreground', p.edge)}}`,
    `.mlsd-diagram .mlsd-edge text{fill:${v('descriptionForeground', p.muted)};font-size:${EDGE_PX}px}`,
    `.mlsd-diagram .mlsd-edge rect{fill:${v('editor-background', p.bg)}}`,
  ].join('\n');
}

/** Points → a path through them, corners rounded with quadratic curves. */
function pathOf(points: { x: number; y: number }[]): string {
  if (!points.length) return '';
  const parts = [`M${r(points[0].x)},${r(points[0].y)}`];
  for (let i = 1; i < points.length - 1; i++) {
    const p = points[i];
    const q = points[i + 1];
    parts.push(`Q${r(p.x)},${r(p.y)} ${r((p.x + q.x) / 2)},${r((p.y + q.y) / 2)}`);
  }
  const last = points[points.length - 1];
  if (points.length > 1) parts.push(`L${r(last.x)},${r(last.y)}`);
  return parts.join(' ');
}

export function toSvg(graph: SystemGraph, options: SvgOptions = {}): string {
  const theme = options.theme && PALETTES[options.theme] ? options.theme : 'light';
  const prefix = (options.idPrefix ?? 'mlsd-').replace(/[^A-Za-z0-9_-]/g, '');
  const marker = `${prefix}arrow`;
  const title = options.title ?? 'System diagram';

  const g = new graphlib.Graph({ compound: true, multigraph: false });
  g.setGraph({ rankdir: 'LR', nodesep: 44, ranksep: 44, edgesep: 12, marginx: 12, marginy: 12 });
  g.setDefaultEdgeLabel(() => ({}));
  const boxes = new Map<string, Box>();
  const groups = GROUP_ORDER.filter((grp) => graph.nodes.some((n) => n.group === grp));
  for (const grp of groups) g.setNode(`cluster:${grp}`, {});
  // ids are prefixed so a node id can never collide with a cluster's
  for (const n of graph.nodes) {
    const b = box(n);
    boxes.set(n.id, b);
    g.setNode(`n:${n.id}`, { width: b.width, height: b.height });
    g.setParent(`n:${n.id}`, `cluster:${n.group}`);
  }
  for (const e of graph.edges) {
    if (!boxes.has(e.from) || !boxes.has(e.to)) continue;
    const label = e.label
      ? { width: textWidth(e.label, EDGE_PX) + 8, height: EDGE_PX + 6, labelpos: 'c' as const }
      : {};
    g.setEdge(`n:${e.from}`, `n:${e.to}`, label);
  }
  layout(g);

  const out: string[] = [];
  let minX = Number.POSITIVE_INFINITY;
  let minY = Number.POSITIVE_INFINITY;
  let maxX = Number.NEGATIVE_INFINITY;
  let maxY = Number.NEGATIVE_INFINITY;
  const extend = (x1: number, y1: number, x2: number, y2: number) => {
    minX = Math.min(minX, x1);
    minY = Math.min(minY, y1);
    maxX = Math.max(maxX, x2);
    maxY = Math.max(maxY, y2);
  };

  for (const grp of groups) {
    const c = g.node(`cluster:${grp}`);
    if (!c || c.x === undefined || c.y === undefined) continue;
    const x = c.x - c.width / 2;
    // the title sits inside the cluster's top margin (dagre leaves about 30 px above the first node)
    const y = c.y - c.height / 2;
    const h = c.height;
    extend(x, y, x + c.width, y + h);
    out.push(
      `<g class="mlsd-cluster mlsd-cluster-${grp}"><rect x="${r(x)}" y="${r(y)}" width="${r(c.width)}" height="${r(h)}" rx="6"/>` +
        `<text x="${r(x + 8)}" y="${r(y + 13)}">${GROUP_TITLES[grp]}</text></g>`,
    );
  }

  for (const e of graph.edges) {
    const le = g.edge(`n:${e.from}`, `n:${e.to}`);
    if (!le?.points?.length) continue;
    for (const p of le.points) extend(p.x, p.y, p.x, p.y);
    const cls = `mlsd-edge${e.dashed ? ' mlsd-dashed' : ''}`;
    let label = '';
    if (e.label && le.x !== undefined && le.y !== undefined) {
      const w = textWidth(e.label, EDGE_PX) + 8;
      const h = EDGE_PX + 6;
      extend(le.x - w / 2, le.y - h / 2, le.x + w / 2, le.y + h / 2);
      label =
        `<rect x="${r(le.x - w / 2)}" y="${r(le.y - h / 2)}" width="${r(w)}" height="${r(h)}" rx="3"/>` +
        `<text x="${r(le.x)}" y="${r(le.y + EDGE_PX / 2 - 1)}" text-anchor="middle">${escapeXml(e.label)}</text>`;
    }
    out.push(
      `<g class="${cls}" data-from="${escapeXml(e.from)}" data-to="${escapeXml(e.to)}"><path d="${pathOf(le.points)}" marker-end="url(#${marker})"/>${label}</g>`,
    );
  }

  for (const n of graph.nodes) {
    const b = boxes.get(n.id)!;
    const ln = g.node(`n:${n.id}`);
    if (ln?.x === undefined || ln.y === undefined) continue;
    const x = ln.x - b.width / 2;
    const y = ln.y - b.height / 2;
    extend(x, y, x + b.width, y + b.height);
    const cls = `mlsd-node mlsd-group-${n.group} mlsd-kind-${n.kind}${n.placeholder ? ' mlsd-placeholder' : ''}`;
    const span = n.span ? ` data-span="${n.span[0]},${n.span[1]}"` : '';
    const tip = n.detail ? `${n.label}: ${n.detail}` : n.label;
    const lines = [
      `<text class="mlsd-label" x="${r(x + PAD_X)}" y="${r(y + 12 + LABEL_PX - 2)}">${escapeXml(n.label)}</text>`,
      ...b.detail.map(
        (d, i) =>
          `<text class="mlsd-detail" x="${r(x + PAD_X)}" y="${r(y + 12 + LABEL_PX + 4 + (i + 1) * (DETAIL_PX + 3) - 3)}">${escapeXml(d)}</text>`,
      ),
    ];
    out.push(
      `<g class="${cls}" data-node="${escapeXml(n.id)}"${span}><title>${escapeXml(tip)}</title>` +
        `<rect x="${r(x)}" y="${r(y)}" width="${r(b.width)}" height="${r(b.height)}" rx="4"/>${lines.join('')}</g>`,
    );
  }

  if (!Number.isFinite(minX)) {
    minX = 0;
    minY = 0;
    maxX = 0;
    maxY = 0;
  }
  const M = 8;
  const vx = r(minX - M);
  const vy = r(minY - M);
  const w = r(maxX - minX + 2 * M);
  const h = r(maxY - minY + 2 * M);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" class="mlsd-diagram" viewBox="${vx} ${vy} ${w} ${h}" width="${w}" height="${h}" role="img" aria-labelledby="${prefix}title">`,
    `<title id="${prefix}title">${escapeXml(title)}</title>`,
    `<style>\n${css(theme)}\n</style>`,
    `<defs><marker id="${marker}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path class="mlsd-arrowhead" d="M0,0 L10,5 L0,10 z"/></marker></defs>`,
    `<rect class="mlsd-canvas" x="${vx}" y="${vy}" width="${w}" height="${h}"/>`,
    ...out,
    '</svg>',
    '',
  ].join('\n');
}
