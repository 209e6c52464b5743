/**
 * Comma splits inside flow mappings (format.md "Files", rules.md MLSD011). In `{…}` a comma always
 * separates entries, so `{architecture: ResNet-18, ImageNet weights, fp16}` is read as
 * `architecture: ResNet-18` plus the keys `ImageNet weights` and `fp16` with no value, and
 * `{dau: 10,000,000}` as `dau: 10` plus two keys `000` (the second a duplicate-key parser error).
 *
 * A split: inside a flow mapping, a `key: value` entry whose value is a non-empty *plain* scalar,
 * followed by one or more *lone* entries (a plain scalar with no `:`) that are not keys the format
 * defines at that place (inside `infrastructure`, `cost`, `milestones` and `references` no key counts as
 * defined); never under `x-` keys. The lone entries are found in the source text after the value, so
 * duplicate keys that the tree dropped are covered too. Computed once per document model.
 */
import { fieldOf, specAt } from './catalog';
import type { MlsdDoc } from './model';
import { pathOf, walk, type MNode } from './parse';

export interface CommaSplit {
  /** the key whose value was cut (`architecture`) */
  key: string;
  /** the truncated value (`ResNet-18`) */
  value: MNode;
  /** the lone entries as written (`ImageNet weights`, `fp16`) */
  lone: string[];
  /** the range of the lone entries: from the first one's start to the last one's end */
  start: number;
  end: number;
  /** the whole intended value as written: from the value's start to the end of the last lone entry */
  intended: string;
  /** the intended value on one line (the safe fix is offered only then) */
  oneLine: boolean;
}

export interface CommaSplits {
  splits: CommaSplit[];
  /** true when `offset` lies inside the lone entries of a split (their keys are not MLSD002, nor MLSD001) */
  covers(offset: number): boolean;
  /** true when `n` is a value cut short by a split (stated, but unknown) */
  isTruncated(n: MNode | undefined): boolean;
}

const FREE_TOP = new Set(['infrastructure', 'cost', 'milestones', 'references']);
const cache = new WeakMap<MlsdDoc, CommaSplits>();

export function commaSplits(doc: MlsdDoc): CommaSplits {
  let c = cache.get(doc);
  if (!c) {
    c = find(doc);
    cache.set(doc, c);
  }
  return c;
}

/** Quotes text as one double-quoted YAML scalar (`\` and `"` escaped). */
export function quoteYaml(text: string): string {
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

function find(doc: MlsdDoc): CommaSplits {
  const splits: CommaSplit[] = [];
  const truncated = new Set<MNode>();
  const text = doc.text;
  walk(doc.top, (n) => {
    if (n.aliased || n.key?.startsWith('x-')) return false;
    if (n.kind !== 'map' || !n.flow) return undefined;
    const path = pathOf(n);
    const free = typeof path[0] === 'string' && FREE_TOP.has(path[0]);
    const spec = free ? undefined : specAt(path);
    for (const entry of n.entries ?? []) {
      if (entry.kind !== 'scalar' || entry.aliased || entry.style !== 'PLAIN') continue;
      if (entry.value === null || entry.value === undefined || entry.end <= entry.start) continue;
      if (entry.key?.startsWith('x-')) continue;
      // already inside an earlier split's lone entries
      if (
        splits.length &&
        entry.start < splits[splits.length - 1].end &&
        entry.start >= splits[splits.length - 1].start
      )
        continue;
      const lone = loneEntries(text, entry.end, n.end, (k) => !!spec && !!fieldOf(spec, k));
      if (!lone.length) continue;
      const start = lone[0].start;
      const end = lone[lone.length - 1].end;
      const intended = text.slice(entry.start, end);
      splits.push({
        key: entry.key ?? '',
        value: entry,
        lone: lone.map((l) => l.text),
        start,
        end,
        intended,
        oneLine: !/[\r\n]/.test(intended),
      });
      truncated.add(entry);
    }
    return undefined;
  });
  return {
    splits,
    covers: (offset) => splits.some((s) => offset >= s.start && offset < s.end),
    isTruncated: (n) => !!n && truncated.has(n),
  };
}

/**
 * The lone entries written after a value that ends at `from`, up to the end of the flow mapping at
 * `limit`: each `, <plain scalar without ':'>` that is not a defined key. Stops at anything else.
 */
function loneEntries(
  text: string,
  from: number,
  limit: number,
  defined: (key: string) => boolean,
): { text: string; start: number; end: number }[] {
  const out: { text: string; start: number; end: number }[] = [];
  let i = from;
  for (;;) {
    i = skipSpace(text, i, limit);
    if (text[i] !== ',') break;
    i = skipSpace(text, i + 1, limit);
    const start = i;
    // a plain scalar runs to the next `,`, `}`, `]` or a comment
    let j = i;
    while (j < limit && !',}]'.includes(text[j]) && !(text[j] === '#' && /\s/.test(text[j - 1] ?? ''))) j++;
    let end = j;
    while (end > start && /\s/.test(text[end - 1])) end--;
    const seg = text.slice(start, end);
    if (!seg || /^["'[{&*!?|>%@`]/.test(seg) || /^-\s/.test(seg) || seg.includes(':')) break;
    if (defined(seg.trim())) break;
    out.push({ text: seg, start, end });
    i = end;
  }
  return out;
}

function skipSpace(text: string, i: number, limit: number): number {
  while (i < limit) {
    const ch = text[i];
    if (ch === ' ' || ch === '\t' || ch === '\r' || ch === '\n') i++;
    else if (ch === '#') {
      while (i < limit && text[i] !== '\n') i++;
    } else break;
  }
  return i;
}
