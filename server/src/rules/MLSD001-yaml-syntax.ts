import type { Rule } from './types';

export const mlsd001: Rule = {
  meta: {
    id: 'MLSD001',
    alias: 'yaml-syntax',
    title: 'YAML syntax error',
    step: 0,
    defaultSeverity: 'error',
    fixable: 'none',
    description:
      "The YAML does not parse (one finding per parser error, at the error's position, clamped to one line).",
  },
  check({ doc, report }) {
    for (const p of doc.parsed.problems) {
      report({
        start: p.start,
        end: p.end,
        message: `${p.message} Until it parses, the checks only see the part of the doc before and around the error.`,
      });
    }
  },
};
