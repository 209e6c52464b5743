import { validate } from '../engine/validate';
import type { Rule } from './types';

export const mlsd002: Rule = {
  meta: {
    id: 'MLSD002',
    alias: 'unknown-key',
    title: 'Unknown key',
    step: 0,
    defaultSeverity: 'warning',
    fixable: 'safe',
    description:
      'A key that the format does not define and that does not start with `x-`; the message suggests the nearest known key; the safe fix renames it.',
  },
  check({ doc, report }) {
    for (const issue of validate(doc).unknownKeys) {
      const rename = (to: string, safe: boolean) => ({
        title: `Rename to \`${to}\``,
        edits: [{ start: issue.start, end: issue.end, newText: to }],
        safe,
      });
      report({
        start: issue.start,
        end: issue.end,
        message: issue.message,
        explanation: issue.explanation,
        fix: issue.replacement ? rename(issue.replacement, true) : undefined,
        suggestions: (issue.candidates ?? []).filter((c) => c !== issue.replacement).map((c) => rename(c, false)),
      });
    }
  },
};
