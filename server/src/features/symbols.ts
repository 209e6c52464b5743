/**
 * Outline (documentSymbol), folding ranges and selection ranges. Pure functions over the cached
 * parse; offsets inside, LSP ranges at the edge.
 *
 * Symbols: the seven step sections named by their step ("1 · Requirements" …), the doc-level keys as
 * properties, sub-keys below them; the entries of `data.sources`, `data.features`, `model.candidates`,
 * `model.stages`, `framing.heads`, v1.1 `model.tools` and `evaluation.judges`, and the metric lists by their
 * id / name. Built breadth first and
 * capped at `max` symbols (mlsd.maxItemsComputed), so a huge doc still shows its steps; a final
 * symbol says the outline was cut.
 */
import {
  FoldingRangeKind,
  SymbolKind,
  type DocumentSymbol,
  type FoldingRange,
  type Position,
  type SelectionRange,
} from 'vscode-languageserver-types';
import { STEP_TITLES, stepNumber, type StepKey } from '../engine/catalog';
import type { MlsdDoc } from '../engine/model';
import { child, lineOf, type MNode } from '../engine/parse';
import { toOffset, toRange } from '../lspConvert';
import type { Analysis } from '../lint/analysis';

// ------------------------------------------------------------------------------------------ extents

/** The end of a node's text without trailing blanks and line breaks (block collections end on the next line). */
export function trimmedEnd(doc: MlsdDoc, n: MNode): number {
  const text = doc.text;
  let e = Math.min(n.end, text.length);
  while (e > n.start && /\s/.test(text[e - 1])) e--;
  return e;
}

/** From the key (when there is one) to the end of the value: the `key: value` pair, or a list item. */
export function extentOf(doc: MlsdDoc, n: MNode): { start: number; end: number } {
  const start = n.keyStart !== undefined ? Math.min(n.keyStart, n.start) : n.start;
  const valueEnd = trimmedEnd(doc, n);
  // an empty value (`key:` then blanks) ends with its key, not after the blanks
  const empty = n.kind === 'scalar' && valueEnd <= n.start;
  const end = empty ? (n.keyEnd ?? start) : Math.max(valueEnd, n.keyEnd ?? start);
  return { start, end: Math.max(start, end) };
}

function oneLine(s: string, max = 60): string {
  const first = s.replace(/\s+/g, ' ').trim();
  return first.length > max ? `${first.slice(0, max - 1)}…` : first;
}

/** A short text for a scalar value (what the outline shows as detail). */
function scalarDetail(_doc: MlsdDoc, n: MNode): string | undefined {
  if (n.kind !== 'scalar') return undefined;
  if (n.value === null || n.value === undefined) return undefined;
  return oneLine(String(n.value));
}

function countDetail(n: MNode): string | undefined {
  if (n.kind === 'seq') {
    const k = n.items?.length ?? 0;
    return `${k} item${k === 1 ? '' : 's'}`;
  }
  return undefined;
}

// ------------------------------------------------------------------------------------------ symbols

/** Lists whose entries are shown by id/name, with the symbol kind of the entries and their detail fields. */
const NAMED_LISTS: Record<string, { nameKey: string; kind: SymbolKind; detail: string[] }> = {
  'framing.heads': { nameKey: 'name', kind: SymbolKind.Interface, detail: ['task_type'] },
  'data.sources': { nameKey: 'id', kind: SymbolKind.Struct, detail: ['kind'] },
  'data.features': { nameKey: 'id', kind: SymbolKind.Field, detail: ['type', 'source'] },
  'model.candidates': { nameKey: 'id', kind: SymbolKind.Class, detail: ['architecture'] },
  'model.stages': { nameKey: 'id', kind: SymbolKind.Function, detail: ['model', 'latency'] },
  // v1.1 (genai.md §3)
  'model.tools': { nameKey: 'id', kind: SymbolKind.Method, detail: ['description'] },
  'evaluation.judges': { nameKey: 'id', kind: SymbolKind.Object, detail: ['kind', 'model'] },
};

