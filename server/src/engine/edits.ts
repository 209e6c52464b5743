/**
 * Minimal text edits on a design doc that keep comments and the doc's indentation style: insert a
 * field under a mapping (creating missing parents), replace a scalar, append to a list. Used by rule
 * fixes and suggestions, and by code actions.
 */
import type { MlsdDoc } from './model';
import { lineEndAt, positionAt, type MNode } from './parse';

/** A text edit in offsets: replace [start, end) with newText. */
export interface TextEdit {
  start: number;
  end: number;
  newText: string;
}

/** A value to render: a scalar (written as is), a list of scalars, or a nested mapping. */
export type YamlValue = string | number | boolean | YamlValue[] | { [k: string]: YamlValue };

function isMapValue(v: YamlValue): v is { [k: string]: YamlValue } {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function scalarText(v: string | number | boolean): string {
  return String(v);
}

/** Flow rendering: `{p99: TBD}`, `[a, b]`. */
export function renderFlow(v: YamlValue): string {
  if (Array.isArray(v)) return `[${v.map(renderFlow).join(', ')}]`;
  if (isMapValue(v))
    return `{${Object.entries(v)
      .map(([k, x]) => `${k}: ${renderFlow(x)}`)
      .join(', ')}}`;
  return scalarText(v);
}

/** Block rendering of `key: value` at `indent` spaces, with `unit` spaces per nesting level. */
export function renderBlock(key: string, v: YamlValue, indent: number, unit: number): string {
  const pad = ' '.repeat(indent);
  if (isMapValue(v)) {
    const lines = Object.entries(v).map(([k, x]) => renderBlock(k, x, indent + unit, unit));
    return `${pad}${key}:\n${lines.join('\n')}`;
  }
  if (Array.isArray(v)) {
    if (v.every((x) => !isMapValue(x) && !Array.isArray(x))) return `${pad}${key}: ${renderFlow(v)}`;
    return `${pad}${key}:\n${v.map((x) => `${' '.repeat(indent + unit)}- ${renderFlow(x)}`).join('\n')}`;
  }
  return `${pad}${key}: ${scalarText(v)}`;
}

function column(doc: MlsdDoc, offset: number): number {
  return positionAt(doc.parsed, offset).character;
}

/** End of the last line a node occupies (after its value, before the line break). */
function nodeLineEnd(doc: MlsdDoc, n: MNode): number {
  const end = Math.max(n.start, n.end - 1);
  let e = end;
  // a block value's end may sit at the start of the following line
  const text = doc.text;
  while (e > n.start && (text[e] === '\n' || text[e] === '\r')) e--;
  return lineEndAt(doc.parsed, e);
}

/**
 * Inserts `key: value` under the mapping at `path` (a list of keys from the top level), creating the
 * missing parents. Returns undefined when the place cannot be edited safely (aliased node, a scalar in
 * the way, non-mapping top level).
 */
export function insertField(
  doc: MlsdDoc,
  path: readonly string[],
  key: string,
  value: YamlValue,
): TextEdit | undefined {
  const top = doc.top;
  if (!top) return undefined;
  const unit = doc.parsed.indent || 2;
  // find the deepest existing mapping along the path
  let parent: MNode = top;
  let depth = 0;
  for (; depth < path.length; depth++) {
    const next = parent.entries?.find((e) => e.key === path[depth]);
    if (!next) break;
    if (next.aliased) return undefined;
    if (next.kind === 'map') {
      parent = next;
      continue;
    }
    if (next.kind === 'scalar' && (next.value === null || next.value === undefined || next.value === '')) {
      // `performance:` with nothing after it: write the rest of the path as a nested block after the key
      let nested: YamlValue = { [key]: value };
      for (let i = path.length - 1; i > depth; i--) nested = { [path[i]]: nested };
      const keyCol = column(doc, next.keyStart ?? next.start);
      if (parent.flow) return { start: next.start, end: next.end, newText: ` ${renderFlow(nested)}` };
      const lines = Object.entries(nested as Record<string, YamlValue>).map(([k, x]) =>
        renderBlock(k, x, keyCol + unit, unit),
      );
      const at = lineEndAt(doc.parsed, next.keyEnd ?? next.start);
      // drop a trailing `null`/`~` if any is written; keep comments: insert after the line
      return { start: at, end: at, newText: `\n${lines.join('\n')}` };
    }
    return undefined;
  }
  let nested: YamlValue = value;
  let nestedKey = key;
  if (depth < path.length) {
    // missing parents: `path[depth]: {path[depth+1]: … {key: value}}`
    let inner: YamlValue = { [key]: value };
    for (let i = path.length - 1; i > depth; i--) inner = { [path[i]]: inner };
    nestedKey = path[depth];
    nested = inner;
  }
  return insertIntoMap(doc, parent, nestedKey, nested);
}

/**
 * Inserts `key: value` as the last entry of the mapping node `parent` (flow or block, at any depth: a list
 * entry such as a stage), in the doc's indentation. Undefined for an aliased or empty block mapping.
 */
export function insertIntoMap(doc: MlsdDoc, parent: MNode, nestedKey: string, nested: YamlValue): TextEdit | undefined {
  const top = doc.top;
  if (parent.kind !== 'map' || parent.aliased) return undefined;
  const unit = doc.parsed.indent || 2;
  if (parent.flow) {
    // `{a: 1}` → `{a: 1, key: value}`: insert before the closing brace
    const text = doc.text;
    let close = parent.end - 1;
    while (close > parent.start && text[close] !== '}') close--;
    if (text[close] !== '}') return undefined;
    let before = close;
    while (before > parent.start && /\s/.test(text[before - 1])) before--;
    const empty = (parent.entries?.length ?? 0) === 0;
    return { start: before, end: before, newText: `${empty ? '' : ', '}${nestedKey}: ${renderFlow(nested)}` };
  }
  const entries = parent.entries ?? [];
  if (!entries.length) return undefined;
  const last = entries[entries.length - 1];
  const col = column(doc, entries[0].keyStart ?? entries[0].start);
  const at = parent === top ? Math.max(nodeLineEnd(doc, last), lastContentEnd(doc)) : nodeLineEnd(doc, last);
  return { start: at, end: at, newText: `\n${renderBlock(nestedKey, nested, col, unit)}` };
}

function lastContentEnd(doc: MlsdDoc): number {
  let e = doc.text.length;
  while (e > 0 && /\s/.test(doc.text[e - 1])) e--;
  return e;
}

/** Replaces a scalar's text (keeps quotes style out: writes the plain text). */
export function replaceScalar(n: MNode, newText: string): TextEdit | undefined {
  if (n.kind !== 'scalar' || n.aliased) return undefined;
  return { start: n.start, end: n.end, newText };
}

/** Appends a scalar item to a list node (flow `[a]` → `[a, b]`; block adds a `- b` line). */
export function appendToList(doc: MlsdDoc, list: MNode, item: string): TextEdit | undefined {
  if (list.aliased) return undefined;
  if (list.kind === 'seq' && list.flow) {
    const text = doc.text;
    let close = list.end - 1;
    while (close > list.start && text[close] !== ']') close--;
    if (text[close] !== ']') return undefined;
    let before = close;
    while (before > list.start && /\s/.test(text[before - 1])) before--;
    return { start: before, end: before, newText: `${(list.items?.length ?? 0) ? ', ' : ''}${item}` };
  }
  if (list.kind === 'seq' && list.items?.length) {
    const last = list.items[list.items.length - 1];
    const first = list.items[0];
    // the `- ` marker sits 2 columns before the item
    const col = Math.max(0, column(doc, first.start) - 2);
    return { start: nodeLineEnd(doc, last), end: nodeLineEnd(doc, last), newText: `\n${' '.repeat(col)}- ${item}` };
  }
  if (list.kind === 'scalar' && (list.value === null || list.value === '')) {
    const needsSpace = doc.text[list.start - 1] === ':';
    return { start: list.start, end: list.end, newText: `${needsSpace ? ' ' : ''}[${item}]` };
  }
  return undefined;
}

/**
 * An edit that gives `key` a value under the mapping at `parentPath`: fills the key in place when it is
 * written but not stated (`source:`, `cadence: TBD`, an empty flow collection `[]`), else inserts it
 * (creating missing parents). Undefined when the key already has a real value, when the edit would change
 * nothing, or when the place cannot be edited safely (aliases, an empty block collection).
 */
export function fillField(
  doc: MlsdDoc,
  parentPath: readonly string[],
  key: string,
  value: YamlValue,
): TextEdit | undefined {
  const n = doc.node([...parentPath, key]);
  if (!n) return insertField(doc, parentPath, key, value);
  if (n.aliased || doc.isStated(n)) return undefined;
  if (n.kind !== 'scalar' && !n.flow) return undefined;
  const space = doc.text[n.start - 1] === ':' ? ' ' : '';
  const newText = `${space}${renderFlow(value)}`;
  if (newText.trim() === doc.text.slice(n.start, n.end).trim()) return undefined; // `TBD` → `TBD` helps nobody
  return { start: n.start, end: n.end, newText };
}
