/**
 * Editor features: pure functions over an Analysis (the cached parse + lint of one document version).
 * They take LSP positions and return LSP-shaped results, converting through lspConvert at the edge;
 * everything inside works in offsets. No connection, no vscode.
 */
export { VERSION } from './version';
export { completion } from './completion';
export { hover } from './hover';
export { documentSymbols, foldingRanges, selectionRanges } from './symbols';
export { designOutline } from './outline';
export { definition, references, highlights, prepareRename, rename } from './navigation';
export { codeActions, fixAllDataOf, fixAllEdit, FIX_ALL_KIND, resolveCodeAction } from './codeActions';
export { inlayHints } from './figures';
export { render, renderModelOf } from './render';
export { practiceReportOf } from './practice';
