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
      // a budget or size finding says itself what was read; only a parser error gets the generic tail
      report(
        p.kind === 'budget' || p.kind === 'skipped'
          ? { start: p.start, end: p.end, message: p.message, explanation: p.explanation }
          : {
              start: p.start,
              end: p.end,
              message: `${p.message} Until it parses, the checks only see the part of the doc before and around the error.`,
            },
      );
    }
  },
};