/** Metric lists: items (scalars or `{name, …}` mappings) are shown by metric name. */
const METRIC_LISTS = new Set([
  'evaluation.offline.metrics',
  'evaluation.online.metrics',
  'evaluation.online.guardrails',
]);

/** Fields that name an entry of any other list of mappings (`risks`, `alerts`, `alternatives` …). */
const LABEL_KEYS = ['id', 'name', 'metric', 'risk', 'option', 'objective'];

interface Pending {
  node: MNode;
  into: DocumentSymbol[];
  /** the key path of the node without indices: `data.sources` for the sources list and its items */
  path: string;
  /** the node is an item of a list */
  item: boolean;
}

function statedText(doc: MlsdDoc, n: MNode | undefined): string | undefined {
  const t = doc.textOf(n);
  return t === undefined ? undefined : oneLine(t);
}

/*
 * The outline and the folding ranges depend on the parse and the cap only: each is built once per document
 * version and cap (`MlsdDoc.memo`). Editors ask again for the same version (outline, breadcrumbs, sticky
 * scroll; Neovim plugins on every cursor move): at 10,000 lines each answer is 5,000 symbols, about 2 MB of
 * objects, so rebuilding it per request only made garbage (five requests raised the server's peak RSS by
 * 26 MB in `npm run bench`). Callers must not mutate the arrays.
 */

/** The hierarchical outline, at most `max` symbols plus a final notice when cut. */
export function documentSymbols(a: Analysis, max: number): DocumentSymbol[] {
  return a.doc.memo(`documentSymbols:${max}`, () => buildSymbols(a.doc, max));
}

function buildSymbols(doc: MlsdDoc, max: number): DocumentSymbol[] {
  const top = doc.top;
  if (!top) return [];
  const out: DocumentSymbol[] = [];
  const queue: Pending[] = (top.entries ?? []).map((e) => ({ node: e, into: out, path: e.key ?? '', item: false }));
  let count = 0;
  let truncated = false;
  for (let qi = 0; qi < queue.length; qi++) {
    if (count >= max) {
      truncated = true;
      break;
    }
    const p = queue[qi];
    const sym = makeSymbol(doc, p);
    p.into.push(sym);
    count++;
    // children
    const n = p.node;
    const named = p.item ? NAMED_LISTS[p.path] : undefined;
    const metricItem = p.item && METRIC_LISTS.has(p.path);
    if (n.kind === 'map') {
      const skip = named ? named.nameKey : metricItem ? 'name' : p.item ? labelKeyOf(doc, n) : undefined;
      for (const e of n.entries ?? []) {
        if (e.key === skip) continue;
        queue.push({ node: e, into: (sym.children ??= []), path: `${p.path}.${e.key}`, item: false });
      }
    } else if (n.kind === 'seq') {
      const showScalars = METRIC_LISTS.has(p.path);
      for (const it of n.items ?? []) {
        if (it.kind === 'map' || (showScalars && it.kind === 'scalar' && doc.isStated(it))) {
          queue.push({ node: it, into: (sym.children ??= []), path: p.path, item: true });
        }
      }
    }
  }
  if (truncated) {
    const end = doc.text.length;
    const range = toRange(doc, end, end);
    out.push({
      name: `Outline truncated at ${max} items`,
      detail: 'raise mlsd.maxItemsComputed to see more',
      kind: SymbolKind.Null,
      range,
      selectionRange: range,
    });
  }
  return out;
}

function labelKeyOf(doc: MlsdDoc, n: MNode): string | undefined {
  return LABEL_KEYS.find((k) => statedText(doc, child(n, k)) !== undefined);
}

