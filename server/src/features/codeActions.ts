/**
 * Code actions: for each finding under the cursor (matched from the request's diagnostics, or
 * overlapping the range) its safe fix (preferred), its suggestions, "Disable MLSDnnn for this line",
 * "Disable MLSDnnn for this file" and "Show documentation for MLSDnnn"; and `source.fixAll.mlsd`, which
 * applies every safe fix through the engine's fixAll. Every edit is minimal and keeps comments and the
 * doc's indentation; the disable comments copy the indentation of the line they precede.
 */
import {
  CodeActionKind,
  type CodeAction,
  type CodeActionContext,
  type Diagnostic,
  type Range,
  type WorkspaceEdit,
} from 'vscode-languageserver-types';
import { lineEndAt, lineOf, walk } from '../engine/parse';
import type { MlsdDoc } from '../engine/model';
import { analyze, applyEdits, fixAll, lint } from '../lint/engine';
import { parseDirectives, type Directive } from '../lint/suppress';
import { toLspEdit, toOffset, toRange, type DiagnosticData } from '../lspConvert';
import type { Finding, Fix, TextEdit } from '../rules/types';
import type { Analysis } from '../lint/analysis';

export const FIX_ALL_KIND = 'source.fixAll.mlsd';
/** The client command that opens a rule's docs page (registered by the VS Code client; other editors ignore it). */
export const SHOW_DOCS_COMMAND = 'mlsd.showRuleDocumentation';

/** A finding under the cursor and the request's diagnostics that stand for it. */
interface Match {
  finding: Finding;
  diagnostics: Diagnostic[];
}

export function codeActions(a: Analysis, range: Range, context: CodeActionContext): CodeAction[] {
  const only = context.only?.length ? context.only : undefined;
  const wants = (kind: string) => !only || only.some((o) => o === '' || kind === o || kind.startsWith(`${o}.`));
  const out: CodeAction[] = [];
  if (wants(CodeActionKind.QuickFix)) out.push(...quickFixes(a, range, context.diagnostics ?? []));
  const wholeDoc = toOffset(a.doc, range.start) === 0 && toOffset(a.doc, range.end) >= a.doc.text.length;
  if (only ? wants(FIX_ALL_KIND) : wholeDoc) {
    const edit = fixAllEdit(a);
    if (edit) out.push({ title: 'Fix all safe mlsd problems', kind: FIX_ALL_KIND, edit });
  }
  return out;
}

/** The WorkspaceEdit that applies every safe fix (as `mlsd fix` does), or null when there is none. */
export function fixAllEdit(a: Analysis): WorkspaceEdit | null {
  const edits = fixAllTextEdits(a);
  if (!edits.length) return null;
  return { changes: { [a.uri]: edits.map((e) => toLspEdit(a.doc, e)) } };
}

/**
 * The offset edits of "fix all": the per-fix edits of one pass when they give the engine's result
 * (fixes that do not interact), else a line diff between the text and the engine's result.
 */
export function fixAllTextEdits(a: Analysis): TextEdit[] {
  const text = a.doc.text;
  const target = fixAll(text, a.config, a.uri).text;
  if (target === text) return [];
  const pass = firstPass(a.lint.findings);
  if (pass.length) {
    const applied = applyEdits(text, pass);
    if (applied.applied === pass.length && applied.text === target) return pass;
  }
  return diffEdits(text, target);
}

/**
 * Edits turning `a` into `b`: a line diff (Myers), each changed hunk narrowed to the characters that
 * differ; one edit over the whole changed span when the texts differ in too many places.
 */
export function diffEdits(a: string, b: string, maxChangedLines = 500): TextEdit[] {
  if (a === b) return [];
  const al = splitLines(a);
  const bl = splitLines(b);
  const offsets = [0];
  for (const l of al) offsets.push(offsets[offsets.length - 1] + l.length);
  const hunks = lineHunks(al, bl, maxChangedLines);
  if (!hunks) return [narrow(a, 0, a.length, b)];
  return hunks.map(([a0, a1, b0, b1]) => narrow(a, offsets[a0], offsets[a1], bl.slice(b0, b1).join('')));
}

