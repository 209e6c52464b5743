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
  visit,
  type Document,
  type Node as YNode,
  type ParsedNode,
  type CST,
} from 'yaml';

type Token = CST.Token;

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
  /** the headline */
  message: string;
  /**
   * `syntax` (default): a parser error, the checks see the part of the doc around it; `budget`: a work
   * budget (depth, nodes, aliases, error count) was hit and part of the doc is read as empty; `skipped`:
   * the doc was not analysed at all (too large, binary).
   */
  kind?: 'syntax' | 'budget' | 'skipped';
  /** what it means and what to do (budget and skipped problems) */
  explanation?: string;
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
  /**
   * The tree can be patched for an edit inside one scalar (`reparse.ts`): one document, no problems, no
   * directive, no alias or merge key (the edited value then stands for itself alone).
   */
  patchable?: boolean;
}

export interface ParseLimits {
  /** characters above which a doc is not analysed (default 2,000,000) */
  maxChars: number;
  /** lines above which a doc is not analysed (default 50,000) */
  maxLines: number;
  /** nodes that alias expansion may create before it stops (billion laughs guard) */
  maxAliasNodes: number;
  /** nesting depth of the model; deeper collections are read as empty (default 100) */
  maxDepth: number;
  /**
   * nesting depth of the YAML text above which only the part before it is parsed (default 1,000):
   * `yaml`'s composer recurses per level and would overflow the stack
   */
  maxParseDepth: number;
  /**
   * flow indicators (`[ ] { } ,`) and line breaks above which only the lines before are parsed (default
   * 300,000): `yaml`'s parser costs about the same per token, so a 2 MB doc of brackets would stall
   */
  maxTokens: number;
  /** nodes of the model, aliases included; the rest is read as empty (default 200,000) */
  maxNodes: number;
  /** syntax problems reported; the rest are counted in one last finding (default 100) */
  maxProblems: number;
}

export const DEFAULT_LIMITS: ParseLimits = {
  maxChars: 2_000_000,
  maxLines: 50_000,
  maxAliasNodes: 10_000,
  maxDepth: 100,
  maxParseDepth: 1_000,
  maxTokens: 300_000,
  maxNodes: 200_000,
  maxProblems: 100,
};

const CORE_TAG_PREFIX = 'tag:yaml.org,2002:';

export function computeLineStarts(text: string): number[] {
  const starts = [0];
  if (text.indexOf('\r') < 0) {
    // LF only (the common case): indexOf runs far faster than a loop over the characters
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    return starts;
  }
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
  let end = pos.line + 1 < doc.lineStarts.length ? doc.lineStarts[pos.line + 1] : doc.text.length;
  // LSP: a character past the end of the line means the line's end (before its break), not the next line
  if (end > start && doc.text[end - 1] === '\n') end--;
  if (end > start && doc.text[end - 1] === '\r') end--;
  return Math.min(start + Math.max(0, pos.character), end);
}

/** End offset of the line containing `offset`, without the line break. */
export function lineEndAt(doc: Pick<ParsedDoc, 'lineStarts' | 'text'>, offset: number): number {
  const line = lineOf(doc.lineStarts, offset);
  let end = line + 1 < doc.lineStarts.length ? doc.lineStarts[line + 1] : doc.text.length;
  while (end > doc.lineStarts[line] && (doc.text[end - 1] === '\n' || doc.text[end - 1] === '\r')) end--;
  return end;
}

/** A control character (other than tab and line breaks) or U+FFFD: what `looksBinary` counts. */
export const BINARYISH = /[\x00-\x08\x0b\x0c\x0e-\x1f\ufffd]/;

