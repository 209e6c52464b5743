/**
 * Incremental parsing for the most common edit: typing inside one value. When an edit stays inside a
 * single-line plain or quoted scalar of block context, the new parse is the previous tree with that one
 * value replaced and every later offset shifted, so only the edited line is parsed again (as a text of
 * its own, before and after the edit, and both must read the same apart from that value). Anything else
 * (a key, a line break, a comment appearing, flow collections, aliases, a doc with problems) returns
 * undefined, and the caller parses the whole text. `sameParse` is the check the tests and the fuzzer use:
 * a patched parse must equal the full parse of the same text.
 */
import {
  BINARYISH,
  DEFAULT_LIMITS,
  lineOf,
  overBudget,
  parseText,
  walk,
  type Comment,
  type MNode,
  type ParseLimits,
  type ParsedDoc,
} from './parse';

/** The one range of `prev` that `next` replaced: common prefix and suffix (any correct edit will do). */
export function changedRange(prev: string, next: string): { start: number; end: number; text: string } {
  const max = Math.min(prev.length, next.length);
  let p = 0;
  while (p < max && prev.charCodeAt(p) === next.charCodeAt(p)) p++;
  let q = 0;
  while (q < max - p && prev.charCodeAt(prev.length - 1 - q) === next.charCodeAt(next.length - 1 - q)) q++;
  return { start: p, end: prev.length - q, text: next.slice(p, next.length - q) };
}

const PATCHABLE_STYLES = new Set(['PLAIN', 'QUOTE_SINGLE', 'QUOTE_DOUBLE']);
/** characters whose count bounds the parse (flow indicators, commas): an edit adding one re-checks the budget */
const BUDGETED = /[[\]{},]/;

/** The deepest node whose range holds [start, end]. */
function nodeHolding(root: MNode, start: number, end: number): MNode {
  let n = root;
  for (;;) {
    const kids = n.entries ?? n.items;
    const next = kids?.find((k) => k.start <= start && end <= k.end);
    if (!next) return n;
    n = next;
  }
}

interface Leaf {
  kind: MNode['kind'];
  key?: string;
  keyStart?: number;
  keyEnd?: number;
  start: number;
  /** scalars only: a collection's end on one line is not its end in the doc */
  end?: number;
  value?: unknown;
  style?: string;
  tag?: string;
  flow?: boolean;
}

/** The nodes of a one-line parse in document order. */
function flatten(root: MNode | undefined): Leaf[] {
  const out: Leaf[] = [];
  walk(root, (n) => {
    const scalar = n.kind === 'scalar';
    out.push({
      kind: n.kind,
      key: n.key,
      keyStart: n.keyStart,
      keyEnd: n.keyEnd,
      start: n.start,
      end: scalar ? n.end : undefined,
      value: scalar ? n.value : undefined,
      style: n.style,
      tag: n.tag,
      flow: n.flow,
    });
    return undefined;
  });
  return out;
}

const shiftAt = (at: number, delta: number) => (x: number | undefined) => (x === undefined || x < at ? x : x + delta);

function sameLeaf(a: Leaf, b: Leaf, shift: (x: number | undefined) => number | undefined): boolean {
  return (
    a.kind === b.kind &&
    a.key === b.key &&
    shift(a.keyStart) === b.keyStart &&
    shift(a.keyEnd) === b.keyEnd &&
    shift(a.start) === b.start &&
    shift(a.end) === b.end &&
    Object.is(a.value, b.value) &&
    a.style === b.style &&
    a.tag === b.tag &&
    a.flow === b.flow
  );
}

/**
 * The parse of `text` from `prev` (the parse of the text before one edit), when the edit is inside one
 * value; undefined when the whole text must be parsed.
 */
