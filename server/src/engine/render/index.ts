/** The render model and its exports (issue 11). */
export * from './model';
export { countsLine, mdCode, mdExplanation, mdText, scorecardMarkdown, scorecardTable, toMarkdown } from './markdown';
export { toHtml, escapeHtml } from './html';