/** Lines with their line breaks. */
function splitLines(t: string): string[] {
  const out: string[] = [];
  let s = 0;
  for (let i = 0; i < t.length; i++) {
    if (t[i] === '\n') {
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
 * undefined past `maxD` differing lines.
 */
function lineHunks(a: string[], b: string[], maxD: number): [number, number, number, number][] | undefined {
  let pre = 0;
  while (pre < a.length && pre < b.length && a[pre] === b[pre]) pre++;
  let suf = 0;
  while (suf < a.length - pre && suf < b.length - pre && a[a.length - 1 - suf] === b[b.length - 1 - suf]) suf++;
  const n = a.length - pre - suf;
  const m = b.length - pre - suf;
  const A = (i: number) => a[pre + i];
  const B = (j: number) => b[pre + j];
  const off = n + m + 1;
  const v = new Int32Array(2 * off + 1);
  const trace: Int32Array[] = [];
  let D = -1;
  outer: for (let d = 0; d <= Math.min(n + m, maxD); d++) {
    trace.push(v.slice(off - d, off + d + 1));
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[off + k - 1] < v[off + k + 1]) ? v[off + k + 1] : v[off + k - 1] + 1;
      let y = x - k;
      while (x < n && y < m && A(x) === B(y)) {
        x++;
        y++;
      }
      v[off + k] = x;
      if (x >= n && y >= m) {
        D = d;
        break outer;
      }
    }
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

/** The safe fixes the engine's first fix-all pass takes (whole fixes whose edits do not overlap), sorted. */
function firstPass(findings: Finding[]): TextEdit[] {
  const edits: (TextEdit & { i: number })[] = [];
  for (const f of findings) {
    if (!f.fix?.safe) continue;
    if (f.fix.edits.some((e) => edits.some((t) => e.start < t.end && t.start < e.end))) continue;
    for (const e of f.fix.edits) edits.push({ start: e.start, end: e.end, newText: e.newText, i: edits.length });
  }
  edits.sort((x, y) => x.start - y.start || x.end - y.end || x.i - y.i);
  return edits.map(({ start, end, newText }) => ({ start, end, newText }));
}

// --- quick fixes ----------------------------------------------------------------------------------

function quickFixes(a: Analysis, range: Range, diagnostics: Diagnostic[]): CodeAction[] {
  const matches = matchFindings(a, range, diagnostics);
  if (!matches.length) return [];
  const doc = a.doc;
  const out: CodeAction[] = [];
  const seen = new Set<string>();
  const fixAction = (fix: Fix, m: Match, preferred: boolean) => {
    const key = JSON.stringify([fix.title, fix.edits]);
    if (seen.has(key) || !fix.edits.length) return;
    seen.add(key);
    const action: CodeAction = { title: fix.title, kind: CodeActionKind.QuickFix, edit: workspaceEdit(a, fix.edits) };
    if (m.diagnostics.length) action.diagnostics = m.diagnostics;
    if (preferred) action.isPreferred = true;
    out.push(action);
  };
  for (const m of matches) {
    if (m.finding.fix) fixAction(m.finding.fix, m, m.finding.fix.safe);
    for (const s of m.finding.suggestions ?? []) fixAction(s, m, false);
  }

  // disable and docs actions: one per rule (and per line), with every diagnostic they cover
  const directives = parseDirectives(doc.parsed);
  const byRule = new Map<string, Match[]>();
  for (const m of matches) byRule.set(m.finding.ruleId, [...(byRule.get(m.finding.ruleId) ?? []), m]);
  for (const [id, ms] of byRule) {
    const lines = new Map<number, Match[]>();
    for (const m of ms) {
      const l = lineOf(doc.parsed.lineStarts, m.finding.start);
      lines.set(l, [...(lines.get(l) ?? []), m]);
    }
    for (const [line, lms] of lines) {
      let edit = disableLineEdit(doc, id, line, directives);
      // a comment next to a syntax error can move the error: keep only a comment that works
      if (id === 'MLSD001')
        edit = [edit, disableSameLineEdit(doc, id, line, directives)].find((e) => e && suppresses(a, e, id));
      if (edit)
        out.push(
          withDiagnostics(
            { title: `Disable ${id} for this line`, kind: CodeActionKind.QuickFix, edit: workspaceEdit(a, [edit]) },
            lms,
          ),
        );
    }
    let fileEdit = disableFileEdit(doc, id, directives);
    if (fileEdit && id === 'MLSD001' && !suppresses(a, fileEdit, id)) fileEdit = undefined;
    if (fileEdit)
      out.push(
        withDiagnostics(
          { title: `Disable ${id} for this file`, kind: CodeActionKind.QuickFix, edit: workspaceEdit(a, [fileEdit]) },
          ms,
        ),
      );
    const title = `Show documentation for ${id}`;
    out.push(
      withDiagnostics(
        { title, kind: CodeActionKind.QuickFix, command: { title, command: SHOW_DOCS_COMMAND, arguments: [id] } },
        ms,
      ),
    );
  }
  return out;
}

function withDiagnostics(action: CodeAction, ms: Match[]): CodeAction {
  const ds = ms.flatMap((m) => m.diagnostics);
  if (ds.length) action.diagnostics = ds;
  return action;
}

function workspaceEdit(a: Analysis, edits: TextEdit[]): WorkspaceEdit {
  return { changes: { [a.uri]: edits.map((e) => toLspEdit(a.doc, e)) } };
}

const sameRange = (x: Range, y: Range) =>
  x.start.line === y.start.line &&
  x.start.character === y.start.character &&
  x.end.line === y.end.line &&
  x.end.character === y.end.character;

/**
 * The findings the actions are for: those the request's mlsd diagnostics stand for (by `data` index
 * and rule id when the diagnostic still matches this version, else by code and range), then every
 * other finding that overlaps the range.
 */
function matchFindings(a: Analysis, range: Range, diagnostics: Diagnostic[]): Match[] {
  const findings = a.lint.findings;
  const doc = a.doc;
  const byFinding = new Map<Finding, Match>();
  const out: Match[] = [];
  for (const d of diagnostics) {
    const data = d.data as Partial<DiagnosticData> | undefined;
    const code = typeof d.code === 'string' ? d.code : undefined;
    const ruleId = typeof data?.ruleId === 'string' ? data.ruleId : code;
    if (!ruleId || (d.source !== undefined && d.source !== 'mlsd') || !/^MLSD\d{3}$/.test(ruleId)) continue;
    let f: Finding | undefined;
    const idx = data?.index;
    if (
      typeof idx === 'number' &&
      findings[idx]?.ruleId === ruleId &&
      sameRange(toRange(doc, findings[idx].start, findings[idx].end), d.range)
    )
      f = findings[idx];
    f ??= findings.find((x) => x.ruleId === ruleId && sameRange(toRange(doc, x.start, x.end), d.range));
    if (!f) continue;
    const m = byFinding.get(f);
    if (m) {
      if (!m.diagnostics.includes(d)) m.diagnostics.push(d);
      continue;
    }
    const nm: Match = { finding: f, diagnostics: [d] };
    byFinding.set(f, nm);
    out.push(nm);
  }
  const rs = toOffset(doc, range.start);
  const re = Math.max(rs, toOffset(doc, range.end));
  for (const f of findings) {
    if (byFinding.has(f) || f.start > re || f.end < rs) continue;
    const nm: Match = { finding: f, diagnostics: [] };
    byFinding.set(f, nm);
    out.push(nm);
  }
  return out;
}

// --- suppression comments -------------------------------------------------------------------------

function eolOf(text: string): string {
  const i = text.indexOf('\n');
  return i > 0 && text[i - 1] === '\r' ? '\r\n' : '\n';
}

/** The start of a line's text (after a byte-order mark on the first line). */
function lineTextStart(doc: MlsdDoc, line: number): number {
  const s = doc.parsed.lineStarts[line];
  return s === 0 && doc.text.charCodeAt(0) === 0xfeff ? 1 : s;
}

/** `, MLSDnnn` after the last rule name of a suppression comment (before its `-- reason`). */
function addToDirective(d: Directive, id: string): TextEdit {
  const last = d.names[d.names.length - 1];
  return { start: last.end, end: last.end, newText: `, ${id}` };
}

/** True when the line starts inside a scalar that began on an earlier line (block scalar, multi-line string). */
function insideMultilineScalar(doc: MlsdDoc, line: number): boolean {
  const at = doc.parsed.lineStarts[line];
  let inside = false;
  walk(doc.parsed.root, (n) => {
    if (inside || n.aliased || n.start >= at || n.end <= at) return false;
    if (n.kind === 'scalar') inside = true;
  });
  return inside;
}

/**
 * "Disable for this line": adds the id to a suppression comment that already covers the line, or
 * inserts `# mlsd-disable-next-line ID` on its own line above it with the line's indentation. No edit
 * for MLSD009 (unused suppressions are computed after suppressing, so a comment cannot hide them), nor
 * for a line that has no content of its own (blank, comment only, inside a multi-line string), where
 * no comment could reach it.
 */
export function disableLineEdit(
  doc: MlsdDoc,
  id: string,
  line: number,
  directives: Directive[] = parseDirectives(doc.parsed),
): TextEdit | undefined {
  if (id === 'MLSD009' || line < 0 || line >= doc.parsed.lineStarts.length) return undefined;
  const existing =
    directives.find((d) => d.kind === 'next-line' && d.line === line && d.names.length > 0) ??
    directives.find((d) => d.kind === 'line' && d.line === line && d.names.length > 0);
  if (existing) return existing.ids.includes(id) ? undefined : addToDirective(existing, id);
  const start = lineTextStart(doc, line);
  const text = doc.text.slice(start, lineEndAt(doc.parsed, doc.parsed.lineStarts[line]));
  const trimmed = text.trim();
  if (trimmed === '' || trimmed.startsWith('#')) return undefined;
  if (insideMultilineScalar(doc, line)) return undefined;
  const indent = /^[ \t]*/.exec(text)![0];
  return { start, end: start, newText: `${indent}# mlsd-disable-next-line ${id}${eolOf(doc.text)}` };
}

/** `# mlsd-disable-line ID` at the end of a content line that has no comment yet. */
function disableSameLineEdit(doc: MlsdDoc, id: string, line: number, directives: Directive[]): TextEdit | undefined {
  if (id === 'MLSD009' || line < 0 || line >= doc.parsed.lineStarts.length) return undefined;
  if (directives.some((d) => d.kind === 'line' && d.line === line)) return undefined;
  const start = doc.parsed.lineStarts[line];
  const end = lineEndAt(doc.parsed, start);
  if (doc.parsed.comments.some((c) => c.start >= start && c.start < end)) return undefined;
  const t = doc.text.slice(start, end);
  if (t.trim() === '') return undefined;
  return { start: end, end, newText: `${/\s$/.test(t) ? '' : ' '}# mlsd-disable-line ${id}` };
}

/**
 * Whether an edit that adds a suppression comment for `id` removes a finding of `id` and adds no
 * MLSD009 (one lint of the edited text: only used where the effect cannot be known without it).
 */
function suppresses(a: Analysis, edit: TextEdit, id: string): boolean {
  const next = applyEdits(a.doc.text, [edit]).text;
  const res = lint(analyze(next, a.uri), a.config);
  const count = (fs: Finding[], rule: string) => fs.reduce((n, f) => n + (f.ruleId === rule ? 1 : 0), 0);
  return (
    count(res.findings, id) < count(a.lint.findings, id) &&
    count(res.findings, 'MLSD009') <= count(a.lint.findings, 'MLSD009')
  );
}

/**
 * "Disable for this file": adds the id to the first `mlsd-disable-file` comment, or inserts
 * `# mlsd-disable-file ID` above the first content line (after a leading comment header, blank lines,
 * `%` directives and `---`).
 */
export function disableFileEdit(
  doc: MlsdDoc,
  id: string,
  directives: Directive[] = parseDirectives(doc.parsed),
): TextEdit | undefined {
  if (id === 'MLSD009') return undefined;
  const existing = directives.find((d) => d.kind === 'file' && d.names.length > 0);
  if (existing) return existing.ids.includes(id) ? undefined : addToDirective(existing, id);
  const { lineStarts, text } = doc.parsed;
  const eol = eolOf(text);
  const comment = `# mlsd-disable-file ${id}`;
  for (let l = 0; l < lineStarts.length; l++) {
    const start = lineTextStart(doc, l);
    const t = text.slice(start, lineEndAt(doc.parsed, lineStarts[l])).trim();
    if (t === '' || t.startsWith('#') || t.startsWith('%') || /^---(\s+#.*)?$/.test(t)) continue;
    return { start, end: start, newText: `${comment}${eol}` };
  }
  // no content at all: append
  const end = text.length;
  const needsBreak = end > 0 && text[end - 1] !== '\n' && text[end - 1] !== '\r';
  return { start: end, end, newText: `${needsBreak ? eol : ''}${comment}${eol}` };
}
