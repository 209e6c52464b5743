import { splitMessage } from './support';
import { commaSplits } from '../engine/commaSplits';
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
      "The YAML does not parse (one finding per parser error, at the error's position, clamped to one line); a duplicate key that is part of a comma split is MLSD011's.",
  },
  check({ doc, report }) {
    const splits = commaSplits(doc);
    for (const p of doc.parsed.problems) {
      if (p.kind === 'budget' || p.kind === 'skipped') {
        report({ start: p.start, end: p.end, message: p.message, explanation: p.explanation });
        continue;
      }
      // a duplicate key among the keys of a comma split (`{dau: 10,000,000}`) is MLSD011's
      if (/^Duplicate key/.test(p.message) && splits.covers(p.start)) continue;
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
