import type { DocumentHighlight, Location, Position, Range, WorkspaceEdit } from 'vscode-languageserver-types';
import type { Analysis } from '../session';
export function definition(a: Analysis, pos: Position): Location[] { void a; void pos; return []; }
export function references(a: Analysis, pos: Position, includeDeclaration: boolean): Location[] { void a; void pos; void includeDeclaration; return []; }
export function highlights(a: Analysis, pos: Position): DocumentHighlight[] { void a; void pos; return []; }
export function prepareRename(a: Analysis, pos: Position): { range: Range; placeholder: string } | null { void a; void pos; return null; }
export function rename(a: Analysis, pos: Position, newName: string): { edit: WorkspaceEdit } | { error: string } | null { void a; void pos; void newName; return null; }