function makeSymbol(doc: MlsdDoc, p: Pending): DocumentSymbol {
  const n = p.node;
  const ext = extentOf(doc, n);
  let name: string;
  let detail: string | undefined;
  let kind: SymbolKind;
  let sel: { start: number; end: number };
  if (p.item) {
    const named = NAMED_LISTS[p.path];
    const idx = n.index ?? 0;
    if (METRIC_LISTS.has(p.path)) {
      const nameNode = n.kind === 'map' ? child(n, 'name') : n;
      name = statedText(doc, nameNode) ?? `#${idx + 1}`;
      kind = SymbolKind.Constant;
      detail = n.kind === 'map' ? statedText(doc, child(n, 'target')) : undefined;
      sel =
        nameNode && !nameNode.aliased
          ? { start: nameNode.start, end: Math.max(nameNode.start, trimmedEnd(doc, nameNode)) }
          : firstLine(doc, ext);
    } else {
      const key = named?.nameKey ?? labelKeyOf(doc, n);
      const nameNode = key ? child(n, key) : undefined;
      name = statedText(doc, nameNode) ?? `#${idx + 1}`;
      kind = named?.kind ?? SymbolKind.Object;
      detail = named
        ? named.detail
            .map((k) => statedText(doc, child(n, k)))
            .filter(Boolean)
            .join(' · ') || undefined
        : undefined;
      sel =
        nameNode && nameNode.kind === 'scalar' && nameNode.end > nameNode.start
          ? { start: nameNode.start, end: trimmedEnd(doc, nameNode) }
          : firstLine(doc, ext);
    }
  } else {
    const key = n.key ?? '';
    const isTop = !p.path.includes('.');
    const step = isTop ? stepNumber(key) : undefined;
    sel =
      n.keyStart !== undefined && n.keyEnd !== undefined ? { start: n.keyStart, end: n.keyEnd } : firstLine(doc, ext);
    if (step !== undefined) {
      name = `${step} · ${STEP_TITLES[key as StepKey]}`;
      detail = key;
      kind = SymbolKind.Module;
    } else {
      name = key;
      detail = scalarDetail(doc, n) ?? countDetail(n);
      kind = isTop
        ? SymbolKind.Property
        : n.kind === 'map'
          ? SymbolKind.Object
          : n.kind === 'seq'
            ? SymbolKind.Array
            : SymbolKind.Property;
    }
  }
  // VS Code rejects a selection range outside the full range, and empty names
  const start = Math.min(ext.start, sel.start);
  const end = Math.max(ext.end, sel.end);
  const sym: DocumentSymbol = {
    name: name.trim() === '' ? '(empty key)' : name,
    kind,
    range: toRange(doc, start, end),
    selectionRange: toRange(doc, sel.start, sel.end),
  };
  if (detail) sym.detail = detail;
  return sym;
}

function firstLine(doc: MlsdDoc, ext: { start: number; end: number }): { start: number; end: number } {
  const line = lineOf(doc.parsed.lineStarts, ext.start);
  const next = line + 1 < doc.parsed.lineStarts.length ? doc.parsed.lineStarts[line + 1] : doc.text.length;
  let e = Math.min(ext.end, next);
  while (e > ext.start && /\s/.test(doc.text[e - 1])) e--;
  return { start: ext.start, end: e };
}

// ------------------------------------------------------------------------------------------ folding

/**
 * Folding ranges: every mapping, list and multi-line scalar spanning several lines (from its key line,
 * or its `- ` line for list items, to its last line), and every block of two or more comment lines.
 * At most `max` ranges, outer ones first.
 */
export function foldingRanges(a: Analysis, max: number): FoldingRange[] {
  return a.doc.memo(`foldingRanges:${max}`, () => buildFolds(a.doc, max));
}