function looksBinary(text: string): number {
  const n = Math.min(text.length, 65_536);
  if (!BINARYISH.test(n < text.length ? text.slice(0, n) : text)) return -1; // the common case, one regex scan
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

/**
 * `yaml`'s Parser, noting each comment as its lexeme passes (a lexeme starting with `#` outside a scalar
 * is what becomes a CST comment token, at the parser's offset), so comments need no second walk of the
 * CST. `next` is wrapped without a generator of its own: the offset is read when `parse` calls it, before
 * the wrapped generator advances it.
 */
class CommentParser extends Parser {
  constructor(private readonly comments: Comment[]) {
    super();
  }
  /** the whole text was read */
  complete = false;
  override next(source: string): Generator<Token, void> {
    if (source.charCodeAt(0) === 35 && !(this as unknown as { atScalar: boolean }).atScalar)
      this.comments.push({ start: this.offset, end: this.offset + source.length, text: source.slice(1) });
    return super.next(source);
  }
}

function* parsed(parser: CommentParser, source: string): Generator<Token, void> {
  yield* parser.parse(source);
  parser.complete = true;
}

/** Where an alias points: the last node with its anchor before it, in document order (as `yaml` reads it). */
function resolveAliases(doc: Document.Parsed): Map<YNode, YNode | undefined> {
  const targets = new Map<YNode, YNode | undefined>();
  const latest = new Map<string, YNode>();
  // one linear walk; `Alias.resolve` walks the whole document per alias (quadratic on many aliases)
  visit(doc, {
    Node(_key, node) {
      if (isAlias(node)) targets.set(node, latest.get(node.source));
      else if ((node as { anchor?: string }).anchor) latest.set((node as { anchor: string }).anchor, node);
    },
  });
  return targets;
}

class TreeBuilder {
  aliasNodes = 0;
  aliasLimitHit = false;
  /** an alias or a merge key was met: a node's value may stand in several places */
  sawAlias = false;
  nodes = 0;
  private nodeLimitHit = false;
  private depthLimitHit = false;
  private expanding = new Set<YNode>();
  /** aliases already reported (an alias inside an anchor is met once per expansion) */
  private reported = new Set<YNode>();
  /** alias → target, computed at the first alias (most docs have none) */
  private targets?: Map<YNode, YNode | undefined>;

  constructor(
    private doc: Document.Parsed,
    private problems: SyntaxProblem[],
    private limits: ParseLimits,
    private lineEnd: (o: number) => number,
  ) {}

  private empty(start: number, end: number, parent: MNode | undefined, aliased: boolean): MNode {
    return { kind: 'scalar', value: null, start, end, parent, aliased: aliased || undefined };
  }

  build(n: unknown, parent: MNode | undefined, site?: [number, number], depth = 0): MNode {
    if (site) this.aliasNodes++;
    if (++this.nodes > this.limits.maxNodes) {
      const r = (n as YNode | null)?.range;
      const at = site ?? (r ? [r[0], r[1]] : [parent?.start ?? 0, parent?.start ?? 0]);
      if (!this.nodeLimitHit) {
        this.nodeLimitHit = true;
        this.problems.push({
          start: at[0],
          end: Math.min(this.lineEnd(at[0]), Math.max(at[1], at[0] + 1)),
          kind: 'budget',
          message: `The doc has more than ${this.limits.maxNodes.toLocaleString('en-US')} YAML nodes; from here on it is read as empty.`,
          explanation:
            'mlsd bounds the work per doc so the editor never stalls. Checks, completion and the outline only see the part before this point. Split the doc, or move bulky data (long lists, generated tables) into another file.',
        });
      }
      return this.empty(at[0], at[1], parent, !!site);
    }
    if (isAlias(n)) {
      this.sawAlias = true;
      const range = (n as YNode).range ?? [0, 0, 0];
      const at: [number, number] = site ?? [range[0], range[1]];
      this.targets ??= resolveAliases(this.doc);
      const target = this.targets.get(n as YNode);
      if (!target) {
        if (this.reported.has(n as YNode)) return this.empty(at[0], at[1], parent, true);
        this.reported.add(n as YNode);
        this.problems.push({
          start: range[0],
          end: this.lineEnd(range[0]),
          message: `Alias *${n.source} refers to no anchor &${n.source} defined before it.`,
        });
        return this.empty(at[0], at[1], parent, true);
      }
      if (this.expanding.has(target)) {
        if (this.reported.has(n as YNode)) return this.empty(at[0], at[1], parent, true);
        this.reported.add(n as YNode);
        this.problems.push({
          start: range[0],
          end: this.lineEnd(range[0]),
          message: `Alias *${n.source} refers to a node that contains it (a circular reference); it is read as empty.`,
        });
        return this.empty(at[0], at[1], parent, true);
      }
      if (this.aliasLimitHit || this.aliasNodes > this.limits.maxAliasNodes) {
        if (!this.aliasLimitHit) {
          this.aliasLimitHit = true;
          this.problems.push({
            start: range[0],
            end: this.lineEnd(range[0]),
            kind: 'budget',
            message: `Aliases expand to more than ${this.limits.maxAliasNodes.toLocaleString('en-US')} nodes (an alias bomb?); expansion stopped here.`,
            explanation:
              'Every alias is read as a copy of its anchor, and these copies multiply. The aliases from here on are read as empty, so the checks do not see what they stand for. Write the values out, or anchor smaller parts.',
          });
        }
        return this.empty(at[0], at[1], parent, true);
      }
      this.expanding.add(target);
      try {
        return this.build(target, parent, at, depth);
      } finally {
        this.expanding.delete(target);
      }
    }
    const yn = n as YNode | null | undefined;
    const r = yn?.range ?? [site?.[0] ?? 0, site?.[1] ?? 0, site?.[1] ?? 0];
    const start = site ? site[0] : r[0];
    const end = site ? site[1] : r[1];
    if ((isMap(yn) || isSeq(yn)) && depth >= this.limits.maxDepth) {
      if (!this.depthLimitHit) {
        this.depthLimitHit = true;
        this.problems.push({
          start,
          end: Math.min(this.lineEnd(start), Math.max(end, start + 1)),
          kind: 'budget',
          message: `Nesting deeper than ${this.limits.maxDepth} levels; the collections below this depth are read as empty.`,
          explanation:
            'A design doc needs a few levels; this depth is almost always a paste or generation error. mlsd stops at this depth so the editor never stalls: checks and completion do not see what is nested deeper. Flatten the structure.',
        });
      }
      return this.empty(start, end, parent, !!site);
    }
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
          this.sawAlias = true;
          merges.push(pair.value);
          continue;
        }
        const keyStart = site ? site[0] : kr ? kr[0] : start;
        const keyEnd = site ? site[1] : kr ? kr[1] : start;
        if (seen.has(keyStr)) {
          if (!site)
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
          child = this.empty(keyEnd, keyEnd, node, !!site);
        } else {
          child = this.build(pair.value, node, site, depth + 1);
        }
        child.key = keyStr;
        child.keyStart = keyStart;
        child.keyEnd = keyEnd;
        child.parent = node;
        node.entries!.push(child);
      }
      // merged keys come after the explicit ones, which win
      if (merges.length) {
        for (const m of merges) this.mergeInto(node, seen, m, site, depth);
      }
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
      const items = yn.items;
      for (let i = 0; i < items.length; i++) {
        const it = items[i];
        const child: MNode =
          it == null
            ? { kind: 'scalar' as const, value: null, start, end: start, parent: node }
            : this.build(it, node, site, depth + 1);
        child.index = i;
        child.parent = node;
        node.items!.push(child);
      }
      return node;
    }
    if (isScalar(yn)) {
      let value = yn.value;
      if (typeof value === 'bigint') value = Number(value);
      if (value instanceof Date) value = yn.source ?? value.toISOString();
      if (value instanceof Uint8Array || (value && typeof value === 'object')) value = yn.source ?? String(value);
      return { kind: 'scalar', value, start, end, parent, style: yn.type, tag, aliased: !!site || undefined };
    }
    return this.empty(start, end, parent, !!site);
  }

  private mergeInto(
    node: MNode,
    seen: Map<string, number>,
    value: unknown,
    site: [number, number] | undefined,
    depth: number,
  ): void {
    const sources: unknown[] = isSeq(value) ? value.items : [value];
    for (const src of sources) {
      const at = (src as YNode)?.range;
      const mergeSite: [number, number] = site ?? (at ? [at[0], at[1]] : [node.start, node.start]);
      const built = this.build(src, node, mergeSite, depth);
      if (built.kind !== 'map') {
        this.problems.push({
          start: mergeSite[0],
          end: mergeSite[1],
          message: 'A merge key `<<` needs a mapping (or an alias of one) as its value.',
        });
        continue;
      }
      for (const e of built.entries ?? []) {
        if (e.key === undefined || seen.has(e.key)) continue;
        seen.set(e.key, e.start);
        e.parent = node;
        node.entries!.push(e);
      }
    }
  }
}

