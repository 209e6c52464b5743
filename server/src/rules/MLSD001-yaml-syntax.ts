import { splitMessage } from './support';
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
      if (p.kind === 'budget' || p.kind === 'skipped') {
        report({ start: p.start, end: p.end, message: p.message, explanation: p.explanation });
        continue;
      }
      const { headline, rest } = splitMessage(p.message);
      report({
        start: p.start,
        end: p.end,
        message: headline,
        explanation: `${rest ? `${rest} ` : ''}Until the YAML parses, the checks only see the part of the doc before and around the error, so findings elsewhere may be missing or wrong.`,
      });
    }
  },
};