function buildFolds(doc: MlsdDoc, max: number): FoldingRange[] {
  const { lineStarts } = doc.parsed;
  const out: FoldingRange[] = [];
  const seen = new Set<number>();
  const root = doc.root;
  if (root) {
    const stack: MNode[] = [...(root.entries ?? root.items ?? [])].reverse();
    while (stack.length && out.length < max) {
      const n = stack.pop()!;
      if (n.aliased) continue;
      const { start, end } = extentOf(doc, n);
      const startLine = lineOf(lineStarts, start);
      const endLine = lineOf(lineStarts, Math.max(start, end - 1));
      if (endLine > startLine && !seen.has(startLine)) {
        seen.add(startLine);
        out.push({ startLine, endLine });
      }
      const kids = n.entries ?? n.items;
      if (kids) for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]);
    }
  }
  // comment blocks: consecutive lines holding only a comment
  let blockStart = -1;
  let prevLine = -2;
  const flush = () => {
    if (blockStart >= 0 && prevLine > blockStart && out.length < max && !seen.has(blockStart)) {
      seen.add(blockStart);
      out.push({ startLine: blockStart, endLine: prevLine, kind: FoldingRangeKind.Comment });
    }
  };
  for (const c of doc.parsed.comments) {
    const line = lineOf(lineStarts, c.start);
    const own = doc.text.slice(lineStarts[line], c.start).trim() === '';
    if (!own) continue;
    if (line === prevLine + 1 && blockStart >= 0) prevLine = line;
    else {
      flush();
      blockStart = line;
      prevLine = line;
    }
  }
  flush();
  return out.sort((x, y) => x.startLine - y.startLine);
}

// ------------------------------------------------------------------------------------------ selection

/**
 * Selection ranges (expand selection): the scalar or key under the cursor → its `key: value` pair →
 * the mapping or list holding it → that collection's pair → … → the whole document.
 */
export function selectionRanges(a: Analysis, positions: Position[]): SelectionRange[] {
  return positions.map((pos) => selectionAt(a.doc, toOffset(a.doc, pos)));
}

function contains(outer: { start: number; end: number }, inner: { start: number; end: number }): boolean {
  return outer.start <= inner.start && inner.end <= outer.end;
}

function selectionAt(doc: MlsdDoc, offset: number): SelectionRange {
  // the chain of nodes from the root down to the deepest one whose extent holds the offset
  const chain: MNode[] = [];
  let n = doc.root;
  let depth = 0;
  while (n && depth++ < 500) {
    chain.push(n);
    const kids: MNode[] = n.entries ?? n.items ?? [];
    n = kids.find((k) => {
      const e = extentOf(doc, k);
      return e.start <= offset && offset <= e.end;
    });
  }
  const spans: { start: number; end: number }[] = [];
  const leaf = chain.length > 1 ? chain[chain.length - 1] : undefined;
  if (leaf) {
    if (
      leaf.keyStart !== undefined &&
      leaf.keyEnd !== undefined &&
      offset >= leaf.keyStart &&
      offset <= leaf.keyEnd &&
      !leaf.aliased
    ) {
      spans.push({ start: leaf.keyStart, end: leaf.keyEnd });
    } else if (leaf.kind === 'scalar' && offset >= leaf.start && offset <= leaf.end && leaf.end > leaf.start) {
      spans.push({ start: leaf.start, end: trimmedEnd(doc, leaf) });
    }
  }
  for (let i = chain.length - 1; i >= 0; i--) {
    const c = chain[i];
    // the value itself (a collection without its key), then the pair with its key
    if (c.kind !== 'scalar') spans.push({ start: c.start, end: trimmedEnd(doc, c) });
    if (c.keyStart !== undefined) spans.push(extentOf(doc, c));
    else if (c.parent?.kind === 'seq') spans.push(extentOf(doc, c));
  }
  spans.push({ start: 0, end: doc.text.length });
  // innermost first; keep only spans that grow and contain the previous one
  const kept: { start: number; end: number }[] = [];
  for (const s of spans) {
    const prev = kept[kept.length - 1];
    if (prev && (!contains(s, prev) || (s.start === prev.start && s.end === prev.end))) continue;
    kept.push(s);
  }
  let result: SelectionRange | undefined;
  for (let i = kept.length - 1; i >= 0; i--)
    result = { range: toRange(doc, kept[i].start, kept[i].end), parent: result };
  return result!;
}
