import { validate } from '../engine/validate';
import { code, validationReport } from './support';
import type { Rule } from './types';

/**
 * MLSD003's check on the descriptive fields of format.md (v1.1): an invalid value there is a warning, because
 * rules that read such a field only fall back to their default reading (an unknown `experiment.unit` is read
 * like an unstated one).
 */
export const mlsd012: Rule = {
  meta: {
    id: 'MLSD012',
    alias: 'invalid-descriptive-value',
    title: 'Invalid value in a descriptive field',
    step: 0,
    defaultSeverity: 'warning',
    fixable: 'safe',
    description:
      'MLSD003\'s check on a descriptive field (format.md "Descriptive fields": `status`, `data.features[].type`, `evaluation.online.experiment.unit` …): a value of the wrong type or outside its enum; a safe fix where one candidate is close.',
  },
  check({ doc, report }) {
    for (const issue of validate(doc).invalidDescriptive)
      report(
        validationReport(
          issue,
          'Change',
          `${issue.explanation} ${code(issue.path)} is descriptive: it is mainly for readers, so the value is only a warning, but every check that reads it treats it as unknown and falls back to its default reading.`,
        ),
      );
  },
};
