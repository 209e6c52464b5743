import { validate } from '../engine/validate';
import { validationReport } from './support';
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
    for (const issue of validate(doc).unknownKeys) report(validationReport(issue, 'Rename'));
  },
};