export function reparse(prev: ParsedDoc, text: string, limits: ParseLimits = DEFAULT_LIMITS): ParsedDoc | undefined {
  if (!prev.patchable || !prev.root || text.length > limits.maxChars) return undefined;
  const edit = changedRange(prev.text, text);
  const delta = edit.text.length - (edit.end - edit.start);
  if (/[\n\r]/.test(edit.text) || BINARYISH.test(edit.text)) return undefined;
  const removed = prev.text.slice(edit.start, edit.end);
  if (/[\n\r]/.test(removed)) return undefined;
  const target = nodeHolding(prev.root, edit.start, edit.end);
  if (target.kind !== 'scalar' || !target.style || !PATCHABLE_STYLES.has(target.style) || target.tag) return undefined;
  if (target.aliased || target.start === target.end) return undefined;
  for (let p = target.parent; p; p = p.parent) if (p.flow) return undefined;
  if (!target.parent) return undefined;
  const line = lineOf(prev.lineStarts, target.start);
  const ls = prev.lineStarts[line];
  const nextLine = line + 1 < prev.lineStarts.length ? prev.lineStarts[line + 1] : prev.text.length + 1;
  if (target.end >= nextLine) return undefined; // the value spans lines
  // the value follows a key or a `- ` on its line: its indentation is not what the edit changes
  if (prev.text.slice(ls, target.start).trim() === '') return undefined;
  let le = nextLine > prev.text.length ? prev.text.length : nextLine - 1;
  if (le > ls && prev.text[le - 1] === '\r') le--;
  if (BUDGETED.test(edit.text) && overBudget(text, limits)) return undefined;

  // the edited line alone, before and after: the same nodes, but for the target's value and extent
  const before = parseText(prev.text.slice(ls, le), limits);
  const after = parseText(text.slice(ls, le + delta), limits);
  if (!before.patchable || !after.patchable) return undefined;
  const a = flatten(before.root);
  const b = flatten(after.root);
  if (a.length !== b.length) return undefined;
  const rel = target.start - ls;
  const i = a.findIndex((l) => l.kind === 'scalar' && l.start === rel);
  if (i < 0) return undefined;
  const was = a[i];
  const now = b[i];
  // the line read alone gives the target as the doc does
  if (was.end !== target.end - ls || !Object.is(was.value, target.value) || was.style !== target.style)
    return undefined;
  if (was.key !== target.key || (target.key !== undefined && was.keyStart !== (target.keyStart ?? 0) - ls))
    return undefined;
  if (
    now.kind !== 'scalar' ||
    now.start !== rel ||
    now.end === now.start ||
    now.style !== was.style ||
    now.tag ||
    now.key !== was.key
  )
    return undefined;
  if (now.keyStart !== was.keyStart || now.keyEnd !== was.keyEnd || now.end !== (was.end ?? 0) + delta)
    return undefined;
  const relShift = shiftAt(edit.end - ls, delta);
  for (let j = 0; j < a.length; j++) if (j !== i && !sameLeaf(a[j], b[j], relShift)) return undefined;
  if (before.comments.length !== after.comments.length) return undefined;
  for (let j = 0; j < before.comments.length; j++) {
    const c = before.comments[j];
    const d = after.comments[j];
    if (c.text !== d.text || relShift(c.start) !== d.start || relShift(c.end) !== d.end) return undefined;
  }

  // the previous tree, with later offsets shifted and the target's value replaced
  const shift = shiftAt(edit.end, delta) as (x: number) => number;
  const shiftOpt = shiftAt(edit.end, delta);
  // every field written in one shape (an object spread is several times slower on large trees)
  const clone = (n: MNode, parent: MNode | undefined): MNode => {
    const c: MNode = {
      kind: n.kind,
      value: n === target ? now.value : n.value,
      start: n === target ? n.start : shift(n.start),
      end: shift(n.end),
      key: n.key,
      keyStart: shiftOpt(n.keyStart),
      keyEnd: shiftOpt(n.keyEnd),
      index: n.index,
      parent,
      entries: undefined,
      items: undefined,
      aliased: n.aliased,
      flow: n.flow,
      style: n.style,
      tag: n.tag,
    };
    if (n.entries) {
      const kids = new Array<MNode>(n.entries.length);
      for (let k = 0; k < kids.length; k++) kids[k] = clone(n.entries[k], c);
      c.entries = kids;
    }
    if (n.items) {
      const kids = new Array<MNode>(n.items.length);
      for (let k = 0; k < kids.length; k++) kids[k] = clone(n.items[k], c);
      c.items = kids;
    }
    return c;
  };
  const comments: Comment[] = prev.comments.map((c) =>
    c.start < edit.end ? c : { start: c.start + delta, end: c.end + delta, text: c.text },
  );
  const lineStarts = prev.lineStarts.slice();
  for (let k = line + 1; k < lineStarts.length; k++) lineStarts[k] += delta;
  return {
    text,
    root: clone(prev.root, undefined),
    problems: [],
    comments,
    lineStarts,
    indent: prev.indent,
    patchable: true,
  };
}

/** Two parses read the same (the check of a patched parse against a full one). */
export function sameParse(x: ParsedDoc, y: ParsedDoc): boolean {
  const strip = (d: ParsedDoc) =>
    JSON.stringify({ ...d, root: undefined, patchable: undefined }, (_k, v) =>
      typeof v === 'number' && Number.isNaN(v) ? 'NaN' : v,
    );
  if (strip(x) !== strip(y)) return false;
  const nodesOf = (root: MNode | undefined) => {
    const out: MNode[] = [];
    walk(root, (n) => void out.push(n));
    return out;
  };
  const fx = nodesOf(x.root);
  const fy = nodesOf(y.root);
  if (fx.length !== fy.length) return false;
  for (let i = 0; i < fx.length; i++) {
    const [m, n] = [fx[i], fy[i]];
    if (
      m.kind !== n.kind ||
      m.key !== n.key ||
      m.keyStart !== n.keyStart ||
      m.keyEnd !== n.keyEnd ||
      m.start !== n.start ||
      m.end !== n.end ||
      !Object.is(m.value, n.value) ||
      m.style !== n.style ||
      m.tag !== n.tag ||
      m.flow !== n.flow ||
      m.index !== n.index ||
      m.aliased !== n.aliased ||
      (m.parent?.start ?? -1) !== (n.parent?.start ?? -1)
    )
      return false;
  }
  return true;
}
