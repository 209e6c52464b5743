/**
 * Where the cursor is, for completion, read from the TEXT rather than from the parse: a half-written
 * line (`  busin`, `- `, `task_type: `) often parses as something else, or breaks the parse. The
 * context comes from the cursor line's own content and the nearest less-indented lines above it
 * (Red Hat's findClosestNode idea): those give the path of the mapping or list the cursor is in, which
 * completion then maps through the catalogue (specAt). Flow collections (`[a, b]`, `{k: v}`, also over
 * several lines) are read with a small bracket scanner. Comments and block scalars yield no context.
 *
 * Cost: the lines walked above the cursor, plus one pass over the container's lines for the keys
 * already present (the whole doc for the top level): linear in the text, no re-parse.
 */
import type { MlsdDoc } from '../engine/model';
import { lineOf, nodeAt } from '../engine/parse';

export type Seg = string | number;

interface Common {
  /** offsets of the text the chosen item replaces: the partly typed word (end = cursor, or the key's end) */
  start: number;
  end: number;
  /** the partly typed word */
  word: string;
  /** inside a flow collection (`[…]`, `{…}`): single-line inserts only */
  flow: boolean;
  /** column where the inserted key or value starts */
  col: number;
  /** leading whitespace of the cursor line (clients re-indent inserted lines relative to it) */
  lineIndent: number;
  /** the cursor is right after `:` or `-` with no space yet: inserts start with a space */
  needsSpace: boolean;
  /**
   * spaces to insert before the item: the request's column lies past the end of a blank line (the
   * editor trimmed or has not yet written the indentation), so `col` is that column, not the text's
   */
  pad?: number;
}

/** A key position in a mapping at `path` (also: a position where an item of the list at `path` could start). */
export interface KeyContext extends Common {
  kind: 'key';
  path: Seg[];
  /** keys already present in that mapping (not counting the one being typed) */
  present: Set<string>;
  /** the cursor is on an existing key (`sca$0le: …`): insert the name only */
  keyOnly: boolean;
  /** texts of the items already in the list, when `path` is a list (blank line under `metrics:`) */
  items: string[];
}

/** A value position for the field at `path` (its last segment is the key). */
export interface ValueContext extends Common {
  kind: 'value';
  path: Seg[];
}

/** An item position (after `- ` or inside `[…]`) of the list at `path`. */
export interface ItemContext extends Common {
  kind: 'item';
  path: Seg[];
  index: number;
  /** texts of the other items of the list */
  items: string[];
  /** keys present in this item when it is a mapping being written over several lines */
  present: Set<string>;
}

export type CursorContext = KeyContext | ValueContext | ItemContext;

// ------------------------------------------------------------------------------------------ lines

interface KeyInfo {
  name: string;
  col: number;
  /** column right after the colon */
  colonEnd: number;
  /** the value after the colon: empty (nothing, or only an anchor/tag), a block scalar header, a flow opener, or a scalar */
  value: 'empty' | 'block' | 'flow' | 'scalar';
}

interface LineInfo {
  /** blank, comment-only, or a document marker: ignored when walking */
  skip: boolean;
  indent: number;
  /** columns of the `- ` indicators that start the line */
  dashes: number[];
  key?: KeyInfo;
  /** what follows the last dash when there is no key: the same classification as a key's value */
  itemValue?: KeyInfo['value'];
  /** the item's scalar text (after the dashes), for sibling items */
  itemText?: string;
  /** the line starts with a flow indicator or a quote: the continuation of a multi-line flow or scalar */
  continuation: boolean;
}

const KEY_RE = /^(?:"((?:[^"\\]|\\.)*)"|'((?:[^']|'')*)'|([^\s#"'[\]{},>|*&!%@`][^#]*?))[ \t]*:(?=[ \t]|$)/;

