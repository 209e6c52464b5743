import type { DocumentSymbol, FoldingRange, Position, SelectionRange } from 'vscode-languageserver-types';
import type { Analysis } from '../session';
export function documentSymbols(a: Analysis, max: number): DocumentSymbol[] { void a; void max; return []; }
export function foldingRanges(a: Analysis, max: number): FoldingRange[] { void a; void max; return []; }
export function selectionRanges(a: Analysis, positions: Position[]): SelectionRange[] { void a; void positions; return []; }
