import { validate } from '../engine/validate';
import type { Rule } from './types';

export const mlsd003: Rule = {
  meta: {
    id: 'MLSD003',
    alias: 'invalid-value',
    title: 'Invalid value',
    step: 0,
    defaultSeverity: 'error',
    fixable: 'safe',
    description:
      'A value of the wrong type or outside its enum, a quantity/rate/duration that does not parse, or a rate outside [0, 1]; the message lists the accepted values or the nearest one; a safe fix where one candidate is close.',
  },
  check({ doc, report }) {
    for (const issue of validate(doc).invalidValues) {
      const replace = (to: string, safe: boolean) => ({
        title: `Change to \`${to}\``,
        edits: [{ start: issue.start, end: issue.end, newText: to }],
        safe,
      });
      report({
        start: issue.start,
        end: issue.end,
        message: issue.message,
        explanation: issue.explanation,
        fix: issue.replacement && !issue.node.aliased ? replace(issue.replacement, true) : undefined,
        suggestions: (issue.candidates ?? []).filter((c) => c !== issue.replacement).map((c) => replace(c, false)),
      });
    }
  },
};
