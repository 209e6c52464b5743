/**
 * A minimal text diff for fix-all: the edits that turn one text into another, as few and as small as a
 * line diff finds, so a client applying them keeps its cursor, folding and unchanged comments. Myers'
 * O((N+M)·D) algorithm over lines after trimming the common prefix and suffix, each changed hunk then
 * narrowed to the characters that differ. Bounded: past `maxChangedLines` differing lines or
 * `maxWork` line comparisons it gives one narrowed edit over the whole changed span (still correct,
 * just coarser), so a pathological pair of texts costs linear time.
 */
import type { TextEdit } from './edits';

export interface DiffBudget {
  /** the most differing lines (D in Myers' terms) before giving up on a line diff */
  maxChangedLines?: number;
  /** the most line comparisons in the search before giving up on a line diff */
  maxWork?: number;
}

export const DIFF_DEFAULTS: Required<DiffBudget> = { maxChangedLines: 500, maxWork: 2_000_000 };

/** Edits turning `a` into `b` (sorted, non-overlapping); none when the texts are equal. */
export function diffEdits(a: string, b: string, budget: DiffBudget | number = {}): TextEdit[] {
  if (a === b) return [];
  const { maxChangedLines, maxWork } = {
    ...DIFF_DEFAULTS,
    ...(typeof budget === 'number' ? { maxChangedLines: budget } : budget),
  };
  const al = splitLines(a);
  const bl = splitLines(b);
  const offsets = [0];
  for (const l of al) offsets.push(offsets[offsets.length - 1] + l.length);
  const hunks = lineHunks(al, bl, maxChangedLines, maxWork);
  if (!hunks) return [narrow(a, 0, a.length, b)];
  return hunks.map(([a0, a1, b0, b1]) => narrow(a, offsets[a0], offsets[a1], bl.slice(b0, b1).join('')));
}

/** Lines with their line breaks (a lone CR stays inside its line: hunks never split a CRLF). */
function splitLines(t: string): string[] {
  const out: string[] = [];
  let s = 0;
  for (let i = 0; i < t.length; i++) {
    if (t.charCodeAt(i) === 10) {
      out.push(t.slice(s, i + 1));
      s = i + 1;
    }
  }
  if (s < t.length) out.push(t.slice(s));
  return out;
}

/** The edit replacing a[start, end) with `to`, without the characters both share at either end. */
function narrow(a: string, start: number, end: number, to: string): TextEdit {
  let p = 0;
  const max = Math.min(end - start, to.length);
  while (p < max && a.charCodeAt(start + p) === to.charCodeAt(p)) p++;
  // never split a surrogate pair or a CRLF
  while (
    p > 0 &&
    (isHighSurrogate(to.charCodeAt(p - 1)) || (to[p - 1] === '\r' && (to[p] === '\n' || a[start + p] === '\n')))
  )
    p--;
  let q = 0;
  while (q < max - p && a.charCodeAt(end - 1 - q) === to.charCodeAt(to.length - 1 - q)) q++;
  while (
    q > 0 &&
    (isLowSurrogate(to.charCodeAt(to.length - q)) ||
      (to[to.length - q] === '\n' && (to[to.length - q - 1] === '\r' || a[end - q - 1] === '\r')))
  )
    q--;
  return { start: start + p, end: end - q, newText: to.slice(p, to.length - q) };
}

function isHighSurrogate(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

/**
 * Myers' diff over lines: the changed hunks as [aStart, aEnd, bStart, bEnd) line ranges in order, or
 * undefined past `maxD` differing lines or `maxWork` comparisons.
 */
function lineHunks(
  a: string[],
  b: string[],
  maxD: number,
  maxWork: number,
): [number, number, number, number][] | undefined {
  let pre = 0;
  while (pre < a.length && pre < b.length && a[pre] === b[pre]) pre++;
  let suf = 0;
  while (suf < a.length - pre && suf < b.length - pre && a[a.length - 1 - suf] === b[b.length - 1 - suf]) suf++;
  const n = a.length - pre - suf;
  const m = b.length - pre - suf;
  // lines as small integers: one hash-map pass, then the search compares numbers
  const ids = new Map<string, number>();
  const idOf = (l: string) => {
    let id = ids.get(l);
    if (id === undefined) ids.set(l, (id = ids.size));
    return id;
  };
  const A = Int32Array.from({ length: n }, (_, i) => idOf(a[pre + i]));
  const B = Int32Array.from({ length: m }, (_, j) => idOf(b[pre + j]));
  const off = n + m + 1;
  const v = new Int32Array(2 * off + 1);
  const trace: Int32Array[] = [];
  let work = 0;
  let D = -1;
  outer: for (let d = 0; d <= Math.min(n + m, maxD); d++) {
    trace.push(v.slice(off - d, off + d + 1));
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[off + k - 1] < v[off + k + 1]) ? v[off + k + 1] : v[off + k - 1] + 1;
      let y = x - k;
      const x0 = x;
      while (x < n && y < m && A[x] === B[y]) {
        x++;
        y++;
      }
      work += 1 + x - x0;
      v[off + k] = x;
      if (x >= n && y >= m) {
        D = d;
        break outer;
      }
    }
    if (work > maxWork) return undefined;
  }
  if (D < 0) return undefined;
  // walk back: each step is one deleted line of a or one inserted line of b
  const steps: { del: boolean; x: number; y: number }[] = [];
  let x = n;
  let y = m;
  for (let d = D; d > 0; d--) {
    const V = trace[d];
    const at = (k: number) => V[k + d];
    const k = x - y;
    const prevK = k === -d || (k !== d && at(k - 1) < at(k + 1)) ? k + 1 : k - 1;
    const px = at(prevK);
    const py = px - prevK;
    const del = prevK === k - 1;
    // the step itself starts right after (px, py)
    steps.push({ del, x: px, y: py });
    x = px;
    y = py;
  }
  steps.reverse();
  const hunks: [number, number, number, number][] = [];
  for (const s of steps) {
    const a0 = pre + s.x;
    const b0 = pre + s.y;
    const last = hunks[hunks.length - 1];
    if (last && last[1] === a0 && last[3] === b0) {
      if (s.del) last[1]++;
      else last[3]++;
    } else hunks.push(s.del ? [a0, a0 + 1, b0, b0] : [a0, a0, b0, b0 + 1]);
  }
  return hunks;
}
