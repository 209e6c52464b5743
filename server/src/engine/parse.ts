/**
 * Parsing: text → ParsedDoc, once per document version. Uses the `yaml` package's Parser + Composer
 * (with source ranges), then builds a light node tree (MNode) with parent links, in which aliases and
 * merge keys are resolved but every node keeps the offsets of the text the user wrote (an expanded
 * alias carries the alias's range). Guards against the inputs that stall or crash `yaml`: huge files,
 * binary junk, alias bombs, self-referencing aliases, quadratic duplicate-key checks.
 */
import {
  Composer,
  Parser,
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
  type Document,
  type Node as YNode,
  type ParsedNode,
} from 'yaml';

export type NodeKind = 'map' | 'seq' | 'scalar';

export interface MNode {
  kind: NodeKind;
  /** scalar value as YAML resolved it (string, number, boolean, null); undefined for collections */
  value: unknown;
  /** start and end offsets of the value where the user wrote it */
  start: number;
  end: number;
  /** key in the parent mapping (stringified), with its offsets */
  key?: string;
  keyStart?: number;
  keyEnd?: number;
  /** index in the parent sequence */
  index?: number;
  parent?: MNode;
  /** mapping entries in source order (each carries `key`) */
  entries?: MNode[];
  /** sequence items */
  items?: MNode[];
  /** true when the node comes from an alias or a merge key (its range is the alias site) */
  aliased?: boolean;
  /** a flow collection (`{…}` / `[…]`) */
  flow?: boolean;
  /** scalar source style: PLAIN, QUOTE_SINGLE, QUOTE_DOUBLE, BLOCK_LITERAL, BLOCK_FOLDED */
  style?: string;
  /** custom tag, if any */
  tag?: string;
}

export interface SyntaxProblem {
  start: number;
  end: number;
  message: string;
}

export interface Comment {
  start: number;
  end: number;
  /** the comment text without the leading `#` */
  text: string;
}

export interface ParsedDoc {
  text: string;
  /** root node of the first YAML document; undefined for an empty or unparsable file */
  root?: MNode;
  /** MLSD001 material: parser errors, a second document, custom tags, alias problems, size and binary guards */
  problems: SyntaxProblem[];
  comments: Comment[];
  /** offsets where each line starts */
  lineStarts: number[];
  /** the doc's indentation unit (2 or 4 …), detected from the first indented block line; default 2 */
  indent: number;
  /** true when the text was not analysed (too large or binary) */
  skipped?: 'too-large' | 'binary';
}

export interface ParseLimits {
  /** characters above which a doc is not analysed (default 500,000) */
  maxChars: number;
  /** lines above which a doc is not analysed (default 5,000): keeps every parse well under 2 s */
  maxLines: number;
  /** nodes that alias expansion may create before it stops (billion laughs guard) */
  maxAliasNodes: number;
}

export const DEFAULT_LIMITS: ParseLimits = { maxChars: 500_000, maxLines: 5_000, maxAliasNodes: 10_000 };

const CORE_TAG_PREFIX = 'tag:yaml.org,2002:';

export function computeLineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) starts.push(i + 1);
    else if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    }
  }
  return starts;
}

/** 0-based line of an offset. */
export function lineOf(lineStarts: number[], offset: number): number {
  let lo = 0;
  let hi = lineStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lineStarts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** 0-based line and UTF-16 character of an offset. */
export function positionAt(
  doc: Pick<ParsedDoc, 'lineStarts' | 'text'>,
  offset: number,
): { line: number; character: number } {
  const o = Math.max(0, Math.min(offset, doc.text.length));
  const line = lineOf(doc.lineStarts, o);
  return { line, character: o - doc.lineStarts[line] };
}

export function offsetAt(
  doc: Pick<ParsedDoc, 'lineStarts' | 'text'>,
  pos: { line: number; character: number },
): number {
  if (pos.line >= doc.lineStarts.length) return doc.text.length;
  if (pos.line < 0) return 0;
  const start = doc.lineStarts[pos.line];
  const next = pos.line + 1 < doc.lineStarts.length ? doc.lineStarts[pos.line + 1] : doc.text.length;
  return Math.min(start + Math.max(0, pos.character), next);
}

/** End offset of the line containing `offset`, without the line break. */
export function lineEndAt(doc: Pick<ParsedDoc, 'lineStarts' | 'text'>, offset: number): number {
  const line = lineOf(doc.lineStarts, offset);
  let end = line + 1 < doc.lineStarts.length ? doc.lineStarts[line + 1] : doc.text.length;
  while (end > doc.lineStarts[line] && (doc.text[end - 1] === '\n' || doc.text[end - 1] === '\r')) end--;
  return end;
}

function looksBinary(text: string): number {
  const n = Math.min(text.length, 65_536);
  let bad = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 0) return i;
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13) || c === 0xfffd) bad++;
  }
  if (n > 0 && bad / n > 0.1) {
    for (let i = 0; i < n; i++) {
      const c = text.charCodeAt(i);
      if ((c < 32 && c !== 9 && c !== 10 && c !== 13) || c === 0xfffd) return i;
    }
  }
  return -1;
}

