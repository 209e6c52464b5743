/** What the code-action modules share: a finding under the cursor with its diagnostics, and edit shapes. */
import type { CodeAction, Diagnostic, WorkspaceEdit } from 'vscode-languageserver-types';
import type { TextEdit } from '../engine/edits';
import type { Analysis } from '../lint/analysis';
import { toLspEdit } from '../lspConvert';
import type { Finding } from '../rules/types';

/** A finding under the cursor and the request's diagnostics that stand for it. */
export interface Match {
  finding: Finding;
  diagnostics: Diagnostic[];
}

/** Sets the action's diagnostics to every diagnostic of the matches (none: left out). */
export function withDiagnostics(action: CodeAction, ms: Match[]): CodeAction {
  const ds = ms.flatMap((m) => m.diagnostics);
  if (ds.length) action.diagnostics = ds;
  return action;
}

export function workspaceEdit(a: Analysis, edits: TextEdit[]): WorkspaceEdit {
  return { changes: { [a.uri]: edits.map((e) => toLspEdit(a.doc, e)) } };
}
