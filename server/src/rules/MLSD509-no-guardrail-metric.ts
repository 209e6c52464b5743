import type { Rule } from './types';

export const mlsd509: Rule = {
  meta: {
    id: 'MLSD509',
    alias: 'no-guardrail-metric',
    title: 'No guardrail metric',
    step: 5,
    defaultSeverity: 'info',
    fixable: 'none',
    description: '`evaluation.online.guardrails` missing while online metrics are stated',
  },
  check() {
    // TODO: implement
  },
};