/** The indentation of the first indented content line (the doc's unit), 2 when there is none. */
function detectIndent(text: string): number {
  const re = /^( +)[^\s#]/;
  for (const l of text.split(/\r?\n/, 400)) {
    const m = re.exec(l);
    if (m) return Math.min(8, m[1].length);
  }
  return 2;
}

/** Collects comment tokens from the yaml CST (any object of type 'comment'). */
function collectComments(tokens: unknown[], out: Comment[]): void {
  const stack: unknown[] = [...tokens];
  let guard = 0;
  while (stack.length && guard++ < 5_000_000) {
    const t = stack.pop();
    if (!t || typeof t !== 'object') continue;
    if (Array.isArray(t)) {
      for (const x of t) stack.push(x);
      continue;
    }
    const o = t as Record<string, unknown>;
    if (o.type === 'comment' && typeof o.offset === 'number' && typeof o.source === 'string') {
      out.push({ start: o.offset, end: o.offset + o.source.length, text: o.source.replace(/^#/, '') });
      continue;
    }
    for (const k of ['start', 'end', 'sep', 'items', 'key', 'value', 'props']) {
      const v = o[k];
      if (v && typeof v === 'object') stack.push(v);
    }
  }
  out.sort((a, b) => a.start - b.start);
}

class TreeBuilder {
  aliasNodes = 0;
  aliasLimitHit = false;
  private expanding = new Set<YNode>();

  constructor(
    private doc: Document.Parsed,
    private problems: SyntaxProblem[],
    private limits: ParseLimits,
    private lineEnd: (o: number) => number,
  ) {}

  build(n: unknown, parent: MNode | undefined, site?: [number, number]): MNode {
    if (site) this.aliasNodes++;
    if (isAlias(n)) {
      const range = (n as YNode).range ?? [0, 0, 0];
      const at: [number, number] = site ?? [range[0], range[1]];
      let target: YNode | undefined;
      try {
        target = n.resolve(this.doc) as YNode | undefined;
      } catch {
        target = undefined;
      }
      if (!target) {
        this.problems.push({
          start: range[0],
          end: this.lineEnd(range[0]),
          message: `Alias *${n.source} refers to no anchor &${n.source} defined before it.`,
        });
        return { kind: 'scalar', value: null, start: at[0], end: at[1], parent, aliased: true };
      }
      if (this.expanding.has(target)) {
        this.problems.push({
          start: range[0],
          end: this.lineEnd(range[0]),
          message: `Alias *${n.source} refers to a node that contains it (a circular reference); it is read as empty.`,
        });
        return { kind: 'scalar', value: null, start: at[0], end: at[1], parent, aliased: true };
      }
      if (this.aliasLimitHit || this.aliasNodes > this.limits.maxAliasNodes) {
        if (!this.aliasLimitHit) {
          this.aliasLimitHit = true;
          this.problems.push({
            start: range[0],
            end: this.lineEnd(range[0]),
            message: `Aliases expand to more than ${this.limits.maxAliasNodes} nodes (an alias bomb?); expansion stopped here and the rest is read as empty.`,
          });
        }
        return { kind: 'scalar', value: null, start: at[0], end: at[1], parent, aliased: true };
      }
      this.expanding.add(target);
      try {
        return this.build(target, parent, at);
      } finally {
        this.expanding.delete(target);
      }
    }
    const yn = n as YNode | null | undefined;
    const r = yn?.range ?? [site?.[0] ?? 0, site?.[1] ?? 0, site?.[1] ?? 0];
    const start = site ? site[0] : r[0];
    const end = site ? site[1] : r[1];
    const tag = yn && 'tag' in yn ? (yn.tag as string | undefined) : undefined;
    if (tag && !tag.startsWith(CORE_TAG_PREFIX) && !site) {
      this.problems.push({
        start,
        end: Math.min(this.lineEnd(start), Math.max(end, start + 1)),
        message: `Custom tag ${tag} is not part of the mlsd format; write the plain value instead.`,
      });
    }
    if (isMap(yn)) {
      const node: MNode = {
        kind: 'map',
        value: undefined,
        start,
        end,
        parent,
        entries: [],
        flow: yn.flow === true,
        aliased: !!site || undefined,
      };
      const seen = new Map<string, number>();
      const merges: unknown[] = [];
      for (const pair of yn.items) {
        if (!isPair(pair)) continue;
        const k = pair.key as YNode | null;
        const keyStr = isScalar(k) ? String(k.value) : isAlias(k) ? `*${k.source}` : k == null ? '' : '[complex key]';
        const kr = k?.range;
        if (keyStr === '<<' && isScalar(k)) {
          merges.push(pair.value);
          continue;
        }
        const keyStart = site ? site[0] : kr ? kr[0] : start;
        const keyEnd = site ? site[1] : kr ? kr[1] : start;
        if (seen.has(keyStr) && !site) {
          this.problems.push({
            start: keyStart,
            end: keyEnd,
            message: `Duplicate key \`${keyStr}\`: YAML keeps only one of them. Merge the two \`${keyStr}\` entries into one.`,
          });
          continue;
        }
        seen.set(keyStr, keyStart);
        let child: MNode;
        if (pair.value == null) {
          // `key:` with nothing after it: an empty value right after the key
          child = {
            kind: 'scalar',
            value: null,
            start: keyEnd,
            end: keyEnd,
            parent: node,
            aliased: !!site || undefined,
          };
        } else {
          child = this.build(pair.value, node, site);
        }
        child.key = keyStr;
        child.keyStart = keyStart;
        child.keyEnd = keyEnd;
        child.parent = node;
        node.entries!.push(child);
      }
      // merged keys come after the explicit ones, which win
      for (const m of merges) this.mergeInto(node, m, site);
      return node;
    }
    if (isSeq(yn)) {
      const node: MNode = {
        kind: 'seq',
        value: undefined,
        start,
        end,
        parent,
        items: [],
        flow: yn.flow === true,
        aliased: !!site || undefined,
      };
      yn.items.forEach((it, i) => {
        const child =
          it == null
            ? { kind: 'scalar' as const, value: null, start, end: start, parent: node }
            : this.build(it, node, site);
        child.index = i;
        child.parent = node;
        node.items!.push(child);
      });
      return node;
    }
    if (isScalar(yn)) {
      let value = yn.value;
      if (typeof value === 'bigint') value = Number(value);
      if (value instanceof Date) value = yn.source ?? value.toISOString();
      if (value instanceof Uint8Array || (value && typeof value === 'object')) value = yn.source ?? String(value);
      return { kind: 'scalar', value, start, end, parent, style: yn.type, tag, aliased: !!site || undefined };
    }
    return { kind: 'scalar', value: null, start, end, parent, aliased: !!site || undefined };
  }

  private mergeInto(node: MNode, value: unknown, site?: [number, number]): void {
    const sources: unknown[] = isSeq(value) ? value.items : [value];
    for (const src of sources) {
      const at = (src as YNode)?.range;
      const mergeSite: [number, number] = site ?? (at ? [at[0], at[1]] : [node.start, node.start]);
      const built = this.build(src, node, mergeSite);
      if (built.kind !== 'map') {
        this.problems.push({
          start: mergeSite[0],
          end: mergeSite[1],
          message: 'A merge key `<<` needs a mapping (or an alias of one) as its value.',
        });
        continue;
      }
      for (const e of built.entries ?? []) {
        if (node.entries!.some((x) => x.key === e.key)) continue;
        e.parent = node;
        node.entries!.push(e);
      }
    }
  }
}

/** Parses a design doc. Never throws. */
export function parseText(text: string, limits: ParseLimits = DEFAULT_LIMITS): ParsedDoc {
  const lineStarts = computeLineStarts(text);
  const base: ParsedDoc = { text, problems: [], comments: [], lineStarts, indent: 2 };
  const lineEnd = (o: number) => lineEndAt(base, o);
  if (text.length > limits.maxChars) {
    base.skipped = 'too-large';
    base.problems.push({
      start: 0,
      end: lineEnd(0),
      message: `This file is ${(text.length / 1e6).toFixed(1)} MB; mlsd analyses design docs up to ${(limits.maxChars / 1e6).toFixed(1)} MB. Split it, or move bulky data out of the doc.`,
    });
    return base;
  }
  if (lineStarts.length > limits.maxLines) {
    base.skipped = 'too-large';
    base.problems.push({
      start: 0,
      end: lineEnd(0),
      message: `This file has ${lineStarts.length.toLocaleString('en-US')} lines; mlsd analyses design docs up to ${limits.maxLines.toLocaleString('en-US')} lines. Split it, or move bulky data out of the doc.`,
    });
    return base;
  }
  const bin = looksBinary(text);
  if (bin >= 0) {
    base.skipped = 'binary';
    base.problems.push({
      start: bin,
      end: Math.min(lineEnd(bin), bin + 1),
      message: 'This file contains binary data (control characters), not YAML text; it was not analysed.',
    });
    return base;
  }
  base.indent = detectIndent(text);
  try {
    const tokens = Array.from(new Parser().parse(text));
    collectComments(tokens, base.comments);
    const composer = new Composer({
      version: '1.2',
      uniqueKeys: false,
      strict: false,
      merge: false,
      prettyErrors: false,
      keepSourceTokens: false,
      intAsBigInt: false,
    });
    const docs = Array.from(composer.compose(tokens, true, text.length)) as Document.Parsed<ParsedNode>[];
    docs.forEach((d, i) => {
      for (const e of d.errors) {
        const s = Math.max(0, Math.min(e.pos[0], text.length));
        const eEnd = Math.max(s, Math.min(e.pos[1], lineEnd(s)));
        base.problems.push({
          start: s,
          end: eEnd === s ? Math.min(lineEnd(s), s + 1) : eEnd,
          message: cleanYamlMessage(e.message),
        });
      }
      if (i === 1) {
        const s = d.range?.[0] ?? 0;
        base.problems.push({
          start: s,
          end: lineEnd(s),
          message:
            'A design doc is one YAML document; this second document (after `---`) is ignored. Move its content into the first document or another file.',
        });
      }
    });
    const first = docs[0];
    if (first && first.contents != null) {
      const b = new TreeBuilder(first, base.problems, limits, lineEnd);
      base.root = b.build(first.contents, undefined);
    }
  } catch (err) {
    base.problems.push({ start: 0, end: lineEnd(0), message: `The YAML could not be read: ${(err as Error).message}` });
  }
  base.problems.sort((a, b) => a.start - b.start);
  return base;
}

function cleanYamlMessage(m: string): string {
  const first = m
    .split('\n')[0]
    .replace(/\s+at line \d+, column \d+:?$/, '')
    .trim();
  return first.endsWith('.') ? first : `${first}.`;
}

// ---------------------------------------------------------------- node helpers

export function child(n: MNode | undefined, key: string): MNode | undefined {
  if (n?.kind !== 'map') return undefined;
  return n.entries!.find((e) => e.key === key);
}

/** Walks a dotted path (`requirements.performance.latency`); numeric parts index sequences. */
export function nodeAt(root: MNode | undefined, path: string | readonly (string | number)[]): MNode | undefined {
  const parts = typeof path === 'string' ? path.split('.') : path;
  let n = root;
  for (const p of parts) {
    if (!n) return undefined;
    if (typeof p === 'number' || (n.kind === 'seq' && /^\d+$/.test(p))) n = n.items?.[Number(p)];
    else n = child(n, p);
  }
  return n;
}

/** The path of keys / indices from the root to this node. */
export function pathOf(n: MNode): (string | number)[] {
  const out: (string | number)[] = [];
  let c: MNode | undefined = n;
  while (c?.parent) {
    out.unshift(c.key !== undefined && c.parent.kind === 'map' ? c.key : (c.index ?? 0));
    c = c.parent;
  }
  return out;
}

/** Visits every node depth-first (pre-order). Bounded: stops after `max` nodes. */
export function walk(root: MNode | undefined, fn: (n: MNode) => undefined | false, max = 1_000_000): void {
  if (!root) return;
  const stack: MNode[] = [root];
  let count = 0;
  while (stack.length && count++ < max) {
    const n = stack.pop()!;
    if (fn(n) === false) continue;
    const kids = n.entries ?? n.items;
    if (kids) for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]);
  }
}
