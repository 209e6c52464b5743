import { clip, missingHeadline } from './support';
import type { Fix, Rule } from './types';

const SUPPORTED = [1];

export const mlsd008: Rule = {
  meta: {
    id: 'MLSD008',
    alias: 'format-version',
    title: 'Format version missing or unsupported',
    step: 0,
    defaultSeverity: 'error',
    fixable: 'none',
    description:
      "`mlsd` (the format version) is missing, or is a number other than a supported version (`1`). A value that is not a number at all is MLSD003's.",
  },
  check({ doc, report }) {
    const top = doc.top;
    if (!top && doc.root) return; // a non-mapping top level is MLSD003's
    const n = doc.node('mlsd');
    if (!n || !doc.isStated(n)) {
      // absent: the first line; present but empty or a placeholder: its key
      const span = n && n.keyStart !== undefined && !n.aliased ? { start: n.keyStart, end: n.keyEnd! } : doc.docSpan();
      let suggestions: Fix[] | undefined;
      if (!n && !top?.flow) {
        const edit = top ? firstLineInsert(doc.text, top.start) : { start: 0, end: 0, newText: `mlsd: 1\n` };
        suggestions = [{ title: 'Add `mlsd: 1`', edits: [edit], safe: false }];
      } else if (n && n.kind === 'scalar' && !n.aliased) {
        let edit: { start: number; end: number; newText: string } | undefined;
        if (n.end > n.start) edit = { start: n.start, end: n.end, newText: '1' };
        else if (n.keyEnd !== undefined) {
          const colon = doc.text.indexOf(':', n.keyEnd);
          if (colon >= 0 && !doc.text.slice(n.keyEnd, colon).includes('\n'))
            edit = { start: colon + 1, end: colon + 1, newText: ' 1' };
        }
        if (edit) suggestions = [{ title: 'Set it to `1`', edits: [edit], safe: false }];
      }
      // the missing-key headline, but its own range and edit: the format version goes first, not last
      report({
        ...span,
        message: missingHeadline('mlsd', 'so the doc does not say which format version it is written in'),
        explanation: `Without \`mlsd: 1\` the tools cannot tell this file is a design doc of format v1, and a future format could read it differently. ${n ? 'Set it: `mlsd: 1`' : 'Add `mlsd: 1` as the first key'}.`,
        suggestions,
      });
      return;
    }
    if (n.kind !== 'scalar' || typeof n.value !== 'number') return; // not a number: MLSD003
    if (SUPPORTED.includes(n.value)) return;
    let suggestions: Fix[] | undefined;
    if (!n.aliased)
      suggestions = [{ title: 'Change to `1`', edits: [{ start: n.start, end: n.end, newText: '1' }], safe: false }];
    report({
      ...doc.valueSpan(n),
      message: `\`mlsd: ${clip(String(n.value), 20)}\` is not a supported format version (supported: ${SUPPORTED.join(', ')})`,
      explanation:
        'The checks would read the doc by the v1 rules and may misjudge it. Write `mlsd: 1`, or upgrade the mlsd tools if the doc was written for a newer format.',
      suggestions,
    });
  },
};

/** An edit that adds `mlsd: 1` before the top-level mapping (after leading comments). */
function firstLineInsert(text: string, at: number): { start: number; end: number; newText: string } {
  // insert at the start of the line of the first key, keeping its indentation (normally none)
  let s = at;
  while (s > 0 && text[s - 1] !== '\n') s--;
  const indent = text.slice(s, at);
  return { start: at, end: at, newText: `mlsd: 1\n${indent}` };
}