/**
 * Where the text goes over a parse budget, if it does: flow brackets (`[`, `{`) nested deeper than
 * `maxParseDepth` (`yaml`'s lexer builds a regular expression per flow level and runs out of memory on
 * an unclosed million-deep `[[[…`), or more than `maxTokens` flow indicators and line breaks. A cheap
 * scan of the raw text (brackets inside quoted strings count too: it only has to bound the work).
 */
export function overBudget(text: string, limits: ParseLimits): { at: number; budget: 'depth' | 'tokens' } | undefined {
  if (text.length <= limits.maxTokens && fewOpeners(text, limits.maxParseDepth)) return undefined; // cannot go over
  let depth = 0;
  let tokens = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 91 || c === 123) {
      if (++depth > limits.maxParseDepth) return { at: i, budget: 'depth' };
      tokens++;
    } else if (c === 93 || c === 125) {
      if (depth > 0) depth--;
      tokens++;
    } else if (c === 44 || c === 10) tokens++;
    else continue;
    if (tokens > limits.maxTokens) return { at: i, budget: 'tokens' };
  }
  return undefined;
}

/** At most `max` opening brackets in the text (then they cannot nest deeper than `max`). */
function fewOpeners(text: string, max: number): boolean {
  let count = 0;
  for (const c of ['[', '{'])
    for (let i = text.indexOf(c); i >= 0; i = text.indexOf(c, i + 1)) if (++count > max) return false;
  return true;
}

