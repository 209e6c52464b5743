import { validate } from '../engine/validate';
import { validationReport } from './support';
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
    for (const issue of validate(doc).invalidValues) report(validationReport(issue, 'Change'));
  },
};