/** The value text after a colon or a dash, without a trailing comment. */
function stripComment(s: string): string {
  let q: string | undefined;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (q) {
      if (c === q) q = undefined;
      continue;
    }
    if ((c === '"' || c === "'") && (i === 0 || /[\s[{,:]/.test(s[i - 1]))) q = c;
    else if (c === '#' && (i === 0 || s[i - 1] === ' ' || s[i - 1] === '\t')) return s.slice(0, i);
  }
  return s;
}

function classifyValue(raw: string): KeyInfo['value'] {
  let v = stripComment(raw).trim();
  // anchors and tags before the value
  while (/^[&!]\S*(\s+|$)/.test(v)) v = v.replace(/^[&!]\S*\s*/, '');
  if (v === '') return 'empty';
  if (/^[|>][-+0-9]*$/.test(v)) return 'block';
  if (v[0] === '[' || v[0] === '{') return 'flow';
  return 'scalar';
}

export function parseLine(line: string): LineInfo {
  let i = 0;
  while (i < line.length && line[i] === ' ') i++;
  const indent = i;
  const rest = line.slice(i);
  if (
    rest.trim() === '' ||
    rest[0] === '#' ||
    (indent === 0 && /^(---|\.\.\.)(\s|$)/.test(rest)) ||
    (indent === 0 && rest[0] === '%')
  ) {
    return { skip: true, indent, dashes: [], continuation: false };
  }
  const dashes: number[] = [];
  while (line[i] === '-' && (i + 1 === line.length || line[i + 1] === ' ' || line[i + 1] === '\t')) {
    dashes.push(i);
    i++;
    while (i < line.length && (line[i] === ' ' || line[i] === '\t')) i++;
  }
  const after = line.slice(i);
  const continuation = dashes.length === 0 && /^[[\]{},"']/.test(after);
  const m = continuation ? null : KEY_RE.exec(after);
  if (m) {
    const name = m[1] ?? (m[2] !== undefined ? m[2].replace(/''/g, "'") : m[3].trim());
    const colonEnd = i + m[0].length;
    return {
      skip: false,
      indent,
      dashes,
      key: { name, col: i, colonEnd, value: classifyValue(line.slice(colonEnd)) },
      continuation,
    };
  }
  if (dashes.length) {
    const text = stripComment(after).trim();
    return { skip: false, indent, dashes, itemValue: classifyValue(after), itemText: text, continuation };
  }
  return { skip: false, indent, dashes, continuation };
}

// ------------------------------------------------------------------------------------------ flow

interface Frame {
  kind: 'seq' | 'map';
  /** this frame's segment in its parent frame (undefined for the outermost) */
  seg?: Seg;
  index: number;
  key?: string;
  afterColon: boolean;
  keys: { name: string; start: number; end: number }[];
  items: { text: string; start: number; end: number }[];
  invalid?: boolean;
}

interface FlowState {
  frames: Frame[];
  tokenStart: number;
}

/**
 * Scans a flow collection from its opening bracket at `from` up to `cursor`, then on to `to` (the end of
 * the cursor line) to collect the keys and items after the cursor. Returns the frames open at the
 * cursor (their state at the cursor; their `keys` and `items` arrays keep filling up to `to`), or
 * undefined when the collection was closed before it (or the cursor is in a comment).
 */
function scanFlow(text: string, from: number, cursor: number, to: number): FlowState | undefined {
  const stack: Frame[] = [];
  let atCursor: FlowState | undefined;
  let tokenStart = from;
  const frame = (kind: Frame['kind']): Frame => {
    const parent = stack[stack.length - 1];
    let seg: Seg | undefined;
    let invalid = false;
    if (parent) {
      if (parent.kind === 'seq') seg = parent.index;
      else if (parent.afterColon && parent.key !== undefined) seg = parent.key;
      else invalid = true;
      invalid = invalid || !!parent.invalid;
    }
    return { kind, seg, index: 0, afterColon: false, keys: [], items: [], invalid };
  };
  const endToken = (f: Frame, i: number) => {
    const raw = text.slice(tokenStart, i);
    const t = raw.trim();
    if (f.kind === 'seq' && t !== '') {
      const s = tokenStart + raw.indexOf(t[0]);
      f.items.push({ text: t, start: s, end: s + t.length });
    }
  };
  let i = from;
  for (; i <= to && i < text.length; i++) {
    if (i === cursor && !atCursor) {
      if (!stack.length) return undefined;
      atCursor = { frames: stack.map((f) => ({ ...f })), tokenStart };
    }
    if (i >= to) break;
    const c = text[i];
    const top = stack[stack.length - 1];
    if (c === '"' || c === "'") {
      if (text.slice(tokenStart, i).trim() !== '') continue;
      // a quoted scalar: skip to its end
      let j = i + 1;
      while (j < text.length && j < to) {
        if (text[j] === '\\' && c === '"') {
          j += 2;
          continue;
        }
        if (text[j] === c) {
          if (c === "'" && text[j + 1] === "'") {
            j += 2;
            continue;
          }
          break;
        }
        j++;
      }
      if (cursor > i && cursor <= j && !atCursor) {
        if (!stack.length) return undefined;
        atCursor = { frames: stack.map((f) => ({ ...f })), tokenStart };
      }
      i = j;
      continue;
    }
    if (c === '#' && (i === 0 || /\s/.test(text[i - 1]))) {
      const nl = text.indexOf('\n', i);
      const e = nl < 0 ? text.length : nl;
      if (cursor > i && cursor <= e && !atCursor) return undefined;
      i = e - 1;
      continue;
    }
    if (c === '[' || c === '{') {
      if (stack.length && text.slice(tokenStart, i).trim() !== '') continue;
      stack.push(frame(c === '[' ? 'seq' : 'map'));
      tokenStart = i + 1;
      continue;
    }
    if (!top) continue;
    if (c === ']' || c === '}') {
      if ((c === ']') !== (top.kind === 'seq')) continue;
      endToken(top, i);
      stack.pop();
      tokenStart = i + 1;
      if (!stack.length && i < cursor) return undefined;
      if (!stack.length) break;
      continue;
    }
    if (c === ',') {
      endToken(top, i);
      if (top.kind === 'seq') top.index++;
      else {
        top.key = undefined;
        top.afterColon = false;
      }
      tokenStart = i + 1;
      continue;
    }
    if (c === ':' && top.kind === 'map' && !top.afterColon) {
      const next = text[i + 1];
      if (next === undefined || /[\s,}\]]/.test(next) || i + 1 === cursor) {
        const raw = text.slice(tokenStart, i);
        const name = raw.trim().replace(/^["']|["']$/g, '');
        const s = tokenStart + raw.length - raw.trimStart().length;
        top.keys.push({ name, start: s, end: s + raw.trim().length });
        top.key = name;
        top.afterColon = true;
        tokenStart = i + 1;
      }
    }
  }
  if (!atCursor && i >= cursor && stack.length) atCursor = { frames: stack.map((f) => ({ ...f })), tokenStart };
  return atCursor;
}

// ------------------------------------------------------------------------------------------ walking

interface Owner {
  path: Seg[];
  /** the line where the container starts (-1 for the top level) */
  header: number;
}

interface SeqOwner extends Owner {
  index: number;
  /** column of the items' dashes */
  dash: number;
}

class Walker {
  private infos = new Map<number, LineInfo>();
  private keyPaths = new Map<number, Seg[] | null>();

  constructor(private doc: MlsdDoc) {}

  text(l: number): string {
    const { lineStarts, text } = this.doc.parsed;
    const s = lineStarts[l];
    let e = l + 1 < lineStarts.length ? lineStarts[l + 1] : text.length;
    while (e > s && (text[e - 1] === '\n' || text[e - 1] === '\r')) e--;
    return text.slice(s, e);
  }

  info(l: number): LineInfo {
    let i = this.infos.get(l);
    if (!i) {
      i = parseLine(this.text(l));
      this.infos.set(l, i);
    }
    return i;
  }

  get lineCount(): number {
    return this.doc.parsed.lineStarts.length;
  }

  /** The mapping that a key at column `c` on line `L` belongs to (the line's own dashes not counted). */
  mapContainer(L: number, c: number): Owner | null {
    for (let l = L - 1; l >= 0; l--) {
      const info = this.info(l);
      if (info.skip || info.continuation || info.indent > c) continue;
      if (info.key && info.key.col === c) {
        if (info.dashes.length) {
          const item = this.itemPath(l, info.dashes.length - 1);
          return item ? { path: item, header: l } : null;
        }
        continue; // a sibling key
      }
      if (info.indent === c) continue; // a dash of a sibling's compact list, or a half-typed line
      // less indented: the deepest structure on that line left of column c
      if (info.key && info.key.col < c) {
        if (info.key.value !== 'empty') return null; // under a scalar, a block scalar or a closed flow
        const p = this.keyPath(l);
        return p ? { path: p, header: l } : null;
      }
      const di = lastBelow(info.dashes, c);
      if (di >= 0) {
        if (di === info.dashes.length - 1 && (info.key || info.itemValue === 'empty')) {
          const item = this.itemPath(l, di);
          return item ? { path: item, header: l } : null;
        }
        return null;
      }
      return null;
    }
    return { path: [], header: -1 };
  }

  /** The path of the key on line `l`. */
  keyPath(l: number): Seg[] | null {
    if (this.keyPaths.has(l)) return this.keyPaths.get(l)!;
    this.keyPaths.set(l, null); // guards against cycles
    const info = this.info(l);
    let res: Seg[] | null = null;
    if (info.key) {
      const container = info.dashes.length
        ? this.itemPath(l, info.dashes.length - 1)
        : this.mapContainer(l, info.key.col)?.path;
      res = container ? [...container, info.key.name] : null;
    }
    this.keyPaths.set(l, res);
    return res;
  }

  /** The path of the item that the `di`-th dash of line `l` starts. */
  itemPath(l: number, di: number): Seg[] | null {
    const s = this.seqOwner(l, di);
    return s ? [...s.path, s.index] : null;
  }

  /** The list that the `di`-th dash of line `l` is an item of, and the item's index. */
  seqOwner(l: number, di: number): SeqOwner | null {
    const info = this.info(l);
    const d = info.dashes[di];
    if (d === undefined || di > 0) return null; // nested sequences (`- - x`) are not part of the format
    let index = 0;
    for (let k = l - 1; k >= 0; k--) {
      const x = this.info(k);
      if (x.skip || x.continuation || x.indent > d) continue;
      if (x.indent === d) {
        if (x.dashes[0] === d) {
          index++;
          continue;
        }
        if (x.key && x.key.col === d && !x.dashes.length) {
          // compact style: the list's key at the dashes' column
          if (x.key.value !== 'empty') return null;
          const p = this.keyPath(k);
          return p ? { path: p, header: k, index, dash: d } : null;
        }
        return null;
      }
      if (x.key && x.key.col < d) {
        if (x.key.value !== 'empty') return null;
        const p = this.keyPath(k);
        return p ? { path: p, header: k, index, dash: d } : null;
      }
      return null;
    }
    return { path: [], header: -1, index, dash: d };
  }

  /** Keys at column `c` of the mapping that starts at line `header` (or the top level), except on line `except`. */
  keysAt(header: number, c: number, except: number): Set<string> {
    const out = new Set<string>();
    const first = header >= 0 ? this.info(header) : undefined;
    if (first?.key && first.key.col === c && header !== except) out.add(first.key.name);
    for (let l = header + 1; l < this.lineCount; l++) {
      const x = this.info(l);
      if (x.skip || x.continuation || x.indent > c) continue;
      if (x.indent < c) {
        if (header < 0) continue; // the top level: nothing closes it
        break;
      }
      if (l !== except && x.key && x.key.col === c && !x.dashes.length) out.add(x.key.name);
    }
    return out;
  }

  /** The scalar texts of the items of a block list (dashes at column `dash`, owner at line `header`), except line `except`. */
  itemsAt(header: number, dash: number, except: number): string[] {
    const out: string[] = [];
    const ownerCol = header >= 0 ? this.info(header).indent : -1;
    for (let l = header + 1; l < this.lineCount; l++) {
      const x = this.info(l);
      if (x.skip || x.continuation || x.indent > dash) continue;
      if (x.indent < dash || (x.indent === dash && x.dashes[0] !== dash)) {
        if (ownerCol < 0 || x.indent <= ownerCol) break;
        continue;
      }
      if (l === except) continue;
      if (x.key) {
        if (x.key.name === 'name') out.push(stripComment(this.text(l).slice(x.key.colonEnd)).trim());
      } else if (x.itemText) out.push(x.itemText);
    }
    return out;
  }
}

function lastBelow(cols: number[], c: number): number {
  for (let i = cols.length - 1; i >= 0; i--) if (cols[i] < c) return i;
  return -1;
}

/** True when `offset` is inside a comment on its line (a `#` after whitespace, outside quotes). */
function inComment(before: string): boolean {
  return stripComment(before) !== before;
}

function treeKeys(doc: MlsdDoc, path: Seg[], line: number): string[] {
  const n = nodeAt(doc.root, path);
  if (n?.kind !== 'map') return [];
  return (n.entries ?? [])
    .filter((e) => e.keyStart === undefined || lineOf(doc.parsed.lineStarts, e.keyStart) !== line)
    .map((e) => e.key ?? '');
}

/** Past this many columns beyond a blank line's end, a request column is not read as indentation. */
const MAX_VIRTUAL_INDENT = 1_000;

/**
 * The completion context at `offset`, or undefined where nothing should be offered (comments, block
 * scalars, scalar text). `requestCol`: the request's column, when it may lie past the end of the line —
 * on a blank line the cursor's column, not the text's, says which mapping the key goes in (an editor that
 * trimmed the indentation of an empty line still shows and sends the cursor where the user put it).
 */
export function cursorContext(doc: MlsdDoc, offset: number, requestCol?: number): CursorContext | undefined {
  const { text, lineStarts } = doc.parsed;
  const o = Math.max(0, Math.min(offset, text.length));
  const L = lineOf(lineStarts, o);
  const w = new Walker(doc);
  const ls = lineStarts[L];
  const line = w.text(L);
  const textCol = o - ls;
  if (textCol > line.length) return undefined;
  // virtual spaces after a blank line's end, up to the requested column (a column no indentation reaches
  // is the line's end, as LSP says)
  const pad =
    requestCol !== undefined &&
    requestCol > textCol &&
    requestCol - textCol <= MAX_VIRTUAL_INDENT &&
    textCol === line.length &&
    line.trim() === ''
      ? requestCol - textCol
      : 0;
  const col = textCol + pad;
  const before = line.slice(0, textCol) + ' '.repeat(pad);
  if (inComment(before)) return undefined;
  let lineIndent = 0;
  while (lineIndent < textCol && line[lineIndent] === ' ') lineIndent++;
  const ctx = contextAt(doc, w, o, L, line, before, col, lineIndent);
  if (ctx && pad) ctx.pad = pad;
  return ctx;
}

function contextAt(
  doc: MlsdDoc,
  w: Walker,
  o: number,
  L: number,
  line: string,
  before: string,
  col: number,
  lineIndent: number,
): CursorContext | undefined {
  const { text, lineStarts } = doc.parsed;
  const ls = lineStarts[L];

  // 1. a flow collection opened on a line above and still open at the cursor
  const cur = parseLine(line);
  const flowCol = before.trim() === '' ? col : lineIndent;
  if (flowCol > 0) {
    const c = flowCol;
    for (let l = L - 1; l >= 0; l--) {
      const x = w.info(l);
      if (x.skip || x.continuation || x.indent >= c) continue;
      const opener = x.key
        ? x.key.value === 'flow'
          ? x.key.colonEnd
          : -1
        : x.itemValue === 'flow'
          ? x.dashes[x.dashes.length - 1] + 1
          : -1;
      if (opener >= 0) {
        const base = x.key ? w.keyPath(l) : w.itemPath(l, x.dashes.length - 1);
        const from =
          lineStarts[l] + opener + (w.text(l).slice(opener).length - w.text(l).slice(opener).trimStart().length);
        const st = scanFlow(text, from, o, ls + line.length);
        if (st && base) return flowContext(doc, base, st, o, lineIndent);
        if (st) return undefined;
      }
      break;
    }
  }

  // 2. the cursor line: indentation, dashes, then a key with its value, or a partial word
  let i = 0;
  while (i < col && before[i] === ' ') i++;
  const dashes: number[] = [];
  let needsSpace = false;
  while (i < col && before[i] === '-' && (i + 1 === col || before[i + 1] === ' ' || before[i + 1] === '\t')) {
    dashes.push(i);
    i++;
    if (i === col) needsSpace = true;
    while (i < col && (before[i] === ' ' || before[i] === '\t')) i++;
  }
  const rest = before.slice(i);
  const afterCursor = line.slice(col);
  const keyMatch = KEY_RE.exec(rest);

  if (keyMatch) {
    const name = keyMatch[1] ?? (keyMatch[2] !== undefined ? keyMatch[2].replace(/''/g, "'") : keyMatch[3].trim());
    const colonEnd = i + keyMatch[0].length;
    const container = dashes.length
      ? dashes.length === 1 && cur.dashes.length === 1
        ? w.itemPath(L, 0)
        : null
      : (w.mapContainer(L, i)?.path ?? null);
    if (!container) return undefined;
    const path = [...container, name];
    const valueText = before.slice(colonEnd);
    const lead = valueText.length - valueText.trimStart().length;
    const v = valueText.trimStart();
    if (v[0] === '[' || v[0] === '{') {
      const st = scanFlow(text, ls + colonEnd + lead, o, ls + line.length);
      return st ? flowContext(doc, path, st, o, lineIndent) : undefined;
    }
    if (/^[|>]/.test(v) || v[0] === '"' || v[0] === "'" || /^[&!*]/.test(v)) return undefined;
    return {
      kind: 'value',
      path,
      word: v,
      start: o - v.length,
      end: o,
      flow: false,
      col: colonEnd + lead,
      lineIndent,
      needsSpace: valueText === '',
    };
  }

  if (dashes.length === 1 && cur.dashes.length === 1 && (rest[0] === '[' || rest[0] === '{')) {
    // `- {name: …` or `- [a, …`: a flow collection as the item
    const base = w.itemPath(L, 0);
    const st = base ? scanFlow(text, ls + i, o, ls + line.length) : undefined;
    return st && base ? flowContext(doc, base, st, o, lineIndent) : undefined;
  }

  // a key's colon typed straight after the cursor (`sca$0le: x`): the cursor is on a key
  const keyAfter = /^([\w.-]*)[ \t]*:(?=[ \t]|$)/.exec(afterCursor);
  if (/[\s:]/.test(rest) || /^["'[{&*!|>%@`]/.test(rest)) return undefined;
  const word = rest;
  const start = o - word.length;
  const end = keyAfter ? o + keyAfter[1].length : o;

  if (dashes.length) {
    if (dashes.length > 1) return undefined;
    const s = cur.dashes[0] === dashes[0] ? w.seqOwner(L, 0) : null;
    if (!s) return undefined;
    const c = needsSpace ? i + 1 : i;
    const present = new Set(w.keysAt(L, c, -1));
    if (cur.key && cur.key.col === c) present.delete(cur.key.name);
    return {
      kind: 'item',
      path: s.path,
      index: s.index,
      items: w.itemsAt(s.header, s.dash, L),
      present,
      word,
      start,
      end,
      flow: false,
      col: c,
      lineIndent,
      needsSpace,
    };
  }

  const c = i;
  const owner = w.mapContainer(L, c);
  if (!owner) return undefined;
  const present = w.keysAt(owner.header, c, L);
  for (const k of treeKeys(doc, owner.path, L)) present.add(k);
  let items: string[] = [];
  const ownerInfo = owner.header >= 0 ? w.info(owner.header) : undefined;
  if (ownerInfo?.key && ownerInfo.key.col < c && !ownerInfo.dashes.length) items = w.itemsAt(owner.header, c, L);
  return {
    kind: 'key',
    path: owner.path,
    present,
    keyOnly: !!keyAfter,
    items,
    word,
    start,
    end,
    flow: false,
    col: c,
    lineIndent,
    needsSpace: false,
  };
}

function flowContext(
  doc: MlsdDoc,
  base: Seg[],
  st: FlowState,
  o: number,
  lineIndent: number,
): CursorContext | undefined {
  const frames = st.frames;
  const inner = frames[frames.length - 1];
  if (frames.some((f) => f.invalid)) return undefined;
  const path: Seg[] = [...base];
  for (let k = 1; k < frames.length; k++) path.push(frames[k].seg!);
  const raw = doc.text.slice(st.tokenStart, o);
  const word = raw.trimStart();
  if (/^["']/.test(word)) return undefined;
  const start = o - word.length;
  const col = start - doc.parsed.lineStarts[lineOf(doc.parsed.lineStarts, o)];
  if (inner.kind === 'seq') {
    return {
      kind: 'item',
      path,
      index: inner.index,
      items: inner.items.filter((x) => !(x.start <= o && o <= x.end)).map((x) => x.text),
      present: new Set(),
      word,
      start,
      end: o,
      flow: true,
      col,
      lineIndent,
      needsSpace: false,
    };
  }
  if (inner.afterColon && inner.key !== undefined) {
    return {
      kind: 'value',
      path: [...path, inner.key],
      word,
      start,
      end: o,
      flow: true,
      col,
      lineIndent,
      needsSpace: raw === '' && doc.text[o - 1] === ':',
    };
  }
  if (/[\s]/.test(word.trim())) return undefined;
  return {
    kind: 'key',
    path,
    present: new Set(inner.keys.filter((k) => !(k.start <= o && o <= k.end)).map((k) => k.name)),
    keyOnly: false,
    items: [],
    word,
    start,
    end: o,
    flow: true,
    col,
    lineIndent,
    needsSpace: false,
  };
}
