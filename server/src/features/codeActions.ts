/**
 * Code actions, in three modules: quick fixes for the findings a request is about
 * (codeActionsQuickFix: fixes, suggestions, docs), suppression-comment edits (codeActionsSuppress), and
 * here `source.fixAll.mlsd`, which applies every safe fix through lint/fix's bounded loop and turns the
 * result into minimal edits (engine/diff when the fixes interact).
 *
 * A request computes only what its range needs. Fix-all is the expensive one (a parse and a lint per
 * pass, then a diff), so for a client that can resolve code actions it is offered without its edit
 * (`data` names the document) and filled in by `codeAction/resolve`; other clients get it eagerly.
 */
import {
  CodeActionKind,
  type CodeAction,
  type CodeActionContext,
  type Range,
  type WorkspaceEdit,
} from 'vscode-languageserver-types';
import { diffEdits } from '../engine/diff';
import type { TextEdit } from '../engine/edits';
import { fixAll } from '../lint/fix';
import { toOffset } from '../lspConvert';
import type { Analysis } from '../lint/analysis';
import { workspaceEdit } from './codeActionsCommon';
import { quickFixes } from './codeActionsQuickFix';

export { disableFileEdit, disableLineEdit } from './codeActionsSuppress';
export { SHOW_DOCS_COMMAND } from './codeActionsQuickFix';

export const FIX_ALL_KIND = 'source.fixAll.mlsd';
export const FIX_ALL_TITLE = 'Fix all safe mlsd problems';

export interface CodeActionOptions {
  /** offer fix-all without its edit, for `codeAction/resolve` to fill in (the client supports resolving `edit`) */
  resolveFixAll?: boolean;
}

/** What an unresolved fix-all action carries in `data`. */
export interface FixAllData {
  fixAll: true;
  uri: string;
  version: number | null;
}

export function codeActions(
  a: Analysis,
  range: Range,
  context: CodeActionContext,
  opts: CodeActionOptions = {},
): CodeAction[] {
  const only = context.only?.length ? context.only : undefined;
  const wants = (kind: string) => !only || only.some((o) => o === '' || kind === o || kind.startsWith(`${o}.`));
  const out: CodeAction[] = [];
  if (wants(CodeActionKind.QuickFix)) out.push(...quickFixes(a, range, context.diagnostics ?? []));
  const wholeDoc = toOffset(a.doc, range.start) === 0 && toOffset(a.doc, range.end) >= a.doc.text.length;
  if (only ? wants(FIX_ALL_KIND) : wholeDoc) {
    const action = fixAllAction(a, opts.resolveFixAll ?? false);
    if (action) out.push(action);
  }
  return out;
}

/**
 * The fix-all action, or null when no finding has a safe fix. Unresolved (no edit, `data` set) when
 * `lazy`: deciding that it exists needs only the cached lint.
 */
export function fixAllAction(a: Analysis, lazy: boolean): CodeAction | null {
  if (!a.lint.findings.some((f) => f.fix?.safe)) return null;
  if (lazy) {
    const data: FixAllData = { fixAll: true, uri: a.uri, version: a.version };
    return { title: FIX_ALL_TITLE, kind: FIX_ALL_KIND, data };
  }
  const edit = fixAllEdit(a);
  return edit ? { title: FIX_ALL_TITLE, kind: FIX_ALL_KIND, edit } : null;
}

/** The document an unresolved fix-all action is for, or undefined for any other action. */
export function fixAllDataOf(action: CodeAction): FixAllData | undefined {
  const d = action.data as Partial<FixAllData> | undefined;
  return action.kind === FIX_ALL_KIND && d?.fixAll === true && typeof d.uri === 'string'
    ? (d as FixAllData)
    : undefined;
}

/**
 * `codeAction/resolve`: fills in fix-all's edit from the document's current analysis (requests arrive
 * after the edits before them, so that is the text the client holds). Other actions come back as they are.
 */
export function resolveCodeAction(a: Analysis, action: CodeAction): CodeAction {
  if (!fixAllDataOf(action) || action.edit) return action;
  return { ...action, edit: fixAllEdit(a) ?? { changes: { [a.uri]: [] } } };
}

/** The WorkspaceEdit that applies every safe fix (as `mlsd lint --fix` does), or null when there is none. */
export function fixAllEdit(a: Analysis): WorkspaceEdit | null {
  const edits = fixAllTextEdits(a);
  return edits.length ? workspaceEdit(a, edits) : null;
}

/** Fix-all's edits per analysed version (a client may resolve the same action more than once). */
const fixAllCache = new WeakMap<Analysis, TextEdit[]>();

/**
 * The offset edits of "fix all": the per-fix edits of the first pass when that pass alone reaches the
 * result (fixes that do not interact), else a line diff between the text and the result. The first
 * pass reads the cached parse and lint; each further pass parses once. Computed once per version.
 */
export function fixAllTextEdits(a: Analysis): TextEdit[] {
  const cached = fixAllCache.get(a);
  if (cached) return cached;
  const text = a.doc.text;
  const r = fixAll(text, a.config, a.uri, {}, { doc: a.doc, lint: a.lint });
  const edits = r.text === text ? [] : r.passes === 1 ? r.firstPass : diffEdits(text, r.text);
  fixAllCache.set(a, edits);
  return edits;
}