function sizeMessage(what: string, cap: string): SyntaxProblem {
  return {
    start: 0,
    end: 0,
    kind: 'skipped',
    message: `This file is ${what}, over mlsd's cap of ${cap}; it was not analysed.`,
    explanation:
      'No check ran on this file, and completion and the outline are off for it: mlsd bounds the work per doc so the editor never stalls. Split the doc into several files, or move bulky data (long lists, generated tables) out of it.',
  };
}

/** Parses a design doc. Never throws. */
export function parseText(text: string, limits: ParseLimits = DEFAULT_LIMITS): ParsedDoc {
  const lineStarts = computeLineStarts(text);
  const base: ParsedDoc = { text, problems: [], comments: [], lineStarts, indent: 2 };
  const lineEnd = (o: number) => lineEndAt(base, o);
  const fmtMb = (n: number) => `${(n / 1e6).toFixed(n < 1e5 ? 2 : 1)} MB`;
  if (text.length > limits.maxChars || lineStarts.length > limits.maxLines) {
    base.skipped = 'too-large';
    const p =
      text.length > limits.maxChars
        ? sizeMessage(`${fmtMb(text.length)}`, fmtMb(limits.maxChars))
        : sizeMessage(
            `${lineStarts.length.toLocaleString('en-US')} lines long`,
            `${limits.maxLines.toLocaleString('en-US')} lines`,
          );
    p.end = lineEnd(0);
    base.problems.push(p);
    return base;
  }
  const bin = looksBinary(text);
  if (bin >= 0) {
    base.skipped = 'binary';
    base.problems.push({
      start: bin,
      end: Math.min(lineEnd(bin), bin + 1),
      kind: 'skipped',
      message: 'This file contains binary data (control characters), not YAML text; it was not analysed.',
      explanation: 'No check ran on this file. Open the right file, or remove the control characters.',
    });
    return base;
  }
  base.indent = detectIndent(text);
  // the part of the text that is parsed: all of it, unless flow brackets nest absurdly deep
  let source = text;
  const over = overBudget(text, limits);
  if (over) {
    source = text.slice(0, lineStartAt(lineStarts, over.at));
    base.problems.push({
      start: over.at,
      end: Math.min(lineEnd(over.at), over.at + 1),
      kind: 'budget',
      message:
        over.budget === 'depth'
          ? `Brackets nest more than ${limits.maxParseDepth.toLocaleString('en-US')} levels deep here; the doc is read up to the line before.`
          : `More than ${limits.maxTokens.toLocaleString('en-US')} brackets, commas and lines; the doc is read up to the line before.`,
      explanation:
        'mlsd bounds the work per doc so the editor never stalls. Checks, completion and the outline only see the part of the doc before this line. ' +
        (over.budget === 'depth'
          ? 'Close the brackets, or flatten the structure.'
          : 'Split the doc, or move bulky data (long lists, generated tables) into another file.'),
    });
  }
  const parser = new CommentParser(base.comments);
  try {
    const composer = new Composer({
      version: '1.2',
      uniqueKeys: false,
      strict: false,
      merge: false,
      prettyErrors: false,
      keepSourceTokens: false,
      intAsBigInt: false,
    });
    // the parser yields a few top-level tokens (one per document), streamed into the composer
    const docs = Array.from(
      composer.compose(parsed(parser, source), true, source.length),
    ) as Document.Parsed<ParsedNode>[];
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
      base.patchable =
        docs.length === 1 &&
        !b.sawAlias &&
        base.problems.length === 0 &&
        !/^%/m.test(text.slice(0, first.contents.range?.[0] ?? 0));
    }
  } catch (err) {
    // a text the parser could not read to its end has no comments (as when the CST was walked afterwards)
    if (!parser.complete) base.comments.length = 0;
    const deepErr = err instanceof RangeError;
    base.problems.push({
      start: 0,
      end: lineEnd(0),
      kind: deepErr ? 'budget' : 'syntax',
      message: deepErr
        ? 'The YAML nests too deeply to be read; the doc was not analysed.'
        : `The YAML could not be read: ${cleanYamlMessage(String((err as Error)?.message ?? err))}`,
      explanation: deepErr
        ? 'No check ran on this file. Flatten the structure: a design doc needs a few levels of nesting.'
        : undefined,
    });
    base.root = undefined;
  }
  base.problems.sort((a, b) => a.start - b.start);
  if (base.problems.length > limits.maxProblems) {
    const more = base.problems.length - limits.maxProblems;
    const last = base.problems[limits.maxProblems - 1];
    base.problems.length = limits.maxProblems;
    base.problems.push({
      start: last.start,
      end: last.end,
      kind: 'budget',
      message: `${more.toLocaleString('en-US')} more YAML problems after this one are not listed.`,
      explanation: `mlsd lists the first ${limits.maxProblems} problems of a doc. Fix these (the first one often causes the others), and the rest show.`,
    });
  }
  return base;
}

function lineStartAt(lineStarts: number[], offset: number): number {
  return lineStarts[lineOf(lineStarts, offset)];
}

/**
 * The first line of a `yaml` error, without its position suffix, bounded to 200 characters. Whitespace
 * runs collapse first: a backtracking `\s+at line` on a message that quotes 10,000 spaces is quadratic
 * (found by the fuzzer).
 */
function cleanYamlMessage(m: string): string {
  const nl = m.indexOf('\n');
  let first = (nl >= 0 ? m.slice(0, nl) : m).slice(0, 2_000).replace(/\s+/g, ' ');
  first = first.replace(/ at line \d+, column \d+:?$/, '').trim();
  if (first.length > 200) first = `${first.slice(0, 199)}…`;
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
