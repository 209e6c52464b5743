/**
 * Snapshot files: `expectSnapshot(name, text)` compares `text` with test/snapshots/<name>.snap;
 * `expectFile(file, text)` compares with any file (the per-rule `test/fixtures/rules/<ID>/bad.snap`).
 * Set UPDATE_SNAPSHOTS=1 to write them. A missing snapshot fails (never silently passes) unless updating.
 * A difference fails with a line diff of the file against the actual text.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '../../..');
const DIR = path.join(ROOT, 'test/snapshots');

export function expectSnapshot(name: string, actual: string): void {
  expectFile(path.join(DIR, `${name}.snap`), actual);
}

/** Compares `actual` with the file (absolute path); writes it instead under UPDATE_SNAPSHOTS=1. */
export function expectFile(file: string, actual: string, fixCommand = 'UPDATE_SNAPSHOTS=1 npm test'): void {
  const text = actual.endsWith('\n') ? actual : `${actual}\n`;
  const rel = path.relative(ROOT, file);
  if (process.env.UPDATE_SNAPSHOTS === '1') {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    if (!fs.existsSync(file) || fs.readFileSync(file, 'utf8') !== text) fs.writeFileSync(file, text);
    return;
  }
  assert.ok(fs.existsSync(file), `snapshot ${rel} is missing: run \`${fixCommand}\` and review it`);
  const stored = fs.readFileSync(file, 'utf8');
  if (stored !== text) {
    assert.fail(
      `snapshot ${rel} differs (- stored, + actual); run \`${fixCommand}\` to accept:\n${lineDiff(stored, text)}`,
    );
  }
}

/**
 * A unified-style line diff (`-` only in `a`, `+` only in `b`, 2 lines of context, `…` between hunks),
 * by longest common subsequence: snapshots are small.
 */
export function lineDiff(a: string, b: string, context = 2): string {
  const x = a.split('\n');
  const y = b.split('\n');
  const n = x.length;
  const m = y.length;
  // lcs[i][j] = length of the LCS of x[i..] and y[j..]
  const lcs: Uint32Array[] = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--)
      lcs[i][j] = x[i] === y[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
  const ops: { kind: ' ' | '-' | '+'; line: string }[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && x[i] === y[j]) {
      ops.push({ kind: ' ', line: x[i++] });
      j++;
    } else if (i < n && (j === m || lcs[i + 1][j] >= lcs[i][j + 1])) ops.push({ kind: '-', line: x[i++] });
    else ops.push({ kind: '+', line: y[j++] });
  }
  const keep = ops.map(() => false);
  ops.forEach((o, k) => {
    if (o.kind === ' ') return;
    for (let c = Math.max(0, k - context); c <= Math.min(ops.length - 1, k + context); c++) keep[c] = true;
  });
  const out: string[] = [];
  let skipped = false;
  ops.forEach((o, k) => {
    if (!keep[k]) {
      skipped = true;
      return;
    }
    if (skipped && out.length) out.push('…');
    skipped = false;
    out.push(`${o.kind} ${o.line}`);
  });
  return out.join('\n');
}

/** Splits a `$0` cursor marker out of a fixture text: returns the text without it and the offset. */
export function cursor(textWithMarker: string): { text: string; offset: number } {
  const i = textWithMarker.indexOf('$0');
  if (i < 0) throw new Error('fixture has no $0 cursor marker');
  return { text: textWithMarker.slice(0, i) + textWithMarker.slice(i + 2), offset: i };
}
