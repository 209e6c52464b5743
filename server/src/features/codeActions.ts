import type { CodeAction, CodeActionContext, Range, WorkspaceEdit } from 'vscode-languageserver-types';
import type { Analysis } from '../session';
export const FIX_ALL_KIND = 'source.fixAll.mlsd';
export function codeActions(a: Analysis, range: Range, context: CodeActionContext): CodeAction[] { void a; void range; void context; return []; }
export function fixAllEdit(a: Analysis): WorkspaceEdit | null { void a; return null; }
