/**
 * Suppression-comment edits: "Disable MLSDnnn for this line" (`# mlsd-disable-next-line`, or an id
 * added to a comment that already covers the line) and "… for this file" (`# mlsd-disable-file`). The
 * comments copy the indentation of the line they precede and keep a byte-order mark first. Reads the
 * cached parse; only a syntax error (MLSD001), whose position a comment can move, is checked by linting
 * the edited text: at most MAX_SYNTAX_CHECKS times per request, each answer kept for the analysed
 * version (an editor asks for code actions at every cursor move).
 */
import type { CodeAction } from 'vscode-languageserver-types';
import { CodeActionKind } from 'vscode-languageserver-types';
import type { TextEdit } from '../engine/edits';
import type { MlsdDoc } from '../engine/model';
import { lineEndAt, lineOf, walk } from '../engine/parse';
import { analyze, applyEdits, lint } from '../lint/engine';
import { parseDirectives, type Directive } from '../lint/suppress';
import type { Finding } from '../rules/types';
import type { Analysis } from '../lint/analysis';
import { type Match, withDiagnostics, workspaceEdit } from './codeActionsCommon';

/** Re-lints a request may spend on checking disable comments for syntax errors (MLSD001). */
export const MAX_SYNTAX_CHECKS = 3;

/** Per analysed version: whether a disable edit (by its JSON) suppresses its finding. */
const checkedEdits = new WeakMap<Analysis, Map<string, boolean>>();

/**
 * The disable actions for one rule's matches: one "for this line" per line (with every diagnostic on
 * it), then one "for this file"; none that would not work (for MLSD001: none that was not checked, so
 * a request over many syntax errors offers the first few, and more as the checks are cached).
 */
export function disableActions(a: Analysis, id: string, ms: Match[], directives: Directive[]): CodeAction[] {
  const doc = a.doc;
  const out: CodeAction[] = [];
  let budget = MAX_SYNTAX_CHECKS;
  const works = (e: TextEdit | undefined): boolean => {
    if (!e) return false;
    let cache = checkedEdits.get(a);
    if (!cache) checkedEdits.set(a, (cache = new Map()));
    const key = JSON.stringify(e);
    let ok = cache.get(key);
    if (ok === undefined) {
      if (budget <= 0) return false;
      budget--;
      ok = suppresses(a, e, id);
      cache.set(key, ok);
    }
    return ok;
  };
  // the file comment is checked first: one check that covers every line
  let fileEdit = disableFileEdit(doc, id, directives);
  if (fileEdit && id === 'MLSD001' && !works(fileEdit)) fileEdit = undefined;
  const lines = new Map<number, Match[]>();
  for (const m of ms) {
    const l = lineOf(doc.parsed.lineStarts, m.finding.start);
    lines.set(l, [...(lines.get(l) ?? []), m]);
  }
  for (const [line, lms] of lines) {
    let edit = disableLineEdit(doc, id, line, directives);
    // a comment next to a syntax error can move the error: keep only a comment that works
    if (id === 'MLSD001') edit = [edit, disableSameLineEdit(doc, id, line, directives)].find(works);
    if (edit)
      out.push(
        withDiagnostics(
          { title: `Disable ${id} for this line`, kind: CodeActionKind.QuickFix, edit: workspaceEdit(a, [edit]) },
          lms,
        ),
      );
  }
  if (fileEdit)
    out.push(
      withDiagnostics(
        { title: `Disable ${id} for this file`, kind: CodeActionKind.QuickFix, edit: workspaceEdit(a, [fileEdit]) },
        ms,
      ),
    );
  return out;
}

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
