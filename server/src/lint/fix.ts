/**
 * Fix selection, once: which safe fixes one pass applies (whole fixes whose edits overlap nothing
 * already taken, in finding order), and the bounded fix-until-stable loop built on it. Shared by the
 * CLI's `lint --fix`, the `source.fixAll.mlsd` code action and the quick-fix path.
 */
import type { TextEdit } from '../engine/edits';
import type { MlsdDoc } from '../engine/model';
import type { Fix } from '../rules/types';
import type { ResolvedConfig } from './config';
import { analyze, applyEdits, getDefaultConfig, lint, type LintOptions, type LintResult } from './engine';

/** Like ESLint: at most this many fix passes (each pass is one parse and one lint). */
export const MAX_FIX_PASSES = 10;

export interface FixSelection<T> {
  /** the chosen fixes' edits, sorted by offset (insertions at one offset keep their order) */
  edits: TextEdit[];
  /** the items (findings) whose fixes were chosen */
  fixes: T[];
}

/**
 * One pass: every fix `accept` takes (safe fixes by default), in the findings' order, whose edits
 * overlap neither one another nor an edit already chosen. A fix applies whole or not at all; a later
 * pass picks up what this one left. Insertions at the same offset do not overlap.
 */
export function selectFixes<T extends { fix?: Fix }>(
  findings: readonly T[],
  accept: (f: T) => boolean = (f) => !!f.fix?.safe,
): FixSelection<T> {
  // the chosen edits, sorted by (start, end); pairwise non-overlapping, so their ends are sorted too
  const taken: TextEdit[] = [];
  const fixes: T[] = [];
  const firstEndingAfter = (s: number) => {
    let lo = 0;
    let hi = taken.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (taken[mid].end > s) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  };
  const overlaps = (e: TextEdit, others: readonly TextEdit[]) => {
    const i = firstEndingAfter(e.start);
    if (i < taken.length && taken[i].start < e.end) return true;
    return others.some((o) => e.start < o.end && o.start < e.end);
  };
  for (const f of findings) {
    if (!f.fix?.edits.length || !accept(f)) continue;
    const own: TextEdit[] = [];
    let clash = false;
    for (const e of f.fix.edits) {
      if (e.start > e.end || overlaps(e, own)) {
        clash = true;
        break;
      }
      own.push(e);
    }
    if (clash) continue;
    for (const e of own) {
      let i = firstEndingAfter(e.start);
      while (i < taken.length && taken[i].start <= e.start && taken[i].end <= e.end) i++;
      taken.splice(i, 0, e);
    }
    fixes.push(f);
  }
  return { edits: taken, fixes };
}

/** Whether a fix applies as a whole on its own: well-formed edits that do not overlap one another. */
export function fixApplies(fix: Fix): boolean {
  return selectFixes([{ fix }], () => true).fixes.length === 1;
}

export interface FixAllOptions extends LintOptions {
  /** at most this many passes (default MAX_FIX_PASSES) */
  maxPasses?: number;
  /** stop before a pass would make the text longer than this (default: 4× the input + 64 KB) */
  maxLength?: number;
}

export interface FixAllResult {
  text: string;
  /** fixes applied over all passes */
  fixed: number;
  /** passes applied (0 when nothing was fixable) */
  passes: number;
  /** the lint of the final text */
  remaining: LintResult;
  /** the edits of the first pass, against the input text */
  firstPass: TextEdit[];
  /** set when a budget stopped the loop while safe fixes were left */
  stoppedBy?: 'passes' | 'size';
}

/**
 * Applies the safe fixes pass after pass until none is left, a pass changes nothing, or a budget is hit.
 * `start` is the parse and lint of `text` when the caller has them (the server's cached analysis, with
 * the same config and options): the first pass then costs no parse.
 */
export function fixAll(
  text: string,
  config: ResolvedConfig = getDefaultConfig(),
  uri = '',
  opts: FixAllOptions = {},
  start?: { doc: MlsdDoc; lint: LintResult },
): FixAllResult {
  const maxPasses = opts.maxPasses ?? MAX_FIX_PASSES;
  const maxLength = opts.maxLength ?? 4 * text.length + 65_536;
  const lintOpts: LintOptions = { only: opts.only };
  let current = text;
  let res = start && start.doc.text === text ? start.lint : lint(analyze(text, uri), config, lintOpts);
  let fixed = 0;
  let firstPass: TextEdit[] = [];
  for (let pass = 0; ; pass++) {
    const sel = selectFixes(res.findings);
    const done = (stoppedBy?: FixAllResult['stoppedBy']): FixAllResult => ({
      text: current,
      fixed,
      passes: pass,
      remaining: res,
      firstPass,
      ...(stoppedBy ? { stoppedBy } : {}),
    });
    if (!sel.edits.length) return done();
    if (pass >= maxPasses) return done('passes');
    const next = applyEdits(current, sel.edits).text;
    if (next === current) return done();
    if (next.length > maxLength) return done('size');
    if (pass === 0) firstPass = sel.edits;
    fixed += sel.fixes.length;
    current = next;
    res = lint(analyze(current, uri), config, lintOpts);
  }
}
